/**
 * Tf-idf features of a paper's title and abstract for the example-based model (lib/learn/model.ts):
 * words and adjacent word pairs, folded and singularised as the matcher reads text (lib/match/words.ts),
 * stop words and bare numbers left out. Pure; runs in the worker and the CLI.
 */
import { singular, STOP_WORDS, textWords } from '../match/words';
import { standalone } from '../text';

/** Feature (a word, or two words with a space) → count in one paper. */
export type FeatureCounts = Map<string, number>;

/** A title word says more about the paper than an abstract word: it counts this many times. */
const TITLE_REPEAT = 3;
const NUMBER = /^\d+$/;

/** Words that are no feature: function words, bare numbers, single letters. */
function isSkipped(raw: string): boolean {
  return STOP_WORDS.has(raw) || NUMBER.test(raw) || raw.length < 2;
}

function addWords(counts: FeatureCounts, words: readonly string[], times: number): void {
  let previous: string | undefined;
  for (const raw of words) {
    if (isSkipped(raw)) {
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

/** Page-word codes remembered at most; past it the memory starts afresh. */
const MAX_REMEMBERED = 100_000;
/** Code of a word the features leave out (stop word, number, single letter). */
const SKIPPED = -1;
/** Codes of word pairs: (first + 1) · PAIR_BASE + second, above every word's code (words beyond the vocabulary included). */
const PAIR_BASE = 2 ** 22;

/**
 * Counts of a paper's word and pair codes: an open-addressing table in typed arrays, emptied by
 * its list of filled slots, so counting allocates nothing per paper.
 */
class CodeCounter {
  private keys = new Float64Array(1024).fill(-1);
  private counts = new Int32Array(1024);
  private filled = new Int32Array(512);
  /** Distinct codes counted since the last reset. */
  size = 0;

  /** Empties the table and makes room for the codes of `words` words (a word code and a pair code each). */
  reset(words: number): void {
    for (let entry = 0; entry < this.size; entry++) this.keys[this.filled[entry]!] = -1;
    this.size = 0;
    // At most half full, so probes stay short.
    if (this.filled.length < 2 * words) {
      const capacity = 2 ** Math.ceil(Math.log2(4 * words));
      this.keys = new Float64Array(capacity).fill(-1);
      this.counts = new Int32Array(capacity);
      this.filled = new Int32Array(capacity / 2);
    }
  }

  /** Adds `times` to a code (≥ 0); `hash` spreads it over the table. */
  add(code: number, hash: number, times: number): void {
    const mask = this.keys.length - 1;
    let slot = Math.imul(hash, 0x9e3779b1) >>> 0 & mask;
    for (;;) {
      const key = this.keys[slot]!;
      if (key === code) {
        this.counts[slot]! += times;
        return;
      }
      if (key === -1) break;
      slot = (slot + 1) & mask;
    }
    this.keys[slot] = code;
    this.counts[slot] = times;
    this.filled[this.size++] = slot;
  }

  code(entry: number): number {
    return this.keys[this.filled[entry]!]!;
  }

  count(entry: number): number {
    return this.counts[this.filled[entry]!]!;
  }
}

/** Known word pairs by first word's number: pairs start[first] … start[first + 1] − 1, in order of the second word. */
interface KnownPairs {
  start: Int32Array;
  second: Int32Array;
  id: Int32Array;
}

/**
 * The features the model knows (those of the papers it was trained on), numbered, with their idf:
 * vectors are arrays of feature numbers, so scoring a paper against twenty interests is array reads.
 */
export class Vocabulary {
  readonly index: Map<string, number>;
  /** Smoothed idf of a feature never seen in training. */
  readonly unseenIdf: number;
  /** Folded page word → its feature number, a number past the vocabulary (an unseen word), or SKIPPED. */
  private readonly codes = new Map<string, number>();
  /** Singular of an unseen word → its number past the vocabulary, so its repeats in a paper count together. */
  private readonly unseenCodes = new Map<string, number>();
  /** The known word pairs, by first word; built on first use. */
  private pairs?: KnownPairs;
  /** A paper spread over the vocabulary while it is compared with examples; built on first use. */
  private dense?: Float64Array;
  /** 1 for a feature that is a word pair; built on first use. */
  private pairFlags?: Uint8Array;
  /** A paper's word and pair codes while they are counted (reused: one paper at a time). */
  private readonly counter = new CodeCounter();
  /** A feature's value while a vector is put together (reused: one vector at a time). */
  private readonly scratch: Float64Array;

  constructor(
    readonly features: readonly string[],
    readonly idf: Float64Array,
    readonly docs: number,
  ) {
    this.index = new Map(features.map((feature, i) => [feature, i]));
    this.unseenIdf = Math.log(1 + docs) + 1;
    this.scratch = new Float64Array(features.length);
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
    let norm = 0;
    for (const [feature, count] of counts) {
      const id = this.index.get(feature);
      norm += this.add(ids, id ?? this.features.length, count);
    }
    return this.sparse(ids, norm);
  }

  /**
   * The vector of countFeatures(titleWords, abstractWords), without a string per word pair: words
   * are coded once across papers, and word and pair codes counted in a reused hash table (the
   * matcher vectorises every paper of every batch; building pair strings, or sorting the codes,
   * cost more than the term matching itself).
   */
  vectorizeWords(titleWords: readonly string[], abstractWords: readonly string[]): SparseVector {
    if (this.codes.size >= MAX_REMEMBERED) {
      this.codes.clear();
      this.unseenCodes.clear();
    }
    const counter = this.counter;
    counter.reset(titleWords.length + abstractWords.length);
    this.countCodes(titleWords, TITLE_REPEAT);
    this.countCodes(abstractWords, 1);
    const known = this.features.length;
    const ids: number[] = [];
    let norm = 0;
    for (let entry = 0; entry < counter.size; entry++) {
      const code = counter.code(entry);
      norm += this.add(ids, code < PAIR_BASE ? Math.min(code, known) : this.pairId(code), counter.count(entry));
    }
    return this.sparse(ids, norm);
  }

  /** The vector of paperFeatures(paper), by vectorizeWords: nothing of the paper outlives the call but its vector. */
  vectorizePaper(paper: { title: string; abstract?: string }): SparseVector {
    return this.vectorizeWords(textWords(paper.title), paper.abstract ? textWords(paper.abstract) : []);
  }

  private countCodes(words: readonly string[], times: number): void {
    let previous = SKIPPED;
    for (const raw of words) {
      const code = this.codeOf(raw);
      if (code === SKIPPED) {
        previous = SKIPPED;
        continue;
      }
      this.counter.add(code, code, times);
      if (previous !== SKIPPED) this.counter.add((previous + 1) * PAIR_BASE + code, Math.imul(previous + 1, 0x85ebca6b) ^ code, times);
      previous = code;
    }
  }

  /** Feature number of a pair code: binary search among the known pairs starting with its first word; past the vocabulary if unknown. */
  private pairId(code: number): number {
    const known = this.features.length;
    const first = Math.floor(code / PAIR_BASE) - 1;
    const second = code - (first + 1) * PAIR_BASE;
    if (first >= known || second >= known) return known;
    const pairs = (this.pairs ??= this.knownPairs());
    let low = pairs.start[first]!;
    let high = pairs.start[first + 1]! - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const other = pairs.second[middle]!;
      if (other === second) return pairs.id[middle]!;
      if (other < second) low = middle + 1;
      else high = middle - 1;
    }
    return known;
  }

  private codeOf(raw: string): number {
    let code = this.codes.get(raw);
    if (code === undefined) {
      if (isSkipped(raw)) code = SKIPPED;
      else {
        const word = singular(raw);
        code = this.index.get(word) ?? this.unseenCodes.get(word);
        if (code === undefined) this.unseenCodes.set(standalone(word), (code = this.features.length + this.unseenCodes.size));
      }
      this.codes.set(standalone(raw), code);
    }
    return code;
  }

  private knownPairs(): KnownPairs {
    const known = this.features.length;
    const pairs: [number, number, number][] = [];
    this.features.forEach((feature, id) => {
      const space = feature.indexOf(' ');
      if (space < 0) return;
      // Both words of a kept pair are kept: each occurs wherever the pair does.
      const first = this.index.get(feature.slice(0, space));
      const second = this.index.get(feature.slice(space + 1));
      if (first !== undefined && second !== undefined) pairs.push([first, second, id]);
    });
    pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const start = new Int32Array(known + 1);
    for (const [first] of pairs) start[first + 1]!++;
    for (let id = 0; id < known; id++) start[id + 1]! += start[id]!;
    return { start, second: Int32Array.from(pairs, (p) => p[1]), id: Int32Array.from(pairs, (p) => p[2]) };
  }

  /**
   * How a paper compares with examples: its cosine with each, and up to `limit` single words it
   * shares most with the closest one. The paper is spread over a dense array once, so each example
   * is read straight through (the matcher does this for every paper near a model).
   */
  compare(paper: SparseVector, examples: readonly SparseVector[], limit: number): { cosines: Float64Array; words: string[] } {
    const dense = (this.dense ??= new Float64Array(this.features.length));
    for (let i = 0; i < paper.ids.length; i++) dense[paper.ids[i]!] = paper.values[i]!;
    const cosines = new Float64Array(examples.length);
    let closest = -1;
    for (let example = 0; example < examples.length; example++) {
      const { ids, values } = examples[example]!;
      let sum = 0;
      for (let j = 0; j < ids.length; j++) sum += dense[ids[j]!]! * values[j]!;
      cosines[example] = sum;
      if (sum > 0 && (closest < 0 || sum > cosines[closest]!)) closest = example;
    }
    const words = closest < 0 ? [] : this.sharedWords(dense, examples[closest]!, limit);
    for (let i = 0; i < paper.ids.length; i++) dense[paper.ids[i]!] = 0;
    return { cosines, words };
  }

  /** The single words (not pairs) of `example` adding most to its cosine with the spread-out paper, strongest first. */
  private sharedWords(paper: Float64Array, example: SparseVector, limit: number): string[] {
    const isPair = (this.pairFlags ??= Uint8Array.from(this.features, (feature) => (feature.includes(' ') ? 1 : 0)));
    // The best few, kept in order by insertion, rather than a sort of every shared feature.
    const best: { id: number; product: number }[] = [];
    for (let j = 0; j < example.ids.length; j++) {
      const id = example.ids[j]!;
      const product = paper[id]! * example.values[j]!;
      if (product <= 0 || isPair[id] || (best.length === limit && product <= best[limit - 1]!.product)) continue;
      let at = best.length;
      while (at > 0 && best[at - 1]!.product < product) at--;
      best.splice(at, 0, { id, product });
      if (best.length > limit) best.pop();
    }
    return best.map(({ id }) => this.features[id]!);
  }

  /** Note feature `id`'s value (`id` past the vocabulary: an unseen feature, counted for the length only); its square for the norm. */
  private add(ids: number[], id: number, count: number): number {
    const known = id < this.features.length;
    const value = (1 + Math.log(count)) * (known ? this.idf[id]! : this.unseenIdf);
    if (known) {
      ids.push(id);
      this.scratch[id] = value;
    }
    return value * value;
  }

  private sparse(ids: number[], norm: number): SparseVector {
    const scale = norm ? 1 / Math.sqrt(norm) : 0;
    const vector = { ids: new Int32Array(ids.length), values: new Float64Array(ids.length) };
    for (let i = 0; i < ids.length; i++) {
      vector.ids[i] = ids[i]!;
      vector.values[i] = this.scratch[ids[i]!]! * scale;
    }
    return vector;
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
