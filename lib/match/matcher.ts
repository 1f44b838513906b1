/**
 * The interest matcher (PERF-BASELINE §7): interests are compiled once; each batch of papers gets
 * one word index that every interest shares. Pure and DOM-free: runs in the service worker.
 */
import { INTEREST_DEFAULTS, type FieldScope, type Interest } from '../interests';
import { AuthorIndex, parseName, type PersonName } from './authors';
import { SpellingLexicon } from './lexicon';
import { PaperIndex } from './paper-index';
import { compileTerm, containsPhrase, findTerm, type CompiledTerm } from './phrase';
import type { InterestMatch, MatchablePaper, MatchField, TermHit } from './types';
import { textWords } from './words';

export interface CompiledAuthor {
  /** As the user wrote it, for explanations. */
  text: string;
  name: PersonName;
}

export interface CompiledInterest {
  id: string;
  weight: number;
  scope: FieldScope;
  terms: CompiledTerm[];
  authors: CompiledAuthor[];
  exclude: CompiledTerm[];
}

/** Interests ready for matching; only interests that can match anything are kept. */
export interface CompiledInterests {
  readonly interests: readonly CompiledInterest[];
  /** How page words spell the interests' words; it learns as batches are matched, so reuse the compiled interests. */
  readonly lexicon: SpellingLexicon;
}

function present<T>(value: T | null): value is T {
  return value !== null;
}

export function compileInterests(interests: readonly Interest[]): CompiledInterests {
  const compiled = interests.map((interest): CompiledInterest => ({
    id: interest.id,
    weight: interest.weight ?? INTEREST_DEFAULTS.weight,
    scope: interest.scope ?? INTEREST_DEFAULTS.scope,
    terms: interest.terms.map(compileTerm).filter(present),
    authors: (interest.authors ?? [])
      .map((text) => {
        const name = parseName(text);
        return name && { text, name };
      })
      .filter(present),
    exclude: (interest.exclude ?? []).map(compileTerm).filter(present),
  }));
  // Without a positive part (empty, stop words only, or only exclusions) an interest matches nothing.
  const matchable = compiled.filter((interest) => interest.terms.length > 0 || interest.authors.length > 0);
  return { interests: matchable, lexicon: new SpellingLexicon(matchable.flatMap((interest) => interest.terms.flatMap((term) => term.contentWords))) };
}

/** How much one hit says, before typos: a title or author hit is strong, a mention in the abstract less so. */
const HIT_STRENGTH: Record<MatchField, number> = { title: 0.9, authors: 0.9, abstract: 0.6 };
/** A typo, an inflection or a gap weakens a hit. */
const INEXACT_FACTOR = 0.8;

/**
 * Our own score, not fuse.js's (which field length dominates): every hit is independent evidence
 * (noisy-or), so more terms and more fields score higher; the interest's weight sharpens or softens it.
 */
function scoreHits(hits: readonly TermHit[], weight: number): number {
  let missing = 1;
  for (const hit of hits) missing *= 1 - HIT_STRENGTH[hit.field] * (hit.exact ? 1 : INEXACT_FACTOR);
  return Math.max(0.001, Math.round((1 - missing ** weight) * 1000) / 1000);
}

/** One result array per paper, same order; [] for no match. Results are sorted by score, strongest first. */
export function matchPapers(compiled: CompiledInterests, papers: readonly MatchablePaper[]): InterestMatch[][] {
  const results: InterestMatch[][] = papers.map(() => []);
  let paperIndex: PaperIndex | undefined;
  let authorIndex: AuthorIndex | undefined;
  const text = (): PaperIndex => (paperIndex ??= new PaperIndex(papers, compiled.lexicon));
  const authorWords = new Map<number, string[]>();
  const isVetoed = (interest: CompiledInterest, paper: number): boolean => {
    if (!interest.exclude.length) return false;
    let authors = authorWords.get(paper);
    if (!authors) authorWords.set(paper, (authors = textWords((papers[paper]?.authors ?? []).join(', '))));
    const fields = [text().titleWords[paper] as string[], text().abstractWords[paper] as string[], authors];
    return interest.exclude.some((term) => fields.some((words) => containsPhrase(words, term.words)));
  };

  for (const interest of compiled.interests) {
    const hitsByPaper = new Map<number, TermHit[]>();
    const addHit = (paper: number, hit: TermHit): void => {
      const hits = hitsByPaper.get(paper);
      if (hits) hits.push(hit);
      else hitsByPaper.set(paper, [hit]);
    };
    for (const term of interest.terms) {
      for (const [paper, fieldHits] of findTerm(term, text(), interest.scope)) {
        for (const { field, exact } of fieldHits) addHit(paper, { term: term.text, field, exact });
      }
    }
    for (const author of interest.authors) {
      for (const [paper, exact] of (authorIndex ??= new AuthorIndex(papers)).find(author.name)) {
        addHit(paper, { term: author.text, field: 'authors', exact });
      }
    }
    for (const [paper, hits] of hitsByPaper) {
      if (!isVetoed(interest, paper)) results[paper]?.push({ interest: interest.id, score: scoreHits(hits, interest.weight), terms: hits });
    }
  }
  for (const matches of results) matches.sort((a, b) => b.score - a.score);
  return results;
}
