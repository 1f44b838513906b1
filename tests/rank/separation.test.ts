/**
 * Rankings that separate (issue 16): the matcher and the ranking together, on the cases where the
 * old `min(1, score · weight)` tied everything at the top and the paper key decided.
 */
import { describe, expect, it } from 'vitest';
import { loadPage } from '../../lib/cli/page';
import { detect } from '../../lib/detect';
import type { Interest } from '../../lib/interests';
import { compileInterests, matchPapers } from '../../lib/match/matcher';
import type { MatchablePaper } from '../../lib/match/types';
import { rankTrending, type RankInput } from '../../lib/rank/trending';
import { fixturePages, readPage } from '../fixture-pages';

const NOW = Date.UTC(2026, 10, 22, 12);
const sighting = { site: 'arxiv', page: 'https://arxiv.org/list/cs/new', time: NOW - 3600_000 };

/** Match the papers, then rank them as the popup's "Today" does at the given blend. */
function today(interests: Interest[], papers: MatchablePaper[], blend: number) {
  const weights = new Map(interests.map((i) => [i.id, i.weight ?? 1]));
  const results = matchPapers(compileInterests(interests), papers);
  const inputs: RankInput[] = papers.map((paper, i) => ({
    key: paper.key,
    matches: (results[i] ?? []).map((m) => ({ interest: m.interest, score: m.score, weight: weights.get(m.interest)! })),
    sightings: [sighting],
    firstSeen: NOW - 3600_000,
  }));
  return rankTrending(inputs, { blend, now: NOW }).today;
}

describe('ranking separates matches of different strength', () => {
  it('with four interests of weight 1–1.5 at Personal, LLM titles rank above a speech paper mentioning "language model" once, with no tie', () => {
    const interests: Interest[] = [
      { id: 'llm', label: 'LLMs', terms: ['large language model', 'language model', 'LLM'], weight: 1.5 },
      { id: 'diffusion', label: 'Diffusion', terms: ['diffusion model'], weight: 1 },
      { id: 'rl', label: 'RL', terms: ['reinforcement learning'], weight: 1.2 },
      { id: 'agents', label: 'Agents', terms: ['agent'], weight: 1.3 },
    ];
    const papers: MatchablePaper[] = [
      { key: 'arxiv:1804.00001', title: 'Acoustic features for far-field speech recognition', abstract: 'We rescore lattices with a recurrent language model and report word error rates on three corpora.' },
      { key: 'arxiv:2411.00002', title: 'LLM agents that plan with reinforcement learning', abstract: 'Large language model agents trained with reinforcement learning.' },
      { key: 'arxiv:2411.00003', title: 'Scaling large language models', abstract: 'We train LLMs of growing size.' },
      { key: 'arxiv:2411.00004', title: 'Evaluating LLMs on math word problems', abstract: 'A benchmark.' },
      { key: 'arxiv:2411.00005', title: 'Diffusion models as LLM planners', abstract: 'A diffusion model guides a language model.' },
    ];
    const ranked = today(interests, papers, 0);
    expect(ranked.map((r) => r.key).at(-1)).toBe('arxiv:1804.00001');
    expect(new Set(ranked.map((r) => r.score)).size).toBe(ranked.length);
    expect(ranked[0]!.key).toBe('arxiv:2411.00002');
  });

  it('on the saved 2018 arXiv list with one interest "algorithm" (weight 1.5), every title match ranks above every abstract-only mention', () => {
    const fixture = fixturePages().find((p) => p.file === 'arxiv/list-cs-new-2018-07-20-truncated.html')!;
    const page = loadPage(readPage(fixture.file), fixture.url);
    const papers = detect(page.document, new URL(fixture.url)).detections.map((d) => d.paper);
    page.close();
    const ranked = today([{ id: 'algo', label: 'Algorithms', terms: ['algorithm'], weight: 1.5 }], papers, 0);
    const inTitle = new Set(papers.filter((p) => /algorithm/i.test(p.title)).map((p) => p.key));
    const places = ranked.map((r) => inTitle.has(r.key));
    // The list holds both kinds, so the test can tell an interleaved order from a separated one.
    expect(places.filter(Boolean).length).toBeGreaterThan(1);
    expect(places.filter((t) => !t).length).toBeGreaterThan(1);
    expect(places).toEqual([...places].sort((a, b) => Number(b) - Number(a)));
  });
});
