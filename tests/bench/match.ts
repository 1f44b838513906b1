/**
 * match.*: the background's matcher (lib/match/matcher.ts: compileInterests + matchPapers) in Node
 * (the V8 of Chrome's service worker), next to a precompiled RegExp matcher doing the same 20
 * interests the plain way (PERF-BASELINE §1 "RegExp phrase (precompiled, folded)"): fold each field,
 * one phrase RegExp per term (last word's plural optional) on the interest's scope, author names on
 * the authors field only, exclusions vetoing the whole record.
 *
 * rematch100k measures the matching part of lib/background/rematch.ts only (its IndexedDB reads and
 * writes are not run here): the store is matched in chunks sized as the rematcher sizes them
 * (FIRST_CHUNK, then nextChunkSize for its 40 ms budget), with the interests compiled once as the
 * worker caches them. Total and longest chunk are reported; one warm-up pass is skipped there
 * because the earlier metrics have warmed the code and a pass takes seconds.
 *
 * examples2000x20 matches the same 2,000 papers against the 20 interests each taught 10 examples
 * (models trained beforehand, untimed), against the same interests without examples, each compiled
 * in the sample, from a fresh copy of the stored models (untimed) as the worker reads them after a
 * change of the interests; examples2000x20_scoring does the same with thresholds no paper reaches (every paper vectorised
 * and scored under the 20 models, no match made by them); examples2000x20_compiled with interests compiled once, untimed. train100k
 * trains one interest with 20 examples against a 100,000-paper store in the slices the worker runs
 * (lib/learn/trainer.ts runInSlices); the sampled papers are parsed as the worker reads them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseInterestsFile, type Interest } from '../../lib/interests';
import { FIRST_CHUNK, nextChunkSize } from '../../lib/background/rematch';
import { benchCorpus } from '../../lib/match/bench';
import { compileInterests, matchPapers } from '../../lib/match/matcher';
import { trainingSplit, trainModels, finish, type LearnedModels } from '../../lib/learn/model';
import { runInSlices } from '../../lib/learn/trainer';
import type { MatchablePaper } from '../../lib/match/types';
import { fold, words } from '../../lib/text';
import { SEED_PAPERS_FILE } from './arxiv-listing';
import { interleaved, log, median, type Metric, type Sizes } from './measure';

export const BENCH_INTERESTS_FILE = join(import.meta.dirname, 'interests.json');

export function benchInterests(): Interest[] {
  return parseInterestsFile(JSON.parse(readFileSync(BENCH_INTERESTS_FILE, 'utf8'))).interests;
}

interface RegExpInterest {
  id: string;
  titleOnly: boolean;
  terms: RegExp[];
  authors: RegExp[];
  exclude: RegExp[];
}

function phraseRegExp(text: string): RegExp {
  const ws = words(fold(text));
  const last = ws.length - 1;
  const parts = ws.map((w, i) => (i === last ? `${w.replace(/s$/, '')}s?` : w));
  return new RegExp(`(?<![a-z0-9])${parts.join('[^a-z0-9]+')}(?![a-z0-9])`);
}

function compileRegExps(interests: readonly Interest[]): RegExpInterest[] {
  return interests.map((i) => ({
    id: i.id,
    titleOnly: i.scope === 'title',
    terms: i.terms.map(phraseRegExp),
    authors: (i.authors ?? []).map(phraseRegExp),
    exclude: (i.exclude ?? []).map(phraseRegExp),
  }));
}

/** Interest ids per paper. */
function matchRegExps(interests: readonly RegExpInterest[], papers: readonly MatchablePaper[]): string[][] {
  return papers.map((p) => {
    const title = fold(p.title);
    const abstract = p.abstract ? fold(p.abstract) : '';
    const authors = p.authors ? fold(p.authors.join(', ')) : '';
    const found: string[] = [];
    for (const i of interests) {
      const hit =
        i.terms.some((re) => re.test(title) || (!i.titleOnly && re.test(abstract))) || i.authors.some((re) => re.test(authors));
      if (hit && !i.exclude.some((re) => re.test(title) || re.test(abstract) || re.test(authors))) found.push(i.id);
    }
    return found;
  });
}

const elapsed = (run: () => unknown): number => {
  const start = performance.now();
  run();
  return performance.now() - start;
};

const matchedCount = (results: readonly unknown[][]): number => results.filter((r) => r.length).length;

async function pageMatch(name: string, papers: MatchablePaper[], interests: Interest[], goal: Metric['goal']): Promise<Metric> {
  const regexps = compileRegExps(interests);
  log(`${name}: ${papers.length} papers; matcher finds ${matchedCount(matchPapers(compileInterests(interests), papers))} matching papers, RegExp ${matchedCount(matchRegExps(regexps, papers))}`);
  const samples = await interleaved(
    {
      matcher: () => elapsed(() => matchPapers(compileInterests(interests), papers)),
      regexp: () => elapsed(() => matchRegExps(regexps, papers)),
    },
    9,
  );
  return { name, value: median(samples.matcher), unit: 'ms', baseline: median(samples.regexp), goal };
}

/**
 * 20 interests with 10 examples each (every interest its own slice of the papers), against the same
 * interests without: compiled for each sample (the goal's figure), and compiled once beforehand and
 * reused, as the worker matches batch after batch until the interests change (reported).
 */
