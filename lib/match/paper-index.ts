/**
 * A per-batch word index over the papers being matched: the folded words of every title and
 * abstract, posting lists (word → papers), and the page vocabulary against which interest words
 * are expanded (plural, inflection, typo). Built once per matchPapers call, shared by all interests.
 */
import { withinEditDistance } from './edit-distance';
import type { MatchablePaper } from './types';
import { hasDigit, SHORT_WORD_MAX, singular, stem, STOP_WORDS, textWords } from './words';
import { groupBy } from '../collections';

/** How a page word relates to an interest word; the first two count as the word as written. */
export type Spelling = 'exact' | 'plural' | 'inflected' | 'typo';

export function isExactSpelling(spelling: Spelling): boolean {
  return spelling === 'exact' || spelling === 'plural';
}

/** The page words that stand for one interest word, and in how many papers they occur. */
export interface WordExpansion {
  spellings: ReadonlyMap<string, Spelling>;
  /** Posting-list entries of the spellings (a paper counts once per spelling): picks the rarest word of a phrase. */
  paperCount: number;
}

export type Postings = ReadonlyMap<string, readonly number[]>;

/** Edits allowed for an interest word: none up to 4 letters, 1 from 5, 2 from 9 (PERF-BASELINE §7). */
function typoBudget(word: string): number {
  if (word.length <= SHORT_WORD_MAX || hasDigit(word)) return 0;
  return word.length >= 9 ? 2 : 1;
}

function addPosting(postings: Map<string, number[]>, word: string, paper: number): void {
  // Function words get no postings, so the vocabulary never offers one as a spelling of an interest
  // word ("using" is not a typo of "fusing"); they are also a third of an abstract's words.
  if (STOP_WORDS.has(word)) return;
  const list = postings.get(word);
  if (!list) postings.set(word, [paper]);
  // Papers are indexed in order, so a repeated word in the same paper is always the last entry.
  else if (list[list.length - 1] !== paper) list.push(paper);
}

export class PaperIndex {
  readonly titleWords: string[][];
  readonly abstractWords: string[][];
  /** word → papers whose title or abstract holds it. */
  readonly textPostings: Postings;
  private titleIndex?: Postings;
  private readonly expansions = new Map<string, WordExpansion>();
  // Built on first use: a batch of papers matched only against exact short words never needs them.
  private bySingular?: Map<string, string[]>;
  private byStem?: Map<string, string[]>;
  private singularsByLength?: Map<number, string[]>;

  constructor(papers: readonly MatchablePaper[]) {
    const text = new Map<string, number[]>();
    this.titleWords = [];
    this.abstractWords = [];
    for (let i = 0; i < papers.length; i++) {
      const paper = papers[i]!;
      const titleWords = textWords(paper.title);
      const abstractWords = paper.abstract ? textWords(paper.abstract) : [];
      this.titleWords.push(titleWords);
      this.abstractWords.push(abstractWords);
      for (const word of titleWords) addPosting(text, word, i);
      for (const word of abstractWords) addPosting(text, word, i);
    }
    this.textPostings = text;
  }

  /** word → papers whose title holds it (interests scoped to titles); built on first use. */
  get titlePostings(): Postings {
    if (!this.titleIndex) {
      const title = new Map<string, number[]>();
      this.titleWords.forEach((words, i) => {
        for (const word of words) addPosting(title, word, i);
      });
      this.titleIndex = title;
    }
    return this.titleIndex;
  }

  /** The page words standing for `word` (folded): itself, plural/singular, inflections, typos. Cached. */
  expand(word: string): WordExpansion {
    let expansion = this.expansions.get(word);
    if (!expansion) {
      expansion = this.computeExpansion(word);
      this.expansions.set(word, expansion);
    }
    return expansion;
  }

  private computeExpansion(word: string): WordExpansion {
    const spellings = new Map<string, Spelling>();
    const add = (pageWords: readonly string[] | undefined, spelling: Spelling): void => {
      for (const pageWord of pageWords ?? []) if (!spellings.has(pageWord)) spellings.set(pageWord, spelling);
    };
    if (this.textPostings.has(word)) spellings.set(word, 'exact');
    const bySingular = (this.bySingular ??= groupBy(this.textPostings.keys(), singular));
    const wordSingular = singular(word);
    add(bySingular.get(wordSingular), 'plural');
    const budget = typoBudget(word);
    if (budget > 0) {
      add((this.byStem ??= groupBy(this.textPostings.keys(), stem)).get(stem(word)), 'inflected');
      const byLength = (this.singularsByLength ??= groupBy(bySingular.keys(), (w) => w.length));
      for (let length = wordSingular.length - budget; length <= wordSingular.length + budget; length++) {
        for (const candidate of byLength.get(length) ?? []) {
          // Typos are only forgiven between long words: "model" must not become "mode".
          if (candidate.length > SHORT_WORD_MAX && !hasDigit(candidate) && withinEditDistance(wordSingular, candidate, budget))
            add(bySingular.get(candidate), 'typo');
        }
      }
    }
    let paperCount = 0;
    for (const pageWord of spellings.keys()) paperCount += this.textPostings.get(pageWord)?.length ?? 0;
    return { spellings, paperCount };
  }
}
