/** What every benchmark shares: the metric shape, medians over interleaved samples, progress on stderr. */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface Metric {
  name: string;
  value: number;
  unit: 'ms' | 'kB' | 'MB' | 'tasks';
  /** The same work done the plain way, measured in the same run. */
  baseline?: number;
  /** Ceilings the issue sets; a missing one is not checked. */
  goal: { value?: number; ratio?: number };
}

export interface Sizes {
  listing: number;
  matching: number;
  rematch: number;
  store: number;
  popupStore: number;
  /** Repetitions of each browser measurement. */
  browserRuns: number;
  /** Stores the search index is measured at (tests/bench/search.ts), and the largest the old search is timed on. */
  searchIndex: number[];
  searchBaselineMax: number;
}

export const FULL: Sizes = { listing: 2000, matching: 2000, rematch: 100_000, store: 2000, popupStore: 100_000, browserRuns: 5, searchIndex: [10_000, 100_000, 300_000], searchBaselineMax: 100_000 };
export const SMOKE: Sizes = { listing: 200, matching: 200, rematch: 2000, store: 200, popupStore: 2000, browserRuns: 2, searchIndex: [2000], searchBaselineMax: 2000 };

/** Progress goes to stderr so `--json` keeps stdout to the one JSON object. */
export function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

setFlagsFromString('--expose-gc');
/** A full GC before each sample, so one variant does not pay for the garbage of another. */
export const collectGarbage = runInNewContext('gc') as () => void;

/**
 * `runs` samples of each variant, after `warmup` discarded rounds; the variants' order alternates
 * every round so drift on a noisy machine hits all of them alike. Each variant returns its own
 * measured duration (ms), so set-up outside the measured part is not counted.
 */
export async function interleaved<K extends string>(
  variants: Record<K, () => number | Promise<number>>,
  runs: number,
  warmup = 1,
): Promise<Record<K, number[]>> {
  const keys = Object.keys(variants) as K[];
  const samples = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < warmup + runs; round++) {
    for (const key of round % 2 ? [...keys].reverse() : keys) {
      collectGarbage();
      const ms = await variants[key]();
      if (round >= warmup) samples[key].push(ms);
    }
  }
  return samples;
}
