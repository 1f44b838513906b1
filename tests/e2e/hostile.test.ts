/**
 * Hostile and pathological pages in Chromium (tests/content/hostile.test.ts covers the same at the
 * scan level): markup and script in titles and authors, `javascript:` links, forged attributes,
 * Unicode tricks and a 1 MB title run no script and break no layout, in the page or the popup;
 * a 50,000-entry page, a 2,000-level-deep page and a page that never stops mutating do not hang the tab.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { renderListing, type ListingEntry } from '../bench/arxiv-listing';
import { DEMO_INTERESTS, extensionPage, importInterests, launchExtension, tabIdOf, waitForScan, type ExtensionSession } from './harness';

let session: ExtensionSession;

beforeAll(async () => {
  session = await launchExtension();
  await importInterests(session, DEMO_INTERESTS);
});
afterAll(async () => {
  await session?.close();
});

const id = (i: number) => `2604.${String(10000 + i)}`;
const listing = (entries: ListingEntry[]) => renderListing([{ kind: 'new', heading: 'New submissions', entries }]);
const subjects = ['Computer Vision and Pattern Recognition (cs.CV)'];

/** Long tasks on the page's main thread (the content script's work included), in ms. */
async function openWatched(url: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __long: number[]; __pwned?: number };
    w.__long = [];
    new PerformanceObserver((list) => w.__long.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(url);
  return page;
}
const longest = (page: Page) => page.evaluate(() => Math.max(0, ...(window as unknown as { __long: number[] }).__long));
const pwned = (page: Page) => page.evaluate(() => (window as { __pwned?: number }).__pwned);

describe('a hostile listing', () => {
  const TITLES = [
    'Visual tracking <img src=x onerror="window.__pwned=1">',
    'Visual tracking <script>window.__pwned=2</script>',
    'Visual tracking "><svg onload="window.__pwned=3">',
    'Visual tracking \u202eevil\u202c with bidi \u2066override\u2069',
    'Visual tracking with zero\u200b\u200c\u200dwidth\ufeff joiners',
    `Visual tracking Z${'\u0301'.repeat(3000)}algo combining flood`,
    `Visual tracking ${'at scale '.repeat(120_000)}`, // ~1 MB
    'Visual tracking javascript link',
  ];

  it('runs no script, keeps forged attributes out, and renders only http(s) links in the page and the popup', async () => {
    let html = listing(TITLES.map((title, i) => ({ id: id(i), title, authors: ['<b onmouseover="window.__pwned=4">Mallory</b>', '\u202eecilA'], subjects })));
    html = html
      .replace(`href ="/abs/${id(7)}"`, `href ="javascript:window.__pwned=5//arxiv.org/abs/${id(7)}"`)
      .replace('<dd>', '<dd data-paperlight-key="arxiv:9999.99999" data-paperlight-match="forged">');
    const url = 'https://arxiv.org/list/cs/new?hostile';
    session.serve(url, html);
    const page = await openWatched(url);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await waitForScan(page, TITLES.length - 1);
    await page.waitForFunction((n) => document.querySelectorAll('[data-paperlight-badge]').length >= n, TITLES.length - 1);

    expect(await page.locator('[data-paperlight-key="arxiv:9999.99999"], [data-paperlight-match="forged"]').count()).toBe(0);
    // The entry whose link is javascript: has no arXiv id to read: it is skipped, not followed.
    expect(await page.locator(`[data-paperlight-key="arxiv:${id(7)}"]`).count()).toBe(0);
    const mouseOverAll = (p: Page, selector: string) =>
      p.locator(selector).evaluateAll((els) => els.forEach((e) => e.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }))));
    await mouseOverAll(page, 'dd, dd *');

    const popup = await session.context.newPage();
    popup.on('pageerror', (e) => errors.push(e.message));
    await popup.goto(extensionPage(session, `popup.html?tab=${await tabIdOf(session, page)}`));
    await popup.locator('li[data-paperlight-key]').nth(TITLES.length - 2).waitFor({ state: 'attached' });
    const rows = popup.locator('li[data-paperlight-key]');
    expect(await rows.locator('img, script, svg, b').count()).toBe(0);
    expect(await popup.getByText('<img src=x onerror="window.__pwned=1">', { exact: false }).count()).toBeGreaterThan(0);
    const hrefs = await popup.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.filter((h) => !/^(https?:|#|$)/i.test(h))).toEqual([]);
    // The 1 MB title is clipped and wraps: nothing pushes the popup wider than its window.
    expect(await popup.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1)).toBe(true);
    await mouseOverAll(popup, 'li[data-paperlight-key], li[data-paperlight-key] *');

    for (const p of [page, popup]) expect(await pwned(p)).toBeUndefined();
    expect(errors).toEqual([]);
    await popup.close();
    await page.close();
  });
});

