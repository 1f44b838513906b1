/**
 * Page visits and the tab being read, for quiet notifications: a visit notifies at most once, and
 * papers on the tab in front of the user are not notified at all (they have badges).
 */
import { browser } from 'wxt/browser';

/** One document in one tab, from its first scan until the tab reloads or shows another page. */
export interface PageVisit {
  id: string;
  /** When its first scan arrived: its papers joined the outbox at or after this. */
  start: number;
}

interface StoredVisit extends PageVisit {
  page: string;
}

/** In session storage, so a worker restarted mid-visit continues the same visit. */
const visitKey = (tabId: number) => `visit:${tabId}`;

/** The visit a scan belongs to: the tab's current one, or a new one on a reset or another page. */
export async function visitOf(tabId: number, scan: { page: string; reset: boolean }, now: number): Promise<PageVisit> {
  const key = visitKey(tabId);
  const stored = (await browser.storage.session.get(key))[key] as StoredVisit | undefined;
  if (stored && !scan.reset && stored.page === scan.page) return { id: stored.id, start: stored.start };
  const visit: PageVisit = { id: `${tabId}@${now}`, start: now };
  await browser.storage.session.set({ [key]: { ...visit, page: scan.page } satisfies StoredVisit });
  return visit;
}

export async function forgetVisit(tabId: number): Promise<void> {
  await browser.storage.session.remove(visitKey(tabId));
}

/** The tab the user is reading: the active tab of the last focused window. */
export async function readingTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab?.id;
}
