import { describe, expect, it } from 'vitest';
import { withinEditDistance } from '../../lib/match/edit-distance';

/** Optimal string alignment distance, the whole table: the reference the bounded version must agree with. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** A deterministic stream of words, and of words a few random edits away from them. */
function* pairs(count: number): Generator<[string, string]> {
  let seed = 7;
  const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  const letters = 'aeioustrnlcdmpéü';
  for (let k = 0; k < count; k++) {
    const a = Array.from({ length: 5 + next(9) }, () => letters[next(letters.length)]).join('');
    let b = a;
    for (let edits = next(4); edits > 0; edits--) {
      const at = next(b.length + 1);
      const op = next(4);
      if (op === 0) b = b.slice(0, at) + letters[next(letters.length)] + b.slice(at);
      else if (op === 1) b = b.slice(0, at) + b.slice(at + 1);
      else if (op === 2) b = b.slice(0, at) + letters[next(letters.length)] + b.slice(at + 1);
      else b = b.slice(0, at) + (b[at + 1] ?? '') + (b[at] ?? '') + b.slice(at + 2);
    }
    yield [a, b];
  }
}

describe('bounded edit distance', () => {
  it('agrees with the full table on 5,000 word pairs for budgets 0 to 2', () => {
    for (const [a, b] of pairs(5000)) {
      const d = distance(a, b);
      for (const max of [0, 1, 2]) expect(withinEditDistance(a, b, max), `${a} → ${b} within ${max}`).toBe(d <= max);
    }
  });

  it.each([
    ['transformer', 'transfromer', 2, true],
    ['hopfield', 'hopfeild', 1, true],
    ['diffusion', 'difusion', 2, true],
    ['schrodinger', 'schroedinger', 2, true],
    ['reinforcement', 'enforcement', 2, true],
    ['reinforcement', 'refinement', 2, false],
    ['segmentation', 'augmentation', 2, true],
    ['segmentation', 'fragmentation', 2, false],
  ] as const)('%s → %s within %i: %s', (a, b, max, within) => {
    expect(withinEditDistance(a, b, max)).toBe(within);
  });
});
