/**
 * Tf-idf features of a paper's title and abstract for the example-based model (lib/learn/model.ts):
 * words and adjacent word pairs, folded and singularised as the matcher reads text (lib/match/words.ts),
 * stop words and bare numbers left out. Pure; runs in the worker and the CLI.
 */
import { singular, STOP_WORDS, textWords } from '../match/words';
import { insertWithin } from '../collections';
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

/** Known word pairs: an open-addressing table from pair code to feature number (a lookup per distinct pair of every paper). */
interface KnownPairs {
  codes: Float64Array;
  ids: Int32Array;
}

/** Where a pair code's probe starts in a table of `mask + 1` slots. */
const pairSlot = (first: number, second: number, mask: number): number => (Math.imul(Math.imul(first + 1, 0x85ebca6b) ^ second, 0x9e3779b1) >>> 0) & mask;

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
  /** The number the next unseen word gets. */
  private nextUnseen: number;
  /** The codes of the paper being vectorised from its words (reused: one paper at a time). */
  private wordCodes = new Int32Array(1024);
  /** The known word pairs, by pair code; built on first use. */
  private pairs?: KnownPairs;
  /** 1 for a feature that is a word pair; built on first use. */
  private pairFlags?: Uint8Array;
  /** A paper's word and pair codes while they are counted (reused: one paper at a time). */
  private readonly counter = new CodeCounter();
  /** A feature's value while a vector is put together (reused: one vector at a time). */
  private readonly scratch: Float64Array;
  /** The features of the vector being put together, `noted` of them. */
  private notedIds = new Int32Array(1024);
  private noted = 0;

  constructor(
    readonly features: readonly string[],
    readonly idf: Float64Array,
    readonly docs: number,
  ) {
    // Filled in a loop, not from [feature, number] pairs: the worker builds it whenever the interests change.
    this.index = new Map();
    for (let i = 0; i < features.length; i++) this.index.set(features[i]!, i);
    this.unseenIdf = Math.log(1 + docs) + 1;
    this.scratch = new Float64Array(features.length);
    this.nextUnseen = features.length;
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
    let norm = 0;
    for (const [feature, count] of counts) norm += this.note(this.index.get(feature) ?? this.features.length, count);
    return this.vector(norm, OWN_ARRAYS);
  }

  /**
   * The vector of countFeatures(titleWords, abstractWords), without a string per word pair: words
   * are coded once across papers, and word and pair codes counted in a reused hash table (the
   * matcher vectorises every paper of every batch; building pair strings, or sorting the codes,
   * cost more than the term matching itself). `into`: where the vector is written (a batch's VectorArena).
   */
  vectorizeWords(titleWords: readonly string[], abstractWords: readonly string[], into: VectorStore = OWN_ARRAYS): SparseVector {
    if (this.codes.size >= MAX_REMEMBERED) this.codes.clear();
    const length = titleWords.length + abstractWords.length;
    if (this.wordCodes.length < length) this.wordCodes = new Int32Array(2 * length);
    let at = 0;
    for (const word of titleWords) this.wordCodes[at++] = this.codeOf(word);
    for (const word of abstractWords) this.wordCodes[at++] = this.codeOf(word);
    return this.vectorizeCodes(this.wordCodes, 0, titleWords.length, length, into);
  }

  /**
   * vectorizeWords from the words' codes (`code`): the title's are codes[titleStart … abstractStart − 1],
   * the abstract's codes[abstractStart … end − 1]. The matcher has them from its word index, which looks every word up anyway.
   */
  vectorizeCodes(codes: Int32Array, titleStart: number, abstractStart: number, end: number, into: VectorStore): SparseVector {
    const counter = this.counter;
    counter.reset(end - titleStart);
    this.countCodes(codes, titleStart, abstractStart, TITLE_REPEAT);
    this.countCodes(codes, abstractStart, end, 1);
    const known = this.features.length;
    let norm = 0;
    for (let entry = 0; entry < counter.size; entry++) {
      const code = counter.code(entry);
      norm += this.note(code < PAIR_BASE ? Math.min(code, known) : this.pairId(code), counter.count(entry));
    }
    return this.vector(norm, into);
  }

  /** The vector of paperFeatures(paper), by vectorizeWords: nothing of the paper outlives the call but its vector. */
  vectorizePaper(paper: { title: string; abstract?: string }): SparseVector {
    return this.vectorizeWords(textWords(paper.title), paper.abstract ? textWords(paper.abstract) : []);
  }

  private countCodes(codes: Int32Array, start: number, end: number, times: number): void {
    let previous = SKIPPED;
    for (let at = start; at < end; at++) {
      const code = codes[at]!;
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
    const { codes, ids } = (this.pairs ??= this.knownPairs());
    const mask = codes.length - 1;
    for (let slot = pairSlot(first, second, mask); ; slot = (slot + 1) & mask) {
      if (codes[slot] === code) return ids[slot]!;
      if (codes[slot] === -1) return known;
    }
  }

  /** code(raw), remembered. */
  private codeOf(raw: string): number {
    let code = this.codes.get(raw);
    if (code === undefined) this.codes.set(standalone(raw), (code = this.code(raw)));
    return code;
  }

  /**
   * The code of a folded page word for vectorizeCodes: its feature number, a number past the
   * vocabulary (an unseen word; its inflections get the same), or SKIPPED (stop word, number, single letter).
   */
  code(raw: string): number {
    if (isSkipped(raw)) return SKIPPED;
    const word = singular(raw);
    let code = this.index.get(word) ?? this.unseenCodes.get(word);
    if (code === undefined) {
      // Numbers are never given twice, even after the memory of unseen words starts afresh: the
      // matcher's lexicon keeps codes of its own. Past the pair codes' room they start over.
      if (this.unseenCodes.size >= MAX_REMEMBERED) this.unseenCodes.clear();
      if (this.nextUnseen >= PAIR_BASE) this.nextUnseen = this.features.length;
      this.unseenCodes.set(standalone(word), (code = this.nextUnseen++));
    }
    return code;
  }

  private knownPairs(): KnownPairs {
    const pairs: [number, number, number][] = [];
    this.features.forEach((feature, id) => {
      const space = feature.indexOf(' ');
      if (space < 0) return;
      // Both words of a kept pair are kept: each occurs wherever the pair does.
      const first = this.index.get(feature.slice(0, space));
      const second = this.index.get(feature.slice(space + 1));
      if (first !== undefined && second !== undefined) pairs.push([first, second, id]);
    });
    // At most a quarter full, so a probe for an unknown pair (most of a paper's) ends at once.
    const size = 2 ** Math.ceil(Math.log2(4 * pairs.length + 4));
    const table = { codes: new Float64Array(size).fill(-1), ids: new Int32Array(size) };
    for (const [first, second, id] of pairs) {
      let slot = pairSlot(first, second, size - 1);
      while (table.codes[slot] !== -1) slot = (slot + 1) & (size - 1);
      table.codes[slot] = (first + 1) * PAIR_BASE + second;
      table.ids[slot] = id;
    }
    return table;
  }

  /**
   * How a paper compares with examples: its cosine with each (valid until the next comparison with
   * the same examples), and up to `limit` single words it shares most with the closest one, strongest
   * first (ties in the vocabulary's order). The matcher does this for every paper near a model.
   */
  compare(paper: SparseVector, examples: ExampleIndex, limit: number): { cosines: Float64Array; words: string[] } {
    const cosines = examples.cosines(paper);
    let closest = -1;
    for (let example = 0; example < cosines.length; example++) {
      if (cosines[example]! > 0 && (closest < 0 || cosines[example]! > cosines[closest]!)) closest = example;
    }
    if (closest < 0) return { cosines, words: [] };
    const isPair = (this.pairFlags ??= Uint8Array.from(this.features, (feature) => (feature.includes(' ') ? 1 : 0)));
    return { cosines, words: examples.strongestShared(closest, isPair, limit).map((id) => this.features[id]!) };
  }

  /** Note feature `id`'s value for the vector being made (`id` past the vocabulary: an unseen feature, counted for the length only); its square for the norm. */
  private note(id: number, count: number): number {
    const tf = count < SUBLINEAR_TF.length ? SUBLINEAR_TF[count]! : 1 + Math.log(count);
    if (id >= this.features.length) return (tf * this.unseenIdf) ** 2;
    const value = tf * this.idf[id]!;
    if (this.noted === this.notedIds.length) {
      const grown = new Int32Array(2 * this.noted);
      grown.set(this.notedIds);
      this.notedIds = grown;
    }
    this.notedIds[this.noted++] = id;
    this.scratch[id] = value;
    return value * value;
  }

  /** The noted features as a unit-length vector, written where `into` says. */
  private vector(norm: number, into: VectorStore): SparseVector {
    const scale = norm ? 1 / Math.sqrt(norm) : 0;
    const vector = into.take(this.noted);
    for (let i = 0; i < this.noted; i++) {
      const id = this.notedIds[i]!;
      vector.ids[i] = id;
      vector.values[i] = this.scratch[id]! * scale;
    }
    this.noted = 0;
    return vector;
  }
}

