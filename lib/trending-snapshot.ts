/**
 * The popup's snapshot of today's ranked lists, in session storage, so an opening of the popup
 * paints them at once (a few milliseconds) while the fresh ranking, which reads the store, follows.
 * The background owns it (lib/background/snapshot.ts): it drops the snapshot as soon as the store
 * changes and ranks the day again once the changes pause.
 */
import { browser } from 'wxt/browser';
import type { PageRequests, TabStatus } from './messages';
import { DEFAULT_BLEND } from './rank/trending';
import { activeTabId, readTabStatus } from './tab-status';

export type TrendingLists = PageRequests['getTrending']['response'];

export const SNAPSHOT_KEY = 'trendingSnapshot';

/** The popup's personal ↔ popular blend (storage.local), as the user last set it. */
export const BLEND_KEY = 'popupBlend';

/** What one popup screen shows before scrolling (about six rows); the rest arrives with the fresh ranking. */
const SNAPSHOT_ROWS = 10;

export interface Snapshot {
  day: string;
  blend: number;
  lists: TrendingLists;
}

export interface PopupStart {
  blend: number;
  snapshot?: Snapshot;
  /** What the tab the popup was opened over shows (null: no papers read there). */
  tab: TabStatus | null;
}

export async function readBlend(): Promise<number> {
  const stored = (await browser.storage.local.get(BLEND_KEY))[BLEND_KEY];
  return typeof stored === 'number' ? stored : DEFAULT_BLEND;
}

async function readSnapshot(day: string): Promise<Snapshot | undefined> {
  const stored = (await browser.storage.session.get(SNAPSHOT_KEY))[SNAPSHOT_KEY] as Snapshot | undefined;
  return stored?.day === day ? stored : undefined;
}

async function readActiveTab(): Promise<TabStatus | null> {
  const tabId = await activeTabId();
  return tabId === undefined ? null : readTabStatus(tabId);
}

/**
 * What the popup needs for its first paint: the blend, the snapshot of `day` if it was ranked
 * with that blend, and the status of the tab it was opened over (whose matches it shows first,
 * else the snapshot at once). Read together, so the storage round trips overlap. Never rejects:
 * the popup renders once this settles, and without it a storage fault would leave the popup blank.
 */
export async function readPopupStart(day: string): Promise<PopupStart> {
  const [blend, snapshot, tab] = await Promise.all([
    readBlend().catch(() => DEFAULT_BLEND),
    readSnapshot(day).catch(() => undefined),
    readActiveTab().catch(() => null),
  ]);
  return { blend, snapshot: snapshot?.blend === blend ? snapshot : undefined, tab };
}

export async function writeSnapshot(day: string, blend: number, lists: TrendingLists): Promise<void> {
  const snapshot: Snapshot = { day, blend, lists: { ...lists, today: lists.today.slice(0, SNAPSHOT_ROWS), popular: lists.popular.slice(0, SNAPSHOT_ROWS) } };
  await browser.storage.session.set({ [SNAPSHOT_KEY]: snapshot });
}

export function dropSnapshot(): Promise<void> {
  return browser.storage.session.remove(SNAPSHOT_KEY);
}
