/**
 * The whole path on arXiv in Chromium: import interests in the options page, open the listing
 * at its real URL, see every entry marked and the matching ones badged, see them in the popup.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_INTERESTS, EXPECTED_MATCHES, extensionPage, importInterests, launchExtension, LIST_FILE, LIST_URL, tabIdOf, waitForScan, type ExtensionSession } from './harness';

const listHtml = readFileSync(LIST_FILE, 'utf8');

let session: ExtensionSession;

beforeAll(async () => {
  session = await launchExtension();
  await importInterests(session, DEMO_INTERESTS);
});
afterAll(async () => {
  await session?.close();
});

describe('an arXiv listing', () => {
  it('marks every entry, badges the matching ones, and counts them on the toolbar', async () => {
    session.serve(LIST_URL, listHtml);
    const page = await session.context.newPage();
    await page.goto(LIST_URL);
    await waitForScan(page, 87);

    const keys = await page.locator('dd[data-paperlight-key]').evaluateAll((els) => els.map((e) => e.getAttribute('data-paperlight-key')));
    expect(keys).toHaveLength(87);
    expect(new Set(keys).size).toBe(87);

    await page.waitForFunction((n) => document.querySelectorAll('[data-paperlight-match]').length >= n, Object.keys(EXPECTED_MATCHES).length);
    const matched = await page.locator('[data-paperlight-match]').evaluateAll((els) =>
      Object.fromEntries(els.map((e) => [e.getAttribute('data-paperlight-key'), (e.getAttribute('data-paperlight-match') ?? '').split(' ').sort().join(' ')])),
    );
    const sorted = Object.fromEntries(Object.entries(EXPECTED_MATCHES).map(([k, v]) => [k, v.split(' ').sort().join(' ')]));
    expect(matched).toEqual(sorted);

    // Badges are drawn as their entries come near the viewport: one far down the page has none yet.
    const last = page.locator('[data-paperlight-match]').last();
    expect(await last.evaluate((e) => e.getBoundingClientRect().top > 4 * innerHeight)).toBe(true);
    expect(await last.locator('[data-paperlight-badge]').count()).toBe(0);
    await last.scrollIntoViewIfNeeded();
    await expect.poll(() => last.locator('[data-paperlight-badge]').count()).toBe(1);

    // The badge says which interest matched, and its panel which terms in which field.
    const entry = page.locator('[data-paperlight-key="arxiv:1804.08208"]');
    const badge = entry.locator('[data-paperlight-badge]');
    await entry.scrollIntoViewIfNeeded();
    await expect.poll(() => badge.count()).toBe(1);
    await badge.getByRole('button').click();
    const panel = await badge.getByRole('dialog').innerText();
    expect(panel).toContain('Visual tracking');
    expect(panel).toMatch(/visual tracking\s+title/);
    expect(panel).toMatch(/Peng Gao\s+authors/);

    const tabId = await tabIdOf(session, page);
    const badgeText = await session.worker.evaluate(
      (id) => (globalThis as unknown as import('./harness').WorkerGlobals).chrome.action.getBadgeText({ tabId: id }),
      tabId,
    );
    expect(badgeText).toBe(String(Object.keys(EXPECTED_MATCHES).length));

    const popup = await session.context.newPage();
    await popup.goto(extensionPage(session, `popup.html?tab=${tabId}`));
    await popup.locator('section[aria-busy="false"] li[data-paperlight-key]').first().waitFor();
    const listed = await popup.locator('li[data-paperlight-key]').evaluateAll((els) => els.map((e) => e.getAttribute('data-paperlight-key')));
    expect(new Set(listed)).toEqual(new Set(Object.keys(EXPECTED_MATCHES)));
    await expect.poll(() => popup.getByText(`${Object.keys(EXPECTED_MATCHES).length} of 87 papers match your interests`).count()).toBe(1);
    const link = popup.locator('li[data-paperlight-key="arxiv:1804.08208"] a.title').first();
    expect(await link.getAttribute('href')).toBe('https://arxiv.org/abs/1804.08208');
    await popup.close();

    // Reloading the listing does not duplicate anything: scrolled through, each match has one badge.
    await page.reload();
    await waitForScan(page, 87);
    for (const key of Object.keys(EXPECTED_MATCHES)) {
      const matchedEntry = page.locator(`[data-paperlight-key="${key}"]`);
      await matchedEntry.scrollIntoViewIfNeeded();
      await expect.poll(() => matchedEntry.locator('[data-paperlight-badge]').count()).toBe(1);
    }
    expect(await page.locator('[data-paperlight-badge]').count()).toBe(Object.keys(EXPECTED_MATCHES).length);
    await page.close();
  });

  it('treats markup and script in titles and authors as text, in the page and in the popup', async () => {
    const hostileTitle = 'Visual tracking &lt;img src=x onerror="window.__pwned=1"&gt;&lt;script&gt;window.__pwned=2&lt;/script&gt; at scale';
    const hostileAuthor = '&lt;b onmouseover="window.__pwned=3"&gt;Peng Gao&lt;/b&gt;';
    const html = listHtml
      .replace(/Large Margin Structured Convolution Operator for Thermal Infrared Object\s+Tracking/, hostileTitle)
      .replace('>Peng Gao</a>', `>${hostileAuthor}</a>`)
      .replace('data-paperlight-key', '');
    const url = 'https://arxiv.org/list/cs/pastweek?show=100';
    session.serve(url, html.replace('<dd>', '<dd data-paperlight-match="forged" data-paperlight-key="forged">'));
    const page = await session.context.newPage();
    await page.goto(url);
    await waitForScan(page, 87);
    expect(await page.locator('[data-paperlight-key="forged"], [data-paperlight-match="forged"]').count()).toBe(0);
    const entry = page.locator('[data-paperlight-key="arxiv:1804.07006"]');
    await entry.scrollIntoViewIfNeeded();
    await expect.poll(() => entry.locator('[data-paperlight-badge]').count()).toBe(1);

    const popup = await session.context.newPage();
    await popup.goto(extensionPage(session, `popup.html?tab=${await tabIdOf(session, page)}`));
    const row = popup.locator('#main-list ~ ol li[data-paperlight-key="arxiv:1804.07006"]');
    await row.waitFor();
    expect(await row.locator('.title').innerText()).toContain('<img src=x onerror="window.__pwned=1">');
    expect(await row.locator('img, script, b').count()).toBe(0);
    await row.hover();
    for (const p of [page, popup]) expect(await p.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    await popup.close();
    await page.close();
  });
});
