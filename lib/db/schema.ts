/**
 * The IndexedDB database (Dexie). The schema history is append-only: each version keeps its
 * stores string and, where data must change shape, a named upgrade function with a test that
 * opens a database created at the previous version (tests/db/schema.test.ts).
 */
import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import type { Interest } from '../interests';
import type { PaperIds } from '../ids';
import type { InterestMatch } from '../match/types';
import type { Signals } from '../paper';

/** One record per paper across versions, mirrors and sites. */
export interface PaperRecord {
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
  dismissed?: boolean;
  read?: boolean;
}

/** A paper seen on one page on one local day; revisits that day update it. */
export interface SightingRecord {
  key: string;
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
   * shows it again under the same id); shown; held: waits for the digest (quiet hours, rate limit, off).
   */
  state: 'pending' | 'sending' | 'shown' | 'held';
  /** The notification it is shown in, and when that notification was first shown. */
  notification?: string;
  shownAt?: number;
}

export interface InterestRecord extends Interest {
  /** Position in the user's list. */
  order: number;
}

export type PaperlightDB = Dexie & {
  papers: EntityTable<PaperRecord, 'key'>;
  sightings: Table<SightingRecord, [string, string, string]>;
  matches: Table<MatchRecord, [string, string]>;
  interests: EntityTable<InterestRecord, 'id'>;
  alerts: EntityTable<AlertRecord, 'key'>;
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
];

export function openDatabase(name = DB_NAME): PaperlightDB {
  const db = new Dexie(name) as PaperlightDB;
  for (const { version, stores, upgrade } of SCHEMA_HISTORY) {
    const v = db.version(version).stores(stores);
    if (upgrade) v.upgrade(upgrade);
  }
  return db;
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
