/**
 * Following the worker's own writes to `papers`, for what it keeps derived from them in memory (the
 * search index, the popup's ranking inputs): a DBCore middleware, so every write is seen, whichever
 * code makes it. Register before the database opens (Dexie builds its middleware stack then).
 */
import type { DBCoreMutateRequest } from 'dexie';
import type { PaperlightDB } from './schema';

/**
 * `onWrite` sees each write to `papers` once it is made, with its transaction: that can still roll
 * back, so act on what commits (its 'complete' event). `name` names the follower; a second one of the
 * same name replaces the first.
 */
export function followPaperWrites(db: PaperlightDB, name: string, onWrite: (request: DBCoreMutateRequest, transaction: IDBTransaction) => void): void {
  // Registered on an open database, it would see nothing, silently.
  if (db.isOpen()) throw new Error(`${name} must follow the papers' writes from before the database opens`);
  db.use({
    stack: 'dbcore',
    name,
    create: (down) => ({
      ...down,
      table: (tableName) => {
        const table = down.table(tableName);
        if (tableName !== 'papers') return table;
        return {
          ...table,
          mutate: async (request) => {
            const result = await table.mutate(request);
            onWrite(request, request.trans as unknown as IDBTransaction);
            return result;
          },
        };
      },
    }),
  });
}
