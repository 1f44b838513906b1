/**
 * The background's message handlers: plain functions over the database and interests,
 * unit-tested without messaging (tests/background/handlers.test.ts).
 */
import type { Runtime } from 'webextension-polyfill';
import { recordScanAndQueue } from '../notify/outbox';
import type { Notifier } from '../notify';
import { loadSettings, saveSettings, SettingsError } from '../settings';
import type { PaperlightDB } from '../db/schema';
import { browser } from 'wxt/browser';
import { wipe } from '../db/backup';
import { clearStorageError, isQuotaError, prune, reportStorageError } from '../db/retention';
import { RETENTION_KEY } from '../data-state';
import type { AnyRequest, PageRequests, PaperStateChanged, PopupPaper, Reply, ScanRequest, ScanResponse } from '../messages';
import * as popup from './popup-handlers';
import type { PaperSearch } from '../search/paper-search';
import type { RecentPapers } from './recent-papers';
import type { SnapshotKeeper } from './snapshot';
import { recountDismissal, updateTabStatus } from './tabs';
import { learnFromPaperState, moreLikeThis, viewMatches, type InterestStore } from './interests';
import { InvalidMessage, validateRequest } from './validate';
import { InterestsFileError, matchingChanges, type InterestChanges } from '../interests';

export interface BackgroundDeps {
  db: PaperlightDB;
  interests: InterestStore;
  /** This extension's id and page origin, for sender checks. */
  extensionId: string;
  extensionOrigin: string;
  now: () => number;
  /** Called after the interests change (re-match the store, retrain the example models). */
  onInterestsChanged?: (changes: InterestChanges) => void;
  /** The popup's snapshot of today's ranking, dropped and ranked again as the store changes. */
  snapshot: SnapshotKeeper;
  /** The search index over the store (lib/search), kept in step with the worker's writes. */
  search: PaperSearch;
  /** The most recently seen papers, for the options page's live previews, read once per change of the store. */
  recentPapers: RecentPapers;
  /** Notifications (lib/notify); without it new papers wait in the outbox. */
  notifier?: Pick<Notifier, 'contextOf' | 'drain' | 'scheduleDigest' | 'sendTest'>;
  /** Tell open pages (content scripts, the popup) that a paper's marks changed, so every badge and list follows at once. */
  broadcast?: (change: PaperStateChanged) => Promise<void>;
}

export async function handleScan(deps: BackgroundDeps, scan: ScanRequest, tabId: number): Promise<ScanResponse> {
  // The tab's visit is read from session storage while the interests load (a just-started worker reads them from IndexedDB).
  const [set, context] = await Promise.all([deps.interests.get(), deps.notifier?.contextOf(tabId, scan)]);
  const stored = await recordScanAndQueue(deps.db, { page: scan.page, site: scan.site, time: deps.now(), papers: scan.papers }, set, context).catch(async (err: unknown) => {
    // The transaction rolled back; say so where the user looks, with a way out (popup and options).
    if (isQuotaError(err)) await reportStorageError(err, deps.now()).catch(() => undefined);
    throw err;
  });
  void deps.notifier?.drain();
  // A page seen again that shows nothing new leaves the ranking as it was.
  if (stored.some((s) => s.written)) await deps.snapshot.invalidate();
  const matched = stored
    .filter((s) => s.matches.length)
    .map((s) => ({ key: s.pageKey, matches: viewMatches(set, s.matches) }));
  await updateTabStatus(tabId, {
    site: scan.site,
    page: scan.page,
    listing: scan.listing,
    reset: scan.reset,
    ...(scan.health ? { health: scan.health } : {}),
    keys: scan.papers.map((p) => p.key),
    // Stored keys: the popup reads these papers, and a page may know one under a weaker key.
    matched: stored.filter((s) => s.matches.length).map((s) => s.key),
    dismissed: stored.filter((s) => s.matches.length && s.state.marks.includes('dismissed')).map((s) => s.key),
  });
  const states = stored.filter((s) => s.state.marks.length).map((s) => ({ key: s.pageKey, ...s.state }));
  return { matched, ...(states.length ? { states } : {}) };
}

type Sender = Pick<Runtime.MessageSender, 'id' | 'url' | 'tab' | 'documentId'>;

/**
 * The latest search of each extension page (by document): the first search may wait for the index
 * to be built, and an older search of the same page would only slow down the newer one.
 */
const latestSearch = new Map<string, number>();

async function searchFor(deps: BackgroundDeps, query: string, sender: Sender): Promise<PopupPaper[]> {
  const page = sender.documentId ?? sender.url ?? '';
  const generation = (latestSearch.get(page) ?? 0) + 1;
  latestSearch.set(page, generation);
  try {
    return await popup.search(deps.db, deps.interests, deps.search, query, () => latestSearch.get(page) === generation);
  } finally {
    if (latestSearch.get(page) === generation) latestSearch.delete(page);
  }
}

function fromExtensionPage(deps: BackgroundDeps, sender: Sender): boolean {
  return sender.id === deps.extensionId && !!sender.url?.startsWith(`${deps.extensionOrigin}/`);
}

/** What the badge panel in a page may ask: the reader's actions on the paper it is about, and the interests to offer. */
const FROM_BADGE_PANEL = new Set<AnyRequest['type']>(['setPaperState', 'moreLikeThis', 'getInterestLabels']);

