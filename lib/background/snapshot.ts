/**
 * Keeps the popup's snapshot of today's ranking (lib/trending-snapshot.ts) true to the store:
 * dropped the moment papers, matches or paper states change, ranked again once the changes pause.
 * A researcher usually opens the popup right after reading a listing; the re-ranking done then,
 * in the background, is what lets that opening paint the current list at once.
 * The stored inputs of a ranking (papers, matches, sightings of the days) are kept in memory until
 * the next change, so the popup's own fresh ranking, the blend slider and the day picker rank them
 * again without reading the store.
 */
import Dexie from 'dexie';
import { dayOf } from '../clock';
import { rankablePapersOf, type PaperView } from '../db/queries';
import type { PaperlightDB } from '../db/schema';
import { dropSnapshot, readBlend, writeSnapshot, type TrendingLists } from '../trending-snapshot';
import type { InterestStore } from './interests';
import { getTrending } from './popup-handlers';

export interface RerankPacing {
  /** Quiet time after the last change before ranking again: a listing's batches arrive closer together. */
  quietMs: number;
  /** Least time between two rankings' starts: a page that keeps loading entries (infinite scroll) costs one ranking per gap. */
  minGapMs: number;
}

export const RERANK_PACING: RerankPacing = { quietMs: 1000, minGapMs: 5000 };

export interface SnapshotKeeper {
  /** Changes so far; a ranking started before a change must not become the snapshot. */
  readonly generation: number;
  /** The store changed: drop the snapshot now and rank today again after a quiet moment. */
  invalidate(): Promise<void>;
  /** Keep a ranking of `day` made for the popup, if it is today and the store has not changed since `generation`. */
  offer(generation: number, day: string, blend: number, lists: TrendingLists): Promise<void>;
  /** The papers that can rank on `days` (lib/db/queries.ts rankablePapersOf), read once per change of the store. */
  rankable(days: readonly string[]): Promise<PaperView[]>;
}

/** Day sets whose inputs are kept at once: today, and the few days a reader flips to. */
const KEPT_RANKINGS = 4;

export function createSnapshotKeeper(db: PaperlightDB, interests: InterestStore, now: () => number, pacing: RerankPacing = RERANK_PACING): SnapshotKeeper {
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastStart = -Infinity;
  // Promises, so a popup's request and the background's re-ranking share one read; shared, so never mutated.
  const inputs = new Map<string, Promise<PaperView[]>>();

  function rankable(days: readonly string[]): Promise<PaperView[]> {
    const id = days.join(' ');
    let views = inputs.get(id);
    if (!views) {
      views = rankablePapersOf(db, days);
      if (inputs.size >= KEPT_RANKINGS) inputs.delete(inputs.keys().next().value!);
      inputs.set(id, views);
      // A failed read is not kept: the next request reads again.
      views.catch(() => inputs.get(id) === views && inputs.delete(id));
    }
    return views;
  }

  async function offer(since: number, day: string, blend: number, lists: TrendingLists): Promise<void> {
    if (since === generation && day === dayOf(now())) await writeSnapshot(day, blend, lists);
  }

  async function rerank(): Promise<void> {
    const since = generation;
    const day = dayOf(now());
    const blend = await readBlend();
    await offer(since, day, blend, await getTrending(rankable, interests, [day], blend, now()));
  }

  return {
    get generation() {
      return generation;
    },
    async invalidate() {
      generation++;
      inputs.clear();
      clearTimeout(timer);
      const wait = Math.max(pacing.quietMs, lastStart + pacing.minGapMs - performance.now());
      timer = setTimeout(() => {
        lastStart = performance.now();
        // A failed re-rank only costs the next opening its instant paint; a closed database (an upgrade) is not news.
        rerank().catch((err: unknown) => (err instanceof Error && err.name === Dexie.errnames.DatabaseClosed) || console.warn('[paperlight] ranking for the popup failed', err));
      }, wait);
      await dropSnapshot();
    },
    offer,
    rankable,
  };
}
