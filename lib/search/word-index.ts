/**
 * The search index over every stored paper: for each field (title, authors, abstract), word →
 * the papers holding it, in memory. A search reads posting lists, never the papers, so it costs
 * milliseconds at 100,000 papers where reading the store costs seconds. Query words are spelled
 * against the index's vocabulary with the matcher's rules (plural, inflection, typo: SpellingLexicon),
 * and the last word, still being typed, also as a prefix. Pure: the worker keeps it in step with
 * the store (lib/search/paper-search.ts).
 */
import { bitCount, letterSet } from '../match/edit-distance';
import { SpellingLexicon, type Spelling } from '../match/lexicon';
import { STOP_WORDS, textWords } from '../match/words';
import { decodeGaps, GapWriter, lastOfGaps } from './gaps';

/** What the index needs of a paper (a PaperRecord is one). */
export interface SearchablePaper {
  key: string;
  title: string;
  authors?: readonly string[];
  abstract?: string;
  url?: string;
  lastSeen: number;
}

export type WordField = 'title' | 'authors' | 'abstract';
export const WORD_FIELDS: readonly WordField[] = ['title', 'authors', 'abstract'];

/** Where a query found a paper, and the paper's own words that matched (for highlighting). */
export interface Found {
  field: WordField | 'id' | 'url';
  words: string[];
}

export interface SearchHit {
  key: string;
  score: number;
  lastSeen: number;
  found: Found[];
}

/** A title or author hit outweighs an abstract one: it says what the paper is. */
const FIELD_WEIGHT: Record<WordField, number> = { title: 3, authors: 3, abstract: 1 };
type QuerySpelling = Spelling | 'prefix';
const SPELLING_WEIGHT: Record<QuerySpelling, number> = { exact: 1, plural: 1, inflected: 0.8, prefix: 0.7, typo: 0.6 };
/** A word still being typed is read as a prefix from this many letters ("diffus" finds diffusion). */
const PREFIX_MIN = 3;
/** Most letters a plural, inflection or typo adds or removes ("modelling" → "model"). */
const SPELLING_SPAN = 4;