/** Where vectors are written. */
export interface VectorStore {
  /** Arrays for a vector of `length` features. */
  take(length: number): SparseVector;
}

/** Each vector in arrays of its own: vectors that are kept (a stored model's examples) hold no more than themselves. */
const OWN_ARRAYS: VectorStore = { take: (length) => ({ ids: new Int32Array(length), values: new Float64Array(length) }) };

/** Entries of each shared block of an arena, at most (about two hundred papers' features). */
const ARENA_BLOCK = 1 << 15;
/** Features of a paper with an abstract, about: a small batch gets a block its size. */
const FEATURES_PER_PAPER = 200;

/**
 * The vectors of one batch as views into a few shared blocks: a typed array of its own per vector
 * costs a memory allocation each (two per paper), more than filling it. The blocks live as long
 * as any vector in them, so this is for vectors dropped with their batch, never for stored ones.
 */
export class VectorArena implements VectorStore {
  private ids = new Int32Array(0);
  private values = new Float64Array(0);
  private used = 0;
  private readonly blockSize: number;

  /** `papers`: how many vectors the batch has. */
  constructor(papers: number) {
    this.blockSize = Math.min(ARENA_BLOCK, papers * FEATURES_PER_PAPER);
  }

  take(length: number): SparseVector {
    if (this.used + length > this.ids.length) {
      const size = Math.max(this.blockSize, length);
      [this.ids, this.values, this.used] = [new Int32Array(size), new Float64Array(size), 0];
    }
    const at = this.used;
    this.used += length;
    return { ids: this.ids.subarray(at, this.used), values: this.values.subarray(at, this.used) };
  }
}

