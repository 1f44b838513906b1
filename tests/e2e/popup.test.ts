/**
 * The popup and the badge panel as a researcher triages a morning's reading: two listings open,
 * the popup opened on the arXiv tab (that page's matches first, ranked), star / not interested /
 * undo from every list and from the badge panel, every action reflected at once in the page's
 * entries (`data-paperlight-state`) and in the counts; Starred and Dismissed views restore;
 * search; keyboard control; no accessibility violations (axe-core) in light and dark themes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePages, readPage } from '../fixture-pages';
import { DEMO_INTERESTS, extensionPage, importInterests, launchExtension, tabIdOf, waitForScan, type ExtensionSession } from './harness';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const DOUBLE_MATCHES = ['arxiv:1804.07006', 'arxiv:1804.08208'];
const LISTING = 'arxiv/list-cs-new-2018-07-20-truncated.html';
const DAILY = 'huggingface/daily-papers-2024-08-01.html';

let session: ExtensionSession;
const pages: Record<string, Page> = {};

async function openListing(file: string): Promise<Page> {
  const fixture = fixturePages().find((p) => p.file === file)!;
  const page = await session.context.newPage();
  await page.goto(fixture.url);
  await waitForScan(page, fixture.expected.length);
  return page;
}

/** The popup as a page about the listing's tab (as the toolbar button opens it there). */
async function openPopup(query?: string): Promise<Page> {
  query ??= `tab=${await tabIdOf(session, pages.listing!)}`;
  const popup = await session.context.newPage();
  await popup.setViewportSize({ width: 440, height: 600 });
  await popup.goto(extensionPage(session, `popup.html?${query}`));
  await popup.locator('section[aria-busy="false"] li[data-paperlight-key]').first().waitFor();
  return popup;
}

const rows = (popup: Page) => popup.locator('#main-list-panel li[data-paperlight-key]');
const rowKeys = (popup: Page) => rows(popup).evaluateAll((els) => els.map((e) => e.getAttribute('data-paperlight-key')));
const row = (popup: Page, key: string) => popup.locator(`#main-list-panel li[data-paperlight-key="${key}"]`);
const tabCount = (popup: Page, name: string) => popup.getByRole('tab', { name: new RegExp(`^${name}`) }).locator('.count').textContent();
const entryState = (page: Page, key: string) => page.locator(`[data-paperlight-key="${key}"]`).first().getAttribute('data-paperlight-state');

/** Expand a row (its actions show on expand) and press one of its actions. */
async function act(popup: Page, key: string, action: 'star' | 'dismiss'): Promise<void> {
  const r = row(popup, key);
  if (!(await r.getAttribute('class'))?.includes('expanded')) await r.locator('button.expand').click();
  await r.locator(`[data-paperlight-action="${action}"]`).click();
}

beforeAll(async () => {
  session = await launchExtension();
  for (const page of fixturePages()) session.serve(page.url, readPage(page.file));
  await importInterests(session, DEMO_INTERESTS);
  pages.daily = await openListing(DAILY);
  pages.listing = await openListing(LISTING);
});
afterAll(async () => {
  await session?.close();
});

