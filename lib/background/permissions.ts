/**
 * Generic detection on every site is opt-in: the manifest only asks for the supported paper sites,
 * and `<all_urls>` is an optional permission the options page requests. While it is granted, the
 * same built content script is registered for all other http(s) pages (where lib/adapters picks the
 * generic adapter); when it is removed, the registration goes too. Re-synced on every worker start.
 */
import { browser } from 'wxt/browser';
import { HOST_PATTERNS } from '../adapters';
import { ALL_SITES } from '../data-state';

export const GENERIC_SCRIPT_ID = 'paperlight-generic';

let syncing: Promise<boolean> = Promise.resolve(false);

async function sync(): Promise<boolean> {
  const granted = await browser.permissions.contains(ALL_SITES);
  const registered = (await browser.scripting.getRegisteredContentScripts({ ids: [GENERIC_SCRIPT_ID] })).length > 0;
  if (granted && !registered) {
    await browser.scripting.registerContentScripts([
      {
        id: GENERIC_SCRIPT_ID,
        matches: ['http://*/*', 'https://*/*'],
        // The dedicated sites have the manifest's content script already: never inject twice.
        excludeMatches: [...HOST_PATTERNS],
        js: ['content-scripts/content.js'],
        runAt: 'document_idle',
        // Registered again at each worker start from the permission, the one source of truth.
        persistAcrossSessions: false,
      },
    ]);
  } else if (!granted && registered) {
    await browser.scripting.unregisterContentScripts({ ids: [GENERIC_SCRIPT_ID] });
  }
  return granted;
}

/** Make the registration follow the permission; calls are queued so two never register twice. */
export function syncGenericDetection(): Promise<boolean> {
  syncing = syncing.catch(() => false).then(sync);
  return syncing;
}

export function watchGenericDetection(): void {
  browser.permissions.onAdded.addListener(() => void syncGenericDetection());
  browser.permissions.onRemoved.addListener(() => void syncGenericDetection());
}
