/**
 * Tf-idf features of a paper's title and abstract for the example-based model (lib/learn/model.ts):
 * words and adjacent word pairs, folded and singularised as the matcher reads text (lib/match/words.ts),
 * stop words and bare numbers left out. Pure; runs in the worker and the CLI.
 */
import { singular, STOP_WORDS, textWords } from '../match/words';

/** Feature (a word, or two words with a space) → count in one paper. */
export type FeatureCounts = Map<string, number>;

/** A title word says more about the paper than an abstract word: it counts this many times. */
const TITLE_REPEAT = 3;
const NUMBER = /^\d+$/;

function addWords(counts: FeatureCounts, words: readonly string[], times: number): void {
  let previous: string | undefined;
  for (const raw of words) {
    if (STOP_WORDS.has(raw) || NUMBER.test(raw) || raw.length < 2) {
      previous = undefined;
      continue;
    }
    const word = singular(raw);
    counts.set(word, (counts.get(word) ?? 0) + times);
    if (previous) {
      const pair = `${previous} ${word}`;
      counts.set(pair, (counts.get(pair) ?? 0) + times);
    }
    previous = word;
  }
}

/** Feature counts from folded words (the matcher's PaperIndex already holds them for a batch). */
export function countFeatures(titleWords: readonly string[], abstractWords: readonly string[]): FeatureCounts {
  const counts: FeatureCounts = new Map();
  addWords(counts, titleWords, TITLE_REPEAT);
  addWords(counts, abstractWords, 1);
  return counts;
}

export function paperFeatures(paper: { title: string; abstract?: string }): FeatureCounts {
  return countFeatures(textWords(paper.title), paper.abstract ? textWords(paper.abstract) : []);
}

/** Add a paper's features to document frequencies. */
export function countDocument(df: Map<string, number>, counts: FeatureCounts): void {
  for (const feature of counts.keys()) df.set(feature, (df.get(feature) ?? 0) + 1);
}

/**
 * The features the model knows (those of the papers it was trained on), numbered, with their idf:
 * vectors are arrays of feature numbers, so scoring a paper against twenty interests is array reads.
 */
export class Vocabulary {
  readonly index: Map<string, number>;
  /** Smoothed idf of a feature never seen in training. */
  readonly unseenIdf: number;

  constructor(
    readonly features: readonly string[],
    readonly idf: Float64Array,
    readonly docs: number,
  ) {
    this.index = new Map(features.map((feature, i) => [feature, i]));
    this.unseenIdf = Math.log(1 + docs) + 1;
  }

  /**
   * From the document frequencies of the training papers (countDocuments): features in at least two of them, or in one of
   * `kept` (the examples), so the one-off word pairs of the store do not fill memory.
   */
  static of(df: ReadonlyMap<string, number>, docs: number, kept: readonly FeatureCounts[]): Vocabulary {
    const keep = new Set(kept.flatMap((counts) => [...counts.keys()]));
    const features = [...df.keys()].filter((f) => df.get(f)! >= 2 || keep.has(f)).sort();
    return new Vocabulary(features, Float64Array.from(features, (f) => Math.log((1 + docs) / (1 + df.get(f)!)) + 1), docs);
  }

  /**
   * Sublinear tf times idf, normalised to unit length (so long abstracts do not outweigh short ones);
   * features outside the vocabulary count for the length and are then dropped, as no weight reads them.
   */
  vectorize(counts: FeatureCounts): SparseVector {
    const ids: number[] = [];
    const values: number[] = [];
    let norm = 0;
    for (const [feature, count] of counts) {
      const id = this.index.get(feature);
      const value = (1 + Math.log(count)) * (id === undefined ? this.unseenIdf : this.idf[id]!);
      norm += value * value;
      if (id === undefined) continue;
      ids.push(id);
      values.push(value);
    }
    const scale = norm ? 1 / Math.sqrt(norm) : 0;
    return { ids: Int32Array.from(ids), values: Float64Array.from(values, (v) => v * scale) };
  }
}

/** A unit-length tf-idf vector over a vocabulary's feature numbers. */
export interface SparseVector {
  ids: Int32Array;
  values: Float64Array;
}

/** The vector's dot product with dense weights indexed by feature number. */
export function dotDense(vector: SparseVector, weights: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < vector.ids.length; i++) sum += vector.values[i]! * weights[vector.ids[i]!]!;
  return sum;
}

/** Cosine of two unit vectors, and the features they share most, strongest first. */
export function overlap(a: SparseVector, b: SparseVector): { cosine: number; shared: number[] } {
  const inB = new Map<number, number>();
  for (let i = 0; i < b.ids.length; i++) inB.set(b.ids[i]!, b.values[i]!);
  const shared: [number, number][] = [];
  let cosine = 0;
  for (let i = 0; i < a.ids.length; i++) {
    const other = inB.get(a.ids[i]!);
    if (other === undefined) continue;
    const product = a.values[i]! * other;
    cosine += product;
    shared.push([a.ids[i]!, product]);
  }
  return { cosine, shared: shared.sort((x, y) => y[1] - x[1]).map(([id]) => id) };
}
