/**
 * Today's trending subset: a pure ranking of the papers seen on a day, blending what matches the
 * user's interests with what is popular on the pages they read. The formula is documented in the
 * README ("Trending"); every row carries the parts of its score so the popup can say why.
 */
import type { Signals } from '../paper';

export interface RankMatch {
  interest: string;
  /** Matcher score in (0, 1]. */
  score: number;
  /** Interest weight (default 1). */
  weight: number;
}

/** One sighting of the paper, on any day (for breadth and velocity). */
export interface RankSighting {
  site: string;
  page: string;
  time: number;
  signals?: Signals;
}

export interface RankInput {
  key: string;
  matches: readonly RankMatch[];
  sightings: readonly RankSighting[];
  firstSeen: number;
  /** When the paper appeared (lib/rank/paper-date.ts appearedAt); first seen when unknown. */
  appeared?: number;
  starred?: boolean;
  dismissed?: boolean;
}

export interface ScoreParts {
  personal: number;
  popular: number;
  breadth: number;
  velocity: number;
  novelty: number;
}

export interface RankedPaper {
  key: string;
  score: number;
  parts: ScoreParts;
  starred: boolean;
  /** Upvotes gained per day between the first and last sighting that showed upvotes. */
  upvotesPerDay: number;
}

export interface RankOptions {
  /** 0 = only personal matches count, 1 = only popularity; default favours personal. */
  blend: number;
  now: number;
}

export const DEFAULT_BLEND = 0.25;
/** Weight of the small boosts next to the personal/popular blend: they order papers of similar strength, they do not overrule it. */
export const BOOST = { breadth: 0.05, velocity: 0.05, novelty: 0.05 } as const;
/** Below this popularity an unmatched paper does not make "Popular today". */
export const POPULAR_FLOOR = 0.35;

const DAY_MS = 86_400_000;
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
/** log-scale a count so that `full` reaches 1: 10 upvotes is notable, 500 is the top of a day. */
const logScale = (n: number, full: number) => clamp01(Math.log1p(Math.max(0, n)) / Math.log1p(full));

/**
 * Match strength, uncapped: each interest's score scaled by its weight, and several interests
 * agreeing add up. The matcher's scores never reach 1, so stronger matches stay apart.
 */
export function personalScore(matches: readonly RankMatch[]): number {
  return matches.reduce((sum, m) => sum + m.score * m.weight, 0);
}

function latestSignals(sightings: readonly RankSighting[]): Signals {
  const out: Signals = {};
  for (const s of [...sightings].sort((a, b) => a.time - b.time)) Object.assign(out, s.signals);
  return out;
}

export function popularScore(signals: Signals): number {
  const votes = logScale((signals.upvotes ?? 0) + 0.5 * (signals.comments ?? 0), 500);
  const citations = logScale(signals.citations ?? 0, 5000);
  return Math.max(votes, citations);
}

export function upvotesPerDay(sightings: readonly RankSighting[]): number {
  const voted = sightings.filter((s) => s.signals?.upvotes !== undefined).sort((a, b) => a.time - b.time);
  const first = voted[0];
  const last = voted[voted.length - 1];
  if (!first || !last || last.time === first.time) return 0;
  const gained = (last.signals!.upvotes ?? 0) - (first.signals!.upvotes ?? 0);
  return Math.max(0, gained) / Math.max(1, (last.time - first.time) / DAY_MS);
}

export function breadthScore(sightings: readonly RankSighting[]): number {
  const sites = new Set(sightings.map((s) => s.site)).size;
  const pages = new Set(sightings.map((s) => s.page)).size;
  return clamp01((sites - 1) * 0.5 + (pages - 1) * 0.1);
}

/** 1 for a paper that appeared in the last day, halving every week after. */
export function noveltyScore(appeared: number, now: number): number {
  const ageDays = Math.max(0, (now - appeared) / DAY_MS);
  return ageDays < 1 ? 1 : 0.5 ** (ageDays / 7);
}

export function scorePaper(paper: RankInput, options: RankOptions): RankedPaper {
  const perDay = upvotesPerDay(paper.sightings);
  const parts: ScoreParts = {
    personal: personalScore(paper.matches),
    popular: popularScore(latestSignals(paper.sightings)),
    breadth: breadthScore(paper.sightings),
    velocity: logScale(perDay, 100),
    novelty: noveltyScore(paper.appeared ?? paper.firstSeen, options.now),
  };
  const blend = clamp01(options.blend);
  const score =
    (1 - blend) * parts.personal +
    blend * parts.popular +
    BOOST.breadth * parts.breadth +
    BOOST.velocity * parts.velocity +
    BOOST.novelty * parts.novelty;
  return { key: paper.key, score, parts, starred: !!paper.starred, upvotesPerDay: perDay };
}

export interface TrendingSections {
  /** Papers matching an interest (and starred ones), best first. */
  today: RankedPaper[];
  /** Unmatched papers that are very popular, best first. */
  popular: RankedPaper[];
}

/** Best first: the blended score, then match strength, popularity, breadth and recency; the key only settles what is left. */
function byScore(a: RankedPaper, b: RankedPaper): number {
  return (
    b.score - a.score ||
    b.parts.personal - a.parts.personal ||
    b.parts.popular - a.parts.popular ||
    b.parts.breadth - a.parts.breadth ||
    b.parts.novelty - a.parts.novelty ||
    a.key.localeCompare(b.key)
  );
}

/** Rank a day's papers. Dismissed papers drop out; starred papers stay in "today" even without a match. */
export function rankTrending(papers: readonly RankInput[], options: RankOptions): TrendingSections {
  const today: RankedPaper[] = [];
  const popular: RankedPaper[] = [];
  for (const paper of papers) {
    if (paper.dismissed) continue;
    const ranked = scorePaper(paper, options);
    if (ranked.parts.personal > 0 || ranked.starred) today.push(ranked);
    else if (ranked.parts.popular >= POPULAR_FLOOR) popular.push(ranked);
  }
  return { today: today.sort(byScore), popular: popular.sort(byScore) };
}
