/**
 * The last ranked "Today" list the popup showed, kept in session storage so the next opening
 * paints it at once (a few milliseconds) while the fresh ranking, which reads the store, follows.
 * The background drops it when the store changes; the popup updates it for its own star/dismiss.
 */
import { browser } from 'wxt/browser';
import { TRENDING_SNAPSHOT_KEY } from '../lib/data-state';
import type { PageRequests } from '../lib/messages';
import { DEFAULT_BLEND } from '../lib/rank/trending';

/** The popup's personal ↔ popular blend (storage.local), as the user last set it. */
export const BLEND_KEY = 'popupBlend';

type Lists = PageRequests['getTrending']['response'];

/** What one popup screen shows before scrolling (about six rows); the rest arrives with the fresh ranking. */
const SNAPSHOT_ROWS = 10;

export interface Snapshot {
  day: string;
  blend: number;
  lists: Lists;
}

async function readSnapshot(day: string): Promise<Snapshot | undefined> {
  const stored = (await browser.storage.session.get(TRENDING_SNAPSHOT_KEY))[TRENDING_SNAPSHOT_KEY] as Snapshot | undefined;
  return stored?.day === day ? stored : undefined;
}

export interface PopupStart {
  blend: number;
  snapshot?: Snapshot;
}

/**
 * What the popup needs for its first paint: the blend and, if it was ranked with that blend, the
 * snapshot of `day`. Read together, and started before the first render, so the two storage
 * round trips overlap each other and the page's own start-up.
 */
export async function readPopupStart(day: string): Promise<PopupStart> {
  const [stored, snapshot] = await Promise.all([browser.storage.local.get(BLEND_KEY), readSnapshot(day).catch(() => undefined)]);
  const blend = typeof stored[BLEND_KEY] === 'number' ? (stored[BLEND_KEY] as number) : DEFAULT_BLEND;
  return { blend, snapshot: snapshot?.blend === blend ? snapshot : undefined };
}

export async function writeSnapshot(day: string, blend: number, lists: Lists): Promise<void> {
  const snapshot: Snapshot = { day, blend, lists: { ...lists, today: lists.today.slice(0, SNAPSHOT_ROWS), popular: lists.popular.slice(0, SNAPSHOT_ROWS) } };
  await browser.storage.session.set({ [TRENDING_SNAPSHOT_KEY]: snapshot });
}

/** Apply a change the popup made (star, dismiss, read) to the snapshot as well. */
export async function updateSnapshot(update: (lists: Lists) => Lists): Promise<void> {
  const stored = (await browser.storage.session.get(TRENDING_SNAPSHOT_KEY))[TRENDING_SNAPSHOT_KEY] as Snapshot | undefined;
  if (stored) await browser.storage.session.set({ [TRENDING_SNAPSHOT_KEY]: { ...stored, lists: update(stored.lists) } });
}
