/**
 * Which page words spell which interest words (as written, plural, inflection, typo), remembered
 * across batches: the relation depends on the two words alone, and a re-match of the store meets
 * mostly the same vocabulary chunk after chunk, so each page word is judged once, not per batch.
 */
import { withinEditDistance } from './edit-distance';
import { standalone } from '../text';
import { hasDigit, SHORT_WORD_MAX, singular, stem, STOP_WORDS } from './words';

/** How a page word relates to an interest word; the first two count as the word as written. */
export type Spelling = 'exact' | 'plural' | 'inflected' | 'typo';

export function isExactSpelling(spelling: Spelling): boolean {
  return spelling === 'exact' || spelling === 'plural';
}

/** An interest word a page word spells, and how. */
export interface Relation {
  word: string;
  spelling: Spelling;
}

const UNRELATED: readonly Relation[] = [];

/** A page word as the lexicon remembers it. */
export interface PageWord {
  word: string;
  relations: readonly Relation[];
  /** Its code for the example models (the lexicon's WordCoder), or NO_CODE. */
  code: number;
}

/** Codes page words for the example models (lib/learn/features.ts Vocabulary). */
export interface WordCoder {
  code(word: string): number;
}

const NO_CODE = -2;

/** Page words remembered at most; past it the memory starts afresh (a year of abstracts has a few hundred thousand). */
const MAX_REMEMBERED = 100_000;

/** Edits allowed for an interest word: none up to 4 letters, 1 from 5, 2 from 9 (PERF-BASELINE §7). */
function typoBudget(word: string): number {
  if (word.length <= SHORT_WORD_MAX || hasDigit(word)) return 0;
  return word.length >= 9 ? 2 : 1;
}

interface InterestWord {
  word: string;
  singular: string;
  stem: string;
  budget: number;
}

export class SpellingLexicon {
  private readonly words: readonly InterestWord[];
  private readonly remembered = new Map<string, PageWord>();

  /**
   * `interestWords`: folded content words, none of them a stop word. `coder`: the example models'
   * vocabulary, when there are models: each page word is coded once with its relations, and a
   * batch's word index has every word's code from the same lookup.
   */
  constructor(
    interestWords: Iterable<string>,
    readonly coder?: WordCoder,
  ) {
    this.words = [...new Set(interestWords)].map((word) => ({ word, singular: singular(word), stem: stem(word), budget: typoBudget(word) }));
  }

  /** The interest words `pageWord` (folded) spells; function words spell none ("using" is not a typo of "fusing"). */
  relationsOf(pageWord: string): readonly Relation[] {
    return this.lookup(pageWord).relations;
  }

  /**
   * The remembered copy of `pageWord` with its relations. A batch keeps the copy in place of its
   * own string: a batch's words are then a few thousand strings, not one per occurrence, and the
   * young-generation collections during matching have that much less to copy.
   */
  lookup(pageWord: string): PageWord {
    let known = this.remembered.get(pageWord);
    if (known === undefined) {
      const word = standalone(pageWord);
      known = { word, relations: STOP_WORDS.has(pageWord) ? UNRELATED : this.judge(pageWord), code: this.coder ? this.coder.code(word) : NO_CODE };
      if (this.remembered.size >= MAX_REMEMBERED) this.remembered.clear();
      this.remembered.set(word, known);
    }
    return known;
  }

  private judge(pageWord: string): readonly Relation[] {
    let relations: Relation[] | undefined;
    const pageSingular = singular(pageWord);
    // Typos are only forgiven between long words: "model" must not become "mode".
    const typoCandidate = pageSingular.length > SHORT_WORD_MAX && !hasDigit(pageSingular);
    let pageStem: string | undefined;
    for (const interest of this.words) {
      let spelling: Spelling | undefined;
      if (pageWord === interest.word) spelling = 'exact';
      else if (pageSingular === interest.singular) spelling = 'plural';
      else if (interest.budget > 0) {
        if ((pageStem ??= stem(pageWord)) === interest.stem) spelling = 'inflected';
        else if (typoCandidate && Math.abs(pageSingular.length - interest.singular.length) <= interest.budget && withinEditDistance(interest.singular, pageSingular, interest.budget))
          spelling = 'typo';
      }
      if (spelling) (relations ??= []).push({ word: interest.word, spelling });
    }
    return relations ?? UNRELATED;
  }
}