/** 32-bit FNV-1a: tells whether a rewritten paper's text changed without keeping the text. */
function textHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** A link as a user pastes it or a page wrote it: no scheme, `www.`, fragment or trailing slash. */
export function urlIdentity(url: string): string {
  return url.trim().toLowerCase().replace(/^[a-z]+:\/\//, '').replace(/^www\./, '').replace(/#.*$/, '').replace(/\/+$/, '');
}

function textOf(paper: SearchablePaper): string {
  return `${paper.title}\n${paper.authors?.join('\n') ?? ''}\n${paper.abstract ?? ''}\n${paper.url ?? ''}`;
}

function contentWords(text: string): string[] {
  return [...new Set(textWords(text))].filter((w) => !STOP_WORDS.has(w));
}

/**
 * The index as flat arrays, for the store (lib/search/paper-search.ts keeps it so a restarted
 * worker loads it in a fraction of a second instead of reading every paper). Slots are numbered
 * afresh over the live papers.
 */
export interface WordIndexSnapshot {
  keys: string[];
  lastSeen: Float64Array;
  hashes: Uint32Array;
  words: string[];
  /** Each word's letterSet. */
  letters: Uint32Array;
  /** Word i's list in a field: `gaps[offsets[i]]`..`gaps[offsets[i + 1] - 1]` (lib/search/gaps.ts). */
  postings: Record<WordField, { offsets: Uint32Array; gaps: Uint8Array }>;
  /** urlIdentity hash and slot, in pairs. */
  urls: Uint32Array;
  /** Each paper's key hash (textHash) and slot, in pairs ordered by hash. */
  keyHashes: Uint32Array;
}

/** One query word's spellings in the vocabulary of each field, with the posting lists they stand for. */
type Expansion = { field: WordField; word: string; weight: number; slots: Postings }[];

/** Slots of the papers holding a word, increasing: a built index's array, or a loaded index's list as read from its gaps. */
type Postings = number[] | Uint32Array;

/** A word of the vocabulary: the papers holding it, per field, and its letters (letterSet). */
type Entry = { letters: number } & Partial<Record<WordField, number[]>>;

/** Letters a plural or an inflection adds or takes away (s, es, ies/y, ing, ed, a final e). */
const ENDING_LETTERS = letterSet('sieyngd');
/** Most letters a typo brings into a word, or takes out of it (two edits). */
const TYPO_LETTERS = 2;

/**
 * Whether `word` can spell the query word at all, by letters alone: beyond the endings' letters, a
 * typo of two edits changes at most two letters each way. Spares judging most of the vocabulary.
 */
function lettersAllow(word: number, query: number): boolean {
  return bitCount(word & ~query & ~ENDING_LETTERS) <= TYPO_LETTERS && bitCount(query & ~word & ~ENDING_LETTERS) <= TYPO_LETTERS;
}

export class WordIndex {
  /** Slot → key, undefined once the paper is gone or rewritten with new text (it then takes a new slot). */
  private keys: (string | undefined)[] = [];
  /** Per slot; typed, so a loaded index takes the saved arrays as they are. Room beyond `keys.length` is unused. */
  private lastSeen: Float64Array = new Float64Array(0);
  private hashes: Uint32Array = new Uint32Array(0);
  /** Key → slot of the papers added since the index was built or loaded. */
  private readonly slotOf = new Map<string, number>();
  /**
   * A loaded index's papers: key hash and slot pairs, by hash. A map of 100,000 keys took 50 ms of a
   * cold search to build in the worker, and 6 MB to hold; a lookup checks the key at the slot.
   */
  private loadedKeys: Uint32Array = new Uint32Array(0);
  /** Papers in the index (slots whose key is not undefined). */
  private live = 0;
  /** word → its posting lists; they hold slots in increasing order: papers are only ever appended. */
  private readonly vocabulary = new Map<string, Entry>();
  /**
   * A loaded index's words, read where they lie in the saved arrays: no object per word at load
   * (400,000 of them took a third of a second), and a list is read from its gaps only when a query
   * spells the word. A word also in `vocabulary` has papers added since there, with greater slots:
   * its lists are this one's, then that one's.
   */
  private loaded?: Pick<WordIndexSnapshot, 'words' | 'letters' | 'postings'>;
  /** urlIdentity hash → slots (a hash names a few papers at most; the caller checks the record). */
  private readonly urls = new Map<number, number[]>();
  /** A loaded index's links: hash and slot pairs, by hash (a map of them took a tenth of a second to load). */
  private loadedUrls: Uint32Array = new Uint32Array(0);
  private dead = 0;
  /** Expansions of recent query words: typing a query spells its earlier words again at each keystroke. */
  private readonly expansions = new Map<string, Expansion>();

  get size(): number {
    return this.live;
  }

  has(key: string): boolean {
    return this.slotFor(key) !== undefined;
  }

  private slotFor(key: string): number | undefined {
    const added = this.slotOf.get(key);
    if (added !== undefined) return added;
    const hash = textHash(key);
    for (let i = 2 * firstPairAtLeast(this.loadedKeys, hash); this.loadedKeys[i] === hash; i += 2) {
      // A paper gone since, or rewritten (it then has a new slot, in slotOf), no longer has its key there.
      if (this.keys[this.loadedKeys[i + 1]!] === key) return this.loadedKeys[i + 1]!;
    }
    return undefined;
  }

  /** Add or replace papers (by key); a paper whose text is unchanged keeps its postings. */
  put(papers: readonly SearchablePaper[]): void {
    for (const paper of papers) {
      const hash = textHash(textOf(paper));
      const slot = this.slotFor(paper.key);
      if (slot !== undefined && this.hashes[slot] === hash) {
        this.lastSeen[slot] = paper.lastSeen;
        continue;
      }
      if (slot !== undefined) this.drop(slot);
      this.add(paper, hash);
    }
  }

  delete(keys: readonly string[]): void {
    for (const key of keys) {
      const slot = this.slotFor(key);
      if (slot !== undefined) this.drop(slot);
    }
  }

  clear(): void {
    this.keys = [];
    this.lastSeen = new Float64Array(0);
    this.hashes = new Uint32Array(0);
    this.slotOf.clear();
    this.loadedKeys = new Uint32Array(0);
    this.live = 0;
    this.vocabulary.clear();
    this.loaded = undefined;
    this.urls.clear();
    this.loadedUrls = new Uint32Array(0);
    this.dead = 0;
    this.expansions.clear();
  }

  snapshot(): WordIndexSnapshot {
    const renumbered = new Int32Array(this.keys.length);
    const keys: string[] = [];
    const lastSeen = new Float64Array(this.size);
    const hashes = new Uint32Array(this.size);
    this.keys.forEach((key, slot) => {
      if (key === undefined) return void (renumbered[slot] = -1);
      renumbered[slot] = keys.length;
      lastSeen[keys.length] = this.lastSeen[slot]!;
      hashes[keys.length] = this.hashes[slot]!;
      keys.push(key);
    });
    // At 100,000 papers with abstracts there are some 10 million postings: written in place, as gaps.
    const loaded = this.loaded;
    const writers = WORD_FIELDS.map((field) => {
      let count = 0;
      for (const entry of this.vocabulary.values()) count += entry[field]?.length ?? 0;
      return new GapWriter((loaded?.postings[field].gaps.length ?? 0) + 2 * count);
    });
    const wordCount = (loaded?.words.length ?? 0) + this.vocabulary.size;
    const offsets = WORD_FIELDS.map(() => new Uint32Array(wordCount + 1));
    const letters = new Uint32Array(wordCount);
    const words: string[] = [];
    // No paper ever gone: slots keep their numbers.
    const keptAll = keys.length === this.keys.length;
    const write = (writer: GapWriter, list: Postings) => {
      if (keptAll) for (const slot of list) writer.write(slot);
      else for (const slot of list) if (renumbered[slot]! >= 0) writer.write(renumbered[slot]!);
    };
    const written = () => writers[0]!.length + writers[1]!.length + writers[2]!.length;
    const close = (word: string, wordLetters: number, before: number) => {
      // A word only gone papers held stays out.
      if (written() === before) return;
      letters[words.length] = wordLetters;
      words.push(word);
      for (let f = 0; f < WORD_FIELDS.length; f++) offsets[f]![words.length] = writers[f]!.length;
    };
    const added = new Set<string>();
    loaded?.words.forEach((word, i) => {
      const before = written();
      const since = this.vocabulary.get(word);
      if (since) added.add(word);
      WORD_FIELDS.forEach((field, f) => {
        const writer = writers[f]!;
        const { offsets: from, gaps } = loaded.postings[field];
        const [start, end] = [from[i]!, from[i + 1]!];
        const more = since?.[field];
        writer.startList();
        // Slots unchanged: the saved bytes as they are, then the papers added since.
        if (keptAll) writer.copyList(gaps.subarray(start, end), lastOfGaps(gaps, start, end));
        else if (end > start) write(writer, decodeGaps(gaps, start, end));
        if (more) write(writer, more);
      });
      close(word, loaded.letters[i]!, before);
    });
    for (const [word, entry] of this.vocabulary) {
      if (added.has(word)) continue;
      const before = written();
      WORD_FIELDS.forEach((field, f) => {
        const list = entry[field];
        writers[f]!.startList();
        if (list) write(writers[f]!, list);
      });
      close(word, entry.letters, before);
    }
    const postings = Object.fromEntries(
      WORD_FIELDS.map((field, f) => [field, { offsets: offsets[f]!.slice(0, words.length + 1), gaps: writers[f]!.result() }]),
    ) as WordIndexSnapshot['postings'];
    const urls: number[] = [];
    for (let i = 0; i < this.loadedUrls.length; i += 2) if (renumbered[this.loadedUrls[i + 1]!]! >= 0) urls.push(this.loadedUrls[i]!, renumbered[this.loadedUrls[i + 1]!]!);
    for (const [id, held] of this.urls) for (const slot of held) if (renumbered[slot]! >= 0) urls.push(id, renumbered[slot]!);
    const keyHashes: number[] = [];
    keys.forEach((key, slot) => keyHashes.push(textHash(key), slot));
    return { keys, lastSeen, hashes, words, letters: letters.slice(0, words.length), postings, urls: byHash(urls), keyHashes: byHash(keyHashes) };
  }

  /**
   * The index `snapshot` holds; the index keeps the snapshot's arrays, the caller lets go of them.
   * A snapshot whose arrays do not fit together (a damaged store) throws, naming what is wrong.
   */
  static fromSnapshot(snapshot: WordIndexSnapshot): WordIndex {
    checkSnapshot(snapshot);
    const index = new WordIndex();
    index.keys = snapshot.keys;
    index.lastSeen = snapshot.lastSeen;
    index.hashes = snapshot.hashes;
    index.loadedKeys = snapshot.keyHashes;
    index.live = snapshot.keys.length;
    index.loaded = { words: snapshot.words, letters: snapshot.letters, postings: snapshot.postings };
    index.loadedUrls = snapshot.urls;
    return index;
  }

  /** Keys of the papers whose link is `url` (compared by urlIdentity), best guess: check the records. */
  keysWithUrl(url: string): string[] {
    const id = textHash(urlIdentity(url));
    const slots = [...(this.urls.get(id) ?? [])];
    for (let i = 2 * firstPairAtLeast(this.loadedUrls, id); this.loadedUrls[i] === id; i += 2) slots.push(this.loadedUrls[i + 1]!);
    return slots.flatMap((slot) => this.keys[slot] ?? []);
  }

  private add(paper: SearchablePaper, hash: number): void {
    const slot = this.keys.length;
    if (slot === this.hashes.length) this.makeRoom(Math.max(1024, 2 * slot));
    this.keys.push(paper.key);
    this.lastSeen[slot] = paper.lastSeen;
    this.hashes[slot] = hash;
    this.slotOf.set(paper.key, slot);
    this.live++;
    this.post('title', contentWords(paper.title), slot);
    this.post('authors', contentWords(paper.authors?.join(' ') ?? ''), slot);
    if (paper.abstract) this.post('abstract', contentWords(paper.abstract), slot);
    if (paper.url) this.postUrl(textHash(urlIdentity(paper.url)), slot);
    this.expansions.clear();
  }

  private makeRoom(slots: number): void {
    const [lastSeen, hashes] = [new Float64Array(slots), new Uint32Array(slots)];
    lastSeen.set(this.lastSeen.subarray(0, this.keys.length));
    hashes.set(this.hashes.subarray(0, this.keys.length));
    [this.lastSeen, this.hashes] = [lastSeen, hashes];
  }

  private postUrl(id: number, slot: number): void {
    const slots = this.urls.get(id);
    if (slots) slots.push(slot);
    else this.urls.set(id, [slot]);
  }

  private post(field: WordField, words: readonly string[], slot: number): void {
    for (const word of words) {
      let entry = this.vocabulary.get(word);
      // Copied: a word cut from an abstract would otherwise keep the whole abstract alive.
      if (!entry) this.vocabulary.set(word.length < 13 ? word : ` ${word}`.slice(1), (entry = { letters: letterSet(word) }));
      const slots = entry[field];
      if (slots) slots.push(slot);
      else entry[field] = [slot];
    }
  }

  private drop(slot: number): void {
    this.slotOf.delete(this.keys[slot]!);
    this.keys[slot] = undefined;
    this.live--;
    this.dead++;
    this.expansions.clear();
    // Postings of gone papers are skipped when read; once they are a third of the index they are swept.
    if (this.dead * 3 > this.keys.length) this.sweep();
  }

  /** Move a loaded index's words into `vocabulary`, as a built index holds them (before a sweep rewrites every list). */
  private unload(): void {
    const loaded = this.loaded;
    if (!loaded) return;
    this.loaded = undefined;
    loaded.words.forEach((word, i) => {
      const since = this.vocabulary.get(word);
      const entry: Entry = { letters: loaded.letters[i]! };
      for (const field of WORD_FIELDS) {
        const list = loadedList(loaded, field, i);
        const more = since?.[field];
        if (list || more) entry[field] = [...(list ?? []), ...(more ?? [])];
      }
      this.vocabulary.set(word, entry);
    });
  }

  private sweep(): void {
    this.unload();
    const live = (slots: number[]) => slots.filter((slot) => this.keys[slot] !== undefined);
    for (const [word, entry] of this.vocabulary) {
      for (const field of WORD_FIELDS) {
        const kept = entry[field] && live(entry[field]);
        if (kept?.length) entry[field] = kept;
        else delete entry[field];
      }
      if (!WORD_FIELDS.some((field) => entry[field])) this.vocabulary.delete(word);
    }
    for (const [id, slots] of this.urls) {
      const kept = live(slots);
      if (kept.length) this.urls.set(id, kept);
      else this.urls.delete(id);
    }
    this.dead = 0;
  }

  /**
   * Papers holding every content word of `query` (in any field, as written, plural, inflected or
   * with a typo; the last word also as a prefix unless the query ends with a space), best first:
   * title and author hits over abstract ones, spelled as written over typos, then the most recently seen.
   */
  search(query: string, limit: number): SearchHit[] {
    const queryWords = contentWords(query);
    if (!queryWords.length) return [];
    const typing = !/\s$/.test(query) ? queryWords[queryWords.length - 1] : undefined;
    const expansions = queryWords.map((word) => this.expand(word, word === typing));
    // Candidates from the rarest word; every other word must be somewhere in the paper too.
    const order = expansions.map((e, i) => ({ i, size: e.reduce((n, s) => n + s.slots.length, 0) })).sort((a, b) => a.size - b.size);
    let scores: Map<number, number> | undefined;
    for (const { i } of order) {
      const best = new Map<number, number>();
      for (const spelling of expansions[i]!) {
        for (const slot of spelling.slots) {
          if (scores && !scores.has(slot)) continue;
          if (this.keys[slot] === undefined) continue;
          if ((best.get(slot) ?? 0) < spelling.weight) best.set(slot, spelling.weight);
        }
      }
      if (scores) for (const [slot, score] of best) best.set(slot, score + scores.get(slot)!);
      scores = best;
      if (!scores.size) return [];
    }
    const ranked = [...scores!].sort((a, b) => b[1] - a[1] || this.lastSeen[b[0]]! - this.lastSeen[a[0]]!).slice(0, limit);
    return ranked.map(([slot, score]) => ({ key: this.keys[slot]!, score, lastSeen: this.lastSeen[slot]!, found: this.foundIn(slot, expansions) }));
  }

  /** The paper's words that each query word found, per field. */
  private foundIn(slot: number, expansions: readonly Expansion[]): Found[] {
    const byField = new Map<WordField, Set<string>>();
    for (const expansion of expansions)
      for (const { field, word, slots } of expansion)
        if (holds(slots, slot)) (byField.get(field) ?? byField.set(field, new Set()).get(field)!).add(word);
    return WORD_FIELDS.flatMap((field) => (byField.has(field) ? [{ field, words: [...byField.get(field)!] }] : []));
  }

  private expand(queryWord: string, typing: boolean): Expansion {
    const id = `${typing ? '>' : '='}${queryWord}`;
    let expansion = this.expansions.get(id);
    if (!expansion) {
      const found: Expansion = [];
      const lexicon = new SpellingLexicon([queryWord]);
      const prefix = typing && queryWord.length >= PREFIX_MIN;
      const letters = letterSet(queryWord);
      const spell = (word: string, wordLetters: number): QuerySpelling | undefined => {
        const isPrefix = prefix && word.startsWith(queryWord);
        // Cheaper than judging it: no spelling rule spans more letters than an inflection's ending.
        if (!isPrefix && (Math.abs(word.length - queryWord.length) > SPELLING_SPAN || !lettersAllow(wordLetters, letters))) return undefined;
        return lexicon.relationsOf(word)[0]?.spelling ?? (isPrefix ? 'prefix' : undefined);
      };
      const add = (word: string, spelling: QuerySpelling, field: WordField, slots: Postings | undefined) =>
        slots && found.push({ field, word, weight: FIELD_WEIGHT[field] * SPELLING_WEIGHT[spelling], slots });
      const loaded = this.loaded;
      loaded?.words.forEach((word, i) => {
        const spelling = spell(word, loaded.letters[i]!);
        if (spelling) for (const field of WORD_FIELDS) add(word, spelling, field, loadedList(loaded, field, i));
      });
      // A word in both has its papers added since the load here: two spellings, of the same weight, one paper each.
      for (const [word, entry] of this.vocabulary) {
        const spelling = spell(word, entry.letters);
        if (spelling) for (const field of WORD_FIELDS) add(word, spelling, field, entry[field]);
      }
      if (this.expansions.size > 50) this.expansions.clear();
      this.expansions.set(id, (expansion = found));
    }
    return expansion;
  }
}

function checkSnapshot(snapshot: WordIndexSnapshot): void {
  const fail = (what: string) => {
    throw new Error(`the saved search index is damaged: ${what}`);
  };
  const papers = snapshot.keys?.length;
  if (!Array.isArray(snapshot.keys) || !(snapshot.lastSeen instanceof Float64Array) || !(snapshot.hashes instanceof Uint32Array)) fail('papers missing');
  if (snapshot.lastSeen.length !== papers || snapshot.hashes.length !== papers) fail('papers of different counts');
  if (!Array.isArray(snapshot.words) || !(snapshot.letters instanceof Uint32Array) || snapshot.letters.length !== snapshot.words.length) fail('words missing');
  if (!(snapshot.urls instanceof Uint32Array) || snapshot.urls.length % 2) fail('links missing');
  for (let i = 1; i < snapshot.urls.length; i += 2) if (snapshot.urls[i]! >= papers) fail('a link of no paper');
  for (let i = 2; i < snapshot.urls.length; i += 2) if (snapshot.urls[i]! < snapshot.urls[i - 2]!) fail('links out of order');
  // Every paper's key once, by the hash of its key: else a paper would be added again as new, or not found to delete.
  const keyed = new Uint8Array(papers);
  if (!(snapshot.keyHashes instanceof Uint32Array) || snapshot.keyHashes.length !== 2 * papers) fail('keys missing');
  for (let i = 0; i < snapshot.keyHashes.length; i += 2) {
    const slot = snapshot.keyHashes[i + 1]!;
    if (slot >= papers || keyed[slot] || snapshot.keyHashes[i] !== textHash(snapshot.keys[slot]!)) fail('keys out of place');
    keyed[slot] = 1;
    if (i && snapshot.keyHashes[i]! < snapshot.keyHashes[i - 2]!) fail('keys out of order');
  }
  for (const field of WORD_FIELDS) {
    const { offsets, gaps } = snapshot.postings?.[field] ?? {};
    if (!(offsets instanceof Uint32Array) || !(gaps instanceof Uint8Array) || offsets.length !== snapshot.words.length + 1 || offsets[offsets.length - 1] !== gaps.length) fail(`${field} lists missing`);
    for (let i = 1; i < offsets!.length; i++) {
      if (offsets![i]! < offsets![i - 1]!) fail(`${field} lists out of order`);
      // Slots only increase along a list: its last is its greatest.
      const last = lastOfGaps(gaps!, offsets![i - 1]!, offsets![i]!);
      if (last < 0) fail(`${field} lists cut short`);
      if (last >= papers) fail(`${field} lists name no paper`);
    }
  }
}

/** Word i's list in `field` of a loaded index, read from its gaps; undefined when empty. */
function loadedList(loaded: Pick<WordIndexSnapshot, 'postings'>, field: WordField, i: number): Uint32Array | undefined {
  const { offsets, gaps } = loaded.postings[field];
  return offsets[i + 1]! > offsets[i]! ? decodeGaps(gaps, offsets[i]!, offsets[i + 1]!) : undefined;
}

/** Hash and slot pairs (flat) ordered by hash, for lookups by binary search. */
function byHash(pairs: readonly number[]): Uint32Array {
  const order = Uint32Array.from({ length: pairs.length / 2 }, (_, i) => i).sort((a, b) => pairs[2 * a]! - pairs[2 * b]!);
  const sorted = new Uint32Array(pairs.length);
  order.forEach((pair, i) => {
    sorted[2 * i] = pairs[2 * pair]!;
    sorted[2 * i + 1] = pairs[2 * pair + 1]!;
  });
  return sorted;
}

/** Index of the first pair of `pairs` (ordered by hash) whose hash is `id` or greater. */
function firstPairAtLeast(pairs: Uint32Array, id: number): number {
  let low = 0;
  let high = pairs.length / 2;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (pairs[2 * mid]! < id) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Binary search of a posting list (slots in increasing order). */
function holds(slots: Postings, slot: number): boolean {
  let low = 0;
  let high = slots.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = slots[mid]!;
    if (at === slot) return true;
    if (at < slot) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}
