/**
 * Interests taught by example (the arxiv-sanity-lite approach): per interest, a linear classifier
 * (logistic regression by seeded SGD) over tf-idf features of title and abstract, with the interest's
 * examples as positives (while it has one or two, also the papers its words match, weakly) and its
 * counterexamples plus a sample of the other papers as negatives.
 * Training is a generator that yields every few hundred steps, so the worker can run it in chunks.
 */
import { hasExamples, type ExamplePaper, type Interest } from '../interests';
import { compileInterests, matchPapers } from '../match/matcher';
import type { SimilarPaper } from '../match/types';
import { countDocument, dotDense, paperFeatures, Vocabulary, type FeatureCounts, type SparseVector } from './features';
import { examplesFingerprint, learnsFromWords } from './fingerprint';
import { randomSource } from './random';

/** One interest's trained classifier as stored (Dexie `learned` table): sparse weights over the shared vocabulary. */
export interface StoredModel {
  interest: string;
  /** Which examples and counterexamples it learned (examplesFingerprint); a model for others is stale. */
  fingerprint: string;
  bias: number;
  /** Margins the other papers rarely reach: above `steered` a paper that uses the interest's words matches, above `alone` any paper does. */
  thresholds: Thresholds;
  weightIds: Int32Array;
  weights: Float64Array;
  examples: { paper: SimilarPaper; ids: Int32Array; values: Float64Array }[];
}

/** Every interest's model and the vocabulary they share, as one stored record. */
export interface LearnedModels {
  features: string[];
  idf: Float64Array;
  docs: number;
  models: StoredModel[];
}

export interface Thresholds {
  steered: number;
  alone: number;
}

/**
 * Decision margins: a paper must stand out from the store, by robust spreads (median absolute
 * deviations of the other papers' margins) above their median, and come a share of the way from
 * that median towards the examples' own margins. The spreads decide on a varied store; the share
 * on a store of a few tight topics, where the spread is near zero. A paper that uses the interest's
 * distinctive words (steered) needs less. Chosen with npm run eval:match, cross-validated on the
 * labelled papers and on the arXiv-category proxy: a steered share of 0.06 took a paper of another
 * subject from the labelled ones, 0.1 lost proxy papers; alone, 6 spreads found more of the proxy's
 * fields than 8 or 12 at the same precision, 5 began to take papers of other fields. A paper must
 * also stand above every counterexample: what the user turned down sets a floor.
 */
const STEERED = { spreads: 3, share: 0.08 };
const ALONE = { spreads: 6, share: 0.1 };

function thresholdsOf(others: number[], examples: number[], counterexamples: number[]): Thresholds {
  const median = medianOf(others);
  const spread = medianOf(others.map((m) => Math.abs(m - median)));
  const towardExamples = medianOf(examples) - median;
  const turnedDown = Math.max(-Infinity, ...counterexamples.map((m) => m + 1e-9));
  const threshold = ({ spreads, share }: typeof STEERED) => Math.max(median + Math.max(spreads * spread, share * towardExamples), turnedDown);
  return { steered: threshold(STEERED), alone: threshold(ALONE) };
}

function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** A paper the models learn against: the store's (or the CLI's input) papers. */
export interface TrainingPaper {
  key: string;
  title: string;
  abstract?: string;
}

/** Negatives the models learn against at most: a sample of the store, enough for word statistics, quick to train. */
export const NEGATIVE_SAMPLE = 2000;
const EPOCHS = 12;
const LEARNING_RATE = 0.5;
const L2 = 1e-3;
/** A counterexample says "not this" more firmly than a paper that merely is in the store. */
const COUNTEREXAMPLE_WEIGHT = 3;
/**
 * What a paper the interest's words match weighs as an example, while the interest has one or two
 * (lib/learn/fingerprint.ts learnsFromWords). Chosen with npm run eval:match's learning curve: with
 * one example an interest found 1 % of the relevant papers its words miss, with two 6 %, at 0.67 and
 * 0.75 of its additions relevant; at this weight 9 % and 15 %, at 0.86 and 0.84. At 0.15 and more,
 * one or two examples found more than three do (which learn from the examples alone).
 */
const WORD_MATCH_WEIGHT = 0.1;
/** Papers matched by an interest's words in one step of training (with abstracts, 1.5-2 ms here, the first up to 18). */
const WORD_MATCH_BATCH = 50;
/** Steps between yields of the training generator. */
const STEPS_PER_YIELD = 200;
const SEED = 0x5eed;

