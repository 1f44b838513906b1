/**
 * Notifications in Chromium: a listing with matching papers makes one grouped notification, a
 * revisit none; the digest alarm makes the digest; the toolbar badge stays per tab. Notification
 * clicks cannot be made from outside the browser: the click path is unit-tested
 * (tests/notify/notifier.test.ts) and here the notifications' ids and papers are checked.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_INTERESTS, extensionPage, importInterests, launchExtension, ROOT, tabIdOf, waitForScan, type ExtensionSession, type WorkerGlobals } from './harness';

const LIST_URL = 'https://arxiv.org/list/cs/new';
const listHtml = readFileSync(join(ROOT, 'tests/fixtures/pages/arxiv/list-cs-new-2018-07-20-truncated.html'), 'utf8');
// The eight matches of tests/e2e/arxiv.test.ts; the group is named after the first in key order.
const MATCHED = 8;
const GROUP_ID = 'papers:arxiv:1804.07006';
/** A page on a supported site without papers (so the tab's URL is visible to the extension). */
const OTHER_URL = 'https://arxiv.org/help';

let session: ExtensionSession;

const notificationIds = () =>
  session.worker.evaluate(async () => Object.keys(await (globalThis as unknown as WorkerGlobals).chrome.notifications.getAll()).sort());

/** The outbox records of notification `id`, read straight from the extension's IndexedDB. */
const papersOf = (id: string) =>
  session.worker.evaluate(
    (notification) =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('paperlight');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('alerts').objectStore('alerts').index('notification').getAll(notification);
          get.onsuccess = () => resolve((get.result as { key: string }[]).map((a) => a.key).sort());
          get.onerror = () => reject(get.error);
        };
      }),
    id,
  );

const badgeOf = (tabId: number) =>
  session.worker.evaluate((id) => (globalThis as unknown as WorkerGlobals).chrome.action.getBadgeText({ tabId: id }), tabId);

beforeAll(async () => {
  session = await launchExtension();
  await importInterests(session, DEMO_INTERESTS);
  // Quiet hours would hold everything at night: switch them off, as a user would.
  const options = await session.context.newPage();
  await options.goto(extensionPage(session, 'options.html'));
  await options.locator('input[name="quietHours"]').uncheck();
  await options.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  await options.close();
  session.serve(LIST_URL, listHtml);
  session.serve('https://arxiv.org/list/cs/recent', listHtml);
  session.serve(OTHER_URL, '<!doctype html><title>Help</title><p>Nothing to see</p>');
});
afterAll(async () => {
  await session?.close();
});

describe('notifications', () => {
  it('a listing with matching papers makes one notification for them all; a revisit makes none', async () => {
    const page = await session.context.newPage();
    await page.goto(LIST_URL);
    await waitForScan(page, 87);
    await expect.poll(notificationIds).toEqual([GROUP_ID]);
    expect(await papersOf(GROUP_ID)).toHaveLength(MATCHED);

    await session.worker.evaluate((id) => (globalThis as unknown as WorkerGlobals).chrome.notifications.clear(id), GROUP_ID);
    await page.reload();
    await waitForScan(page, 87);
    await page.goto('https://arxiv.org/list/cs/recent');
    await waitForScan(page, 87);
    await page.waitForTimeout(1000);
    expect(await notificationIds()).toEqual([]);
    await page.close();
  });

  it('the digest alarm makes the digest notification', async () => {
    // The last digest was long ago (before the visit above), and the alarm is due in a moment.
    await session.worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as WorkerGlobals;
      await chrome.storage.local.set({ notifyDigest: { day: '2000-01-01', time: 0, keys: [] } });
      await chrome.alarms.create('paperlight-digest', { when: Date.now() + 200 });
    });
    await expect.poll(notificationIds, { timeout: 10_000 }).toEqual([expect.stringMatching(/^digest:\d{4}-\d{2}-\d{2}$/)]);
    const state = await session.worker.evaluate(async () => (await (globalThis as unknown as WorkerGlobals).chrome.storage.local.get('notifyDigest')).notifyDigest as { keys: string[] });
    expect(state.keys).toHaveLength(MATCHED);
    // The next digest is scheduled, for a later day.
    const next = await session.worker.evaluate(() => (globalThis as unknown as WorkerGlobals).chrome.alarms.get('paperlight-digest'));
    expect(next?.scheduledTime).toBeGreaterThan(Date.now());
  });

  it('the options page sends a test notification', async () => {
    const options = await session.context.newPage();
    await options.goto(extensionPage(session, 'options.html'));
    await options.getByRole('button', { name: 'Send a test notification' }).click();
    await expect.poll(notificationIds).toContain('paperlight-test');
    await options.close();
  });
});

describe('the toolbar badge', () => {
  it('stays per tab across tab switches and reloads, and clears when the tab leaves the listing', async () => {
    const listing = await session.context.newPage();
    await listing.goto(LIST_URL);
    await waitForScan(listing, 87);
    const other = await session.context.newPage();
    await other.goto(OTHER_URL);
    const [listingTab, otherTab] = [await tabIdOf(session, listing), await tabIdOf(session, other)];
    await expect.poll(() => badgeOf(listingTab)).toBe(String(MATCHED));
    expect(await badgeOf(otherTab)).toBe('');

    await listing.bringToFront();
    expect(await badgeOf(listingTab)).toBe(String(MATCHED));
    await other.bringToFront();
    expect(await badgeOf(otherTab)).toBe('');
    expect(await badgeOf(listingTab)).toBe(String(MATCHED));

    await listing.reload();
    await waitForScan(listing, 87);
    await expect.poll(() => badgeOf(listingTab)).toBe(String(MATCHED));

    await listing.goto(OTHER_URL);
    await expect.poll(() => badgeOf(listingTab)).toBe('');
    await listing.close();
    await other.close();
  });
});
