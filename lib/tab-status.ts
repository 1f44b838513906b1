/**
 * What each tab shows (papers detected and matched), as the background keeps it in session
 * storage (lib/background/tabs.ts). Read here by the background and, directly, by the popup: its
 * first paint must not wait for a round trip to a worker that may be busy ranking the day.
 */
import { browser } from 'wxt/browser';
import type { TabStatus } from './messages';
import { pageOf } from './paper';

export const tabStatusKey = (tabId: number) => `tab:${tabId}`;

export async function storedTabStatus(tabId: number): Promise<TabStatus | null> {
  const key = tabStatusKey(tabId);
  const stored = await browser.storage.session.get(key);
  return (stored[key] as TabStatus | undefined) ?? null;
}

/**
 * What the tab shows now. A status left by an earlier document (the tab has since gone to a page
 * we do not read) does not count; comparing URLs avoids racing the content script's new scan.
 */
export async function readTabStatus(tabId: number): Promise<TabStatus | null> {
  const [status, tab] = await Promise.all([storedTabStatus(tabId), browser.tabs.get(tabId).catch(() => undefined)]);
  return status && tab?.url && pageOf(tab.url) === status.page ? status : null;
}

/** The tab the popup was opened over (or named in its URL, `?tab=`, by a notification). */
export async function activeTabId(): Promise<number | undefined> {
  const fromQuery = new URLSearchParams(location.search).get('tab');
  if (fromQuery) return Number(fromQuery);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}
