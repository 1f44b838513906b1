/**
 * One device's sync: read the sync area, stamp this device's edits, merge, write back only what
 * changed, and apply the merged result here. Browser-free: the storage areas and this device's
 * data come in as parameters, so tests run several devices against one shared sync area.
 */
import type { Interest } from '../interests';
import type { Settings } from '../settings';
import { decode, encode, interestsOf, merge, overruled, restoreExamples, stampLocal, SyncQuotaError, type LocalData, type SyncDoc } from './model';

/** The part of a `storage.*` area sync uses. */
export interface StorageAreaLike {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** This device's data, read and written by the background. */
export interface LocalSide {
  read(): Promise<LocalData>;
  /** Which of `keys` this device's paper store has. */
  present(keys: readonly string[]): Promise<Set<string>>;
  setInterests(interests: Interest[]): Promise<void>;
  setSettings(settings: Settings): Promise<void>;
  /** Set marks on the papers this device has; the others stay in the synced document until it sees them. */
  markPapers(marks: { key: string; starred?: boolean; dismissed?: boolean }[]): Promise<void>;
}

/** Kept in `storage.local` under SYNC_STATE_KEY; the options page shows `report` and sets `enabled`. */
export interface SyncState {
  enabled: boolean;
  /** The document as last synced (absent before the first sync, and after sync is turned off). */
  doc?: SyncDoc;
  report?: SyncReport;
  /** The synced marks' keys this device's store had at the last sync. */
  here?: string[];
}

export interface SyncReport {
  at: number;
  /** What the quota left out of the sync area. */
  leftOut: string[];
  /** Interests edited here that a newer edit from another device replaced. */
  replaced: string[];
  /** Items another device wrote that could not be read (kept there, ignored here). */
  unreadable: string[];
  error?: string;
}

export const SYNC_STATE_KEY = 'sync';

export interface SyncDeps {
  sync: StorageAreaLike;
  local: StorageAreaLike;
  device: LocalSide;
  now: () => number;
}

export function createSyncEngine({ sync, local, device, now }: SyncDeps) {
  let queue: Promise<unknown> = Promise.resolve();

  async function readState(): Promise<SyncState> {
    const raw = (await local.get(SYNC_STATE_KEY))[SYNC_STATE_KEY] as SyncState | undefined;
    return raw && typeof raw.enabled === 'boolean' ? raw : { enabled: false };
  }

  async function runOnce(): Promise<SyncReport | null> {
    const state = await readState();
    if (!state.enabled) return null;
    const stored = await sync.get(null);
    const { doc: remote, unreadable } = decode(stored);
    const previous = state.doc ?? null;
    const data = await device.read();
    const mine = stampLocal(previous, data, new Set(state.here), now());
    const merged = merge(mine, remote);
    const report: SyncReport = { at: now(), leftOut: [], replaced: overruled(previous, mine, merged), unreadable };
    try {
      const { items, leftOut } = encode(merged);
      report.leftOut = leftOut;
      const changed = Object.fromEntries(Object.entries(items).filter(([key, value]) => JSON.stringify(stored[key]) !== JSON.stringify(value)));
      // Items that no longer exist (fewer chunks); unreadable ones are another device's to fix.
      const stale = Object.keys(stored).filter((key) => !(key in items) && !unreadable.includes(key));
      if (Object.keys(changed).length) await sync.set(changed);
      if (stale.length) await sync.remove(stale);
    } catch (err) {
      // Over quota or refused by the browser: this device keeps everything; the report says why.
      report.error = err instanceof SyncQuotaError ? `Not synced: ${err.message}` : `Not synced: ${err instanceof Error ? err.message : String(err)}`;
      await local.set({ [SYNC_STATE_KEY]: { ...state, report } satisfies SyncState });
      return report;
    }
    const present = await device.present([...new Set([...Object.keys(merged.stars), ...Object.keys(merged.dismissals)])]);
    await applyHere(data, merged, present);
    // Switched off meanwhile: keep it off.
    const { enabled } = await readState();
    await local.set({ [SYNC_STATE_KEY]: { enabled, doc: merged, report, here: [...present] } satisfies SyncState });
    return report;
  }

  async function applyHere(data: LocalData, merged: SyncDoc, present: Set<string>): Promise<void> {
    const byId = new Map(data.interests.map((i) => [i.id, i]));
    const interests = interestsOf(merged).map((i) => restoreExamples({ ...merged.interests[i.id]!, d: i }, byId.get(i.id)));
    if (JSON.stringify(interests) !== JSON.stringify(data.interests)) await device.setInterests(interests);
    if (merged.settings && JSON.stringify(merged.settings.d) !== JSON.stringify(data.settings)) await device.setSettings(merged.settings.d);
    const marks = new Map<string, { key: string; starred?: boolean; dismissed?: boolean }>();
    const want = (kind: 'starred' | 'dismissed', synced: SyncDoc['stars'], have: ReadonlySet<string>) => {
      for (const [key, [on]] of Object.entries(synced)) {
        // Papers this device has not seen keep their synced mark for when it sees them.
        if (Boolean(on) === have.has(key) || !present.has(key)) continue;
        marks.set(key, { ...marks.get(key), key, [kind]: Boolean(on) });
      }
    };
    want('starred', merged.stars, data.starred);
    want('dismissed', merged.dismissals, data.dismissed);
    if (marks.size) await device.markPapers([...marks.values()]);
  }

  return {
    /** Sync now (calls are queued: one at a time). Null when sync is off. */
    run(): Promise<SyncReport | null> {
      const next = queue.then(runOnce, runOnce);
      queue = next.catch(() => undefined);
      return next;
    },
    async setEnabled(enabled: boolean): Promise<void> {
      // Off keeps the last synced document: turned on again, what was edited meanwhile counts as new edits.
      await local.set({ [SYNC_STATE_KEY]: { ...(await readState()), enabled } satisfies SyncState });
    },
    readState,
  };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;
