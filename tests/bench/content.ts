/**
 * content.arxiv2000.*: the built extension in Chromium (tests/e2e/harness.ts) on a 2,000-entry
 * arXiv listing in the current markup (tests/bench/arxiv-listing.ts, titles + authors), with the 20
 * benchmark interests imported through the options page.
 *
 * Each sample loads the listing at its real URL under a CDP trace and waits until every entry is
 * marked, every matching entry (counted beforehand with the same matcher) carries its match
 * attribute, and those within two screens of the viewport have their badge (the rest are drawn as
 * the reader scrolls, lib/content/near-view.ts); the trace then gives the renderer main-thread
 * tasks attributed to the content script, chrome-extension://<id>/content-scripts/ (tests/bench/trace.ts: tasks with the
 * content script's URL or CPU samples in its frames, whole tasks, i.e. with the style/layout/paint
 * they trigger). main_thread_ms = their sum, longest_task_ms
 * = the longest of them, script_ms = the JavaScript inside them (the rest is rendering).
 * Baseline, the floor: the same page served from a host the extension does not run on, where a
 * second, bare extension's content script (written here, injected the same way: isolated world,
 * document_idle) walks every entry with querySelectorAll, sets one data attribute on each, and in
 * one animation frame inserts a shadow host with a short text into each matching entry within two
 * screens of the viewport (the entries the extension badges at load); traced and attributed the
 * same way (by its URL). reader_floor_ms: the reader's floor, on a third host, against the floor:
 * the same bare extension's second content script also reads each entry's title and author line
 * and sends them in one message to its background, which answers with the matching ids, then
 * badges as the floor does (what any extension that matches in its background must add to the
 * floor). page_main_thread_ms: every main-thread task of the page during the load with
 * the extension, against the floor page's less the floor script's (the page without an extension);
 * long_tasks_ours: the extension's tasks over 50 ms; first_badge_ms: when the first badge is inserted
 * (ms since navigation start, noted by a MutationObserver the page runs), against the floor's.
 * Samples alternate between the three, after one discarded warm-up of each; medians are reported.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { compileInterests, matchPapers } from '../../lib/match/matcher';
import { collapseWhitespace } from '../../lib/text';
import { importInterests, launchExtension } from '../e2e/harness';
import { arxivListing, type Listing } from './arxiv-listing';
import { BENCH_INTERESTS_FILE, benchInterests } from './match';
import { interleaved, log, median, type Metric, type Sizes } from './measure';
import { scriptTasks, startTracing, type TaskSummary } from './trace';

const LIST_URL = 'https://arxiv.org/list/cs/new?show=2000';
/** Not a host of any adapter: the content script does not run there, the floor script does. */
const FLOOR_PAGE_URL = 'https://paperlight-bench.test/list/cs/new';
/** The reader's floor runs here (another host the extension does not run on). */
const READER_FLOOR_PAGE_URL = 'https://paperlight-bench-reader.test/list/cs/new';
/** Where the floor extension is written (a folder of tests/.tmp, rewritten each run). */
const FLOOR_EXTENSION_DIR = join(import.meta.dirname, '../.tmp/bench-floor-extension');

/** Badged at load: the matching entries within two screens of the viewport, as the extension's (lib/content/near-view.ts), in one frame. */
const FLOOR_BADGES = `function badge(titles) {
  const near = titles.filter((title) => title.getBoundingClientRect().top < 3 * innerHeight);
  requestAnimationFrame(() => {
    for (const title of near) {
      const host = document.createElement('span');
      host.setAttribute('data-floor-badge', '');
      host.attachShadow({ mode: 'open' }).textContent = 'Matches';
      title.append(host);
    }
  });
}`;

/**
 * The floor: what any extension that marks every entry and badges the matching ones near the
 * viewport must do, with nothing else. `matchingIds`: the arXiv ids of the entries that match.
 */
function floorScript(matchingIds: readonly string[]): string {
  return `${FLOOR_BADGES}
const matching = new Set(${JSON.stringify(matchingIds)});
const titles = [];
for (const dt of document.querySelectorAll('dl > dt')) {
  const id = dt.querySelector('a[href*="/abs/"]').getAttribute('href').split('/abs/')[1];
  dt.setAttribute('data-floor-key', id);
  if (matching.has(id)) titles.push(dt.nextElementSibling.querySelector('.list-title'));
}
badge(titles);`;
}

/**
 * The reader's floor: the floor, plus what the issues add to it, with nothing else. It reads each
 * entry's title and author line (the least a matcher needs) and sends them all to its background
 * in one message, which answers with the matching ids (matching is the background's, never the
 * page's: issue 16); then it badges as the floor does.
 */
