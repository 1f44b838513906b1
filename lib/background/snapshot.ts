/**
 * Keeps the popup's snapshot of today's ranking (lib/trending-snapshot.ts) true to the store:
 * dropped the moment papers, matches or paper states change, ranked again once the changes pause.
 * A researcher usually opens the popup right after reading a listing; the re-ranking done then,
 * in the background, is what lets that opening paint the current list at once.
 * The stored inputs of a ranking (papers, matches, sightings of the days) are kept in memory and
 * follow every write the worker makes to the papers, so the popup's own fresh ranking, the blend
 * slider and the day picker rank them again without reading the store, even right after a scan
 * (at 100,000 papers that read took most of a second).
 */
import Dexie, { type DBCoreMutateRequest } from 'dexie';
import { dayOf } from '../clock';
import { followPaperWrites } from '../db/paper-writes';
import { papersByKeys, rankableOn, rankablePapersOf, type PaperView } from '../db/queries';
import type { PaperlightDB, PaperRecord } from '../db/schema';
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
  /** The store changed behind the worker (a backup restored by the options page): the kept inputs are read again. */
  reread(): void;
  /** Keep a ranking of `day` made for the popup, if it is today and the store has not changed since `generation`. */
  offer(generation: number, day: string, blend: number, lists: TrendingLists): Promise<void>;
  /** The papers that can rank on `days` (lib/db/queries.ts rankablePapersOf), read once, then kept in step with the worker's writes. */
  rankable(days: readonly string[]): Promise<PaperView[]>;
  /**
   * Papers by key (as papersByKeys): those today's kept papers hold come from memory, the rest from the
   * store. The popup's "This page" asks for the matches of a listing just read, all seen today.
   */
  papers(keys: readonly string[]): Promise<PaperView[]>;
}

/** Day sets whose inputs are kept at once: today, and the few days a reader flips to. */
const KEPT_RANKINGS = 4;

/**
 * The rankable papers of a set of days, by key. `read` is a promise, so a popup's request and the
 * background's re-ranking share one read; shared, so never mutated: a write makes the next map.
 * `value` is that map once it is there: what may be served without waiting.
 */
interface Kept {
  days: ReadonlySet<string>;
  read: Promise<ReadonlyMap<string, PaperView>>;
  value?: ReadonlyMap<string, PaperView>;
}

/** Register on `db` before it opens: the kept inputs follow its writes (lib/db/paper-writes.ts). */
export function createSnapshotKeeper(db: PaperlightDB, interests: InterestStore, now: () => number, pacing: RerankPacing = RERANK_PACING): SnapshotKeeper {
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastStart = -Infinity;
  /** Per set of days, joined by spaces. */
  const inputs = new Map<string, Kept>();

  function keep(id: string, days: ReadonlySet<string>, read: Kept['read']): void {
    const kept: Kept = { days, read };
    inputs.set(id, kept);
    read.then(
      (map) => void (kept.value = map),
      // A failed read is not kept: the next request reads again.
      () => inputs.get(id) === kept && inputs.delete(id),
    );
  }

  async function rankable(days: readonly string[]): Promise<PaperView[]> {
    const id = days.join(' ');
    if (!inputs.has(id)) {
      if (inputs.size >= KEPT_RANKINGS) inputs.delete(inputs.keys().next().value!);
      keep(id, new Set(days), rankablePapersOf(db, days).then((views) => new Map(views.map((v) => [v.paper.key, v]))));
    }
    return [...(await inputs.get(id)!.read).values()];
  }

  async function papers(keys: readonly string[]): Promise<PaperView[]> {
    // Only what is read by now: today's ranking still being read (a worker just started) takes longer than the few papers asked.
    const today = inputs.get(dayOf(now()))?.value;
    const stored = new Map((await papersByKeys(db, today ? keys.filter((key) => !today.has(key)) : keys)).map((v) => [v.paper.key, v]));
    return keys.flatMap((key) => today?.get(key) ?? stored.get(key) ?? []);
  }

  /** Papers written or deleted: each kept set of days takes them in (a written paper may start or stop ranking on those days). */
  function takeIn(written: readonly PaperRecord[], deleted: readonly string[]): void {
    for (const [id, { days, read }] of inputs) {
      keep(
        id,
        days,
        read.then((views) => {
          const next = new Map(views);
          for (const key of deleted) next.delete(key);
          for (const paper of written) {
            const rankableThen = rankableOn(paper, days);
            if (rankableThen) next.set(paper.key, rankableThen.view);
            else next.delete(paper.key);
          }
          return next;
        }),
      );
    }
  }

  function follow(request: DBCoreMutateRequest): void {
    if ((request.type === 'add' || request.type === 'put') && request.values) takeIn(request.values as PaperRecord[], []);
    else if (request.type === 'delete') takeIn([], request.keys as string[]);
    // A range deleted (the store wiped): read again.
    else inputs.clear();
  }

  // What commits, in commit order: a scan's transaction can still roll back.
  followPaperWrites(db, 'paperlight-snapshot', (request, transaction) => transaction.addEventListener('complete', () => follow(request)));

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
      clearTimeout(timer);
      const wait = Math.max(pacing.quietMs, lastStart + pacing.minGapMs - performance.now());
      timer = setTimeout(() => {
        lastStart = performance.now();
        // A failed re-rank only costs the next opening its instant paint; a closed database (an upgrade) is not news.
        rerank().catch((err: unknown) => (err instanceof Error && err.name === Dexie.errnames.DatabaseClosed) || console.warn('[paperlight] ranking for the popup failed', err));
      }, wait);
      await dropSnapshot();
    },
    reread: () => inputs.clear(),
    offer,
    rankable,
    papers,
  };
}
