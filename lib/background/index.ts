/** Composition root of the service worker: open the database, wire listeners. No logic here. */
import { browser } from 'wxt/browser';
import { openDatabase } from '../db/schema';
import { handleMessage, type BackgroundDeps } from './handlers';
import { createInterestStore } from './interests';
import { createRematcher } from './rematch';
import { clearTabStatus } from './tabs';

export function startBackground(): BackgroundDeps {
  const db = openDatabase();
  const interests = createInterestStore(db);
  const rematcher = createRematcher(db, interests);
  const deps: BackgroundDeps = {
    db,
    interests,
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/').replace(/\/$/, ''),
    now: () => Date.now(),
    onInterestsChanged: () => void rematcher.start(),
  };

  // Listeners are added synchronously so a worker woken by an event sees it.
  browser.runtime.onMessage.addListener((message, sender) => handleMessage(deps, message, sender));
  browser.tabs.onRemoved.addListener((tabId) => void clearTabStatus(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    // A new document in the tab: what the old one showed no longer applies.
    if (change.status === 'loading' && change.url) void clearTabStatus(tabId);
  });
  void rematcher.resume();
  return deps;
}