function shuffle<T>(items: T[], next: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** Every `every`-th paper of a key-ordered list, so the sample is spread over the store and the same each time. */
export function spreadSample<T>(items: readonly T[], size: number): T[] {
  if (items.length <= size) return [...items];
  const step = items.length / size;
  return Array.from({ length: size }, (_, i) => items[Math.floor(i * step)]!);
}

/** Papers held out of training to set the thresholds on, at most. */
export const CALIBRATION_SAMPLE = 500;
/** One paper in this many is held out (in a store smaller than the samples, a quarter). */
const HELD_OUT_EVERY = 4;
/** Fewer held-out papers than this give no steady median and spread: a smaller store is all learned from, its own papers set the thresholds. */
const MIN_HELD_OUT = 25;

/**
 * The store's papers (key order) to learn against, and others held out to set the thresholds on (trainModels' `unseen`):
 * both spread over the store, never the same paper.
 */
export function trainingSplit<T>(items: readonly T[]): { learn: T[]; unseen: T[] } {
  if (items.length < HELD_OUT_EVERY * MIN_HELD_OUT) return { learn: spreadSample(items, NEGATIVE_SAMPLE), unseen: [] };
  const learn: T[] = [];
  const unseen: T[] = [];
  items.forEach((item, i) => (i % HELD_OUT_EVERY === HELD_OUT_EVERY - 1 ? unseen : learn).push(item));
  return { learn: spreadSample(learn, NEGATIVE_SAMPLE), unseen: spreadSample(unseen, CALIBRATION_SAMPLE) };
}

interface Labelled {
  vector: SparseVector;
  label: 1 | -1;
  weight: number;
}

/** Logistic regression by SGD with L2 (weights kept as scale · w, so decay costs nothing per step); positives interleaved so the classes balance. */
function* fitLogistic(dimension: number, positives: Labelled[], negatives: Labelled[], next: () => number): Generator<void, { weights: Float64Array; bias: number }> {
  const w = new Float64Array(dimension);
  let scale = 1;
  let bias = 0;
  let steps = 0;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const rate = LEARNING_RATE / Math.sqrt(1 + epoch);
    const order = shuffle([...negatives], next);
    const stream: Labelled[] = [];
    let positive = 0;
    // One positive after each negative: the few examples weigh as much as the many other papers.
    for (const item of order) {
      stream.push(item);
      if (positives.length) stream.push(positives[positive++ % positives.length]!);
    }
    // Every example is seen in every epoch, even when negatives are few.
    for (; positive < positives.length; positive++) stream.push(positives[positive]!);
    yield;
    for (const { vector, label, weight } of stream) {
      const margin = scale * dotDense(vector, w) + bias;
      const gradient = (weight * label) / (1 + Math.exp(label * margin));
      scale *= 1 - rate * L2;
      const step = (rate * gradient) / scale;
      for (let i = 0; i < vector.ids.length; i++) w[vector.ids[i]!]! += step * vector.values[i]!;
      bias += rate * gradient * 0.1;
      if (++steps % STEPS_PER_YIELD === 0) yield;
    }
  }
  for (let i = 0; i < w.length; i++) w[i]! *= scale;
  return { weights: w, bias };
}

function sparseWeights(dense: Float64Array): { weightIds: Int32Array; weights: Float64Array } {
  const ids: number[] = [];
  for (let i = 0; i < dense.length; i++) if (dense[i] !== 0) ids.push(i);
  return { weightIds: Int32Array.from(ids), weights: Float64Array.from(ids, (i) => dense[i]!) };
}

const keyOf = (paper: ExamplePaper) => paper.key;

/**
 * Train a model for every interest with examples, against `store` (papers in key order; a spread
 * sample of them is taken). `unseen`: papers the models do not learn from, like those they will
 * score; when given, the thresholds are set on them. A model scores the papers it learned against
 * lower than new ones (it learned each of them is no example), so thresholds set on those alone let
 * too many new papers through. Deterministic: the same input gives the same models.
 */
