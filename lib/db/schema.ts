/**
 * The IndexedDB database (Dexie). The schema history is append-only: each version keeps its
 * stores string and, where data must change shape, a named upgrade function with a test that
 * opens a database created at the previous version (tests/db/schema.test.ts).
 */
import Dexie, { type EntityTable, type Transaction } from 'dexie';
import { groupBy } from '../collections';
import type { Interest } from '../interests';
import type { LearnedModels } from '../learn/model';
import type { PaperIds } from '../ids';
import type { InterestMatch } from '../match/types';
import type { PageVisit } from '../notify/visits';
import type { Publication, Signals } from '../paper';
import type { WordIndexSnapshot } from '../search/word-index';
import { paperLogMiddleware, type PaperLogEntry } from './paper-log';

/** One record per paper across versions, mirrors and sites. */
export interface PaperRecord extends Publication {
  key: string;
  title: string;
  url?: string;
  ids: PaperIds;
  authors?: string[];
  abstract?: string;
  /** Every key this paper is known by (ids and title fingerprint), for joining sightings from other sites. */
  aliases: string[];
  firstSeen: number;
  lastSeen: number;
  /** Latest popularity numbers seen anywhere. */
  signals?: Signals;
  starred?: boolean;
  /** 1 on starred papers only (see `markStar`), for the `starredMark` index: IndexedDB cannot index a boolean. */
  starredMark?: 1;
  dismissed?: boolean;
  read?: boolean;
  /*
   * Sightings and matches live inside the paper's record: IndexedDB's cost is per request (about
   * 0.1 ms per put in Chromium, whatever the record's size), so a page of 2,000 new papers costs
   * 2,000 puts rather than one per paper, sighting and match, and a day's papers, with everything
   * the ranking needs, come back from one index read.
   */
  /** Where and when the paper was seen, oldest first. */
  sightings: Sighting[];
  /** The distinct days of `sightings`, for the `days` index (papers seen on a day). */
  days: string[];
  /** The paper's matches with the current interests, strongest first. */
  matches: InterestMatch[];
  /** The interests of `matches`, for the `interests` index (papers matching an interest). */
  interests: string[];
}

/** A paper seen on one page on one local day; revisits that day update it. */
export interface Sighting {
  /** Local day `YYYY-MM-DD`. */
  day: string;
  /** Page URL without fragment. */
  page: string;
  /** Adapter id. */
  site: string;
  /** First and last time seen on that page that day. */
  firstTime: number;
  time: number;
  signals?: Signals;
}

/** A match with its paper's key, as the popup and the digest receive it. */
export interface MatchRecord extends InterestMatch {
  key: string;
}

/**
 * A paper that qualified for a notification when first seen (lib/notify): the outbox and the log
 * of what was notified. Keyed by paper, so a paper is notified at most once, ever.
 */
export interface AlertRecord {
  key: string;
  /** When and where the paper was first seen. */
  time: number;
  page: string;
  site: string;
  /** Interests it qualified for (notify on, score above threshold), strongest first. */
  interests: string[];
  /**
   * pending: not decided yet; sending: decided, notification maybe not shown yet (a stopped worker
   * shows it again under the same id); shown; held: waits for the digest (quiet hours, rate limit,
   * off, seen on the tab being read, or its visit's notification already closed).
   */
  state: 'pending' | 'sending' | 'shown' | 'held';
  /** The notification it is shown in, and when that notification was first shown. */
  notification?: string;
  shownAt?: number;
  /** The page visit it was first seen in (lib/notify/visits.ts): a visit notifies at most once. */
  visit?: PageVisit;
}

export interface InterestRecord extends Interest {
  /** Position in the user's list. */
  order: number;
}

/** A sighting with its paper's key: how a paper's history travels to the ranking and the popup. */
export interface SightingRecord extends Sighting {
  key: string;
}

/** The example models (lib/learn/model.ts), kept so a restarted worker does not train again. One record, id `examples`. */
export interface LearnedRecord extends LearnedModels {
  id: 'examples';
}

/**
 * The worker's search index as of log entry `seq` (lib/search/paper-search.ts), so a restarted
 * worker loads it instead of reading every paper. One record, id `words`.
 */
export interface SearchIndexRecord extends WordIndexSnapshot {
  id: 'words';
  seq: number;
  /** The index's layout and word rules: a record of another format is built again. */
  format: number;
}

export type PaperlightDB = Dexie & {
  papers: EntityTable<PaperRecord, 'key'>;
  interests: EntityTable<InterestRecord, 'id'>;
  alerts: EntityTable<AlertRecord, 'key'>;
  learned: EntityTable<LearnedRecord, 'id'>;
  paperLog: EntityTable<PaperLogEntry, 'seq'>;
  searchIndex: EntityTable<SearchIndexRecord, 'id'>;
};

export const DB_NAME = 'paperlight';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

