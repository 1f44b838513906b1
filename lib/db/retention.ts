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

/** Papers read per round of pruning: the first prune of a large store may touch most of it. */
const PRUNE_PAGE = 2000;

/**
 * Remove sightings from days before the last `days` days, and papers left with none, in one
 * transaction; starred papers and their sightings stay whatever their age.
 */
export async function prune(db: PaperlightDB, days: number, now: number): Promise<Pruned> {
  const cutoffDay = dayOf(now - days * DAY_MS);
  return db.transaction('rw', db.papers, async () => {
    // Keys only, through the day index: the records are read a page at a time.
    const aged = [...new Set(await db.papers.where('days').below(cutoffDay).primaryKeys())];
    const pruned: Pruned = { sightings: 0, papers: 0 };
    for (let at = 0; at < aged.length; at += PRUNE_PAGE) {
      const gone: string[] = [];
      const kept: PaperRecord[] = [];
      for (const paper of await db.papers.bulkGet(aged.slice(at, at + PRUNE_PAGE))) {
        if (!paper || paper.starred) continue;
        const recent = paper.sightings.filter((s) => s.day >= cutoffDay);
        pruned.sightings += paper.sightings.length - recent.length;
        if (recent.length) kept.push({ ...paper, ...withSightings(recent) });
        else gone.push(paper.key);
      }
      await db.papers.bulkPut(kept);
      await db.papers.bulkDelete(gone);
      pruned.papers += gone.length;
    }
    return pruned;
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
