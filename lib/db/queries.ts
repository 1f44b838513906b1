/** Reads for the popup; every one goes through an index, never a scan of the whole store. */
import Dexie from 'dexie';
import { groupBy } from '../collections';
import type { MatchRecord, PaperlightDB, PaperRecord, SightingRecord } from './schema';

export interface PaperView {
  paper: PaperRecord;
  matches: MatchRecord[];
  /** Every sighting of the paper, any day, newest first (breadth and velocity need the history). */
  sightings: SightingRecord[];
}

/**
 * `query` for every distinct key at once, results concatenated in the order of `keys`. For hundreds
 * of keys this is much faster than Dexie's inAnyRange, whose range merging is quadratic (addRange/cmp:
 * 0.3 s for 2,000 keys), and anyOf, which walks one cursor with a round trip per key; IndexedDB
 * pipelines the requests of one transaction (npm run bench: store.sightings2000, popup.first_paint_100k).
 */
export async function perKey<K, T>(keys: readonly K[], query: (key: K) => Promise<T[]>): Promise<T[]> {
  return (await Promise.all([...new Set(keys)].map(query))).flat();
}

/** The stored matches of every paper in `keys` (primary key [key+interest]). */
export function matchesOf(db: PaperlightDB, keys: readonly string[]): Promise<MatchRecord[]> {
  return perKey(keys, (k) => matchesOfKey(db, k).toArray());
}

/** The [key, interest] primary keys of those matches: no record reads, for counting and deleting. */
export function matchKeysOf(db: PaperlightDB, keys: readonly string[]): Promise<[string, string][]> {
  return perKey(keys, (k) => matchesOfKey(db, k).primaryKeys());
}

function matchesOfKey(db: PaperlightDB, key: string) {
  return db.matches.where('[key+interest]').between([key, Dexie.minKey], [key, Dexie.maxKey]);
}

/** Above this many keys, one read of all match keys beats one index query per key. */
const KEYS_PER_QUERY_LIMIT = 300;

/** Which of `keys` have a stored match. */
async function matchedAmong(db: PaperlightDB, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length <= KEYS_PER_QUERY_LIMIT) return new Set((await matchKeysOf(db, keys)).map(([key]) => key));
  // Matches are a small fraction of the store; their primary keys come back in one request.
  const wanted = new Set(keys);
  const all = (await db.matches.toCollection().primaryKeys()) as [string, string][];
  return new Set(all.map(([key]) => key).filter((key) => wanted.has(key)));
}

function viewOf(paper: PaperRecord, matches: readonly MatchRecord[] = []): PaperView {
  const sightings = paper.sightings.map((s): SightingRecord => ({ key: paper.key, ...s })).reverse();
  return { paper, matches: [...matches], sightings };
}

/** Papers, matches and sighting history for `keys`, in the order of `keys`; unknown keys are skipped. */
export async function papersByKeys(db: PaperlightDB, keys: readonly string[]): Promise<PaperView[]> {
  if (!keys.length) return [];
  return db.transaction('r', [db.papers, db.matches], async () => {
    const [papers, matches] = await Promise.all([db.papers.bulkGet([...keys]), matchesOf(db, keys)]);
    const matchesByKey = groupBy(matches, (m) => m.key);
    return papers.flatMap((paper) => (paper ? [viewOf(paper, matchesByKey.get(paper.key))] : []));
  });
}

/** Papers seen on any of `days`, through the `days` index; each paper once. */
export async function papersSeenOn(db: PaperlightDB, days: readonly string[]): Promise<PaperRecord[]> {
  const papers = (await Promise.all(days.map((day) => db.papers.where('days').equals(day).toArray()))).flat();
  return [...new Map(papers.map((p) => [p.key, p])).values()];
}

/**
 * The papers seen on any of `days` that can rank: those matching an interest and those a page
 * showed popularity numbers for on those days. Most recently seen first.
 */
export async function rankablePapersOf(db: PaperlightDB, days: readonly string[]): Promise<PaperView[]> {
  const wanted = new Set(days);
  return db.transaction('r', [db.papers, db.matches], async () => {
    const seen = (await papersSeenOn(db, days)).map((paper) => {
      const within = paper.sightings.filter((s) => wanted.has(s.day));
      return { paper, time: Math.max(...within.map((s) => s.time)), popular: within.some((s) => s.signals && Object.keys(s.signals).length) };
    });
    seen.sort((a, b) => b.time - a.time);
    const matched = await matchedAmong(db, seen.map((s) => s.paper.key));
    const rankable = seen.filter((s) => matched.has(s.paper.key) || s.popular).map((s) => s.paper);
    const matchesByKey = groupBy(await matchesOf(db, rankable.map((p) => p.key)), (m) => m.key);
    return rankable.map((paper) => viewOf(paper, matchesByKey.get(paper.key)));
  });
}
