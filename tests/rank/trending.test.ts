import { describe, expect, it } from 'vitest';
import { DEFAULT_BLEND, personalScore, rankTrending, upvotesPerDay, type RankInput } from '../../lib/rank/trending';

const NOW = new Date(2026, 10, 22, 12).getTime();
const DAY = 86_400_000;
const hf = (upvotes: number, time = NOW - 3600_000) => ({ site: 'huggingface', page: 'https://huggingface.co/papers', time, signals: { upvotes } });
const arxiv = (time = NOW - 3600_000, page = 'https://arxiv.org/list/cs/new') => ({ site: 'arxiv', page, time });

function paper(key: string, extra: Partial<RankInput>): RankInput {
  return { key, matches: [], sightings: [arxiv()], firstSeen: NOW - 3600_000, ...extra };
}
const match = (score: number, weight = 1, interest = 'a') => ({ interest, score, weight });
const order = (papers: RankInput[], blend = DEFAULT_BLEND) => rankTrending(papers, { blend, now: NOW });

describe('rankTrending', () => {
  it('by default puts a strong personal match above a merely popular matched paper', () => {
    const ranked = order([paper('popular', { matches: [match(0.3)], sightings: [hf(400)] }), paper('personal', { matches: [match(0.95)] })]);
    expect(ranked.today.map((p) => p.key)).toEqual(['personal', 'popular']);
  });

  it('turned to popular, the popular paper wins', () => {
    const ranked = order([paper('popular', { matches: [match(0.3)], sightings: [hf(400)] }), paper('personal', { matches: [match(0.95)] })], 1);
    expect(ranked.today.map((p) => p.key)).toEqual(['popular', 'personal']);
  });

  it('lists unmatched but very popular papers separately, and not the unpopular ones', () => {
    const ranked = order([paper('hot', { sightings: [hf(300)] }), paper('cold', { sightings: [hf(1)] }), paper('plain', {})]);
    expect(ranked.today).toEqual([]);
    expect(ranked.popular.map((p) => p.key)).toEqual(['hot']);
  });

  it('drops dismissed papers and keeps starred ones even without a match', () => {
    const ranked = order([paper('gone', { matches: [match(1)], dismissed: true }), paper('kept', { starred: true })]);
    expect(ranked.today.map((p) => p.key)).toEqual(['kept']);
  });

  it('values more interests, higher weight, breadth, velocity and novelty, all else equal', () => {
    const base = { matches: [match(0.6)] };
    const pairs: [Partial<RankInput>, Partial<RankInput>][] = [
      [{ matches: [match(0.6), match(0.6, 1, 'b')] }, base],
      [{ matches: [match(0.6, 2)] }, base],
      [{ ...base, sightings: [arxiv(), { site: 'huggingface', page: 'https://huggingface.co/papers', time: NOW }] }, base],
      [{ ...base, sightings: [hf(10, NOW - 2 * DAY), hf(110, NOW)] }, { ...base, sightings: [hf(110, NOW - 2 * DAY), hf(110, NOW)] }],
      [{ ...base, firstSeen: NOW - 3600_000 }, { ...base, firstSeen: NOW - 30 * DAY }],
    ];
    for (const [better, worse] of pairs) {
      expect(order([paper('worse', worse), paper('better', better)]).today.map((p) => p.key)).toEqual(['better', 'worse']);
    }
  });

  it('says why: the parts of each score', () => {
    const [ranked] = order([paper('x', { matches: [match(0.9)], sightings: [hf(50, NOW - DAY), hf(150, NOW)] })]).today;
    expect(ranked!.parts.personal).toBeCloseTo(0.9);
    expect(ranked!.parts.popular).toBeGreaterThan(0.5);
    expect(ranked!.parts.novelty).toBe(1);
    expect(ranked!.upvotesPerDay).toBeCloseTo(100);
  });

  it('is a pure function of its input and clock, with a stable order for ties', () => {
    const papers = [paper('b', { matches: [match(0.5)] }), paper('a', { matches: [match(0.5)] })];
    expect(order(papers)).toEqual(order([...papers].reverse()));
    expect(order(papers).today.map((p) => p.key)).toEqual(['a', 'b']);
  });
});

describe('parts', () => {
  it('add up several interests and scale by weight, without a cap', () => {
    expect(personalScore([match(0.9), match(0.9, 1, 'b')])).toBeCloseTo(1.8);
    expect(personalScore([match(0.9, 1.5)])).toBeGreaterThan(personalScore([match(0.8, 1.5)]));
    expect(personalScore([])).toBe(0);
  });
  it('measure velocity only between sightings that showed upvotes, never negative', () => {
    expect(upvotesPerDay([hf(100, NOW - DAY), arxiv(NOW), hf(90, NOW)])).toBe(0);
    expect(upvotesPerDay([hf(10, NOW - 2 * DAY), hf(30, NOW)])).toBeCloseTo(10);
  });
});
