/**
 * What each tab shows: papers detected and matched, kept in session storage so a restarted
 * service worker still knows (lib/tab-status.ts reads it), and mirrored on the toolbar badge.
 */
import { browser } from 'wxt/browser';
import type { PageHealth } from '../detect';
import type { PaperStateChanged, TabStatus } from '../messages';
import { storedTabStatus, tabStatusKey } from '../tab-status';

/** The keys the tab's page listed, apart from the status the popup reads: a resent batch counts once. */
const keysKey = (tabId: number) => `tab:${tabId}:keys`;

async function showCount(tabId: number, status: TabStatus | null): Promise<void> {
  const count = (status?.matched.length ?? 0) - (status?.dismissed?.length ?? 0);
  // Firefox's Manifest V2 build has the toolbar button as `browserAction`; `action` is Manifest V3's.
  const button = browser.action ?? browser.browserAction;
  await button.setBadgeText({ tabId, text: count ? String(count) : '' });
  if (count) await button.setBadgeBackgroundColor({ tabId, color: '#b45309' });
}

/** Fold one scan into the tab's status: a reset starts over, later batches add to it (a batch sent twice counts once). */
export async function updateTabStatus(
  tabId: number,
  scan: { site: string; page: string; listing: boolean; reset: boolean; health?: PageHealth; keys: string[]; matched: string[]; dismissed: string[] },
): Promise<TabStatus> {
  const previous = scan.reset ? null : await storedTabStatus(tabId);
  const samePage = previous?.page === scan.page;
  const earlierKeys = samePage ? (((await browser.storage.session.get(keysKey(tabId)))[keysKey(tabId)] as string[] | undefined) ?? []) : [];
  const keys = [...new Set([...earlierKeys, ...scan.keys])];
  const status: TabStatus = {
    site: scan.site,
    page: scan.page,
    listing: scan.listing,
    papers: keys.length,
    matched: [...new Set([...(samePage ? previous.matched : []), ...scan.matched])],
  };
  const dismissed = [...new Set([...(samePage ? (previous.dismissed ?? []) : []), ...scan.dismissed])];
  if (dismissed.length) status.dismissed = dismissed;
  // A fresh page's first batch says how reading it went; later batches keep that.
  const health = scan.health ?? (samePage ? previous.health : undefined);
  if (health) status.health = health;
  await browser.storage.session.set({ [tabStatusKey(tabId)]: status, [keysKey(tabId)]: keys });
  await showCount(tabId, status);
  return status;
}

export async function clearTabStatus(tabId: number): Promise<void> {
  await browser.storage.session.remove([tabStatusKey(tabId), keysKey(tabId)]);
}

/** A paper dismissed or restored: every tab whose page matched it counts it again on the toolbar. */
export async function recountDismissal(change: PaperStateChanged): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map(async ({ id }) => {
      const status = id === undefined ? null : await storedTabStatus(id);
      if (!status?.matched.includes(change.key) || status.dismissed?.includes(change.key) === change.dismissed) return;
      const others = (status.dismissed ?? []).filter((key) => key !== change.key);
      const dismissed = change.dismissed ? [...others, change.key] : others;
      const next: TabStatus = { ...status, dismissed };
      if (!dismissed.length) delete next.dismissed;
      await browser.storage.session.set({ [tabStatusKey(id!)]: next });
      await showCount(id!, next);
    }),
  );
}

/**
 * Tell every open tab's content script and the extension's own pages that a paper's marks changed.
 * Tabs without our content script refuse the message; that is expected, not an error.
 */
export async function broadcastPaperState(change: PaperStateChanged): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all([
    ...tabs.flatMap((tab) => (tab.id === undefined ? [] : [browser.tabs.sendMessage(tab.id, change).catch(() => undefined)])),
    browser.runtime.sendMessage(change).catch(() => undefined),
  ]);
}
