/**
 * Bounded edit distance (optimal string alignment: insert, delete, substitute, swap two
 * neighbours, each costs 1). Only "is it within `max`?" is ever asked, so the common case
 * (max 1) takes a linear scan instead of a table.
 */

function sameFrom(a: string, ai: number, b: string, bi: number): boolean {
  if (a.length - ai !== b.length - bi) return false;
  for (; ai < a.length; ai++, bi++) if (a.charCodeAt(ai) !== b.charCodeAt(bi)) return false;
  return true;
}

function withinOneEdit(a: string, b: string): boolean {
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (a.length === b.length) {
    if (i === a.length) return true;
    if (sameFrom(a, i + 1, b, i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && sameFrom(a, i + 2, b, i + 2);
  }
  return a.length > b.length ? sameFrom(a, i + 1, b, i) : sameFrom(a, i, b, i + 1);
}

// Three reusable rows: the table is only ever (word length + 1) wide and words are short.
let rowBeforePrevious = new Int32Array(64);
let previousRow = new Int32Array(64);
let currentRow = new Int32Array(64);

function distanceAtMost(a: string, b: string, max: number): boolean {
  const width = b.length + 1;
  if (currentRow.length < width) {
    rowBeforePrevious = new Int32Array(width);
    previousRow = new Int32Array(width);
    currentRow = new Int32Array(width);
  }
  for (let j = 0; j < width; j++) previousRow[j] = j;
  for (let i = 1; i <= a.length; i++) {
    currentRow[0] = i;
    let rowMin = i;
    for (let j = 1; j < width; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min((previousRow[j] as number) + 1, (currentRow[j - 1] as number) + 1, (previousRow[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (rowBeforePrevious[j - 2] as number) + 1);
      currentRow[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return false;
    [rowBeforePrevious, previousRow, currentRow] = [previousRow, currentRow, rowBeforePrevious];
  }
  return (previousRow[b.length] as number) <= max;
}

/** The letters a-z of a word as bits; every other character shares one more bit. */
export function letterSet(word: string): number {
  let set = 0;
  for (let i = 0; i < word.length; i++) {
    const letter = word.charCodeAt(i) - 97;
    set |= letter >= 0 && letter < 26 ? 1 << letter : 1 << 26;
  }
  return set;
}

export function bitCount(bits: number): number {
  let count = 0;
  for (; bits; bits &= bits - 1) count++;
  return count;
}

/**
 * An edit brings at most one new letter into a word and takes at most one out, so two words whose
 * letter sets differ by more than `max` on either side are further apart than `max`. A linear test
 * that spares most of the table fills when long interest words meet a page's vocabulary.
 */
function lettersAllow(a: string, b: string, max: number): boolean {
  const inA = letterSet(a);
  const inB = letterSet(b);
  return bitCount(inA & ~inB) <= max && bitCount(inB & ~inA) <= max;
}

/** True when `a` can be turned into `b` with at most `max` edits (a swap of neighbours counts 1). */
export function withinEditDistance(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  if (a === b) return true;
  if (max <= 0) return false;
  return max === 1 ? withinOneEdit(a, b) : lettersAllow(a, b, max) && distanceAtMost(a, b, max);
}
