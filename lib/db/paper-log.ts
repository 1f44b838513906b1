/**
 * The log of writes to `papers`: a DBCore middleware, registered by openDatabase so every page of
 * the extension logs, makes each read-write transaction that touches `papers` also add the keys it
 * writes to `paperLog`, in the same transaction. Whoever keeps something derived from the papers
 * as of a moment (the search index the worker saves, lib/search/paper-search.ts) then knows
 * exactly which papers changed since: the entries after that moment's `seq`. Its reader trims it.
 */
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';

export interface PaperLogEntry {
  /** Increasing, in commit order (transactions that write papers never overlap). */
  seq: number;
  /** The keys written or deleted; absent when the whole table changed (cleared). */
  keys?: string[];
}

/** Log entries each transaction added, for the worker to tell its own writes from other pages'. */
const loggedByTransaction = new WeakMap<object, number[]>();

/** The log entries `transaction` added so far (none in an upgrade from a schema without the log). */
export function loggedSeqs(transaction: object): readonly number[] {
  return loggedByTransaction.get(transaction) ?? [];
}

function loggedKeys(request: DBCoreMutateRequest): string[] | undefined {
  switch (request.type) {
    case 'add':
    case 'put':
      return (request.keys as string[] | undefined) ?? (request.values as readonly { key: string }[]).map((paper) => paper.key);
    case 'delete':
      return request.keys as string[];
    case 'deleteRange':
      return undefined;
  }
}

export const paperLogMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'paperlight-paper-log',
  create: (down) => ({
    ...down,
    transaction: (stores, mode, options) =>
      down.transaction(mode === 'readwrite' && stores.includes('papers') && !stores.includes('paperLog') ? [...stores, 'paperLog'] : stores, mode, options),
    table: (name) => {
      const table = down.table(name);
      if (name !== 'papers') return table;
      return {
        ...table,
        mutate: async (request) => {
          const transaction = request.trans as unknown as IDBTransaction;
          // An upgrade from a version before the log: nothing can have been derived from the papers yet.
          if (!transaction.objectStoreNames.contains('paperLog')) return table.mutate(request);
          const keys = loggedKeys(request);
          if (keys?.length === 0) return table.mutate(request);
          const [result, logged] = await Promise.all([
            table.mutate(request),
            down.table('paperLog').mutate({ type: 'add', trans: request.trans, values: [keys ? { keys } : {}] }),
          ]);
          loggedByTransaction.set(transaction, [...loggedSeqs(transaction), logged.lastResult as number]);
          return result;
        },
      };
    },
  }),
};
