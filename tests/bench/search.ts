/**
 * search.*: the worker's search index (lib/search/word-index.ts) in Node at 10,000, 100,000 and
 * 300,000 papers, every one with title, authors and abstract (benchCorpus: real papers copied with
 * typos in 3 % of their long words, so the vocabulary grows as a year of abstracts' would, faster
 * if anything). index_build: putting every paper into a new index (what the worker does after a
 * restart without a saved index, after reading the store); index_save: the index as flat arrays
 * (WordIndex.snapshot, what the worker stores), index_saved_mb: the bytes it holds (in Chromium every
 * megabyte costs about 10 ms of the worker's thread to write to IndexedDB and to read back; strings
 * counted a byte a letter), and index_load: an index from those arrays (after a restart), against the build; index_heap_mb: the V8 heap the index holds (Node has no
 * pointer compression: Chromium's is smaller); query: median over the queries of popup.ts's kind,
 * each typed as a new query. Baseline of the query: what search did before the index, the matcher
 * over every paper's title and authors for one query (smoke sizes: 2,000 papers only).
 */
import { readFileSync } from 'node:fs';
import { benchCorpus } from '../../lib/match/bench';
import { compileInterests, matchPapers } from '../../lib/match/matcher';
import type { MatchablePaper } from '../../lib/match/types';
import { WordIndex } from '../../lib/search/word-index';
import { SEED_PAPERS_FILE } from './arxiv-listing';
import { collectGarbage, log, median, type Metric, type Sizes } from './measure';

function queries(papers: readonly MatchablePaper[]): string[] {
  const words = (i: number, n: number) => [...new Set(papers[i]!.title.toLowerCase().match(/[a-z]{5,}/g) ?? [])].slice(0, n);
  const typo = (word: string) => `${word.slice(0, 2)}${word[3]}${word[2]}${word.slice(4)}`;
  const at = (share: number) => Math.floor(share * papers.length);
  return [words(at(0.17), 1).join(' '), words(at(0.23), 2).join(' '), words(at(0.45), 3).join(' '), words(at(0.61), 2).map(typo).join(' '), papers[at(0.89)]!.authors![0]!.split(' ').pop()!];
}

function timed<T>(work: () => T): [T, number] {
  const started = performance.now();
  const result = work();
  return [result, performance.now() - started];
}

export async function searchMetrics(sizes: Sizes): Promise<Metric[]> {
  const seed = JSON.parse(readFileSync(SEED_PAPERS_FILE, 'utf8')) as { title: string; abstract: string }[];
  const metrics: Metric[] = [];
  for (const size of sizes.searchIndex) {
    const papers = benchCorpus(seed, size, true).map((p, i) => ({ ...p, lastSeen: i }));
    const [index, buildMs] = timed(() => {
      const built = new WordIndex();
      built.put(papers);
      return built;
    });
    const asked = queries(papers);
    const times = asked.map((q) => timed(() => index.search(q, 50))[1]);
    const label = `${size / 1000}k`;
    log(`search: ${label} papers, ${asked.map((q, i) => `${JSON.stringify(q)} ${times[i]!.toFixed(1)} ms`).join(', ')}`);
    const baseline = size <= sizes.searchBaselineMax ? timed(() => matchPapers(compileInterests([{ id: 'q', label: 'q', terms: [asked[0]!], authors: [asked[0]!], scope: 'title' }]), papers))[1] : undefined;
    metrics.push(
      { name: `search.index_build_${label}_ms`, value: buildMs, unit: 'ms', goal: {} },
      { name: `search.query_${label}_ms`, value: median(times), unit: 'ms', ...(baseline === undefined ? {} : { baseline }), goal: {} },
    );
    if (index.size !== size) throw new Error(`the index holds ${index.size} of ${size} papers`);
    const [snapshot, saveMs] = timed(() => index.snapshot());
    const copy = structuredClone(snapshot);
    const [loaded, loadMs] = timed(() => WordIndex.fromSnapshot(copy));
    if (loaded.search(asked[1]!, 50).length !== index.search(asked[1]!, 50).length) throw new Error('the loaded index answers otherwise');
    const savedMb = (Object.values(snapshot.postings).reduce((sum, { offsets, gaps }) => sum + offsets.byteLength + gaps.byteLength, 0) + [snapshot.lastSeen, snapshot.hashes, snapshot.letters, snapshot.urls].reduce((sum, array) => sum + array.byteLength, 0) + [...snapshot.keys, ...snapshot.words].reduce((sum, text) => sum + text.length, 0)) / 2 ** 20;
    metrics.push(
      { name: `search.index_save_${label}_ms`, value: saveMs, unit: 'ms', goal: {} },
      { name: `search.index_saved_${label}_mb`, value: savedMb, unit: 'MB', goal: {} },
      { name: `search.index_load_${label}_ms`, value: loadMs, unit: 'ms', baseline: buildMs, goal: {} },
    );
    // The heap with the index, less the heap once it is gone (the papers stay alive throughout).
    collectGarbage();
    const withIndex = process.memoryUsage().heapUsed;
    index.clear();
    collectGarbage();
    const heapMb = (withIndex - process.memoryUsage().heapUsed) / 2 ** 20;
    // Said after the heap is read, so the papers are alive for both readings.
    log(`search: ${label}: the index of ${papers.length} papers holds ${heapMb.toFixed(1)} MB`);
    metrics.push({ name: `search.index_heap_${label}_mb`, value: heapMb, unit: 'MB', goal: {} });
  }
  return metrics;
}
