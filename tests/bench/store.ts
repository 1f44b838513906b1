/**
 * store.sightings2000: one page of 2,000 papers (the benchmark listing's entries, titles + authors,
 * as the content script detects them) stored through lib/db/store.ts recordScan with a real Dexie
 * in Chromium's IndexedDB, into an empty database: the paper records, each with its sighting and
 * its matches (precomputed with the real matcher), in one transaction, timed until it completes.
 * Baseline: one raw IndexedDB put loop, in one transaction, of exactly the records recordScan wrote,
 * so the ratio is the cost of the project's code over the bare writes (and the baseline is the
 * floor for any design that keeps one record per paper).
 * The code runs in a page served at a routed https URL (tests/bench/browser/store-bench.ts,
 * bundled by esbuild); samples alternate, after a discarded warm-up; medians are reported.
 */
import { build } from 'esbuild';
import { join } from 'node:path';
import { toPaper } from '../../lib/detect';
import { compileInterests, matchPapers } from '../../lib/match/matcher';
import type { DetectedPaper } from '../../lib/paper';
import { launchExtension } from '../e2e/harness';
import { listingSections } from './arxiv-listing';
import type { StoreInput } from './browser/store-bench';
import { benchInterests } from './match';
import { interleaved, log, median, type Metric, type Sizes } from './measure';

const PAGE_URL = 'https://paperlight-bench.test/store.html';
type StoreBench = typeof import('./browser/store-bench');

async function benchPage(): Promise<string> {
  const bundle = await build({
    entryPoints: [join(import.meta.dirname, 'browser/store-bench.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'storeBench',
    platform: 'browser',
    target: 'chrome120',
    write: false,
  });
  // Inline: the harness serves HTML; "</script" inside the code would end the element.
  return `<!DOCTYPE html><meta charset="utf-8"><script>${bundle.outputFiles[0]!.text.replace(/<\/script/gi, '<\\/script')}</script>`;
}

export async function storeMetrics(sizes: Sizes): Promise<Metric[]> {
  const papers = listingSections(sizes.store, { abstracts: false }).flatMap((s) =>
    s.entries.map((e) => toPaper({ title: e.title, url: `https://arxiv.org/abs/${e.id}`, ids: { arxiv: e.id }, authors: e.authors, section: s.heading })),
  ).filter((p): p is DetectedPaper => !!p);
  const input: StoreInput = { page: 'https://arxiv.org/list/cs/new', time: Date.now(), papers, matches: matchPapers(compileInterests(benchInterests()), papers) };
  log(`store: ${papers.length} papers, ${input.matches.flat().length} matches`);
  const session = await launchExtension();
  try {
    session.serve(PAGE_URL, await benchPage());
    const page = await session.context.newPage();
    await page.goto(PAGE_URL);
    type Window = { storeBench: StoreBench };
    const samples = await interleaved(
      {
        dexie: () => page.evaluate((i) => (window as unknown as Window).storeBench.dexieRun(i), input),
        raw: () => page.evaluate(() => (window as unknown as Window).storeBench.rawRun()),
      },
      sizes.browserRuns + 2,
    );
    return [
      { name: 'store.sightings2000_ms', value: median(samples.dexie), unit: 'ms', baseline: median(samples.raw), goal: { ratio: 1.5 } },
    ];
  } finally {
    await session.close();
  }
}
