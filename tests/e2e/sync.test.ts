/**
 * Sync in Chromium: with sync switched on in the options page, an interest another device wrote to
 * `storage.sync` (encoded by the extension's own lib/sync/model) shows up in the options page and
 * matches on the next listing. Chromium runs without an account here, so its sync area stays local
 * to the profile: the other device's writes are made from the worker, as Chrome Sync would make them.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { encode } from '../../lib/sync/model';
import { extensionPage, launchExtension, LIST_FILE, LIST_URL, waitForScan, type ExtensionSession, type WorkerGlobals } from './harness';

let session: ExtensionSession;

beforeAll(async () => {
  session = await launchExtension();
  session.serve(LIST_URL, readFileSync(LIST_FILE, 'utf8'));
});
afterAll(async () => {
  await session?.close();
});

describe('sync through the browser', () => {
  it('an interest written by another device shows in the options page and matches on the next listing', async () => {
    const options = await session.context.newPage();
    await options.goto(extensionPage(session, 'options.html'));
    await options.locator('input[name="sync"]').check();
    // The first sync writes this device's (empty) state.
    await options.locator('[data-paperlight-sync] [role="status"]').filter({ hasText: 'Last synced' }).waitFor({ timeout: 15_000 });

    const other = encode({
      interests: { tracking: { t: Date.now(), o: 0, d: { id: 'tracking', label: 'Visual tracking (from my laptop)', terms: ['visual tracking', 'object tracking'], scope: 'title' } } },
      stars: {},
      dismissals: {},
      settings: { t: 1, d: DEFAULT_SETTINGS },
    });
    await session.worker.evaluate((items) => (globalThis as unknown as WorkerGlobals).chrome.storage.sync.set(items), other.items);

    await expect
      .poll(async () => {
        await options.reload();
        return options.locator('legend').filter({ hasText: 'Visual tracking (from my laptop)' }).count();
      }, { timeout: 20_000, interval: 1000 })
      .toBe(1);
    await options.close();

    const page = await session.context.newPage();
    await page.goto(LIST_URL);
    await waitForScan(page, 87);
    await expect.poll(() => page.locator('[data-paperlight-match~="tracking"]').count()).toBe(2);
    await page.close();
  });
});
