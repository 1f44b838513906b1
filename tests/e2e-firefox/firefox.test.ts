/**
 * The Firefox build in Firefox ESR (tests/e2e-firefox/harness.ts): interests imported in the options
 * page, the arXiv listing (opened in a background tab) marked and badged, the toolbar count, one grouped notification, the popup's
 * list, all of it still there after the background page starts again, and no request to the network.
 *
 * Not covered here, and why: the toolbar popup as a panel (BiDi sees tabs only; the popup page is
 * opened in a tab with `?tab=`, as the Chromium tests do), clicks on system notifications (outside
 * the browser; unit-tested in tests/notify), and requests made by the background page itself
 * (BiDi intercepts per tab; the CSP `connect-src 'none'` of the extension pages, the background
 * page included, forbids them, and tests/e2e/privacy.test.ts records the Chromium worker's).
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arxivListing } from '../bench/arxiv-listing';
import { DEMO_INTERESTS, EXPECTED_MATCHES, LIST_ENTRIES, LIST_FILE, LIST_URL } from '../e2e/harness';
import { launchFirefox, type ExtensionGlobals, type FirefoxSession } from './harness';

const MATCHED = Object.keys(EXPECTED_MATCHES).length;
const sortedIds = (ids: string) => ids.split(' ').sort().join(' ');

let session: FirefoxSession;
/** An options page kept open: an extension page, where the WebExtension APIs can be asked. */
let options: Page;

const api = <A, T>(fn: (browser: ExtensionGlobals['browser'], arg: A) => Promise<T>, arg: A): Promise<T> =>
  options.evaluate(`(${fn.toString()})(globalThis.browser, ${JSON.stringify(arg)})`) as Promise<T>;

async function waitForText(page: Page, selector: string, text: string): Promise<void> {
  await page.waitForFunction((s, t) => [...document.querySelectorAll(s)].some((e) => e.textContent?.includes(t)), { timeout: 20_000 }, selector, text);
}

/** Open the listing; `behind` keeps the options page in front, as a link opened in a background tab. */
async function readListing(behind = false): Promise<Page> {
  const page = await session.newPage();
  if (behind) await options.bringToFront();
  await page.goto(LIST_URL);
  await page.waitForFunction((n) => document.querySelectorAll('[data-paperlight-key]').length >= n, { timeout: 30_000 }, LIST_ENTRIES);
  await page.waitForFunction((n) => document.querySelectorAll('[data-paperlight-match]').length >= n, { timeout: 30_000 }, MATCHED);
  return page;
}

