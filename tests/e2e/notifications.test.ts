/**
 * Notifications in Chromium: none about the tab being read; a listing opened in a background tab
 * makes one grouped notification, updated in place as the page loads more, and a revisit none;
 * the digest alarm makes the digest, with the papers held back; the toolbar badge stays per tab.
 * Notification clicks cannot be made from outside the browser: the click path is unit-tested
 * (tests/notify/notifier.test.ts) and here the notifications' ids and papers are checked.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fixturePages, readPage } from '../fixture-pages';
import { DEMO_INTERESTS, extensionPage, importInterests, launchExtension, ROOT, tabIdOf, waitForScan, type ExtensionSession, type WorkerGlobals } from './harness';

const LIST_URL = 'https://arxiv.org/list/cs/new';
const listHtml = readFileSync(join(ROOT, 'tests/fixtures/pages/arxiv/list-cs-new-2018-07-20-truncated.html'), 'utf8');
// The eight matches of tests/e2e/arxiv.test.ts.
const MATCHED = 8;
/** A page that loads more entries (Hugging Face daily papers). */
const daily = fixturePages().find((p) => p.file === 'huggingface/daily-papers-2024-08-01.html')!;
/** A page on a supported site without papers (so the tab's URL is visible to the extension). */
const OTHER_URL = 'https://arxiv.org/help';

let session: ExtensionSession;

const notificationIds = () =>
  session.worker.evaluate(async () => Object.keys(await (globalThis as unknown as WorkerGlobals).chrome.notifications.getAll()).sort());

interface Alert {
  key: string;
  state: string;
  notification?: string;
}
/** The outbox, read straight from the extension's IndexedDB. */
const alerts = () =>
  session.worker.evaluate(
    () =>
      new Promise<Alert[]>((resolve, reject) => {
        const open = indexedDB.open('paperlight');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('alerts').objectStore('alerts').getAll();
          get.onsuccess = () => resolve(get.result as Alert[]);
          get.onerror = () => reject(get.error);
        };
      }),
  );
/** The papers in notification `id`. */
const papersOf = async (id: string) => (await alerts()).filter((a) => a.notification === id).map((a) => a.key).sort();
const stateOf = async (key: string) => (await alerts()).find((a) => a.key === key)?.state;

/** Count the extension's calls to notifications.create (each pops a notification up) and .update (in place). */
const countNotificationCalls = () =>
  session.worker.evaluate(() => {
    const notifications = (globalThis as unknown as WorkerGlobals).chrome.notifications as unknown as Record<string, (...args: unknown[]) => unknown>;
    const calls: string[] = [];
    for (const name of ['create', 'update']) {
      const real = notifications[name]!.bind(notifications);
      notifications[name] = (...args: unknown[]) => {
        calls.push(`${name} ${String(args[0])}`);
        return real(...args);
      };
    }
    (globalThis as unknown as { notificationCalls: string[] }).notificationCalls = calls;
  });
const notificationCalls = () => session.worker.evaluate(() => [...(globalThis as unknown as { notificationCalls: string[] }).notificationCalls]);

/**
 * Open `url` in a tab behind the one the user reads (as a middle click does): the new tab is
 * created, the reading tab brought back to the front, then the page loads.
 */
async function openBehind(url: string): Promise<{ page: Page; reading: Page }> {
  const reading = await session.context.newPage();
  await reading.goto(OTHER_URL);
  const page = await session.context.newPage();
  await reading.bringToFront();
  await page.goto(url);
  return { page, reading };
}

/** What the site does on "load more": append a card (copied from an existing one) with a new paper. */
async function loadMore(page: Page, arxivId: string, title: string): Promise<void> {
  await page.evaluate(
    ([id, text]) => {
      const card = document.querySelector('article')!;
      const copy = card.cloneNode(true) as HTMLElement;
      copy.removeAttribute('data-paperlight-key');
      copy.querySelectorAll('[data-paperlight-badge]').forEach((b) => b.remove());
      for (const a of copy.querySelectorAll('a[href^="/papers/"]')) a.setAttribute('href', `/papers/${id}`);
      copy.querySelector('h3 a')!.textContent = text!;
      card.parentElement!.append(copy);
    },
    [arxivId, title],
  );
  await page.locator(`[data-paperlight-key="arxiv:${arxivId}"]`).waitFor({ state: 'attached' });
}

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
  session.serve(daily.url, readPage(daily.file));
});
afterAll(async () => {
  await session?.close();
});

describe('notifications', () => {
  it('say nothing about the papers on the tab being read: they have badges there', async () => {
    const page = await session.context.newPage();
    await page.goto(LIST_URL);
    await page.bringToFront();
    await waitForScan(page, 87);
    await expect.poll(async () => (await alerts()).filter((a) => a.state === 'held')).toHaveLength(MATCHED);
    expect(await notificationIds()).toEqual([]);
    expect(await page.locator('[data-paperlight-match]').count()).toBe(MATCHED);
    await page.close();
  });

  it('a listing opened in a background tab makes one notification, updated in place as the page loads more, never re-issued', async () => {
    await countNotificationCalls();
    const { page, reading } = await openBehind(daily.url);
    await waitForScan(page, daily.expected.length);
    await loadMore(page, '2408.00001', 'Reinforcement learning for humanoid control');
    await expect.poll(notificationIds).toHaveLength(1);
    const [id] = await notificationIds();
    await expect.poll(() => papersOf(id!)).toContain('arxiv:2408.00001');

    // More entries in the same visit: the notification takes them in, without popping up again.
    await loadMore(page, '2408.00002', 'Reinforcement learning with sparse rewards');
    await expect.poll(() => papersOf(id!)).toContain('arxiv:2408.00002');
    expect(await notificationIds()).toEqual([id]);
    expect((await notificationCalls()).filter((c) => c.startsWith('create'))).toEqual([`create ${id}`]);
    expect(await notificationCalls()).toContain(`update ${id}`);

    // The user switches to the tab: nothing is re-issued, and what loads now is in front of them.
    await page.bringToFront();
    await loadMore(page, '2408.00003', 'Reinforcement learning from page visits');
    await expect.poll(() => stateOf('arxiv:2408.00003')).toBe('held');
    expect(await papersOf(id!)).not.toContain('arxiv:2408.00003');
    expect((await notificationCalls()).filter((c) => c.startsWith('create'))).toEqual([`create ${id}`]);
    await page.close();
    await reading.close();
  });

  it('a revisit makes none', async () => {
    await session.worker.evaluate(async () => (globalThis as unknown as WorkerGlobals).chrome.notifications.getAll().then(async (all) => {
      for (const id of Object.keys(all)) await (globalThis as unknown as WorkerGlobals).chrome.notifications.clear(id);
    }));
    const { page, reading } = await openBehind(LIST_URL);
    await waitForScan(page, 87);
    await page.reload();
    await waitForScan(page, 87);
    await page.goto('https://arxiv.org/list/cs/recent');
    await waitForScan(page, 87);
    await page.waitForTimeout(1000);
    expect(await notificationIds()).toEqual([]);
    await page.close();
    await reading.close();
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
    // Every paper of the outbox, the ones held back from the tab being read too.
    expect(state.keys.sort()).toEqual((await alerts()).map((a) => a.key).sort());
    expect(state.keys.length).toBeGreaterThan(MATCHED);
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
