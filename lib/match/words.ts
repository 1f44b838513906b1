/** Word-level normalisation for matching: tokens of a field, stop words, plural and inflection forms. */
import { fold, words } from '../text';

/** Function words that never make an interest match on their own. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  ('a an the of for and or nor in on at to by with via from into onto as is are be was were its it this that these those ' +
    'we our their than then vs versus using towards toward about over under between through').split(' '),
);

const POSSESSIVE = /['\u2019]s\b/g;

/** Folded words of raw text; a possessive 's is dropped so "Schrödinger's bridge" reads as the phrase. */
export function textWords(raw: string): string[] {
  const folded = fold(raw);
  return words(folded.includes("'") || folded.includes('\u2019') ? folded.replace(POSSESSIVE, '') : folded);
}

/** Words of at most this many letters (acronyms: GAN, RL, PDE) match whole words only (plus a plural s). */
export const SHORT_WORD_MAX = 4;

const DIGIT = /[0-9]/;
/** Words with digits (gpt4, 3d, se3) are identifiers: no typo or inflection tolerance. */
export function hasDigit(word: string): boolean {
  return DIGIT.test(word);
}

/** English singular of a folded word; both sides of a comparison go through it (PDEs → pde, bridges → bridge). */
export function singular(word: string): string {
  const n = word.length;
  if (n > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (n > 4 && /(?:s|x|z|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (n > 3 && word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

const INFLECTION = /(?:ings|ing|ed)$/;
const DOUBLED_END = /([b-df-hj-np-tv-z])\1$/;

/**
 * Crude stem for inflection variants of a long word: model, models, modeled, modelling → model;
 * bridge, bridging → bridg. Only ever compared with other stems, never shown.
 */
export function stem(word: string): string {
  let base = singular(word);
  const inflection = INFLECTION.exec(base);
  if (inflection && base.length - inflection[0].length >= 4) {
    base = base.slice(0, -inflection[0].length);
    if (DOUBLED_END.test(base)) base = base.slice(0, -1);
  }
  return base.length >= 5 && base.endsWith('e') ? base.slice(0, -1) : base;
}
