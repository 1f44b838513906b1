/**
 * Interests taught by example (the arxiv-sanity-lite approach): per interest, a linear classifier
 * (logistic regression by seeded SGD) over tf-idf features of title and abstract, with the interest's
 * examples as positives and its counterexamples plus a sample of the other papers as negatives.
 * Training is a generator that yields every few hundred steps, so the worker can run it in chunks.
 */
import { hasExamples, type ExamplePaper, type Interest } from '../interests';
import { randomSource } from './random';
import type { SimilarPaper } from '../match/types';
import { countDocument, dotDense, ExampleIndex, paperFeatures, Vocabulary, type FeatureCounts, type SparseVector } from './features';

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
/** Steps between yields of the training generator. */
const STEPS_PER_YIELD = 200;
const SEED = 0x5eed;

/**
 * How models are trained: part of their fingerprint, so models stored by an earlier way of training are
 * trained again when the worker starts. 2: thresholds set on held-out papers.
 */
const TRAINING_VERSION = 2;

/** FNV-1a of what the model learns from an interest, so a change of examples (or of the training) retrains it. */
export function examplesFingerprint(interest: Interest): string {
  const lists = [interest.examples ?? [], interest.counterexamples ?? []].map((list) => list.map((p) => [p.key ?? '', p.title, p.abstract ?? '']));
  const text = JSON.stringify([TRAINING_VERSION, ...lists]);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}

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
    const positives = examples.map((paper): Labelled => ({ vector: vectorOf(paper), label: 1, weight: 1 }));
    const counterexamples = (interest.counterexamples ?? []).map(vectorOf);
    const negatives: Labelled[] = [
      ...counterexamples.map((vector): Labelled => ({ vector, label: -1, weight: COUNTEREXAMPLE_WEIGHT })),
      ...sample.flatMap((paper, i): Labelled[] => (exampleKeys.has(paper.key) ? [] : [{ vector: sampleVectors[i]!, label: -1, weight: 1 }])),
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
      thresholds: thresholdsOf(others, positives.map(({ vector }) => marginOf(vector)), counterexamples.map(marginOf)),
      ...sparseWeights(weights),
      examples: examples.map((paper, i) => ({
        paper: { title: paper.title, ...(paper.key ? { key: paper.key } : {}) },
        ids: positives[i]!.vector.ids,
        values: positives[i]!.vector.values,
      })),
    });
  }
  return { features: [...vocabulary.features], idf: vocabulary.idf, docs: vocabulary.docs, models };
}

/** Run a training generator to its end at once (the CLI, and tests). */
export function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** A trained model ready for scoring; its weights are column `slot` of CompiledLearning.weights. */
export interface CompiledModel {
  slot: number;
  bias: number;
  thresholds: Thresholds;
  examples: SimilarPaper[];
  /** The examples' vectors, in the same order, by feature. */
  exampleIndex: ExampleIndex;
}

export interface CompiledLearning {
  vocabulary: Vocabulary;
  /** Interest id → its model, for interests whose examples are the ones it learned. */
  models: Map<string, CompiledModel>;
  /** Every model's weights, feature by feature (features × slots): one pass over a paper's features scores it for all. */
  weights: Float32Array;
  /** Every model's bias, by slot. */
  biases: Float64Array;
  slots: number;
}

/**
 * The vocabulary of each stored record the worker holds, shared by every compile of it: the
 * worker compiles one record again for each preview and re-match pass, and a shared vocabulary
 * is built once (its index, its word pairs, its word codes) and lets papers split for previews
 * keep their vectors (PaperWords.vectors). A record read afresh (the worker reads it again after
 * every change of the interests) gets one of its own.
 */
const vocabularies = new WeakMap<LearnedModels, Vocabulary>();

/** The stored models that still fit the interests' examples; stale ones are left out until retrained. */
export function compileLearning(learned: LearnedModels | undefined, interests: readonly Interest[]): CompiledLearning | undefined {
  if (!learned) return undefined;
  const current = new Map(interests.filter(hasExamples).map((i) => [i.id, examplesFingerprint(i)]));
  const fitting = learned.models.filter((m) => current.get(m.interest) === m.fingerprint);
  if (!fitting.length) return undefined;
  let vocabulary = vocabularies.get(learned);
  if (!vocabulary) vocabularies.set(learned, (vocabulary = new Vocabulary(learned.features, learned.idf, learned.docs)));
  const weights = new Float32Array(learned.features.length * fitting.length);
  const models = new Map(
    fitting.map((m, slot): [string, CompiledModel] => {
      for (let i = 0; i < m.weightIds.length; i++) weights[m.weightIds[i]! * fitting.length + slot] = m.weights[i]!;
      const exampleIndex = new ExampleIndex(m.examples, learned.features.length);
      return [m.interest, { slot, bias: m.bias, thresholds: m.thresholds, examples: m.examples.map((e) => e.paper), exampleIndex }];
    }),
  );
  return { vocabulary, models, weights, biases: Float64Array.from(fitting, (m) => m.bias), slots: fitting.length };
}

/**
 * The paper's margin under every model, by slot (bias included), written into `margins` from `at`
 * (a batch's shared array). Four models at a time, their sums kept in locals: a third of
 * the time of adding into the array feature by feature (every paper, every batch). Each sum runs in
 * the paper's feature order either way, so the margins are the same.
 */
export function marginsOf(learning: CompiledLearning, vector: SparseVector, margins: Float64Array, at: number): void {
  const { weights, biases, slots } = learning;
  const { ids, values } = vector;
  let slot = 0;
  for (; slot + 4 <= slots; slot += 4) {
    let m0 = biases[slot]!;
    let m1 = biases[slot + 1]!;
    let m2 = biases[slot + 2]!;
    let m3 = biases[slot + 3]!;
    for (let i = 0; i < ids.length; i++) {
      const value = values[i]!;
      const row = ids[i]! * slots + slot;
      m0 += value * weights[row]!;
      m1 += value * weights[row + 1]!;
      m2 += value * weights[row + 2]!;
      m3 += value * weights[row + 3]!;
    }
    margins[at + slot] = m0;
    margins[at + slot + 1] = m1;
    margins[at + slot + 2] = m2;
    margins[at + slot + 3] = m3;
  }
  for (; slot < slots; slot++) {
    let margin = biases[slot]!;
    for (let i = 0; i < ids.length; i++) margin += values[i]! * weights[ids[i]! * slots + slot]!;
    margins[at + slot] = margin;
  }
}

/** Interests whose stored model is missing or stale, or models of interests that lost their examples: training is due. */
export function needsTraining(learned: LearnedModels | undefined, interests: readonly Interest[]): boolean {
  const taught = interests.filter(hasExamples);
  const models = new Map((learned?.models ?? []).map((m) => [m.interest, m.fingerprint]));
  return models.size !== taught.length || taught.some((i) => models.get(i.id) !== examplesFingerprint(i));
}
