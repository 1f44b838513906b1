/**
 * Author interests, matched on the authors field only. Names are compared as folded words in
 * given-names-first order: "Song, Yang", "Yang Song", "Y. Song" and "Yang J. Song" are one person;
 * surnames of 5+ letters forgive one typo; diacritics and TeX accents are folded away.
 */
import { fold, words } from '../text';
import { withinEditDistance } from './edit-distance';
import type { MatchablePaper } from './types';

/** Lower-case surname particles that belong to the surname: "Valentin De Bortoli", "van der Waals". */
const PARTICLES: ReadonlySet<string> = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'le', 'la', 'du', 'dos', 'das', 'ter', 'ten']);

export interface PersonName {
  /** Folded words, given names (or initials) first, surname last. */
  words: string[];
  /** How many of the last words form the surname. */
  surnameLength: number;
}

/** Parse a name as a user or a page writes it; null when it holds no letters. */
export function parseName(raw: string): PersonName | null {
  const folded = fold(raw);
  const comma = folded.indexOf(',');
  if (comma >= 0) {
    const surname = words(folded.slice(0, comma));
    const given = words(folded.slice(comma + 1));
    return surname.length ? { words: [...given, ...surname], surnameLength: surname.length } : null;
  }
  const parts = folded.split(/\s+/).map(words).filter((part) => part.length > 0);
  const last = parts.pop();
  if (!last) return null;
  const surname = [...last];
  while (parts.length && PARTICLES.has(parts[parts.length - 1]?.join('') ?? '')) surname.unshift(...(parts.pop() as string[]));
  return { words: [...parts.flat(), ...surname], surnameLength: surname.length };
}

function surnameOf(words: readonly string[], length: number): string {
  return words.slice(words.length - length).join('');
}

/** 'exact', 'typo' or null: an initial matches any name with that first letter. */
function compareGivenName(wanted: string, written: string): 'exact' | 'typo' | null {
  if (wanted.length === 1 || written.length === 1) return wanted[0] === written[0] ? 'exact' : null;
  if (wanted === written) return 'exact';
  return wanted.length >= 5 && withinEditDistance(wanted, written, 1) ? 'typo' : null;
}

/** How `author` (a paper's author) answers to `wanted` (an interest's author): null = another person. */
function compareNames(wanted: PersonName, author: PersonName): 'exact' | 'typo' | null {
  const k = wanted.surnameLength;
  if (author.words.length < k) return null;
  const wantedSurname = surnameOf(wanted.words, k);
  const writtenSurname = surnameOf(author.words, k);
  let result: 'exact' | 'typo' = 'exact';
  if (wantedSurname !== writtenSurname) {
    if (wantedSurname.length < 5 || !withinEditDistance(wantedSurname, writtenSurname, 1)) return null;
    result = 'typo';
  }
  const wantedFirst = wanted.words[0];
  if (wanted.words.length === k || wantedFirst === undefined) return result;
  // Middle names are optional on both sides: the wanted first name may be any given name of the author.
  let best: 'exact' | 'typo' | null = null;
  for (const given of author.words.slice(0, author.words.length - k)) {
    const match = compareGivenName(wantedFirst, given);
    if (match === 'exact') return result;
    best ??= match;
  }
  return best && 'typo';
}

/**
 * The folded last word of a written name (the surname's last word) without parsing the whole name:
 * cut after the last space, hyphen or full stop, which never fall inside a word.
 */
function lastWordOf(raw: string): string | undefined {
  const comma = raw.indexOf(',');
  const surname = (comma >= 0 ? raw.slice(0, comma) : raw).trimEnd();
  const cut = Math.max(surname.lastIndexOf(' '), surname.lastIndexOf('-'), surname.lastIndexOf('.')) + 1;
  const tail = words(fold(surname.slice(cut)));
  if (tail.length) return tail[tail.length - 1];
  const name = parseName(raw);
  return name?.words[name.words.length - 1];
}

interface WrittenAuthor {
  paper: number;
  raw: string;
  /** Parsed on first comparison: most authors of a page never share a last word with an interest. */
  name?: PersonName | null;
}

/** Paper authors of one batch, found by the last word of their names. */
export class AuthorIndex {
  private readonly byLastWord = new Map<string, WrittenAuthor[]>();

  constructor(papers: readonly MatchablePaper[]) {
    papers.forEach((paper, i) => {
      for (const raw of paper.authors ?? []) {
        const lastWord = lastWordOf(raw);
        if (lastWord === undefined) continue;
        const entries = this.byLastWord.get(lastWord);
        if (entries) entries.push({ paper: i, raw });
        else this.byLastWord.set(lastWord, [{ paper: i, raw }]);
      }
    });
  }

  /** Papers with an author who is `wanted`; true = some such author is written exactly (initials allowed). */
  find(wanted: PersonName): Map<number, boolean> {
    const found = new Map<number, boolean>();
    const lastWord = wanted.words[wanted.words.length - 1] as string;
    for (const [pageWord, entries] of this.byLastWord) {
      if (pageWord !== lastWord && (lastWord.length < 5 || !withinEditDistance(lastWord, pageWord, 1))) continue;
      for (const entry of entries) {
        if (entry.name === undefined) entry.name = parseName(entry.raw);
        const match = entry.name && compareNames(wanted, entry.name);
        if (match) found.set(entry.paper, found.get(entry.paper) === true || match === 'exact');
      }
    }
    return found;
  }
}
