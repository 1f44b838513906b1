/**
 * Keeping the store within bounds: prune sightings and papers not seen for a while (starred papers
 * are always kept), and report a full disk to the popup and options page instead of failing silently.
 */
import { browser } from 'wxt/browser';
import { dayOf } from '../clock';
import { DEFAULT_RETENTION, RETENTION_CHOICES, RETENTION_KEY, STORAGE_ERROR_KEY, type Retention, type StorageError } from '../data-state';
import { withSightings, type PaperlightDB, type PaperRecord } from './schema';

const DAY_MS = 86_400_000;
export const PRUNE_ALARM = 'paperlight-prune';

export interface Pruned {
  sightings: number;
  papers: number;
}

/**
 * Remove sightings older than `days` and papers last seen before then, in one
 * transaction; starred papers and their sightings stay whatever their age.
 */
export async function prune(db: PaperlightDB, days: number, now: number): Promise<Pruned> {
  const cutoff = now - days * DAY_MS;
  const cutoffDay = dayOf(cutoff);
  return db.transaction('rw', db.papers, async () => {
    const gone = await db.papers
      .where('lastSeen')
      .below(cutoff)
      .filter((p) => !p.starred)
      .primaryKeys();
    const goneKeys = new Set(gone);
    // Papers with an old day, through the index; the starred keep theirs.
    const aged = [...new Set(await db.papers.where('days').below(cutoffDay).primaryKeys())];
    let sightings = 0;
    const kept: PaperRecord[] = [];
    for (const paper of await db.papers.bulkGet(aged)) {
      if (!paper || paper.starred) continue;
      const recent = paper.sightings.filter((s) => s.day >= cutoffDay);
      sightings += paper.sightings.length - recent.length;
      if (!goneKeys.has(paper.key)) kept.push({ ...paper, ...withSightings(recent) });
    }
    await db.papers.bulkPut(kept);
    await db.papers.bulkDelete(gone);
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
