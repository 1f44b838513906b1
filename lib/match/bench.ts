/**
 * What a matcher benchmark needs (PERF-BASELINE §1, §8): the 20 benchmark interests, a
 * deterministic corpus of any size grown from seed papers, and a timer for compile + match.
 */
import type { Interest } from '../interests';
import { randomSource } from '../learn/random';
import { compileInterests, matchPapers } from './matcher';
import type { MatchablePaper } from './types';

function benchInterest(id: string, terms: string[], more: Partial<Interest> = {}): Interest {
  return { id, label: id, terms, ...more };
}

/** 15 topics, a short acronym, a long phrase, a topic with an exclusion and two author interests. */
export const BENCH_INTERESTS: readonly Interest[] = [
  benchInterest('diffusion', ['diffusion models']),
  benchInterest('schrodinger-bridge', ['Schrödinger bridge']),
  benchInterest('neural-fields', ['neural fields']),
  benchInterest('molecular-dynamics', ['molecular dynamics']),
  benchInterest('koopman', ['Koopman']),
  benchInterest('stochastic-interpolants', ['stochastic interpolants']),
  benchInterest('mean-field-langevin', ['mean-field Langevin']),
  benchInterest('hopfield', ['Hopfield']),
  benchInterest('physics-foundation-model', ['foundation model for physics']),
  benchInterest('flow-matching', ['flow matching']),
  benchInterest('state-space-models', ['state space models']),
  benchInterest('renormalization-group', ['renormalization group']),
  benchInterest('equivariant-networks', ['equivariant networks']),
  benchInterest('active-matter', ['active matter']),
  benchInterest('pinn', ['physics-informed neural networks']),
  benchInterest('pde', ['PDE']),
  benchInterest('score-based', ['score-based generative models']),
  benchInterest('operator-learning', ['operator learning'], { exclude: ['quantum'] }),
  benchInterest('vanden-eijnden', [], { authors: ['Eric Vanden-Eijnden'] }),
  benchInterest('welling', [], { authors: ['Welling'] }),
];

const GIVEN_NAMES = ['Anna', 'José', 'Zoë', 'Lukáš', 'Mei', 'Omar', 'Chloé', 'Jörg', 'Priya', 'Ewa', 'Kenji', 'Sofía', 'Nils', 'Amara', 'Björn', 'Li', 'Ana', 'Thomas', 'Ingrid', 'Rafael'];
const SURNAME_STARTS = ['Mül', 'Gar', 'Schm', 'Nov', 'Kow', 'Duf', 'Ló', 'Ber', 'Ngu', 'Tan', 'Ibr', 'Ols'];
const SURNAME_ENDS = ['ler', 'cía', 'idt', 'ák', 'alski', 'resne', 'pez', 'nard', 'yen', 'aka', 'ahim', 'son'];
const FAMOUS_AUTHORS = ['Eric Vanden-Eijnden', 'Max Welling'];

/** Copies of real words with a letter dropped or two letters swapped: the vocabulary grows as on a real page. */
function withTypos(text: string, random: () => number, rate: number): string {
  return text.replace(/[A-Za-z]{5,}/g, (word) => {
    if (random() >= rate) return word;
    const at = 1 + Math.floor(random() * (word.length - 2));
    return random() < 0.5 ? word.slice(0, at) + word.slice(at + 1) : word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  });
}

function randomAuthors(random: () => number): string[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  return Array.from({ length: 1 + Math.floor(random() * 9) }, () => {
    if (random() < 0.002) return pick(FAMOUS_AUTHORS);
    const given = pick(GIVEN_NAMES);
    return `${random() < 0.2 ? `${given[0]}.` : given} ${pick(SURNAME_STARTS)}${pick(SURNAME_ENDS)}`;
  });
}

/**
 * `size` papers grown from `seed` (titles and abstracts of real papers): the first copy is exact,
 * later copies get typos in 3 % of their long words; every paper gets 1–9 synthetic authors.
 */
export function benchCorpus(seed: readonly { title: string; abstract?: string }[], size: number, withAbstracts: boolean): MatchablePaper[] {
  const random = randomSource(size);
  return Array.from({ length: size }, (_, i) => {
    const source = seed[i % seed.length] as { title: string; abstract?: string };
    const typoRate = i < seed.length ? 0 : 0.03;
    const paper: MatchablePaper = { key: `bench:${i}`, title: withTypos(source.title, random, typoRate), authors: randomAuthors(random) };
    return withAbstracts && source.abstract ? { ...paper, abstract: withTypos(source.abstract, random, typoRate) } : paper;
  });
}

export interface Timing {
  medianMs: number;
  minMs: number;
  maxMs: number;
}

/** Compile + match, `runs` times after one discarded warm-up run. */
export function timeMatching(interests: readonly Interest[], papers: readonly MatchablePaper[], runs = 7): Timing {
  const samples: number[] = [];
  for (let run = 0; run <= runs; run++) {
    const start = performance.now();
    matchPapers(compileInterests(interests), papers);
    if (run > 0) samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { medianMs: samples[Math.floor(samples.length / 2)] as number, minMs: samples[0] as number, maxMs: samples[samples.length - 1] as number };
}