describe('pathological pages', () => {
  it('a 50,000-entry listing: the first 10,000 are read, and the tab stays responsive', async () => {
    // arXiv's older, terser listing markup: the generator's current markup would make a 50 MB page.
    const entries = Array.from({ length: 50_000 }, (_, i) => {
      const n = `${2401 + Math.floor(i / 10_000)}.${String(10000 + (i % 10_000))}`;
      return `<dt><a href="/abs/${n}">arXiv:${n}</a></dt><dd><div class="list-title"><span class="descriptor">Title:</span> Paper ${i} on graphs</div></dd>`;
    });
    const url = 'https://arxiv.org/list/cs/pastweek?show=50000';
    session.serve(url, `<!doctype html><html><body><h3>New submissions</h3><dl>${entries.join('')}</dl></body></html>`);
    const started = Date.now();
    const page = await openWatched(url);
    await waitForScan(page, 10_000);
    const scanned = Date.now() - started;
    // The page answers while batches are stored and marks are written in slices.
    const ping = Date.now();
    await page.evaluate(() => 1);
    const answer = Date.now() - ping;
    expect(await page.locator('[data-paperlight-key]').count()).toBe(10_000);
    const longTask = await longest(page);
    console.info(`[hostile] 50,000 entries: 10,000 marked after ${scanned} ms; longest main-thread task ${Math.round(longTask)} ms; page answered in ${answer} ms`);
    expect(answer).toBeLessThan(1000);
    // The page's own parse and layout is a ~1.5 s task without the extension; before the arXiv adapter's
    // per-entry query was fixed, the scan added a 14 s one. Generous bounds: the machines are shared.
    expect(longTask).toBeLessThan(5000);
    await page.close();
  });

  it('a page nested 2,000 levels deep is scanned without error', async () => {
    // Built by the page's own script: Chromium's HTML parser stops nesting at 512 levels, and its
    // renderer crashes on a 5,000-level page even without the extension.
    const entry = `<h3>New submissions</h3><dl><dt><a href="/abs/${id(1)}">arXiv:${id(1)}</a></dt><dd><div class="list-title">Visual tracking deep down</div></dd></dl>`;
    const url = 'https://arxiv.org/list/cs/recent?deep';
    session.serve(url, `<!doctype html><html><body><script>
      let el = document.body;
      for (let i = 0; i < 2000; i++) el = el.appendChild(document.createElement('div'));
      el.insertAdjacentHTML('beforeend', ${JSON.stringify(entry)});
    </script></body></html>`);
    const page = await openWatched(url);
    await waitForScan(page, 1);
    expect(await page.locator(`[data-paperlight-key="arxiv:${id(1)}"]`).count()).toBe(1);
    console.info(`[hostile] 2,000-deep page: longest main-thread task ${Math.round(await longest(page))} ms`);
    await page.close();
  });

  it('a page that adds nodes every few milliseconds keeps its main thread free', async () => {
    // Hugging Face's adapter watches <main>; this page fills it with non-paper nodes forever.
    const url = 'https://huggingface.co/papers?mutating';
    session.serve(url, '<!doctype html><html><body><main><p>Daily papers</p></main></body></html>');
    const page = await openWatched(url);
    const lag = await page.evaluate(async () => {
      const main = document.querySelector('main')!;
      const ticker = setInterval(() => main.append(Object.assign(document.createElement('div'), { textContent: String(Math.random()) })), 2);
      let worst = 0;
      const end = performance.now() + 5000;
      while (performance.now() < end) {
        const t = performance.now();
        await new Promise((resolve) => setTimeout(resolve, 10));
        worst = Math.max(worst, performance.now() - t - 10);
      }
      clearInterval(ticker);
      return worst;
    });
    console.info(`[hostile] constantly mutating page: worst timer lag over 5 s ${Math.round(lag)} ms`);
    expect(lag).toBeLessThan(1000);
    await page.close();
  });
});
