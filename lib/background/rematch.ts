/**
 * Re-matching the stored papers after the interests change: in chunks sized to stay well under
 * ~100 ms of worker time each, yielding between chunks. Progress lives in storage so the options
 * page can show it and a worker stopped half-way resumes from where it was on its next start.
 * The papers seen in the last two weeks go first: they are what the popup ranks (today, this week,
 * the chart), and in key order they come anywhere (new arXiv ids near the end of the arXiv keys),
 * so at 100,000 papers the popup would show the old matches for up to the pass's ~10 s.
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
/** Papers seen within this many days are re-matched first: the popup's lists and chart cover two weeks. */
const RECENT_DAYS = 14;
const DAY_MS = 86_400_000;
const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

type Matcher = (papers: readonly MatchablePaper[]) => InterestMatch[][];

/** `now` times chunks; `clock` is the wall clock that says which papers are recent. */
export function createRematcher(db: PaperlightDB, interests: InterestStore, snapshot: Pick<SnapshotKeeper, 'invalidate'>, now: () => number = () => performance.now(), clock: () => number = Date.now) {
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

  /** Match `papers` again (with `ids`' matcher, matcherFor) and write those whose matches changed; within the caller's transaction. */
  async function rematchPapers(papers: readonly PaperRecord[], match: Matcher, ids: ReadonlySet<string> | undefined): Promise<void> {
    const results = match(papers);
    const changed = papers.flatMap((paper, i): PaperRecord[] => {
      // A pass over some interests keeps the paper's matches with the others.
      const kept = ids ? paper.matches.filter((m) => !ids.has(m.interest)) : [];
      const now = withMatches([...kept, ...(results[i] ?? [])]);
      // Most papers match as before: only a changed record is written.
      return JSON.stringify(now.matches) === JSON.stringify(paper.matches) ? [] : [{ ...paper, ...now }];
    });
    await db.papers.bulkPut(changed);
  }

  /**
   * One chunk of the pass in key order: returns the last key read (undefined at the end of the store)
   * and how many papers it re-matched; papers seen since `recentSince` were re-matched first and are skipped.
   */
  async function chunk(after: string | undefined, size: number, ids: ReadonlySet<string> | undefined, recentSince: number): Promise<{ last?: string; count: number }> {
    const match = matcherFor(await interests.get(), ids);
    return db.transaction('rw', db.papers, async () => {
      const papers = await (after === undefined ? db.papers.orderBy(':id') : db.papers.where(':id').above(after))
        .limit(size)
        .toArray();
      if (!papers.length) return { count: 0 };
      const older = papers.filter((p) => p.lastSeen < recentSince);
      await rematchPapers(older, match, ids);
      return { last: papers[papers.length - 1]!.key, count: older.length };
    });
  }

  /** The papers seen since `since` re-matched, newest first, in chunks sized as the pass's; returns how many, or undefined once outdated. */
  async function rematchRecent(since: number, ids: ReadonlySet<string> | undefined, generation: number): Promise<number | undefined> {
    const keys = await db.papers.where('lastSeen').aboveOrEqual(since).reverse().primaryKeys();
    for (let at = 0, size = FIRST_CHUNK; at < keys.length; ) {
      const started = now();
      const match = matcherFor(await interests.get(), ids);
      const slice = keys.slice(at, (at += size));
      await db.transaction('rw', db.papers, async () => {
        // Still there and still recent: a paper may have been merged away or pruned since the keys were read.
        const papers = (await db.papers.bulkGet(slice)).filter((p): p is PaperRecord => !!p && p.lastSeen >= since);
        await rematchPapers(papers, match, ids);
      });
      if ((await readState())?.generation !== generation) return undefined;
      await snapshot.invalidate();
      size = nextChunkSize(size, now() - started);
      await yieldToEventLoop();
    }
    return keys.length;
  }

  async function run(): Promise<void> {
    let state = await readState();
    if (!state || state.finished) return;
    const { generation } = state;
    const ids = state.interests && new Set(state.interests);
    // A pass written before recent papers went first has none to skip.
    const recentSince = state.recentSince ?? Infinity;
    if (!state.recentDone && state.recentSince !== undefined) {
      // Done again in full if the worker stops during it: a few thousand papers, and nothing is counted twice.
      const recent = await rematchRecent(state.recentSince, ids, generation);
      if (recent === undefined) return;
      state = { ...state, done: state.done + recent, recentDone: true };
      await writeState(state);
    }
    let size = FIRST_CHUNK;
    for (;;) {
      const started = now();
      const { last, count } = await chunk(state.after, size, ids, recentSince);
      const latest = await readState();
      if (latest?.generation !== generation) return;
      state = { ...state, done: state.done + count, ...(last ? { after: last } : {}), finished: !last };
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
        const recentSince = clock() - RECENT_DAYS * DAY_MS;
        await writeState({ generation: (previous?.generation ?? 0) + 1, done: 0, total: await db.papers.count(), finished: false, recentSince, ...(ids ? { interests: ids } : {}) });
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