async function examplesMatch(papers: MatchablePaper[], interests: Interest[]): Promise<Metric[]> {
  const taught = interests.map((interest, i) => ({ ...interest, examples: papers.slice(i * 10, i * 10 + 10).map((p) => ({ title: p.title, ...(p.abstract ? { abstract: p.abstract } : {}) })) }));
  const learned = finish(trainModels(taught, papers));
  // The same models with thresholds no paper reaches: what scoring every paper costs before any match is made.
  const unreachable = { ...learned, models: learned.models.map((model) => ({ ...model, thresholds: { steered: Infinity, alone: Infinity } })) };
  // The stored record as the worker reads it after a change of the interests: a copy of its own, whose
  // vocabulary is built cold (compiles of one record share it, lib/learn/scoring.ts compileLearning).
  const matchRead = (stored: LearnedModels) => {
    const record = structuredClone(stored);
    return elapsed(() => matchPapers(compileInterests(taught, record), papers));
  };
  const samples = await interleaved(
    {
      examples: () => matchRead(learned),
      scoring: () => matchRead(unreachable),
      terms: () => elapsed(() => matchPapers(compileInterests(interests), papers)),
    },
    9,
  );
  const [compiledTaught, compiledTerms] = [compileInterests(taught, learned), compileInterests(interests)];
  const reused = await interleaved(
    {
      examples: () => elapsed(() => matchPapers(compiledTaught, papers)),
      terms: () => elapsed(() => matchPapers(compiledTerms, papers)),
    },
    9,
  );
  return [
    { name: 'match.examples2000x20_ms', value: median(samples.examples), unit: 'ms', baseline: median(samples.terms), goal: { ratio: 1.5 } },
    { name: 'match.examples2000x20_scoring_ms', value: median(samples.scoring), unit: 'ms', baseline: median(samples.terms), goal: {} },
    { name: 'match.examples2000x20_compiled_ms', value: median(reused.examples), unit: 'ms', baseline: median(reused.terms), goal: {} },
  ];
}

/** The RegExp baseline has no per-chunk cost to amortise; it reads the store in chunks of this size. */
const REGEXP_CHUNK = 1000;

export async function matchMetrics(sizes: Sizes): Promise<Metric[]> {
  const seed = JSON.parse(readFileSync(SEED_PAPERS_FILE, 'utf8')) as { title: string; abstract: string }[];
  const interests = benchInterests();
  const metrics = [
    await pageMatch('match.titles2000x20_ms', benchCorpus(seed, sizes.matching, false), interests, { ratio: 3, value: 50 }),
    await pageMatch('match.abstracts2000x20_ms', benchCorpus(seed, sizes.matching, true), interests, { ratio: 4, value: 400 }),
  ];
  metrics.push(...(await examplesMatch(benchCorpus(seed, sizes.matching, true), interests)));

  log(`match.rematch: generating a store of ${sizes.rematch} papers with abstracts`);
  // Kept serialised and read a chunk at a time (untimed), as the worker reads IndexedDB: the heap
  // holds one chunk of papers, so garbage collection costs what it costs the worker.
  const store = benchCorpus(seed, sizes.rematch, true).map((paper) => JSON.stringify(paper));
  const read = (at: number, size: number): MatchablePaper[] => store.slice(at, at + size).map((json) => JSON.parse(json) as MatchablePaper);
  const compiled = compileInterests(interests);
  const regexps = compileRegExps(interests);
  const longest: number[] = [];
  const samples = await interleaved(
    {
      matcher: () => {
        // Chunked as the rematcher does: the first small, then each sized from the last one's time.
        const times: number[] = [];
        for (let at = 0, size = FIRST_CHUNK, next = size; at < store.length; at += size, size = next) {
          const chunk = read(at, size);
          const time = elapsed(() => matchPapers(compiled, chunk));
          times.push(time);
          next = nextChunkSize(size, time);
        }
        longest.push(Math.max(...times));
        return times.reduce((a, b) => a + b, 0);
      },
      regexp: () => {
        let total = 0;
        for (let at = 0; at < store.length; at += REGEXP_CHUNK) {
          const chunk = read(at, REGEXP_CHUNK);
          total += elapsed(() => matchRegExps(regexps, chunk));
        }
        return total;
      },
    },
    3,
    0,
  );
  const rematchMs = median(samples.matcher);
  metrics.push(
    { name: 'match.rematch100k_ms', value: rematchMs, unit: 'ms', baseline: median(samples.regexp), goal: { ratio: 4, value: 30_000 } },
    { name: 'match.rematch100k_max_chunk_ms', value: median(longest), unit: 'ms', goal: { value: 100 } },
  );

  // One interest taught 20 examples, trained against the store as the worker does: keys, then the spread samples to learn from and to set thresholds on.
  const keys = store.map((_, i) => i);
  const taught = { ...interests[0]!, examples: read(0, 20).map((p) => ({ title: p.title, ...(p.abstract ? { abstract: p.abstract } : {}) })) };
  const slices: number[] = [];
  const training = await interleaved(
    {
      train: async () => {
        const start = performance.now();
        const { learn, unseen } = trainingSplit(keys);
        const parse = (indexes: number[]) => indexes.map((i) => JSON.parse(store[i]!) as MatchablePaper);
        const { longestSliceMs } = await runInSlices(trainModels([taught], parse(learn), parse(unseen)));
        slices.push(longestSliceMs);
        return performance.now() - start;
      },
    },
    3,
    0,
  );
  metrics.push(
    { name: 'match.train100k_ms', value: median(training.train), unit: 'ms', goal: { value: rematchMs } },
    { name: 'match.train100k_max_chunk_ms', value: median(slices), unit: 'ms', goal: { value: 50 } },
  );
  return metrics;
}