const matchedEntries = (page: Page) =>
  page.$$eval('[data-paperlight-match]', (els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-paperlight-key'), e.getAttribute('data-paperlight-match') ?? ''])));

const tabIdOf = (page: Page) => api(async (browser, url: string) => (await browser.tabs.query({ url }))[0]?.id, page.url());

async function popupKeys(tabId: number): Promise<string[]> {
  const popup = await session.openExtensionPage(`popup.html?tab=${tabId}`);
  await popup.waitForSelector('section[aria-busy="false"] li[data-paperlight-key]', { timeout: 20_000 });
  const keys = await popup.$$eval('li[data-paperlight-key]', (els) => els.map((e) => e.getAttribute('data-paperlight-key') ?? ''));
  await popup.close();
  return keys;
}

beforeAll(async () => {
  session = await launchFirefox();
  session.sites.serve(LIST_URL, readFileSync(LIST_FILE, 'utf8'));
  options = await session.openExtensionPage('options.html');
}, 120_000);
afterAll(async () => {
  await session?.close();
});

describe('Paperlight in Firefox', () => {
  it('imports an interests file in the options page, and switches quiet hours off', async () => {
    const input = await options.waitForSelector('input[data-paperlight-import]');
    await input!.uploadFile(DEMO_INTERESTS);
    await waitForText(options, '[role="status"]', 'Imported');
    const stored = await api(async (browser) => ((await browser.runtime.sendMessage({ type: 'getInterests' })) as { value: { interests: { id: string }[] } }).value.interests, null);
    expect(stored.map((i) => i.id).sort()).toEqual(['gans', 'gao', 'proposals', 'rl', 'tracking']);

    // Quiet hours would hold the notification at night.
    const quiet = await options.waitForSelector('input[name="quietHours"]');
    if (await quiet!.evaluate((e) => (e as HTMLInputElement).checked)) await quiet!.click();
    await waitForText(options, '[role="status"]', 'Saved.');
  });

  it('marks every entry of the arXiv listing opened behind, badges the matches, counts them on the toolbar and notifies once', async () => {
    const page = await readListing(true);
    await page.bringToFront();
    const keys = await page.$$eval('dd[data-paperlight-key]', (els) => els.map((e) => e.getAttribute('data-paperlight-key')));
    expect(new Set(keys).size).toBe(LIST_ENTRIES);
    const matched = await matchedEntries(page);
    expect(Object.fromEntries(Object.entries(matched).map(([k, v]) => [k, sortedIds(String(v))]))).toEqual(
      Object.fromEntries(Object.entries(EXPECTED_MATCHES).map(([k, v]) => [k, sortedIds(v)])),
    );

    // A badge is drawn when its entry comes near the viewport, and its panel names the interest.
    const entry = await page.$('[data-paperlight-key="arxiv:1804.08208"]');
    await entry!.scrollIntoView();
    await page.waitForSelector('[data-paperlight-key="arxiv:1804.08208"] [data-paperlight-badge]');
    // The badge draws in a shadow root: `>>>` pierces it.
    await page.click('[data-paperlight-key="arxiv:1804.08208"] [data-paperlight-badge] >>> button.chips');
    const panel = await page.waitForSelector('[data-paperlight-key="arxiv:1804.08208"] [data-paperlight-badge] >>> [role="dialog"]');
    expect(await panel!.evaluate((e) => e.textContent)).toContain('Visual tracking');

    const tabId = await tabIdOf(page);
    expect(tabId).toBeTypeOf('number');
    await expect.poll(() => api((browser, id: number) => browser.browserAction.getBadgeText({ tabId: id }), tabId!)).toBe(String(MATCHED));
    await expect.poll(() => api(async (browser) => Object.keys(await browser.notifications.getAll()), null), { timeout: 10_000 }).toHaveLength(1);

    expect(new Set(await popupKeys(tabId!))).toEqual(new Set(Object.keys(EXPECTED_MATCHES)));
    await page.close();
  });

  it('keeps the matches when the background page starts again, and does not notify them twice', async () => {
    await api(async (browser) => Promise.all(Object.keys(await browser.notifications.getAll()).map((id) => browser.notifications.clear(id))), null);
    await options.close();
    await session.restartBackground();
    options = await session.openExtensionPage('options.html');

    const page = await readListing();
    expect(Object.keys(await matchedEntries(page)).sort()).toEqual(Object.keys(EXPECTED_MATCHES).sort());
    const tabId = (await tabIdOf(page))!;
    expect(new Set(await popupKeys(tabId))).toEqual(new Set(Object.keys(EXPECTED_MATCHES)));
    await new Promise((r) => setTimeout(r, 1000));
    expect(await api(async (browser) => Object.keys(await browser.notifications.getAll()), null)).toEqual([]);
    await page.close();
  });

  it('sends nothing to the network while a listing is read and the popup and options are open', async () => {
    // The saved listing's own scripts and images ask for other URLs: this generated one has none,
    // so any request refused from now on would be the extension's.
    const url = 'https://arxiv.org/list/cs/pastweek?show=300';
    session.sites.serve(url, arxivListing(300, { abstracts: true }).html);
    session.sites.refused.length = 0;
    const page = await session.newPage();
    await page.goto(url);
    await page.waitForFunction(() => document.querySelectorAll('[data-paperlight-key]').length >= 300, { timeout: 30_000 });
    await popupKeys((await tabIdOf(page))!);
    await (await session.openExtensionPage('options.html')).close();
    await new Promise((r) => setTimeout(r, 1000));
    // Firefox asks for the site's favicon itself, for the tab strip.
    expect(session.sites.refused.filter((u) => !u.endsWith('/favicon.ico'))).toEqual([]);
    await page.close();
  });
});
