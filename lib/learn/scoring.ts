/**
 * Scoring with the trained models (lib/learn/model.ts trains them): the stored models that still
 * fit the interests, compiled into one weight table, and each paper's margins under all of them
 * in one pass. The matcher (lib/match/matcher.ts) scores every batch with them.
 */
import { hasExamples, type Interest } from '../interests';
import type { SimilarPaper } from '../match/types';
import { ExampleIndex, Vocabulary, type SparseVector } from './features';
import { examplesFingerprint } from './fingerprint';
import type { LearnedModels, Thresholds } from './model';

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

