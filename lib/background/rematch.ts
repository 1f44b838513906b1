/**
 * Re-matching the stored papers after the interests change: in chunks sized to stay well under
 * ~100 ms of worker time each, yielding between chunks. Progress lives in storage so the options
 * page can show it and a worker stopped half-way resumes from where it was on its next start.
 */
import { browser } from 'wxt/browser';
import { matchKeysOf } from '../db/queries';
import type { PaperlightDB } from '../db/schema';
import { REMATCH_STATE_KEY, type RematchState } from '../rematch-state';
import type { InterestStore } from './interests';
import type { SnapshotKeeper } from './snapshot';

/** Aimed well under the 100 ms a chunk may take: chunk times vary with what the papers hold. */
const CHUNK_BUDGET_MS = 40;
/** Small enough that even the first chunk, before the code is warm, stays within the budget. */
export const FIRST_CHUNK = 100;
const MIN_CHUNK = 50;
/** A chunk that meets papers several times costlier than the last (long abstracts, many hits, a collection) still ends in time. */
const MAX_CHUNK = 500;

/** The next chunk's size, aimed at the budget from how long the last one took, whatever this machine's speed and the interests' cost. */
export function nextChunkSize(size: number, elapsedMs: number): number {
  return Math.max(MIN_CHUNK, Math.min(MAX_CHUNK, Math.round((size * CHUNK_BUDGET_MS) / Math.max(1, elapsedMs))));
}
const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function createRematcher(db: PaperlightDB, interests: InterestStore, snapshot: Pick<SnapshotKeeper, 'invalidate'>, now: () => number = () => performance.now()) {
  let running: Promise<void> | undefined;

  async function readState(): Promise<RematchState | undefined> {
    return (await browser.storage.local.get(REMATCH_STATE_KEY))[REMATCH_STATE_KEY] as RematchState | undefined;
  }
  const writeState = (state: RematchState) => browser.storage.local.set({ [REMATCH_STATE_KEY]: state });

  /** One chunk: returns the last key done, or undefined at the end of the store. */
  async function chunk(after: string | undefined, size: number): Promise<{ last?: string; count: number }> {
    const set = await interests.get();
    return db.transaction('rw', [db.papers, db.matches], async () => {
      const papers = await (after === undefined ? db.papers.orderBy(':id') : db.papers.where(':id').above(after))
        .limit(size)
        .toArray();
      if (!papers.length) return { count: 0 };
      const results = set.match(papers);
      await db.matches.bulkDelete(await matchKeysOf(db, papers.map((p) => p.key)));
      await db.matches.bulkPut(papers.flatMap((p, i) => (results[i] ?? []).map((m) => ({ key: p.key, ...m }))));
      return { last: papers[papers.length - 1]!.key, count: papers.length };
    });
  }

  async function run(): Promise<void> {
    let state = await readState();
    if (!state || state.finished) return;
    const { generation } = state;
    let size = FIRST_CHUNK;
    for (;;) {
      const started = now();
      const { last, count } = await chunk(state.after, size);
      const latest = await readState();
      if (latest?.generation !== generation) return;
      state = { ...state, done: state.done + count, ...(last ? { after: last } : {}), finished: count === 0 };
      await writeState(state);
      await snapshot.invalidate();
      if (state.finished) return;
      size = nextChunkSize(size, now() - started);
      await yieldToEventLoop();
    }
  }

  function resume(): Promise<void> {
    running ??= run().finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    /** Start a fresh pass (after an interests change). */
    async start(): Promise<void> {
      const previous = await readState();
      await writeState({ generation: (previous?.generation ?? 0) + 1, done: 0, total: await db.papers.count(), finished: false });
      await running;
      return resume();
    },
    /** Continue an unfinished pass (on worker start-up). */
    resume,
    readState,
  };
}