export function* trainModels(interests: readonly Interest[], store: readonly TrainingPaper[], unseen: readonly TrainingPaper[] = []): Generator<void, LearnedModels> {
  const taught = interests.filter(hasExamples);
  const sample = spreadSample(store, NEGATIVE_SAMPLE);
  const df = new Map<string, number>();
  // Each paper's feature strings are dropped once counted (its vector is made afresh below): two thousand
  // papers' strings kept alive till then made every young-generation collection copy them, 15-25 ms a time.
  for (let i = 0; i < sample.length; ) {
    countDocument(df, paperFeatures(sample[i]!));
    if (++i % 10 === 0) yield;
  }
  const exampleCounts = new Map<ExamplePaper, FeatureCounts>();
  for (const interest of taught) {
    for (const paper of [...(interest.examples ?? []), ...(interest.counterexamples ?? [])]) {
      const counts = paperFeatures(paper);
      exampleCounts.set(paper, counts);
      countDocument(df, counts);
    }
  }
  yield;
  const vocabulary = Vocabulary.of(df, sample.length + exampleCounts.size, [...exampleCounts.values()]);
  yield;
  const sampleVectors: SparseVector[] = [];
  for (const paper of sample) {
    sampleVectors.push(vocabulary.vectorizePaper(paper));
    if (sampleVectors.length % 25 === 0) yield;
  }
  const unseenVectors: { key: string; vector: SparseVector }[] = [];
  for (const paper of unseen) {
    unseenVectors.push({ key: paper.key, vector: vocabulary.vectorizePaper(paper) });
    if (unseenVectors.length % 25 === 0) yield;
  }
  const models: StoredModel[] = [];
  for (const interest of taught) {
    const examples = interest.examples ?? [];
    const exampleKeys = new Set(examples.map(keyOf).filter(Boolean));
    const vectorOf = (paper: ExamplePaper) => vocabulary.vectorize(exampleCounts.get(paper)!);
    const exampleVectors = examples.map(vectorOf);
    // While the interest learns from its words, the papers they match are weak examples, not negatives.
    const byWords = learnsFromWords(interest) ? yield* matchedByWords(interest, sample) : new Set<number>();
    const positives: Labelled[] = [
      ...exampleVectors.map((vector): Labelled => ({ vector, label: 1, weight: 1 })),
      ...[...byWords].flatMap((i): Labelled[] => (exampleKeys.has(sample[i]!.key) ? [] : [{ vector: sampleVectors[i]!, label: 1, weight: WORD_MATCH_WEIGHT }])),
    ];
    const counterexamples = (interest.counterexamples ?? []).map(vectorOf);
    const negatives: Labelled[] = [
      ...counterexamples.map((vector): Labelled => ({ vector, label: -1, weight: COUNTEREXAMPLE_WEIGHT })),
      ...sample.flatMap((paper, i): Labelled[] => (exampleKeys.has(paper.key) || byWords.has(i) ? [] : [{ vector: sampleVectors[i]!, label: -1, weight: 1 }])),
    ];
    const { weights, bias } = yield* fitLogistic(vocabulary.features.length, positives, negatives, randomSource(SEED));
    yield;
    const marginOf = (vector: SparseVector) => dotDense(vector, weights) + bias;
    const others = unseenVectors.length
      ? unseenVectors.filter(({ key }) => !exampleKeys.has(key)).map(({ vector }) => marginOf(vector))
      : sampleVectors.filter((_, i) => !exampleKeys.has(sample[i]!.key)).map(marginOf);
    models.push({
      interest: interest.id,
      fingerprint: examplesFingerprint(interest),
      bias,
      thresholds: thresholdsOf(others, exampleVectors.map(marginOf), counterexamples.map(marginOf)),
      ...sparseWeights(weights),
      examples: examples.map((paper, i) => ({
        paper: { title: paper.title, ...(paper.key ? { key: paper.key } : {}) },
        ids: exampleVectors[i]!.ids,
        values: exampleVectors[i]!.values,
      })),
    });
  }
  return { features: [...vocabulary.features], idf: vocabulary.idf, docs: vocabulary.docs, models };
}

/**
 * Indexes of the sample's papers the interest's words (keywords, authors, exclusions) match, a batch
 * a step. Authors count where the papers have them (the store's and the CLI's input papers do).
 */
function* matchedByWords(interest: Interest, sample: readonly TrainingPaper[]): Generator<void, Set<number>> {
  // Compiled without learned models: by its words alone.
  const compiled = compileInterests([interest]);
  const matched = new Set<number>();
  for (let at = 0; at < sample.length; at += WORD_MATCH_BATCH) {
    matchPapers(compiled, sample.slice(at, at + WORD_MATCH_BATCH)).forEach((matches, i) => matches.length && matched.add(at + i));
    yield;
  }
  return matched;
}

/** Run a training generator to its end at once (the CLI, and tests). */
export function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
