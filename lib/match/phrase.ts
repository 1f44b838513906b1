/**
 * Finding one interest term (a word or a phrase) in a batch of papers (PERF-BASELINE §7):
 * every word must occur in the same field, spelled as written or as a plural, inflection or typo
 * of it (word index); a phrase's words must then stand together in order, which fuse.js checks,
 * on the candidates only, over the title and the parts of the abstract around the rarest word.
 */
import Fuse, { type Expression, type FuseResultMatch, type RangeTuple } from 'fuse.js';
import type { FieldScope } from '../interests';
import { isExactSpelling } from './lexicon';
import type { PaperIndex, Postings, WordExpansion } from './paper-index';
import type { MatchField } from './types';
import { singular, STOP_WORDS, textWords } from './words';

export interface CompiledTerm {
  /** As the user wrote it, for explanations. */
  text: string;
  /** Folded words from the first to the last content word (stop words between them kept). */
  words: string[];
  /** Distinct words that must all occur: `words` without stop words. */
  contentWords: string[];
}

/** Null when the term has nothing to look for (empty, or only stop words): it must match nothing. */
export function compileTerm(text: string): CompiledTerm | null {
  const all = textWords(text);
  const isContent = (word: string): boolean => !STOP_WORDS.has(word);
  const first = all.findIndex(isContent);
  if (first < 0) return null;
  const words = all.slice(first, all.length - [...all].reverse().findIndex(isContent));
  return { text, words, contentWords: [...new Set(words.filter(isContent))] };
}

/** True when `pageWords` hold `phrase` word for word, allowing plural/singular differences. */
export function containsPhrase(pageWords: readonly string[], phrase: readonly string[]): boolean {
  const wanted = phrase.map(singular);
  const first = wanted[0]!;
  const firstLetter = first.charCodeAt(0);
  for (let i = 0; i + wanted.length <= pageWords.length; i++) {
    const word = pageWords[i]!;
    // singular() only trims a word's end: a word of another first letter is no form of the first wanted word
    // (checked before it, as exclusions are looked for through every abstract of a batch).
    if (word.charCodeAt(0) !== firstLetter || singular(word) !== first) continue;
    let j = 1;
    while (j < wanted.length && singular(pageWords[i + j] as string) === wanted[j]) j++;
    if (j === wanted.length) return true;
  }
  return false;
}

export interface FieldHit {
  field: Extract<MatchField, 'title' | 'abstract'>;
  /** The words as written (or plural/singular), in order; false for typos, inflections, gaps. */
  exact: boolean;
}

/** Bitap (fuse.js) handles at most 32 characters and OR-s the chunks of longer patterns. */
const FUSE_PATTERN_MAX = 32;
/** Characters of context on each side of a window, beyond the pattern's length (PERF-BASELINE §7). */
const WINDOW_MARGIN = 8;
const FUSE_OPTIONS = { threshold: 0.3, ignoreLocation: true, isCaseSensitive: true, includeMatches: true, shouldSort: false } as const;

/** What fuse.js searches (`title`, `abstract`), and the words those strings were joined from. */
interface FuseRecord {
  paper: number;
  title?: string;
  abstract?: string[];
  words: { title?: readonly string[]; abstract?: (readonly string[])[] };
}

/** Whole words packed into chunks of at most 32 characters, so that each chunk is one bitap pattern. */
function patternChunks(words: readonly string[]): string[] {
  const chunks: string[] = [];
  for (const word of words) {
    const last = chunks[chunks.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= FUSE_PATTERN_MAX) chunks[chunks.length - 1] = `${last} ${word}`;
    else chunks.push(word);
  }
  return chunks;
}

/** A pattern that fits bitap is one query; a longer one must match chunk by chunk (AND, not fuse's OR). */
function fuseQuery(words: readonly string[], keys: readonly string[]): Expression {
  const chunks = patternChunks(words);
  if (chunks.length === 1) return chunks[0] as string;
  return { $and: chunks.map((chunk) => ({ $or: keys.map((key) => ({ [key]: chunk })) })) };
}

/** Papers holding a spelling of every word, in `postings` (all expansions are non-empty). */
function candidatePapers(expansions: readonly WordExpansion[], postings: Postings, paperCount: number): number[] {
  // seen[p] = how many of the words paper p has shown so far; one pass per word, rarest first.
  const seen = new Uint16Array(paperCount);
  const ordered = [...expansions].sort((a, b) => a.paperCount - b.paperCount);
  const found: number[] = [];
  ordered.forEach((expansion, i) => {
    const last = i === ordered.length - 1;
    for (const pageWord of expansion.spellings.keys()) {
      for (const paper of postings.get(pageWord) ?? []) {
        if (seen[paper] !== i) continue;
        seen[paper] = i + 1;
        if (last) found.push(paper);
      }
    }
  });
  return found;
}

function holdsEveryWord(fieldWords: readonly string[], expansions: readonly WordExpansion[]): boolean {
  return expansions.every(({ spellings }) => fieldWords.some((word) => spellings.has(word)));
}

/**
 * Bitap scores characters, not words: "diffusion model" is within its error budget of "diffusion
 * and" or "diffusion process". A match only counts when the words it spans spell every content
 * word of the term, in order. `strings` are the searched strings as words (joined by one space).
 */
