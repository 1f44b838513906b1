/**
 * Pages that add entries without a reload (Hugging Face loads more cards, SPAs change the URL):
 * the new entries are detected and decorated once, and nothing is duplicated.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePages, readPage } from '../fixture-pages';
import { launchExtension, tabIdOf, waitForScan, type ExtensionSession, type WorkerGlobals } from './harness';

const fixture = fixturePages().find((p) => p.file === 'huggingface/daily-papers-2024-08-01.html')!;
let session: ExtensionSession;

beforeAll(async () => {
  session = await launchExtension();
  session.serve(fixture.url, readPage(fixture.file));
});
afterAll(async () => {
  await session?.close();
});

describe('a page that loads more entries', () => {
  it('detects cards added later, once each, and follows in-page navigation', async () => {
    const page = await session.context.newPage();
    await page.goto(fixture.url);
    await waitForScan(page, fixture.expected.length);

    // What the site does on "load more": append a card (copied from an existing one) with a new paper.
    await page.evaluate(() => {
      const card = document.querySelector('article')!;
      const copy = card.cloneNode(true) as HTMLElement;
      copy.removeAttribute('data-paperlight-key');
      copy.querySelectorAll('[data-paperlight-badge]').forEach((b) => b.remove());
      for (const a of copy.querySelectorAll('a[href^="/papers/"]')) a.setAttribute('href', '/papers/2408.00001');
      copy.querySelector('h3 a')!.textContent = 'A paper loaded later';
      card.parentElement!.append(copy);
    });
    await page.waitForFunction((n) => document.querySelectorAll('[data-paperlight-key]').length === n, fixture.expected.length + 1);
    expect(await page.locator('[data-paperlight-key="arxiv:2408.00001"]').count()).toBe(1);

    // An SPA navigation re-scans without duplicating marks.
    await page.evaluate(() => history.pushState({}, '', '/papers?date=2024-08-02'));
    const tabId = await tabIdOf(session, page);
    // WXT notices URL changes by polling once a second.
    await expect
      .poll(() =>
        session.worker.evaluate(async (id) => {
          const key = `tab:${id}`;
          const stored = await (globalThis as unknown as WorkerGlobals).chrome.storage.session.get(key);
          return (stored[key] as { page?: string } | undefined)?.page;
        }, tabId),
        { timeout: 5000 },
      )
      .toBe('https://huggingface.co/papers?date=2024-08-02');
    const keys = await page.locator('[data-paperlight-key]').evaluateAll((els) => els.map((e) => e.getAttribute('data-paperlight-key')));
    expect(keys).toHaveLength(fixture.expected.length + 1);
    expect(new Set(keys).size).toBe(keys.length);
    await page.close();
  });
});
