/** Text helpers shared by detection, identity and matching. Pure; no DOM. */

/** Whitespace that collapsing would change: a run, or anything but a plain space (\s covers U+00A0). */
const UNTIDY_SPACE = /\s\s|[^\S ]/;

/** Collapse runs of whitespace (including NBSP and line breaks) to one space and trim. */
export function collapseWhitespace(s: string): string {
  // Most names and titles are tidy already; testing is much cheaper than rebuilding them (2,000-entry listings).
  return (UNTIDY_SPACE.test(s) ? s.replace(/\s+/g, ' ') : s).trim();
}

// TeX accent commands as they appear in arXiv titles/abstracts: \"o, \"{o}, {\"o}, \'e, \c{c}, \v{s} ...
const TEX_ACCENT = /\{?\\(["'`^~=.uvHckrb])\s*\{?\s*([A-Za-z])\s*\}?\}?/g;
const TEX_SPECIAL: Record<string, string> = {
  '\\ss': 'ss', '\\o': 'o', '\\O': 'o', '\\ae': 'ae', '\\AE': 'ae', '\\oe': 'oe', '\\OE': 'oe',
  '\\aa': 'a', '\\AA': 'a', '\\l': 'l', '\\L': 'l', '\\i': 'i', '\\j': 'j',
};
const TEX_SPECIAL_RE = /\\(ss|o|O|ae|AE|oe|OE|aa|AA|l|L|i|j)(?![A-Za-z])\s*/g;
const LETTER_FOR_FOLD: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };
const NON_DECOMPOSING = /[ßæœøłđðþı]/g;
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/**
 * Fold text for comparison: TeX accents unescaped, diacritics stripped, lower-cased.
 * `Schr\"odinger`, `Schr\"{o}dinger` and `Schrödinger` all become `schrodinger`.
 * Pure-ASCII text without backslashes skips the Unicode work (the common case, ~2x cheaper).
 */
export function fold(s: string): string {
  if (ASCII_ONLY.test(s)) {
    if (!s.includes('\\')) return s.toLowerCase();
    s = s.replace(TEX_ACCENT, '$2').replace(TEX_SPECIAL_RE, (_, cmd: string) => TEX_SPECIAL[`\\${cmd}`] ?? '');
    return s.toLowerCase();
  }
  if (s.includes('\\')) {
    s = s.replace(TEX_ACCENT, '$2').replace(TEX_SPECIAL_RE, (_, cmd: string) => TEX_SPECIAL[`\\${cmd}`] ?? '');
  }
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(NON_DECOMPOSING, (c) => LETTER_FOR_FOLD[c] ?? c);
}

/** Words of folded text: letters and digits (ASCII plus Latin/Greek/Cyrillic ranges left after folding). */
const WORD = /[a-z0-9\u00c0-\u024f\u0370-\u04ff]+/g;
export function words(folded: string): string[] {
  return folded.match(WORD) ?? [];
}

/**
 * V8 keeps a substring of 13 or more characters as a view of the string it was cut from; a copy
 * made through JSON is standalone, so a remembered word never keeps its whole abstract alive.
 */
export function standalone(word: string): string {
  return word.length < 13 ? word : (JSON.parse(JSON.stringify(word)) as string);
}