describe('the popup', () => {
  it('opened on a listing, shows that page’s matches first, ranked (two interests first), with Today and Popular a tab away', async () => {
    const popup = await openPopup();
    expect(await popup.getByRole('tab', { selected: true }).textContent()).toMatch(/^This page/);
    const keys = await rowKeys(popup);
    expect(keys).toHaveLength(8);
    expect(new Set(keys.slice(0, 2))).toEqual(new Set(DOUBLE_MATCHES));
    expect(await popup.getByText('8 of 87 papers match your interests').count()).toBe(1);
    // About eight compact rows are in view in a 600 px popup.
    const inView = await rows(popup).evaluateAll((els) => els.filter((e) => e.getBoundingClientRect().bottom <= 600).length);
    expect(inView).toBeGreaterThanOrEqual(7);
    // A one-line title leaves no empty line below it: its row is shorter than a two-line title's.
    const heights = await rows(popup).evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
    expect(Math.min(...heights)).toBeLessThan(Math.max(...heights) - 10);
    expect(Math.max(...heights)).toBeLessThanOrEqual(56);

    await popup.getByRole('tab', { name: /^Popular/ }).click();
    expect((await rowKeys(popup))[0]).toBe('arxiv:2407.21783');
    const upvotes = await rows(popup).locator('.meta [aria-label*="upvote"]').allInnerTexts();
    const numbers = upvotes.map((s) => Number(s.replace(/\D/g, '')));
    expect(numbers.length).toBeGreaterThan(1);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    await popup.close();
  });

  it('dismisses from This page: the row becomes an undo line, the counts drop and the page’s entry dims at once; Undo restores all', async () => {
    const popup = await openPopup();
    const key = (await rowKeys(popup))[2]!;
    await act(popup, key, 'dismiss');
    await expect.poll(() => row(popup, key).getAttribute('data-paperlight-state')).toBe('dismissed');
    await expect.poll(() => tabCount(popup, 'This page')).toBe('7');
    expect(await popup.getByText('7 of 87 papers match your interests').count()).toBe(1);
    await expect.poll(() => entryState(pages.listing!, key)).toBe('dismissed');
    expect(await pages.listing!.locator(`[data-paperlight-key="${key}"]`).first().evaluate((e) => getComputedStyle(e).opacity)).toBe('0.45');

    await row(popup, key).locator('[data-paperlight-action="undo"]').click();
    await expect.poll(() => tabCount(popup, 'This page')).toBe('8');
    await expect.poll(() => entryState(pages.listing!, key)).toBeNull();
    await popup.close();
  });

  it('stars from Today and from Popular, marks the entries in their pages, lists them under Starred, and unstars there', async () => {
    const popup = await openPopup();
    await popup.getByRole('tab', { name: /^Today/ }).click();
    const fromToday = (await rowKeys(popup))[3]!;
    await act(popup, fromToday, 'star');
    await expect.poll(() => entryState(pages.listing!, fromToday)).toBe('starred');
    // The undo sits next to the button that was pressed.
    await expect.poll(() => row(popup, fromToday).locator('.actions [data-paperlight-action="undo"]').count()).toBe(1);

    await popup.getByRole('tab', { name: /^Popular/ }).click();
    const fromPopular = (await rowKeys(popup))[0]!;
    await act(popup, fromPopular, 'star');
    await expect.poll(() => entryState(pages.daily!, fromPopular)).toBe('starred');
    await expect.poll(() => pages.daily!.locator(`[data-paperlight-key="${fromPopular}"] [data-paperlight-badge]`).first().evaluate((h) => h.shadowRoot?.textContent)).toContain('★');

    await popup.getByRole('tab', { name: /^Starred/ }).click();
    await expect.poll(() => rowKeys(popup)).toEqual(expect.arrayContaining([fromToday, fromPopular]));
    await expect.poll(() => tabCount(popup, 'Starred')).toBe('2');
    await act(popup, fromPopular, 'star');
    await expect.poll(() => tabCount(popup, 'Starred')).toBe('1');
    await expect.poll(() => entryState(pages.daily!, fromPopular)).toBeNull();
    await popup.close();
  });

  it('dismisses a search result and a notification’s paper, and restores them from Dismissed', async () => {
    let popup = await openPopup();
    await popup.keyboard.press('/');
    await popup.keyboard.type('spectral clusterng');
    const found = 'arxiv:1807.07122';
    await row(popup, found).waitFor();
    expect(await popup.locator('#main-list').textContent()).toBe('Search results');
    // The words searched for are marked in the result.
    expect(await row(popup, found).locator('.title mark').first().textContent()).toMatch(/^spectral$/i);
    await act(popup, found, 'dismiss');
    await expect.poll(() => entryState(pages.listing!, found)).toBe('dismissed');
    await popup.keyboard.press('Escape');
    await popup.close();

    const notifiedKey = DOUBLE_MATCHES[0]!;
    popup = await openPopup(`key=${encodeURIComponent(notifiedKey)}`);
    expect(await popup.getByRole('tab', { selected: true }).textContent()).toMatch(/^Notified/);
    await act(popup, notifiedKey, 'dismiss');
    await expect.poll(() => entryState(pages.listing!, notifiedKey)).toBe('dismissed');

    await popup.getByRole('tab', { name: /^Dismissed/ }).click();
    await expect.poll(() => rowKeys(popup)).toEqual([notifiedKey, found]);
    await act(popup, notifiedKey, 'dismiss');
    await act(popup, found, 'dismiss');
    await expect.poll(() => tabCount(popup, 'Dismissed')).toBe('0');
    await expect.poll(() => entryState(pages.listing!, notifiedKey)).toBeNull();
    await expect.poll(() => entryState(pages.listing!, found)).toBeNull();
    await popup.close();
  });

  it('moves with j/k and arrows (expanding the current row), stars with s and undoes with u', async () => {
    const popup = await openPopup();
    await popup.locator('h1').click();
    for (const key of ['j', 'ArrowDown', 'k', 'j']) await popup.keyboard.press(key);
    const current = popup.locator('#main-list-panel li[aria-current="true"]');
    expect(await current.getAttribute('data-paperlight-key')).toBe((await rowKeys(popup))[1]);
    expect(await current.getAttribute('class')).toContain('expanded');
    const star = current.locator('[data-paperlight-action="star"]');
    const wasStarred = (await star.getAttribute('aria-pressed')) === 'true';
    await popup.keyboard.press('s');
    await expect.poll(() => star.getAttribute('aria-pressed')).toBe(String(!wasStarred));
    await popup.keyboard.press('u');
    await expect.poll(() => star.getAttribute('aria-pressed')).toBe(String(wasStarred));
    // u pressed before the star's answer: the undo waits for the star, so nothing flips it back later.
    await popup.keyboard.press('s');
    await popup.keyboard.press('u');
    await popup.waitForTimeout(1000);
    expect(await star.getAttribute('aria-pressed')).toBe(String(wasStarred));
    await popup.close();
  });

  it('reads the two weeks’ chart only when the reader opens it, once', async () => {
    const popup = await session.context.newPage();
    // What the popup asks the background, by type.
    await popup.addInitScript(`window.__asked = [];
const send = chrome.runtime.sendMessage.bind(chrome.runtime);
chrome.runtime.sendMessage = (message, ...rest) => { window.__asked.push(message.type); return send(message, ...rest); };`);
    await popup.goto(extensionPage(session, `popup.html?tab=${await tabIdOf(session, pages.listing!)}`));
    await popup.locator('section[aria-busy="false"] li[data-paperlight-key]').first().waitFor();
    const asked = () => popup.evaluate(() => (window as unknown as { __asked: string[] }).__asked);
    await popup.waitForTimeout(500);
    expect(await asked()).toContain('getTrending');
    expect(await asked()).not.toContain('getChart');
    const summary = popup.locator('details.chart-box summary');
    await summary.click();
    await popup.locator('figure.chart').waitFor();
    // Its caption ends with today's count: the papers of both listings that match.
    const caption = (await popup.locator('figure.chart figcaption').textContent())!.trim();
    expect(Number(/(\d+)$/.exec(caption)?.[1])).toBeGreaterThan(0);
    await summary.click();
    await summary.click();
    await popup.locator('figure.chart').waitFor();
    expect((await asked()).filter((type) => type === 'getChart')).toHaveLength(1);
    await popup.close();
  });

  it('has no accessibility violations (axe-core), in light and dark themes, with a row expanded and the chart open', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const popup = await session.context.newPage();
      await popup.emulateMedia({ colorScheme });
      await popup.goto(extensionPage(session, `popup.html?tab=${await tabIdOf(session, pages.listing!)}`));
      await popup.locator('section[aria-busy="false"] li[data-paperlight-key]').first().waitFor();
      await popup.locator('li[data-paperlight-key] button.expand').first().click();
      await popup.locator('details.chart-box summary').click();
      await popup.locator('figure.chart').waitFor();
      // evaluate() is not subject to the page's CSP, which (rightly) forbids injected script tags.
      await popup.evaluate(axeSource);
      const violations = await popup.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
        return (await axe.run(document)).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      expect(violations, colorScheme).toEqual([]);
      await popup.close();
    }
  });
});

