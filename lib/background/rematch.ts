/**
 * Re-matching the stored papers after the interests change: in chunks sized to stay well under
 * ~100 ms of worker time each, yielding between chunks. Progress lives in storage so the options
 * page can show it and a worker stopped half-way resumes from where it was on its next start.
 */
import { browser } from 'wxt/browser';
import { withMatches, type PaperlightDB, type PaperRecord } from '../db/schema';
import type { InterestChanges } from '../interests';
import { compileInterests, matchPapers } from '../match/matcher';
import type { InterestMatch, MatchablePaper } from '../match/types';
import { REMATCH_STATE_KEY, type RematchState } from '../rematch-state';
import type { InterestSet, InterestStore } from './interests';
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

type Matcher = (papers: readonly MatchablePaper[]) => InterestMatch[][];

export function createRematcher(db: PaperlightDB, interests: InterestStore, snapshot: Pick<SnapshotKeeper, 'invalidate'>, now: () => number = () => performance.now()) {
  let running: Promise<void> | undefined;
  /** The pass's interests compiled once, again only when the set changes. */
  let subset: { set: InterestSet; ids: ReadonlySet<string>; match: Matcher } | undefined;

  function matcherFor(set: InterestSet, ids: ReadonlySet<string> | undefined): Matcher {
    if (!ids) return set.match;
    if (subset?.set !== set || subset.ids !== ids) {
      const compiled = compileInterests(set.interests.filter((i) => ids.has(i.id)), set.learned);
      subset = { set, ids, match: (papers) => matchPapers(compiled, papers) };
    }
    return subset.match;
  }

  async function readState(): Promise<RematchState | undefined> {
    return (await browser.storage.local.get(REMATCH_STATE_KEY))[REMATCH_STATE_KEY] as RematchState | undefined;
  }
  const writeState = (state: RematchState) => browser.storage.local.set({ [REMATCH_STATE_KEY]: state });

  /** One chunk of `ids`' pass (all interests if undefined): returns the last key done, or undefined at the end of the store. */
  async function chunk(after: string | undefined, size: number, ids: ReadonlySet<string> | undefined): Promise<{ last?: string; count: number }> {
    const match = matcherFor(await interests.get(), ids);
    return db.transaction('rw', db.papers, async () => {
      const papers = await (after === undefined ? db.papers.orderBy(':id') : db.papers.where(':id').above(after))
        .limit(size)
        .toArray();
      if (!papers.length) return { count: 0 };
      const results = match(papers);
      const changed = papers.flatMap((paper, i): PaperRecord[] => {
        // A pass over some interests keeps the paper's matches with the others.
        const kept = ids ? paper.matches.filter((m) => !ids.has(m.interest)) : [];
        const now = withMatches([...kept, ...(results[i] ?? [])]);
        // Most papers match as before: only a changed record is written.
        return JSON.stringify(now.matches) === JSON.stringify(paper.matches) ? [] : [{ ...paper, ...now }];
      });
      await db.papers.bulkPut(changed);
      return { last: papers[papers.length - 1]!.key, count: papers.length };
    });
  }

  async function run(): Promise<void> {
    let state = await readState();
    if (!state || state.finished) return;
    const { generation } = state;
    const ids = state.interests && new Set(state.interests);
    let size = FIRST_CHUNK;
    for (;;) {
      const started = now();
      const { last, count } = await chunk(state.after, size, ids);
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
    /**
     * After an interests change: the store is matched again against the changed interests only (a new
     * label, colour or notification setting changes no match), and a removed interest's matches go.
     */
    async start(changes: InterestChanges): Promise<void> {
      const previous = await readState();
      if (changes.changed.length) {
        // An unfinished pass still owes its interests: the new pass covers them too, from the start.
        const owed = previous && !previous.finished ? previous.interests : [];
        const ids = owed && [...new Set([...owed, ...changes.changed])];
        await writeState({ generation: (previous?.generation ?? 0) + 1, done: 0, total: await db.papers.count(), finished: false, ...(ids ? { interests: ids } : {}) });
      }
      // A chunk in flight may still write matches of a removed interest: delete them after it.
      await running;
      if (changes.removed.length) {
        const removed = new Set(changes.removed);
        await db.transaction('rw', db.papers, () =>
          db.papers
            .where('interests')
            .anyOf(changes.removed)
            .modify((paper) => void Object.assign(paper, withMatches(paper.matches.filter((m) => !removed.has(m.interest))))),
        );
        await snapshot.invalidate();
      }
      return resume();
    },
    /** Continue an unfinished pass (on worker start-up). */
    resume,
    readState,
  };
}
