/** Split text into plain and highlighted parts where matched terms occur, for the popup's excerpts. */

export interface TextPart {
  text: string;
  hit: boolean;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const compiled = new Map<string, RegExp>();

/** Unicode-class RegExps cost about a millisecond each to compile: a popup of 30 rows reuses them. */
function termsRegExp(alternatives: string): RegExp {
  let re = compiled.get(alternatives);
  if (!re) {
    if (compiled.size > 200) compiled.clear();
    re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'giu');
    compiled.set(alternatives, re);
  }
  return re;
}

/**
 * Case-insensitive, tolerant to plurals (-s/-es) and to hyphens or spaces between a phrase's words,
 * like the matcher's exact rule. Typo matches are not highlighted (the chip says "fuzzy").
 */
export function highlight(text: string, terms: readonly string[]): TextPart[] {
  const patterns = terms
    .map((t) => t.trim().split(/[\s-]+/).filter(Boolean).map(escapeRegExp))
    .filter((w) => w.length)
    .map((w) => `${w.join('[\\s-]+')}(?:e?s)?`);
  if (!patterns.length || !text) return [{ text, hit: false }];
  const re = termsRegExp(patterns.join('|'));
  const parts: TextPart[] = [];
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > last) parts.push({ text: text.slice(last, m.index), hit: false });
    parts.push({ text: m[0], hit: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), hit: false });
  return parts;
}

const isWordChar = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c);

/** About `length` characters of `text` around the first highlighted part (or its start), cut at whole words. */
export function excerpt(parts: readonly TextPart[], length = 260): TextPart[] {
  const total = parts.reduce((n, p) => n + p.text.length, 0);
  if (total <= length) return [...parts];
  let offset = 0;
  let firstHit = 0;
  for (const p of parts) {
    if (p.hit) {
      firstHit = offset;
      break;
    }
    offset += p.text.length;
  }
  const text = parts.map((p) => p.text).join('');
  let start = Math.max(0, Math.min(firstHit - 60, total - length));
  let end = start + length;
  // Never begin or end inside a word: move in to the nearest space (not past the first hit).
  while (start > 0 && start < firstHit && (isWordChar(text[start - 1]) || !isWordChar(text[start]))) start++;
  while (end < total && end > firstHit && (isWordChar(text[end]) || !isWordChar(text[end - 1]))) end--;
  const out: TextPart[] = [];
  offset = 0;
  for (const p of parts) {
    const from = Math.max(start, offset);
    const to = Math.min(end, offset + p.text.length);
    if (from < to) out.push({ text: p.text.slice(from - offset, to - offset), hit: p.hit });
    offset += p.text.length;
  }
  if (start > 0) out.unshift({ text: '… ', hit: false });
  if (end < total) out.push({ text: ' …', hit: false });
  return out;
}