function fromContentScript(deps: BackgroundDeps, sender: Sender): boolean {
  return sender.id === deps.extensionId && sender.tab?.id !== undefined && !fromExtensionPage(deps, sender);
}

async function dispatch(deps: BackgroundDeps, message: AnyRequest, sender: Sender): Promise<unknown> {
  if (message.type === 'scan') {
    const tabId = sender.tab?.id;
    if (sender.id !== deps.extensionId || tabId === undefined || fromExtensionPage(deps, sender))
      throw new InvalidMessage('scan is accepted from Paperlight’s content scripts only');
    return handleScan(deps, message, tabId);
  }
  // Everything else reads or changes the user's data: extension pages only (and the badge panel's actions), never a web page.
  if (!fromExtensionPage(deps, sender) && !(FROM_BADGE_PANEL.has(message.type) && fromContentScript(deps, sender))) throw new InvalidMessage(`${message.type} is accepted from Paperlight’s own pages only`);
  switch (message.type) {
    case 'getTrending': {
      // The popup is open: have the search index ready before its reader types. Loading it alongside
      // the ranking, not after, has a search typed at once answered about as soon as the ranking.
      void deps.search.index().catch((err: unknown) => console.error('[paperlight] loading the search index failed', err));
      const since = deps.snapshot.generation;
      const lists = await popup.getTrending(deps.snapshot.rankable, deps.interests, message.days, message.blend, deps.now());
      if (message.days.length === 1) await deps.snapshot.offer(since, message.days[0]!, message.blend, lists);
      return lists;
    }
    case 'getPapers':
      return {
        papers:
          message.blend === undefined
            ? await popup.getPapers(deps.snapshot.papers, deps.interests, message.keys)
            : await popup.getRankedPapers(deps.snapshot.papers, deps.interests, message.keys, message.blend, deps.now()),
      };
    case 'getStarred':
      return { papers: await popup.getStarred(deps.db, deps.interests) };
    case 'getDismissed':
      return { papers: await popup.getDismissed(deps.db, deps.interests) };
    case 'search':
      return { papers: await searchFor(deps, message.query, sender) };
    case 'setPaperState': {
      const change = await popup.setPaperState(deps.db, message.key, message.patch);
      void deps.broadcast?.(change);
      if (message.patch.dismissed !== undefined) await recountDismissal(change);
      await learnFromPaperState(deps.db, deps.interests, change.key, message.patch, deps.onInterestsChanged);
      return change;
    }
    case 'moreLikeThis':
      return (await moreLikeThis(deps.db, deps.interests, message, deps.onInterestsChanged)) satisfies PageRequests['moreLikeThis']['response'];
    case 'getChart':
      return popup.getChart(deps.db, deps.interests, message.days);
    case 'previewInterest':
      return popup.previewInterest(deps.recentPapers, message.interest, (await deps.interests.get()).learned);
    case 'getInterests':
      return { interests: (await deps.interests.get()).interests };
    case 'getInterestLabels':
      return { interests: (await deps.interests.get()).interests.map(({ id, label }) => ({ id, label })) };
    case 'setInterests': {
      const before = (await deps.interests.get()).interests;
      const set = await deps.interests.set(message.interests);
      deps.onInterestsChanged?.(matchingChanges(before, set.interests));
      return { interests: set.interests };
    }
    case 'getSettings':
      return { settings: await loadSettings() };
    case 'setSettings': {
      const settings = await saveSettings(message.settings);
      await deps.notifier?.scheduleDigest();
      return { settings };
    }
    case 'testNotification':
      if (!deps.notifier) throw new Error('notifications are not available');
      await deps.notifier.sendTest();
      return {};
    case 'dataReplaced':
      deps.interests.invalidate();
      // The restored interests' examples train new models (a backup holds no models).
      deps.onInterestsChanged?.({ changed: [], removed: [] });
      // Written by the options page, past the worker's view of its own writes: what it keeps from the papers is read again.
      deps.search.invalidate();
      deps.snapshot.reread();
      return {};
    case 'wipe':
      await wipe(deps.db);
      deps.interests.invalidate();
      return {};
    case 'prune': {
      const pruned = await prune(deps.db, message.days, deps.now());
      await clearStorageError();
      return { pruned };
    }
    case 'setRetention':
      await browser.storage.local.set({ [RETENTION_KEY]: message.retention });
      return { retention: message.retention };
  }
}

/** Messages after which what the popup ranks may differ: its snapshot goes (a scan says itself, handleScan). */
const CHANGES_RANKING = new Set<AnyRequest['type']>(['setPaperState', 'moreLikeThis', 'setInterests', 'dataReplaced', 'wipe', 'prune']);

/** Validate, check the sender, run the handler; failures come back as `{ ok: false, error }`. */
export async function handleMessage(deps: BackgroundDeps, raw: unknown, sender: Sender): Promise<Reply<unknown>> {
  try {
    const message = validateRequest(raw);
    const value = await dispatch(deps, message, sender);
    if (CHANGES_RANKING.has(message.type)) await deps.snapshot.invalidate();
    return { ok: true, value };
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    // Refused and malformed messages are answered, not logged: a hostile page could flood the log.
    if (!(err instanceof InvalidMessage || err instanceof InterestsFileError || err instanceof SettingsError)) console.error('[paperlight]', err);
    return { ok: false, error };
  }
}
