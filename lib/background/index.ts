/** Composition root of the service worker: open the database, wire listeners. No logic here. */
import { browser } from 'wxt/browser';
import { openDatabase } from '../db/schema';
import { createNotifier } from '../notify';
import { createPaperSearch } from '../search/paper-search';
import { handleMessage, type BackgroundDeps } from './handlers';
import { createInterestStore } from './interests';
import { keepAliveWhile } from './keep-alive';
import { syncGenericDetection, watchGenericDetection } from './permissions';
import { PRUNE_ALARM, pruneByRetention, schedulePruning } from '../db/retention';
import { createRecentPapers } from './recent-papers';
import { createRematcher } from './rematch';
import { createTrainer } from '../learn/trainer';
import { createSnapshotKeeper } from './snapshot';
import { broadcastPaperState, clearTabStatus } from './tabs';
import { startSync } from '../sync/background';

export function startBackground(): BackgroundDeps {
  const db = openDatabase();
  const search = createPaperSearch(db, { keepAlive: keepAliveWhile });
  const interests = createInterestStore(db);
  const now = () => Date.now();
  const snapshot = createSnapshotKeeper(db, interests, now);
  // Opening may run a schema upgrade of the whole store; queries wait for it either way.
  keepAliveWhile(db.open()).catch((err: unknown) => console.error('[paperlight] opening the paper store failed', err));
  const rematcher = createRematcher(db, interests, snapshot);
  const trainer = createTrainer({ db, interests, rematch: (changes) => rematcher.start(changes) });
  const notifier = createNotifier({ db, interests, now, snapshot });
  const deps: BackgroundDeps = {
    db,
    interests,
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/').replace(/\/$/, ''),
    now,
    snapshot,
    search,
    recentPapers: createRecentPapers(db, () => snapshot.generation),
    onInterestsChanged: (changes) => {
      void rematcher.start(changes);
      trainer.schedule().catch((err: unknown) => console.error('[paperlight] training from examples failed', err));
      sync.localChanged();
    },
    notifier,
    broadcast: broadcastPaperState,
  };

  // Listeners are added synchronously so a worker woken by an event sees it.
  browser.runtime.onMessage.addListener((message, sender) => handleMessage(deps, message, sender));
  browser.tabs.onRemoved.addListener((tabId) => void clearTabStatus(tabId));
  browser.tabs.onRemoved.addListener((tabId) => void notifier.forgetTab(tabId));
  browser.alarms.onAlarm.addListener((alarm) => void notifier.onAlarm(alarm.name));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== PRUNE_ALARM) return;
    pruneByRetention(db, now())
      .then(() => snapshot.invalidate())
      // Daily, so the paper log stays short for a user who never searches.
      .then(() => search.save())
      .catch((err: unknown) => console.error('[paperlight] pruning failed', err));
  });
  watchGenericDetection();
  browser.notifications.onClicked.addListener((id) => void notifier.onClicked(id, 'open'));
  // Firefox has no notification buttons (nor this event).
  browser.notifications.onButtonClicked?.addListener((id, button) => void notifier.onClicked(id, button === 0 ? 'open' : 'dismiss'));
  // Alarms may not survive an update or a browser restart: make the digest's again (a missed one is due at once).
  browser.runtime.onInstalled.addListener(() => void notifier.scheduleDigest());
  // A first install opens the welcome page (templates, example papers, co-authors); updates do not.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
  // A new version may split words differently: its search index is built afresh.
  browser.runtime.onInstalled.addListener(() => void db.searchIndex.clear());
  browser.runtime.onStartup.addListener(() => void notifier.scheduleDigest());
  void rematcher.resume();
  // A worker stopped while training trains again; stored models that fit their examples are kept.
  trainer.schedule().catch((err: unknown) => console.error('[paperlight] training from examples failed', err));
  void schedulePruning();
  void syncGenericDetection();
  // Papers queued by a worker stopped before it could notify.
  void notifier.drain();
  const sync = startSync(deps);
  return deps;
}
