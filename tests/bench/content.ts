/**
 * content.arxiv2000.*: the built extension in Chromium (tests/e2e/harness.ts) on a 2,000-entry
 * arXiv listing in the current markup (tests/bench/arxiv-listing.ts, titles + authors), with the 20
 * benchmark interests imported through the options page.
 *
 * Each sample loads the listing at its real URL under a CDP trace and waits until every entry is
 * marked, every matching entry (counted beforehand with the same matcher) carries its match
 * attribute, and those within two screens of the viewport have their badge (the rest are drawn as
 * the reader scrolls, lib/content/near-view.ts); the trace then gives the renderer main-thread
 * tasks attributed to chrome-extension://<id>/ scripts (tests/bench/trace.ts: tasks with the
 * content script's URL or CPU samples in its frames, whole tasks, i.e. with the style/layout/paint
 * they trigger). main_thread_ms = their sum, longest_task_ms
 * = the longest of them, script_ms = the JavaScript inside them (the rest is rendering).
 * Baseline: the same page served from a host the extension does not run on, where a bare
 * querySelectorAll walk reading each entry's id link, title and author names is loaded as a script
 * once the page has settled, traced and attributed the same way (by its URL).
 * Samples alternate between the two, after one discarded warm-up of each; medians are reported.
 */
import type { Page } from 'playwright-core';
import { compileInterests, matchPapers } from '../../lib/match/matcher';
import { collapseWhitespace } from '../../lib/text';
import { importInterests, launchExtension } from '../e2e/harness';
import { arxivListing, type Listing } from './arxiv-listing';
import { BENCH_INTERESTS_FILE, benchInterests } from './match';
import { interleaved, log, median, type Metric, type Sizes } from './measure';
import { scriptTasks, startTracing, type TaskSummary } from './trace';

const LIST_URL = 'https://arxiv.org/list/cs/new?show=2000';
/** Not a host of any adapter: the content script does not run there. */
const BASELINE_PAGE_URL = 'https://paperlight-bench.test/list/cs/new';
const WALK_URL = 'https://paperlight-bench.test/walk.js';
const WALK_SCRIPT = `window.__walked = Array.from(document.querySelectorAll('dl > dt'), (dt) => {
  const dd = dt.nextElementSibling;
  return {
    id: dt.querySelector('a[href*="/abs/"]').getAttribute('href'),
    title: dd.querySelector('.list-title').textContent,
    authors: Array.from(dd.querySelectorAll('.list-authors a'), (a) => a.textContent),
  };
}).length;`;

function matchingEntries(listing: Listing): number {
  const papers = listing.sections.flatMap((s) => s.entries.map((e) => ({ key: e.id, title: collapseWhitespace(e.title), authors: e.authors })));
  return matchPapers(compileInterests(benchInterests()), papers).filter((m) => m.length).length;
}

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
  const matching = matchingEntries(listing);
  log(`content: ${entries}-entry listing, ${matching} entries match the benchmark interests`);
  const session = await launchExtension();
  try {
    await importInterests(session, BENCH_INTERESTS_FILE);
    session.serve(LIST_URL, listing.html);
    session.serve(BASELINE_PAGE_URL, listing.html);
    session.serve(WALK_URL, WALK_SCRIPT);
    const isExtension = (url: string): boolean => url.startsWith(`chrome-extension://${session.extensionId}/`);
    const extension: TaskSummary[] = [];
    const walk: TaskSummary[] = [];

    const samples = await interleaved(
      {
        extension: async () => {
          const page = await session.context.newPage();
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
          await page.close();
          extension.push(summary);
          return summary.totalMs;
        },
        walk: async () => {
          const page = await session.context.newPage();
          await page.goto(BASELINE_PAGE_URL);
          // Let the page's own layout and paint finish first, as they have when the content script starts (document_idle).
          await page.waitForTimeout(500);
          const summary = await traced(page, (url) => url === WALK_URL, async () => {
            await page.addScriptTag({ url: WALK_URL });
          });
          const walked = await page.evaluate(() => [(window as { __walked?: number }).__walked, document.querySelectorAll('[data-paperlight-key]').length]);
          if (walked[0] !== entries || walked[1] !== 0) throw new Error(`baseline walk saw ${walked[0]} entries, ${walked[1]} marked by the extension`);
          await page.close();
          walk.push(summary);
          return summary.totalMs;
        },
      },
      sizes.browserRuns,
    );
    const kept = extension.slice(1);
    log(`content: extension tasks per load ${kept.map((s) => s.tasks).join(', ')}; script ms ${kept.map((s) => s.scriptMs.toFixed(0)).join(', ')}`);
    return [
      { name: 'content.arxiv2000.main_thread_ms', value: median(samples.extension), unit: 'ms', baseline: median(samples.walk), goal: { ratio: 2, value: 100 } },
      { name: 'content.arxiv2000.longest_task_ms', value: median(kept.map((s) => s.longestMs)), unit: 'ms', goal: { value: 50 } },
      { name: 'content.arxiv2000.script_ms', value: median(kept.map((s) => s.scriptMs)), unit: 'ms', baseline: median(walk.slice(1).map((s) => s.scriptMs)), goal: {} },
    ];
  } finally {
    await session.close();
  }
}
