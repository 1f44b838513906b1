/**
 * Sync wired into the background: this device's data from the store and settings, the browser's
 * `storage.sync` as the shared area. It syncs when sync is switched on, at start, when another
 * device writes (storage.onChanged), when interests or settings change here, and every 15 minutes
 * (stars and dismissals set in the popup are picked up then). Nothing runs while sync is off.
 */
import { browser } from 'wxt/browser';
import type { Storage } from 'webextension-polyfill';
import { markPapers } from '../db/paper-state';
import { matchingChanges, type Interest } from '../interests';
import { loadSettings, readStored, saveSettings, SETTINGS_KEY } from '../settings';
import type { BackgroundDeps } from '../background/handlers';
import { createSyncEngine, SYNC_STATE_KEY, type LocalSide, type SyncState } from './engine';

const SYNC_ALARM = 'paperlight-sync';
/** Edits come in bursts (typing in the options page, a page of stars): sync once they settle. */
const SETTLE_MS = 2_000;

export function startSync(deps: BackgroundDeps): { localChanged(): void } {
  const { db } = deps;
  const device: LocalSide = {
    async read() {
      const [set, settings, starred, dismissed] = await Promise.all([
        deps.interests.get(),
        loadSettings(),
        db.papers.where('starredMark').equals(1).primaryKeys(),
        // Dismissals have no index: a walk of the store, only when syncing.
        db.papers.filter((p) => p.dismissed === true).primaryKeys(),
      ]);
      return { interests: set.interests, settings, starred: new Set(starred), dismissed: new Set(dismissed) };
    },
    async present(keys) {
      const found = await db.papers.bulkGet([...keys]);
      return new Set(keys.filter((_, i) => found[i] !== undefined));
    },
    async setInterests(interests: Interest[]) {
      const before = (await deps.interests.get()).interests;
      const set = await deps.interests.set(interests);
      deps.onInterestsChanged?.(matchingChanges(before, set.interests));
    },
    async setSettings(settings) {
      await saveSettings(readStored(settings));
      await deps.notifier?.scheduleDigest();
    },
    async markPapers(marks) {
      for (const { key, ...patch } of marks) await markPapers(db, [key], patch);
      await deps.snapshot.invalidate();
    },
  };
  const engine = createSyncEngine({ sync: browser.storage.sync, local: browser.storage.local, device, now: deps.now });

  let timer: ReturnType<typeof setTimeout> | undefined;
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void engine.run().catch((err: unknown) => console.error('[paperlight] sync failed', err)), SETTLE_MS);
  };

  browser.storage.onChanged.addListener((changes: Record<string, Storage.StorageChange>, area: string) => {
    if (area === 'sync') return soon();
    if (area !== 'local') return;
    const state = changes[SYNC_STATE_KEY];
    // Only the switch: the engine writes its report there after every run.
    const switched = state && (state.oldValue as SyncState | undefined)?.enabled !== (state.newValue as SyncState | undefined)?.enabled;
    if (switched || changes[SETTINGS_KEY]) soon();
  });
  browser.alarms.onAlarm.addListener((alarm) => alarm.name === SYNC_ALARM && soon());
  void browser.alarms.create(SYNC_ALARM, { periodInMinutes: 15 });
  soon();
  return { localChanged: soon };
}