function matchedWordsSpell(matches: readonly FuseResultMatch[], strings: readonly (readonly string[])[], expansions: readonly WordExpansion[]): boolean {
  let next = 0;
  for (const { refIndex, indices } of matches) {
    const words = strings[refIndex ?? 0] ?? [];
    let wordStart = 0;
    let range = 0;
    for (const word of words) {
      const wordEnd = wordStart + word.length - 1;
      while (range < indices.length && (indices[range] as RangeTuple)[1] < wordStart) range++;
      const overlaps = range < indices.length && (indices[range] as RangeTuple)[0] <= wordEnd;
      if (overlaps && expansions[next]?.spellings.has(word) && ++next === expansions.length) return true;
      wordStart = wordEnd + 2;
    }
  }
  return false;
}

/** The parts of the abstract around the anchor word's occurrences, ±`margin` characters, merged. */
function windowsAround(abstractWords: readonly string[], anchor: WordExpansion, margin: number): string[][] {
  const windows: string[][] = [];
  let start = -1;
  let end = -1;
  for (let i = 0; i < abstractWords.length; i++) {
    if (!anchor.spellings.has(abstractWords[i] as string)) continue;
    let from = i;
    for (let chars = 0; from > 0 && chars < margin; ) chars += (abstractWords[--from] as string).length + 1;
    let to = i;
    for (let chars = 0; to < abstractWords.length - 1 && chars < margin; ) chars += (abstractWords[++to] as string).length + 1;
    if (from <= end) end = to;
    else {
      if (end >= 0) windows.push(abstractWords.slice(start, end + 1));
      start = from;
      end = to;
    }
  }
  if (end >= 0) windows.push(abstractWords.slice(start, end + 1));
  return windows;
}

/** Where `term` occurs in each paper of the batch (papers without it are absent). */
export function findTerm(term: CompiledTerm, index: PaperIndex, scope: FieldScope): Map<number, FieldHit[]> {
  const hits = new Map<number, FieldHit[]>();
  const expansions = term.contentWords.map((word) => index.expand(word));
  if (expansions.some((expansion) => expansion.spellings.size === 0)) return hits;
  const postings = scope === 'title' ? index.titlePostings : index.textPostings;
  const candidates = candidatePapers(expansions, postings, index.titleWords.length);

  if (term.words.length === 1) {
    // A single word is decided by the word index alone; bitap could only agree.
    const spellings = (expansions[0] as WordExpansion).spellings;
    const hitIn = (field: FieldHit['field'], fieldWords: readonly string[]): FieldHit | null => {
      let found: FieldHit | null = null;
      for (const word of fieldWords) {
        const spelling = spellings.get(word);
        if (spelling && isExactSpelling(spelling)) return { field, exact: true };
        if (spelling) found = { field, exact: false };
      }
      return found;
    };
    for (const paper of candidates) {
      const fieldHits = [hitIn('title', index.titleWords[paper] as string[])];
      if (scope !== 'title') fieldHits.push(hitIn('abstract', index.abstractWords[paper] as string[]));
      const found = fieldHits.filter((hit): hit is FieldHit => hit !== null);
      if (found.length) hits.set(paper, found);
    }
    return hits;
  }

  const anchor = expansions.reduce((rarest, expansion) => (expansion.paperCount < rarest.paperCount ? expansion : rarest));
  const pattern = term.words.join(' ');
  const margin = pattern.length + WINDOW_MARGIN;
  const records: FuseRecord[] = [];
  for (const paper of candidates) {
    const title = index.titleWords[paper] as string[];
    const abstract = index.abstractWords[paper] as string[];
    // The phrase as written needs no fuzzy search; only fields that hold its words otherwise go to fuse.js.
    const exact: FieldHit[] = [];
    const record: FuseRecord = { paper, words: {} };
    if (holdsEveryWord(title, expansions)) {
      if (containsPhrase(title, term.words)) exact.push({ field: 'title', exact: true });
      else {
        record.words.title = title;
        record.title = title.join(' ');
      }
    }
    if (scope !== 'title' && holdsEveryWord(abstract, expansions)) {
      if (containsPhrase(abstract, term.words)) exact.push({ field: 'abstract', exact: true });
      else {
        record.words.abstract = windowsAround(abstract, anchor, margin);
        record.abstract = record.words.abstract.map((window) => window.join(' '));
      }
    }
    if (exact.length) hits.set(paper, exact);
    if (record.title !== undefined || record.abstract !== undefined) records.push(record);
  }
  if (!records.length) return hits;

  const keys = scope === 'title' ? ['title'] : ['title', 'abstract'];
  const fuse = new Fuse(records, { ...FUSE_OPTIONS, keys });
  for (const { item, matches } of fuse.search(fuseQuery(term.words, keys))) {
    const found = hits.get(item.paper) ?? [];
    for (const field of ['title', 'abstract'] as const) {
      const matched = (matches ?? []).filter((match) => match.key === field);
      const strings = field === 'title' ? [item.words.title ?? []] : (item.words.abstract ?? []);
      if (matched.length && matchedWordsSpell(matched, strings, expansions)) found.push({ field, exact: false });
    }
    // Title first, as the explanation lists it.
    if (found.length) hits.set(item.paper, found.sort((a, b) => (a.field === b.field ? 0 : a.field === 'title' ? -1 : 1)));
  }
  return hits;
}