/** Append only. Never edit a released version; add a new one. */
export const SCHEMA_HISTORY: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      papers: '&key, *aliases, lastSeen',
      sightings: '[key+day+page], [day+time], key',
      matches: '[key+interest], interest',
      interests: '&id, order',
    },
  },
  {
    version: 2,
    stores: { alerts: '&key, state, notification, shownAt, time' },
  },
  {
    version: 3,
    stores: { papers: '&key, *aliases, lastSeen, *days, *interests' },
    upgrade: embedSightingsAndMatches,
  },
  // Dexie lets an upgrade read a table only if a later version deletes it.
  { version: 4, stores: { sightings: null, matches: null } },
  {
    version: 5,
    stores: { papers: '&key, *aliases, lastSeen, *days, *interests, starredMark' },
    upgrade: indexStars,
  },
  // v6: a new table; models are trained again from the interests' examples, nothing to carry over.
  { version: 6, stores: { learned: '&id' } },
  // v7: new tables; the search index is built from the papers once, then saved.
  { version: 7, stores: { paperLog: '++seq', searchIndex: '&id' } },
];

/** Records of a keyed table grouped by paper key (one getAll: a cursor would cost a round trip per record). */
async function byPaper<T extends { key: string }>(tx: Transaction, table: string): Promise<Map<string, T[]>> {
  return groupBy((await tx.table(table).toArray()) as T[], (r) => r.key);
}

/** `records` without their paper key, as a paper's record holds them. */
export function withoutKeys<T extends { key: string }>(records: readonly T[] = []): Omit<T, 'key'>[] {
  return records.map(({ key: _key, ...rest }) => rest);
}

/** Papers per round of an upgrade that rewrites them: read with one getAll, written with pipelined puts. */
const UPGRADE_PAGE = 5000;

/** Read every paper a page at a time (one getAll each) and put back what `rewrite` returns: Dexie's modify costs a cursor round trip per record. */
async function rewritePapers(tx: Transaction, rewrite: (page: PaperRecord[]) => PaperRecord[]): Promise<void> {
  const papers = tx.table('papers');
  for (let last: string | undefined; ; ) {
    const page: PaperRecord[] = await (last === undefined ? papers.orderBy(':id') : papers.where(':id').above(last)).limit(UPGRADE_PAGE).toArray();
    if (!page.length) return;
    await papers.bulkPut(rewrite(page));
    last = page[page.length - 1]!.key;
  }
}

/**
 * v3: each paper takes its sightings and matches from their tables into its own record. Paged
 * reads and bulk writes, not Dexie's modify: 47 s instead of 61 s for 100,000 papers in Chromium
 * on a slow machine (the worker keeps itself alive meanwhile).
 */
async function embedSightingsAndMatches(tx: Transaction): Promise<void> {
  const sightings = await byPaper<SightingRecord>(tx, 'sightings');
  const matches = await byPaper<MatchRecord>(tx, 'matches');
  await rewritePapers(tx, (page) => page.map((p) => ({ ...p, ...withSightings(withoutKeys(sightings.get(p.key))), ...withMatches(withoutKeys(matches.get(p.key))) })));
}

/**
 * v5: starred papers get their `starredMark`, so the starred list is an index read, not a walk of
 * the store (4-5 s at 100,000 papers). The upgrade takes about 13 s at that size in Chromium, 11 s
 * of it the browser building the new index; the worker keeps itself alive meanwhile.
 */
async function indexStars(tx: Transaction): Promise<void> {
  await rewritePapers(tx, (page) => page.filter((p) => p.starred).map((p) => markStar({ ...p })));
}

/** Set or clear `paper`'s `starredMark` to agree with its star; returns `paper`. */
export function markStar<T extends object>(paper: T): T {
  const marked = paper as T & Pick<PaperRecord, 'starred' | 'starredMark'>;
  if (marked.starred === true) marked.starredMark = 1;
  else delete marked.starredMark;
  return paper;
}

/** `matches`, strongest first (ties by interest id, so equal sets compare equal), with their `interests` for the index. */
export function withMatches(matches: readonly InterestMatch[]): Pick<PaperRecord, 'matches' | 'interests'> {
  const sorted = [...matches].sort((a, b) => b.score - a.score || (a.interest < b.interest ? -1 : a.interest > b.interest ? 1 : 0));
  return { matches: sorted, interests: [...new Set(sorted.map((m) => m.interest))] };
}

/** Most sightings a paper keeps; beyond it the oldest go (a paper met on hundreds of search pages). */
export const MAX_SIGHTINGS = 500;

/** `sightings` in time order, bounded, with their `days` for the index. */
export function withSightings(sightings: readonly Sighting[]): Pick<PaperRecord, 'sightings' | 'days'> {
  const kept = [...sightings].sort((a, b) => a.time - b.time).slice(-MAX_SIGHTINGS);
  return { sightings: kept, days: [...new Set(kept.map((s) => s.day))] };
}

export function openDatabase(name = DB_NAME): PaperlightDB {
  const db = new Dexie(name) as PaperlightDB;
  for (const { version, stores, upgrade } of SCHEMA_HISTORY) {
    const v = db.version(version).stores(stores);
    if (upgrade) v.upgrade(upgrade);
  }
  return db.use(paperLogMiddleware);
}

/** The store opened for one operation from an extension page (the same database as the worker's), closed after. */
export async function withDatabase<T>(work: (db: PaperlightDB) => Promise<T>): Promise<T> {
  const db = openDatabase();
  try {
    return await work(db);
  } finally {
    db.close();
  }
}
