/**
 * Keeping the store within bounds: prune sightings and papers not seen for a while (starred papers
 * are always kept), and report a full disk to the popup and options page instead of failing silently.
 */
import Dexie from 'dexie';
import { browser } from 'wxt/browser';
import { dayOf } from '../clock';
import { DEFAULT_RETENTION, RETENTION_CHOICES, RETENTION_KEY, STORAGE_ERROR_KEY, type Retention, type StorageError } from '../data-state';
import { matchKeysOf } from './queries';
import type { PaperlightDB } from './schema';

const DAY_MS = 86_400_000;
export const PRUNE_ALARM = 'paperlight-prune';

export interface Pruned {
  sightings: number;
  papers: number;
}

/**
 * Remove sightings older than `days` and papers last seen before then (with their matches), in one
 * transaction; starred papers and their sightings stay whatever their age.
 */
export async function prune(db: PaperlightDB, days: number, now: number): Promise<Pruned> {
  const cutoff = now - days * DAY_MS;
  const cutoffDay = dayOf(cutoff);
  return db.transaction('rw', [db.papers, db.sightings, db.matches], async () => {
    // Booleans cannot be indexed; the starred are few, so one pass over the papers is fine for a daily job.
    const starred = new Set(await db.papers.filter((p) => !!p.starred).primaryKeys());
    const sightings = await db.sightings
      .where('[day+time]')
      .below([cutoffDay, Dexie.minKey])
      .filter((s) => !starred.has(s.key))
      .delete();
    const gone = await db.papers
      .where('lastSeen')
      .below(cutoff)
      .filter((p) => !p.starred)
      .primaryKeys();
    if (gone.length) {
      await db.matches.bulkDelete(await matchKeysOf(db, gone));
      await db.sightings.where('key').anyOf(gone).delete();
      await db.papers.bulkDelete(gone);
    }
    return { sightings, papers: gone.length };
  });
}

export function parseRetention(raw: unknown): Retention {
  const days = (raw as { days?: unknown } | null)?.days;
  if (!RETENTION_CHOICES.includes(days as never)) throw new RangeError(`retention.days must be one of ${RETENTION_CHOICES.join(', ')}`);
  return { days: days as Retention['days'] };
}

export async function loadRetention(): Promise<Retention> {
  const stored = (await browser.storage.local.get(RETENTION_KEY))[RETENTION_KEY];
  try {
    return parseRetention(stored);
  } catch {
    return DEFAULT_RETENTION;
  }
}

/** The daily pass (alarm): prune by the user's retention setting, if any. */
export async function pruneByRetention(db: PaperlightDB, now: number): Promise<Pruned | undefined> {
  const { days } = await loadRetention();
  if (days === null) return undefined;
  const pruned = await prune(db, days, now);
  await clearStorageError();
  return pruned;
}

/** A daily alarm for pruneByRetention; created once, kept across worker restarts. */
export async function schedulePruning(): Promise<void> {
  if (!(await browser.alarms.get(PRUNE_ALARM))) await browser.alarms.create(PRUNE_ALARM, { delayInMinutes: 5, periodInMinutes: 24 * 60 });
}

/** Is this (possibly Dexie-wrapped) error a full disk? */
export function isQuotaError(err: unknown): boolean {
  for (let e = err as { name?: unknown; inner?: unknown } | undefined, depth = 0; e && depth < 5; e = e.inner as typeof e, depth++)
    if (e.name === 'QuotaExceededError') return true;
  return false;
}

export async function reportStorageError(err: unknown, now: number): Promise<void> {
  const report: StorageError = { kind: 'quota', time: now, message: err instanceof Error ? err.message : String(err) };
  await browser.storage.local.set({ [STORAGE_ERROR_KEY]: report });
}

export async function clearStorageError(): Promise<void> {
  await browser.storage.local.remove(STORAGE_ERROR_KEY);
}
