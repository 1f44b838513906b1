/**
 * The last ranked "Today" list the popup showed, kept in session storage so the next opening
 * paints it at once (a few milliseconds) while the fresh ranking, which reads the store, follows.
 * The background drops it when the store changes; the popup updates it for its own star/dismiss.
 */
import { browser } from 'wxt/browser';
import { TRENDING_SNAPSHOT_KEY } from '../lib/data-state';
import type { PageRequests } from '../lib/messages';

type Lists = PageRequests['getTrending']['response'];

/** What one popup screen can show before scrolling; the rest arrives with the fresh ranking. */
const SNAPSHOT_ROWS = 30;

export interface Snapshot {
  day: string;
  blend: number;
  lists: Lists;
}

/** The snapshot of `day`, if any (the caller checks its blend against the current one). */
export async function readSnapshot(day: string): Promise<Snapshot | undefined> {
  const stored = (await browser.storage.session.get(TRENDING_SNAPSHOT_KEY))[TRENDING_SNAPSHOT_KEY] as Snapshot | undefined;
  return stored?.day === day ? stored : undefined;
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