/** 1 + ln(count) for the counts most features have (sublinear tf). */
const SUBLINEAR_TF = Float64Array.from({ length: 64 }, (_, count) => 1 + Math.log(count));

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

/**
 * A model's examples by feature: each feature's (example, value) entries, so a paper is compared
 * with every example by reading the entries of its own features only, not every feature of every
 * example (4121 comparisons of 2,000 papers with 10 examples: 47 -> 9 ms in Node). One paper at a time:
 * its cosines and shared features are kept in reused arrays (a small typed array per paper costs
 * more to allocate than to fill).
 */
export class ExampleIndex {
  /** Feature number → its row of entries, −1 where no example has it. */
  private readonly rowOf: Int32Array;
  /** Row r's entries are start[r] … start[r + 1] − 1, in order of example. */
  private readonly start: Int32Array;
  private readonly example: Int32Array;
  private readonly values: Float64Array;
  /** The last paper's cosine with each example. */
  private readonly paperCosines: Float64Array;
  /** The last paper's features that an example has: feature number, row, the paper's value; `sharedCount` of them. */
  private sharedIds = new Int32Array(256);
  private sharedRows = new Int32Array(256);
  private sharedValues = new Float64Array(256);
  private sharedCount = 0;

  /** `features`: the vocabulary's size. */
  constructor(examples: readonly SparseVector[], features: number) {
    this.rowOf = new Int32Array(features).fill(-1);
    let rows = 0;
    const perRow: number[] = [];
    for (const { ids } of examples) {
      for (const id of ids) {
        if (this.rowOf[id] === -1) {
          this.rowOf[id] = rows++;
          perRow.push(0);
        }
        perRow[this.rowOf[id]!]!++;
      }
    }
    this.start = new Int32Array(rows + 1);
    for (let row = 0; row < rows; row++) this.start[row + 1] = this.start[row]! + perRow[row]!;
    const next = this.start.slice(0, rows);
    this.example = new Int32Array(this.start[rows]!);
    this.values = new Float64Array(this.start[rows]!);
    examples.forEach(({ ids, values }, example) => {
      ids.forEach((id, i) => {
        const at = next[this.rowOf[id]!]!++;
        this.example[at] = example;
        this.values[at] = values[i]!;
      });
    });
    this.paperCosines = new Float64Array(examples.length);
  }

  /** The paper's cosine with each example (the vectors are unit length); overwritten by the next paper's. */
  cosines(paper: SparseVector): Float64Array {
    const cosines = this.paperCosines.fill(0);
    if (this.sharedIds.length < paper.ids.length) {
      this.sharedIds = new Int32Array(paper.ids.length);
      this.sharedRows = new Int32Array(paper.ids.length);
      this.sharedValues = new Float64Array(paper.ids.length);
    }
    let shared = 0;
    for (let i = 0; i < paper.ids.length; i++) {
      const id = paper.ids[i]!;
      const row = this.rowOf[id]!;
      if (row < 0) continue;
      const value = paper.values[i]!;
      for (let at = this.start[row]!, end = this.start[row + 1]!; at < end; at++) cosines[this.example[at]!]! += value * this.values[at]!;
      this.sharedIds[shared] = id;
      this.sharedRows[shared] = row;
      this.sharedValues[shared++] = value;
    }
    this.sharedCount = shared;
    return cosines;
  }

  /**
   * Up to `limit` features the last paper shares with example `example` (none that `skip` marks),
   * by their part of the cosine, strongest first (ties: lower feature number first).
   */
  strongestShared(example: number, skip: Uint8Array, limit: number): number[] {
    // The best few, kept in order by insertion, rather than a sort of every shared feature.
    const ids: number[] = [];
    const products: number[] = [];
    for (let i = 0; i < this.sharedCount; i++) {
      const id = this.sharedIds[i]!;
      if (skip[id]) continue;
      const row = this.sharedRows[i]!;
      let value = 0;
      // A row's entries are in order of example.
      for (let at = this.start[row]!, end = this.start[row + 1]!; at < end && this.example[at]! <= example; at++) {
        if (this.example[at] === example) value = this.values[at]!;
      }
      const product = this.sharedValues[i]! * value;
      if (product <= 0) continue;
      let at = ids.length;
      while (at > 0 && (products[at - 1]! < product || (products[at - 1] === product && ids[at - 1]! > id))) at--;
      insertWithin(ids, at, id, limit);
      insertWithin(products, at, product, limit);
    }
    return ids;
  }
}
