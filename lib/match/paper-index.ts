/**
 * A per-batch word index over the papers being matched: the folded words of every title and
 * abstract, and posting lists (word → papers) of the words that spell an interest word (the
 * lexicon says which), from which each interest word's expansion (plural, inflection, typo) is read.
 * Built once per matchPapers call, shared by all interests; from words split beforehand
 * (paperWords) when the same papers are matched again and again.
 */
import type { SparseVector, VectorArena, Vocabulary } from '../learn/features';
import type { SpellingLexicon, Spelling } from './lexicon';
import type { MatchablePaper } from './types';
import { textWords } from './words';

/** The page words that stand for one interest word, and in how many papers they occur. */
export interface WordExpansion {
  spellings: ReadonlyMap<string, Spelling>;
  /** Posting-list entries of the spellings (a paper counts once per spelling): picks the rarest word of a phrase. */
  paperCount: number;
}

export type Postings = ReadonlyMap<string, readonly number[]>;

/**
 * Papers' words, split once, for matching the same papers against one interest after another (the
 * options page's live previews): splitting 5,000 recent papers took 60 ms of each preview's 140, and
 * looking every occurrence up in the interest's lexicon most of the rest; with every word's papers
 * at hand, a preview judges each distinct word once (10,000 words: 10 ms).
 */
export interface PaperWords {
  titleWords: readonly (readonly string[])[];
  abstractWords: readonly (readonly string[])[];
  /** Every word → papers whose title or abstract holds it. */
  postings: Postings;
  /**
   * The papers' vectors under the example models' vocabulary, kept by the matcher for the next
   * match of the same papers: a preview of an interest with examples vectorised all 5,000 papers
   * again, 150 ms of its 170.
   */
  vectors?: SplitVectors;
}

export interface SplitVectors {
  vocabulary: Vocabulary;
  /** By paper; made on first use. */
  vectors: (SparseVector | undefined)[];
  arena: VectorArena;
}

export function paperWords(papers: readonly MatchablePaper[]): PaperWords {
  const postings = new Map<string, number[]>();
  const titleWords = papers.map((p) => textWords(p.title));
  const abstractWords = papers.map((p) => (p.abstract ? textWords(p.abstract) : []));
  papers.forEach((_, i) => {
    for (const words of [titleWords[i]!, abstractWords[i]!]) for (const word of words) addPosting(postings, word, i);
  });
  return { titleWords, abstractWords, postings };
}

// Papers are indexed in order, so a repeated word in the same paper is always the last entry.
function addPosting(postings: Map<string, number[]>, word: string, paper: number): void {
  const list = postings.get(word);
  if (!list) postings.set(word, [paper]);
  else if (list[list.length - 1] !== paper) list.push(paper);
}

/**
 * The papers' words as the example models' codes (the lexicon's coder), end to end: paper i's title
 * is codes[starts[2i]] … codes[starts[2i + 1] − 1], its abstract runs on to starts[2i + 2].
 */
export interface PaperCodes {
  codes: Int32Array;
  starts: Int32Array;
}

export class PaperIndex {
  readonly titleWords: readonly (readonly string[])[];
  readonly abstractWords: readonly (readonly string[])[];
  /** When the lexicon codes words and the words were split here (not given). */
  readonly codes?: PaperCodes;
  /** word → papers whose title or abstract holds it, for words that spell an interest word. */
  readonly textPostings: Postings;
  private titleIndex?: Postings;
  private readonly expansions = new Map<string, WordExpansion>();

  /** `split`: the papers' words already split (paperWords), when the same papers are matched again and again. */
  constructor(
    papers: readonly MatchablePaper[],
    private readonly lexicon: SpellingLexicon,
    split?: PaperWords,
  ) {
    if (split) {
      this.titleWords = split.titleWords;
      this.abstractWords = split.abstractWords;
      const related = new Map<string, readonly number[]>();
      for (const [word, list] of split.postings) if (lexicon.relationsOf(word).length) related.set(word, list);
      this.textPostings = related;
    } else {
      const text = new Map<string, number[]>();
      const titleWords: string[][] = [];
      const abstractWords: string[][] = [];
      const coded = lexicon.coder ? new CodeWriter(papers.length) : undefined;
      for (let i = 0; i < papers.length; i++) {
        const paper = papers[i]!;
        titleWords.push(this.indexWords(textWords(paper.title), text, i, coded));
        abstractWords.push(this.indexWords(paper.abstract ? textWords(paper.abstract) : [], text, i, coded));
      }
      [this.titleWords, this.abstractWords, this.textPostings] = [titleWords, abstractWords, text];
      if (coded) this.codes = coded.codes();
    }
  }

  /** Each word replaced by the lexicon's copy (lookup), and posted if it spells an interest word; its code written when coded. */
  private indexWords(words: string[], postings: Map<string, number[]>, paper: number, coded: CodeWriter | undefined): string[] {
    coded?.reserve(words.length);
    for (let i = 0; i < words.length; i++) {
      const { word, relations, code } = this.lexicon.lookup(words[i]!);
      words[i] = word;
      coded?.write(code);
      // Only words that spell an interest word get a list: the rest (most of an abstract) are never looked up.
      if (relations.length) addPosting(postings, word, paper);
    }
    coded?.end();
    return words;
  }

  /** word → papers whose title holds it (interests scoped to titles); built on first use. */
  get titlePostings(): Postings {
    if (!this.titleIndex) {
      const title = new Map<string, number[]>();
      this.titleWords.forEach((words, i) => {
        for (const word of words) if (this.lexicon.relationsOf(word).length) addPosting(title, word, i);
      });
      this.titleIndex = title;
    }
    return this.titleIndex;
  }

  /** The page words standing for the interest word `word` (folded): itself, plural/singular, inflections, typos. Cached. */
  expand(word: string): WordExpansion {
    let expansion = this.expansions.get(word);
    if (!expansion) {
      const spellings = new Map<string, Spelling>();
      let paperCount = 0;
      for (const [pageWord, papers] of this.textPostings) {
        const relation = this.lexicon.relationsOf(pageWord).find((r) => r.word === word);
        if (!relation) continue;
        spellings.set(pageWord, relation.spelling);
        paperCount += papers.length;
      }
      expansion = { spellings, paperCount };
      this.expansions.set(word, expansion);
    }
    return expansion;
  }
}

/** Writes PaperCodes field after field (a title, then its abstract, for each paper in turn). */
class CodeWriter {
  private buffer: Int32Array;
  private used = 0;
  private readonly starts: Int32Array;
  private fields = 0;

  constructor(papers: number) {
    // Room for titles; a batch with abstracts grows it a few times.
    this.buffer = new Int32Array(64 * papers);
    this.starts = new Int32Array(2 * papers + 1);
  }

  /** Room for `count` more codes. */
  reserve(count: number): void {
    if (this.used + count <= this.buffer.length) return;
    const grown = new Int32Array(Math.max(2 * this.buffer.length, this.used + count));
    grown.set(this.buffer.subarray(0, this.used));
    this.buffer = grown;
  }

  write(code: number): void {
    this.buffer[this.used++] = code;
  }

  /** The field being written is complete. */
  end(): void {
    this.starts[++this.fields] = this.used;
  }

  codes(): PaperCodes {
    return { codes: this.buffer.subarray(0, this.used), starts: this.starts };
  }
}
