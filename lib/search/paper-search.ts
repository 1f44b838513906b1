/**
 * The worker's search index over the store: built from the papers on first use (one read of the
 * store, in pages), then kept in step with every write the worker makes to `papers` (scans, merges,
 * re-matches, pruning, wipes) by a Dexie middleware that applies each committed put and delete.
 * A store replaced from another page (a restored backup) is announced with `dataReplaced`; the
 * index is then dropped and built again on next use.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreTable } from 'dexie';
import type { PaperlightDB, PaperRecord } from '../db/schema';
import { WordIndex } from './word-index';

export interface PaperSearch {
  /** The index, built from the store if it is not yet (a search waits for it, the popup asks for it early). */
  index(): Promise<WordIndex>;
  /** The index if its build is complete; a worker just started takes seconds to build it (5-6 s at 100,000 papers). */
  built(): WordIndex | undefined;
  /** The store changed behind the worker's back: build the index again on next use. */
  invalidate(): void;
}

/** Papers read per round while building: one getAll each, memory stays flat. */
const BUILD_PAGE = 5000;

/** Register on `db` before it opens (Dexie builds its middleware stack when it opens). */
export function createPaperSearch(db: PaperlightDB): PaperSearch {
  let building: Promise<WordIndex> | undefined;
  /** The index being built or built: writes reach it from the moment its build starts. */
  let live: WordIndex | undefined;
  /** The index once its build has read the whole store. */
  let complete: WordIndex | undefined;

  const apply = (request: DBCoreMutateRequest, index: WordIndex) => {
    if (request.type === 'add' || request.type === 'put') {
      // A put of changes only (no values) is not how this project writes papers; rebuild to be safe.
      if (request.values) index.put(request.values as PaperRecord[]);
      else drop();
    } else if (request.type === 'delete') index.delete(request.keys as string[]);
    else drop();
  };
  const drop = () => {
    live = undefined;
    complete = undefined;
    building = undefined;
  };

  db.use({
    stack: 'dbcore',
    name: 'paperlight-search',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name: string): DBCoreTable => {
        const table = down.table(name);
        if (name !== 'papers') return table;
        return {
          ...table,
          mutate: async (request) => {
            const result = await table.mutate(request);
            const index = live;
            // Only what commits reaches the index: a scan's transaction can still roll back.
            if (index) (request.trans as unknown as IDBTransaction).addEventListener('complete', () => live === index && apply(request, index));
            return result;
          },
        };
      },
    }),
  });

  async function build(index: WordIndex): Promise<WordIndex> {
    for (let after: string | undefined; ; ) {
      const page = await (after === undefined ? db.papers.orderBy(':id') : db.papers.where(':id').above(after)).limit(BUILD_PAGE).toArray();
      if (!page.length) {
        if (live === index) complete = index;
        return index;
      }
      // A write that committed meanwhile was applied already; a page read after it holds the same papers.
      if (live === index) index.put(page);
      after = page[page.length - 1]!.key;
    }
  }

  return {
    index() {
      if (!building) {
        live = new WordIndex();
        building = build(live);
        building.catch(drop);
      }
      return building;
    },
    built: () => complete,
    invalidate: drop,
  };
}
