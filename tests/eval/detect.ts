/**
 * `npm run eval:detect`: detection quality on every fixture page (tests/fixtures/pages), per page and overall.
 *
 * Each page is loaded as if served from its URL (urls.json) and run through the same `detect()` the
 * content script and `npm run detect` use. A detected paper is a TRUE POSITIVE when an expected entry
 * not yet matched on that page has
 *   - the same title, whitespace collapsed (case and punctuation count: the title is shown as is), and
 *   - the same ids: the same id kinds with equal values, DOIs compared case-insensitively (DOIs are
 *     case-insensitive by definition; the contract stores them lower-case, some expected files do not).
 * URLs, authors and extra keys are not scored here; the fixture test (tests/adapters/fixtures.test.ts)
 * checks them field by field.
 *
 * precision = TP / detected, recall = TP / expected, F1 their harmonic mean. A page with nothing
 * expected and nothing detected scores 1; nothing detected scores precision 1, recall 0. The mean row
 * is the unweighted mean over pages. A second table sums it up per site (fixture folder): real and
 * synthetic pages, and the mean F1 over each; sites with no real page are named. Exits 1 when any
 * page's F1 is below 0.99.
 */
import { detect } from '../../lib/detect';
import { loadPage } from '../../lib/cli/page';
import type { DetectedPaper } from '../../lib/paper';
import { collapseWhitespace } from '../../lib/text';
import { fixturePages, readPage, type ExpectedPaper, type FixturePage } from '../fixture-pages';

const THRESHOLD = 0.99;

interface Score {
  file: string;
  site: string;
  synthetic: boolean;
  adapter: string;
  expected: number;
  detected: number;
  tp: number;
  precision: number;
  recall: number;
  f1: number;
}

function idsKey(ids: Record<string, string | undefined>): string {
  return Object.entries(ids)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}=${k === 'doi' ? (v as string).toLowerCase() : v}`)
    .sort()
    .join(' ');
}

function sameAs(d: DetectedPaper, e: ExpectedPaper): boolean {
  return (
    collapseWhitespace(d.title) === collapseWhitespace(e.title) &&
    idsKey(d.ids as Record<string, string | undefined>) === idsKey(e.ids)
  );
}

function score(page: FixturePage, adapter: string, detected: DetectedPaper[], expected: ExpectedPaper[]): Score {
  const unmatched = [...expected];
  let tp = 0;
  for (const d of detected) {
    const i = unmatched.findIndex((e) => sameAs(d, e));
    if (i < 0) continue;
    unmatched.splice(i, 1);
    tp++;
  }
  const precision = detected.length ? tp / detected.length : 1;
  const recall = expected.length ? tp / expected.length : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { file: page.file, site: page.site, synthetic: page.synthetic, adapter, expected: expected.length, detected: detected.length, tp, precision, recall, f1 };
}

function evaluate(): Score[] {
  return fixturePages().map((page) => {
    const { document, close } = loadPage(readPage(page.file), page.url);
    try {
      const { adapter, detections } = detect(document, new URL(page.url));
      return score(
        page,
        adapter?.id ?? '(none)',
        detections.map((d) => d.paper),
        page.expected,
      );
    } finally {
      close();
    }
  });
}

function render(rows: string[][], textColumns: number): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) => r.map((cell, c) => (c < textColumns ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(rows[0]!), rule, ...rows.slice(1, -1).map(line), rule, line(rows[rows.length - 1]!)].join('\n');
}

const num = (n: number) => n.toFixed(3);
const mean = (scores: Score[], f: (s: Score) => number) => scores.reduce((sum, s) => sum + f(s), 0) / (scores.length || 1);

function table(scores: Score[]): string {
  return render(
    [
      ['page', 'adapter', 'expected', 'detected', 'TP', 'precision', 'recall', 'F1'],
      ...scores.map((s) => [
        s.file + (s.f1 < THRESHOLD ? '  <' : ''),
        s.adapter,
        String(s.expected),
        String(s.detected),
        String(s.tp),
        num(s.precision),
        num(s.recall),
        num(s.f1),
      ]),
      [`mean (${scores.length} pages)`, '', '', '', '', num(mean(scores, (s) => s.precision)), num(mean(scores, (s) => s.recall)), num(mean(scores, (s) => s.f1))],
    ],
    2,
  );
}

/** Per site: how many real and synthetic pages, and the mean F1 over each ("-" where there are none). */
function siteTable(scores: Score[]): string {
  const sites = [...new Set(scores.map((s) => s.site))].sort();
  const f1 = (list: Score[]) => (list.length ? num(mean(list, (s) => s.f1)) : '-');
  const real = scores.filter((s) => !s.synthetic);
  const synthetic = scores.filter((s) => s.synthetic);
  return render(
    [
      ['site', 'real', 'synthetic', 'F1 real', 'F1 synthetic'],
      ...sites.map((site) => {
        const r = real.filter((s) => s.site === site);
        const y = synthetic.filter((s) => s.site === site);
        return [site, String(r.length), String(y.length), f1(r), f1(y)];
      }),
      [`all (${sites.length} sites)`, String(real.length), String(synthetic.length), f1(real), f1(synthetic)],
    ],
    1,
  );
}

const scores = evaluate();
console.log(table(scores));
console.log(`\n${siteTable(scores)}`);
const noRealPage = [...new Set(scores.map((s) => s.site))].filter((site) => !scores.some((s) => s.site === site && !s.synthetic));
console.log(`\nSites with no real saved page: ${noRealPage.length ? noRealPage.sort().join(', ') : 'none'}`);
const failing = scores.filter((s) => s.f1 < THRESHOLD);
if (failing.length) {
  console.error(`\n${failing.length} page(s) below F1 ${THRESHOLD}: ${failing.map((s) => s.file).join(', ')}`);
  process.exitCode = 1;
}