describe('the badge panel', () => {
  const badge = (page: Page, key: string) => page.locator(`[data-paperlight-key="${key}"] [data-paperlight-badge]`).first();
  const panel = (page: Page) => page.locator('[data-paperlight-badge] [role="dialog"]');

  it('shows the matched words in context and why, and closes on Escape, on an outside click, and when another opens', async () => {
    const page = pages.listing!;
    // Keys and focus go to the tab in front, as they would for the researcher reading it.
    await page.bringToFront();
    const [first, second] = DOUBLE_MATCHES as [string, string];
    await page.locator(`[data-paperlight-key="${first}"]`).first().scrollIntoViewIfNeeded();
    await badge(page, first).locator('button.chips').click();
    await expect.poll(() => panel(page).count()).toBe(1);
    expect(await panel(page).locator('.row').count()).toBe(2);
    expect(await panel(page).locator('.term').first().textContent()).toMatch(/title|abstract|authors/);
    // Keyboard reachable: Tab goes from the badge into its panel's actions.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.textContent ?? '')).not.toBe('');
    await page.keyboard.press('Escape');
    await expect.poll(() => panel(page).count()).toBe(0);

    await badge(page, first).locator('button.chips').click();
    await page.mouse.click(5, 5);
    await expect.poll(() => panel(page).count()).toBe(0);

    await badge(page, first).locator('button.chips').click();
    await page.locator(`[data-paperlight-key="${second}"]`).first().scrollIntoViewIfNeeded();
    await badge(page, second).locator('button.chips').click();
    await expect.poll(() => panel(page).count()).toBe(1);
    expect(await badge(page, second).locator('[role="dialog"]').count()).toBe(1);
    await page.keyboard.press('Escape');
  });

  it('stars and dismisses from the panel, with undo beside it; the entry and an open popup’s counts follow at once', async () => {
    const page = pages.listing!;
    const popup = await openPopup();
    const key = DOUBLE_MATCHES[1]!;
    await page.locator(`[data-paperlight-key="${key}"]`).first().scrollIntoViewIfNeeded();
    await badge(page, key).locator('button.chips').click();
    await panel(page).locator('[data-paperlight-action="star"]').click();
    await expect.poll(() => entryState(page, key)).toBe('starred');
    await expect.poll(() => row(popup, key).getAttribute('data-paperlight-state')).toBe('starred');

    await panel(page).locator('[data-paperlight-action="dismiss"]').click();
    await expect.poll(() => entryState(page, key)).toBe('starred dismissed');
    await expect.poll(() => tabCount(popup, 'This page')).toBe('7');
    await panel(page).locator('[data-paperlight-action="undo"]').click();
    await expect.poll(() => entryState(page, key)).toBe('starred');
    await expect.poll(() => tabCount(popup, 'This page')).toBe('8');
    await panel(page).locator('[data-paperlight-action="star"]').click();
    await expect.poll(() => entryState(page, key)).toBeNull();
    await page.keyboard.press('Escape');
    await popup.close();
  });

  it('marks an entry seen on an earlier day, quietly, with the day and the site', async () => {
    const page = pages.listing!;
    const key = 'arxiv:1807.07540';
    // A sighting from an earlier day, written into the store as an earlier visit would have.
    await session.worker.evaluate(
      (k) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('paperlight');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction('papers', 'readwrite');
            const papers = tx.objectStore('papers');
            const get = papers.get(k);
            get.onsuccess = () => {
              const paper = get.result;
              const first = paper.sightings[0];
              paper.sightings.unshift({ ...first, day: '2020-01-15', time: first.time - 1e10, firstTime: first.time - 1e10 });
              paper.days = ['2020-01-15', ...paper.days];
              papers.put(paper);
            };
            tx.oncomplete = () => (db.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
        }),
      key,
    );
    await page.reload();
    await waitForScan(page, 87);
    await expect.poll(() => entryState(page, key)).toBe('seen');
    const entry = page.locator(`[data-paperlight-key="${key}"]`).first();
    await entry.scrollIntoViewIfNeeded();
    await expect.poll(() => entry.locator('[data-paperlight-badge]').evaluate((h) => h.shadowRoot?.textContent ?? '')).toMatch(/seen .*2020 on arXiv/);
  });

  it('keeps a dismissed paper dimmed when its page is read again', async () => {
    const page = pages.listing!;
    const key = DOUBLE_MATCHES[0]!;
    await page.locator(`[data-paperlight-key="${key}"]`).first().scrollIntoViewIfNeeded();
    await badge(page, key).locator('button.chips').click();
    await panel(page).locator('[data-paperlight-action="dismiss"]').click();
    await expect.poll(() => entryState(page, key)).toBe('dismissed');
    await page.reload();
    await waitForScan(page, 87);
    await expect.poll(() => entryState(page, key)).toBe('dismissed');
    expect(await page.locator(`[data-paperlight-key="${key}"]`).first().evaluate((e) => getComputedStyle(e).opacity)).toBe('0.45');
  });
});
