/**
 * `npm run bench [-- --json] [-- --smoke] [-- --only content,store,popup,match,bundle,search] [-- --popup-store <papers>]`: performance
 * of the built extension and the background code, each figure beside its baseline measured in the
 * same run (machines are noisy; the ratios are what we track). Expects a fresh `wxt build` (the npm
 * script does it). How each figure is measured is said in the file that measures it:
 *   content.*  tests/bench/content.ts   (Chromium, CDP trace of the content script's tasks)
 *   match.*    tests/bench/match.ts     (Node, matcher vs precompiled RegExp)
 *   store.*    tests/bench/store.ts     (Chromium IndexedDB, recordScan vs raw puts)
 *   popup.*    tests/bench/popup.ts     (Chromium, popup over a seeded 100k store, its search)
 *   search.*   tests/bench/search.ts    (Node, the search index at 10k/100k/300k papers)
 *   content.bundle_gzip_kb: gzip -9 of .output/chrome-mv3/content-scripts/content.js.
 * --smoke runs the same measurements on small sizes (200 entries, 2k stores), for CI to keep this
 * script working; its figures are not comparable with the goals. Exit code 0 unless a measurement fails.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR } from '../e2e/harness';
import { contentMetrics } from './content';
import { matchMetrics } from './match';
import { FULL, log, SMOKE, type Metric, type Sizes } from './measure';
import { popupMetrics } from './popup';
import { searchMetrics } from './search';
import { storeMetrics } from './store';

const GROUPS: Record<string, (sizes: Sizes) => Promise<Metric[]>> = {
  content: contentMetrics,
  bundle: async () => [
    {
      name: 'content.bundle_gzip_kb',
      value: gzipSync(readFileSync(join(EXTENSION_DIR, 'content-scripts/content.js')), { level: 9 }).length / 1024,
      unit: 'kB',
      goal: { value: 30 },
    },
  ],
  match: matchMetrics,
  store: storeMetrics,
  popup: popupMetrics,
  search: searchMetrics,
};

const round = (n: number): number => (n >= 100 ? Math.round(n) : Math.round(n * 100) / 100);
const ratioOf = (m: Metric): number | null => (m.baseline ? m.value / m.baseline : null);

function verdict(m: Metric): string {
  const ratio = ratioOf(m);
  const misses = [
    m.goal.value !== undefined && m.value > m.goal.value ? `value > ${m.goal.value}` : '',
    m.goal.ratio !== undefined && ratio !== null && ratio > m.goal.ratio ? `ratio > ${m.goal.ratio}` : '',
  ].filter(Boolean);
  return misses.length ? `MISSED (${misses.join(', ')})` : 'ok';
}

function table(metrics: readonly Metric[], smoke: boolean): string {
  const goalText = (m: Metric): string =>
    [m.goal.value !== undefined ? `≤ ${m.goal.value} ${m.unit}` : '', m.goal.ratio !== undefined ? `ratio ≤ ${m.goal.ratio}` : ''].filter(Boolean).join(', ');
  const rows = [
    ['metric', 'value', 'baseline', 'ratio', 'goal', smoke ? 'verdict (smoke sizes: not comparable)' : 'verdict'],
    ...metrics.map((m) => {
      const ratio = ratioOf(m);
      return [m.name, `${round(m.value)} ${m.unit}`, m.baseline === undefined ? '–' : `${round(m.baseline)} ${m.unit}`, ratio === null ? '–' : `${ratio.toFixed(2)}×`, goalText(m), verdict(m)];
    }),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]): string => `| ${r.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`;
  return [line(rows[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const smoke = args.includes('--smoke');
  const onlyAt = args.indexOf('--only');
  const only = onlyAt >= 0 ? (args[onlyAt + 1] ?? '').split(',') : Object.keys(GROUPS);
  const unknown = only.filter((g) => !GROUPS[g]);
  if (unknown.length) throw new Error(`unknown --only group(s): ${unknown.join(', ')}; known: ${Object.keys(GROUPS).join(', ')}`);
  const storeAt = args.indexOf('--popup-store');
  const popupStore = storeAt >= 0 ? Number(args[storeAt + 1]) : undefined;
  if (popupStore !== undefined && !(Number.isInteger(popupStore) && popupStore >= 1000)) throw new Error(`--popup-store takes a number of papers (at least 1000), not ${args[storeAt + 1]}`);
  const sizes = { ...(smoke ? SMOKE : FULL), ...(popupStore ? { popupStore } : {}) };

  const started = performance.now();
  const metrics: Metric[] = [];
  for (const group of only) {
    log(`${group}…`);
    metrics.push(...(await GROUPS[group]!(sizes)));
  }
  log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  if (json) {
    const out = metrics.map((m) => ({ name: m.name, value: round(m.value), unit: m.unit, baseline: m.baseline === undefined ? null : round(m.baseline), ratio: ratioOf(m) === null ? null : round(ratioOf(m)!) }));
    process.stdout.write(`${JSON.stringify({ metrics: out })}\n`);
  } else {
    process.stdout.write(`${smoke ? 'SMOKE RUN (small sizes)\n' : ''}${table(metrics, smoke)}\n`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