const READER_FLOOR_SCRIPT = `${FLOOR_BADGES}
const papers = [];
const titles = new Map();
for (const dt of document.querySelectorAll('dl > dt')) {
  const id = dt.querySelector('a[href*="/abs/"]').getAttribute('href').split('/abs/')[1];
  dt.setAttribute('data-floor-key', id);
  const dd = dt.nextElementSibling;
  const title = dd.querySelector('.list-title');
  titles.set(id, title);
  papers.push({ id, title: title.textContent, authors: dd.querySelector('.list-authors').textContent });
}
chrome.runtime.sendMessage({ papers }).then((matched) => badge(matched.map((id) => titles.get(id))));`;

const readerFloorWorker = (matchingIds: readonly string[]): string => `const matching = new Set(${JSON.stringify(matchingIds)});
chrome.runtime.onMessage.addListener((message, _sender, reply) => reply(message.papers.map((p) => p.id).filter((id) => matching.has(id))));`;

/** An unpacked extension whose content scripts are the floors, run like Paperlight's (isolated world, document_idle), each on its floor page's host only. */
function writeFloorExtension(matchingIds: readonly string[]): string {
  rmSync(FLOOR_EXTENSION_DIR, { recursive: true, force: true });
  mkdirSync(FLOOR_EXTENSION_DIR, { recursive: true });
  const manifest = {
    manifest_version: 3,
    name: 'Paperlight bench floor',
    version: '1.0',
    background: { service_worker: 'reader-floor-worker.js' },
    content_scripts: [
      { matches: [`${new URL(FLOOR_PAGE_URL).origin}/*`], js: ['floor.js'], run_at: 'document_idle' },
      { matches: [`${new URL(READER_FLOOR_PAGE_URL).origin}/*`], js: ['reader-floor.js'], run_at: 'document_idle' },
    ],
  };
  writeFileSync(join(FLOOR_EXTENSION_DIR, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(FLOOR_EXTENSION_DIR, 'floor.js'), floorScript(matchingIds));
  writeFileSync(join(FLOOR_EXTENSION_DIR, 'reader-floor.js'), READER_FLOOR_SCRIPT);
  writeFileSync(join(FLOOR_EXTENSION_DIR, 'reader-floor-worker.js'), readerFloorWorker(matchingIds));
  return FLOOR_EXTENSION_DIR;
}

/** The arXiv ids of the listing's entries that match the benchmark interests. */
function matchingEntries(listing: Listing): string[] {
  const papers = listing.sections.flatMap((s) => s.entries.map((e) => ({ key: e.id, title: collapseWhitespace(e.title), authors: e.authors })));
  const matches = matchPapers(compileInterests(benchInterests()), papers);
  return papers.filter((_, i) => matches[i]?.length).map((p) => p.key);
}

/** Notes, as ms since navigation start, when the first element matching `selector` is inserted (window.__firstBadge). */
const firstBadgeProbe = (selector: string) => `new MutationObserver((_, observer) => {
  if (!document.querySelector(${JSON.stringify(selector)})) return;
  observer.disconnect();
  window.__firstBadge = performance.now();
}).observe(document, { childList: true, subtree: true });`;

const firstBadge = (page: Page): Promise<number> => page.evaluate(() => (window as { __firstBadge?: number }).__firstBadge ?? NaN);

async function traced(page: Page, isScript: (url: string) => boolean, run: () => Promise<void>): Promise<TaskSummary> {
  const cdp = await page.context().newCDPSession(page);
  const stop = await startTracing(cdp);
  await run();
  // Frames still pending after the last change land in the trace too.
  await page.waitForTimeout(300);
  const summary = scriptTasks(await stop(), isScript);
  await cdp.detach();
  return summary;
}

export async function contentMetrics(sizes: Sizes): Promise<Metric[]> {
  const listing = arxivListing(sizes.listing, { abstracts: false });
  const entries = sizes.listing;
  const matchingIds = matchingEntries(listing);
  const matching = matchingIds.length;
  log(`content: ${entries}-entry listing, ${matching} entries match the benchmark interests`);
  const session = await launchExtension([writeFloorExtension(matchingIds)]);
  try {
    await importInterests(session, BENCH_INTERESTS_FILE);
    session.serve(LIST_URL, listing.html);
    session.serve(FLOOR_PAGE_URL, listing.html);
    session.serve(READER_FLOOR_PAGE_URL, listing.html);
    // The content script's own URL: the service worker's scripts run on a thread of their own, and the
    // trace holds their events too (a thread pick by the most events would measure the worker instead).
    const isExtension = (url: string): boolean => url.startsWith(`chrome-extension://${session.extensionId}/content-scripts/`);
    const isFloor = (url: string): boolean => url.startsWith('chrome-extension://') && url.endsWith('/floor.js');
    const extension: TaskSummary[] = [];
    const isReaderFloor = (url: string): boolean => url.startsWith('chrome-extension://') && url.endsWith('/reader-floor.js');
    const floor: TaskSummary[] = [];
    const readerFloor: TaskSummary[] = [];
    const badged = { extension: [] as number[], floor: [] as number[], readerFloor: [] as number[] };
    const floorSample = async (url: string, isScript: (url: string) => boolean, summaries: TaskSummary[], firstBadges: number[]): Promise<number> => {
      const page = await session.context.newPage();
      await page.addInitScript(firstBadgeProbe('[data-floor-badge]'));
      const summary = await traced(page, isScript, async () => {
        await page.goto(url);
        await page.waitForFunction(
          (n) => document.querySelectorAll('[data-floor-key]').length === n && document.querySelector('[data-floor-badge]'),
          entries,
          { polling: 250, timeout: 60_000 },
        );
      });
      const marked = await page.evaluate(() => document.querySelectorAll('[data-paperlight-key]').length);
      if (marked) throw new Error(`the extension marked ${marked} entries of a floor page`);
      firstBadges.push(await firstBadge(page));
      await page.close();
      summaries.push(summary);
      return summary.totalMs;
    };

    const samples = await interleaved(
      {
        extension: async () => {
          const page = await session.context.newPage();
          await page.addInitScript(firstBadgeProbe('[data-paperlight-badge]'));
          const summary = await traced(page, isExtension, async () => {
            await page.goto(LIST_URL);
            await page.waitForFunction(
              ({ n, m }) => {
                const matched = Array.from(document.querySelectorAll('[data-paperlight-match]'));
                if (document.querySelectorAll('[data-paperlight-key]').length < n || matched.length < m) return false;
                // Badges are drawn within two screens of the viewport (lib/content/near-view.ts).
                const near = matched.filter((e) => e.getBoundingClientRect().top < 3 * innerHeight);
                return near.length > 0 && near.every((e) => e.querySelector('[data-paperlight-badge]'));
              },
              { n: entries, m: matching },
              { polling: 250, timeout: 60_000 },
            );
          });
          badged.extension.push(await firstBadge(page));
          await page.close();
          extension.push(summary);
          return summary.totalMs;
        },
        floor: () => floorSample(FLOOR_PAGE_URL, isFloor, floor, badged.floor),
        readerFloor: () => floorSample(READER_FLOOR_PAGE_URL, isReaderFloor, readerFloor, badged.readerFloor),
      },
      sizes.browserRuns,
    );
    const kept = extension.slice(1);
    const floorKept = floor.slice(1);
    log(`content: extension tasks per load ${kept.map((s) => s.tasks).join(', ')}; script ms ${kept.map((s) => s.scriptMs.toFixed(0)).join(', ')}; tasks over 50 ms ${kept.map((s) => s.longTasks).join(', ')}`);
    return [
      { name: 'content.arxiv2000.main_thread_ms', value: median(samples.extension), unit: 'ms', baseline: median(samples.floor), goal: { ratio: 1.5 } },
      // How much of the 1.5× a bare reader already takes: the floor plus reading titles and authors and one message to a background.
      { name: 'content.arxiv2000.reader_floor_ms', value: median(samples.readerFloor), unit: 'ms', baseline: median(samples.floor), goal: {} },
      { name: 'content.arxiv2000.longest_task_ms', value: median(kept.map((s) => s.longestMs)), unit: 'ms', baseline: median(floorKept.map((s) => s.longestMs)), goal: { ratio: 1.2 } },
      { name: 'content.arxiv2000.script_ms', value: median(kept.map((s) => s.scriptMs)), unit: 'ms', baseline: median(floorKept.map((s) => s.scriptMs)), goal: {} },
      // The page's whole main thread while it loads, with the extension vs without it (the floor page less the floor script's tasks).
      { name: 'content.arxiv2000.page_main_thread_ms', value: median(kept.map((s) => s.threadMs)), unit: 'ms', baseline: median(floorKept.map((s) => s.threadMs - s.totalMs)), goal: {} },
      { name: 'content.arxiv2000.long_tasks_ours', value: median(kept.map((s) => s.longTasks)), unit: 'tasks', goal: {} },
      // What a reader waits for: the first badge in the page, against the floor's, which has no background to ask.
      { name: 'content.arxiv2000.first_badge_ms', value: median(badged.extension.slice(1)), unit: 'ms', baseline: median(badged.floor.slice(1)), goal: {} },
    ];
  } finally {
    await session.close();
  }
}
