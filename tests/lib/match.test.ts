import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Interest } from '../../lib/interests';
import { benchCorpus } from '../../lib/match/bench';
import { finish, trainModels } from '../../lib/learn/model';
import { compileInterests, matchPapers } from '../../lib/match/matcher';
import { paperWords } from '../../lib/match/paper-index';
import { benchInterests } from '../bench/match';
import type { InterestMatch, MatchablePaper } from '../../lib/match/types';

type PaperText = Omit<MatchablePaper, 'key'>;

function interest(terms: string[], more: Partial<Interest> = {}): Interest {
  return { id: 'i', label: 'Interest', terms, ...more };
}

/** The match of the single interest on the single paper, or undefined. */
function matchOne(wanted: Interest, paper: PaperText): InterestMatch | undefined {
  const [matches] = matchPapers(compileInterests([wanted]), [{ key: 'p', ...paper }]);
  expect(matches?.length).toBeLessThanOrEqual(1);
  return matches?.[0];
}

const title = (text: string): PaperText => ({ title: text });
const abstract = (text: string): PaperText => ({ title: 'Untitled', abstract: text });
const authors = (...names: string[]): PaperText => ({ title: 'Untitled', authors: names });

describe('matchPapers: terms', () => {
  it.each<[string, string, PaperText, boolean]>([
    // phrases: words in order, next to each other
    ['phrase in order', 'neural fields', title('Neural Fields for 3D scenes'), true],
    ['phrase words reversed', 'neural fields', title('Fields of neural activity'), false],
    ['phrase words far apart', 'diffusion models', title('Lattice models of random advection and diffusion'), false],
    ['stop words inside a phrase', 'foundation model for physics', title('A foundation model for physics simulation'), true],
    ['phrase longer than 32 characters', 'physics-informed neural networks for fluid dynamics', title('Physics-informed neural networks for fluid dynamics problems'), true],
    ['only the first half of a long phrase', 'physics-informed neural networks for fluid dynamics', title('Physics-informed neural networks for elasticity'), false],
    // plural, singular, inflection
    ['plural in the text', 'diffusion model', title('Diffusion Models are great'), true],
    ['singular in the text', 'diffusion models', title('A diffusion model for proteins'), true],
    ['inflection of a long word', 'diffusion model', title('Diffusion modeling of images'), true],
    // hyphenation, case, diacritics, TeX accents
    ['hyphen in the interest', 'score-based generative models', title('Score based generative models'), true],
    ['hyphen in the text', 'score based', title('Score-Based Diffusion'), true],
    ['case', 'HOPFIELD', title('hopfield networks'), true],
    ['diacritics in the interest', 'Schrödinger bridge', title('Schrodinger Bridge Matching'), true],
    ['diacritics in the text', 'Schrodinger bridge', title('Branched Schrödinger Bridges'), true],
    ['TeX accent', 'Schrödinger bridge', abstract('We solve the Schr\\"odinger bridge problem.'), true],
    ['TeX accent with braces', 'Schrödinger bridge', abstract('A Schr\\"{o}dinger bridge between marginals.'), true],
    ['transliteration', 'Schrödinger bridge', abstract('We learn Schroedinger bridges.'), true],
    ['possessive', 'Schrödinger bridge', title("Schrödinger's bridge revisited"), true],
    // typos: one edit from 5 letters, two from 9; none for short words
    ['swapped letters', 'Hopfeild', title('Categorical Hopfield Networks'), true],
    ['one wrong letter', 'moleculer dynamics', title('Molecular dynamics of water'), true],
    ['one extra letter', 'Koopmann', title('Koopman operators for control'), true],
    ['two edits in a long word', 'hamitlonain dynamics', title('Hamiltonian dynamics'), true],
    ['two edits in an 8-letter word', 'Hpofeild', title('Hopfield networks'), false],
    ['typo in a 4-letter word', 'flaw matching', title('Flow matching for generative modeling'), false],
    ['typo in an acronym', 'GAM', title('Training a GAN'), false],
    ['a function word one edit away', 'fusing', abstract('We train graphs using deep nets.'), false],
    ['a function word one edit away, in a phrase', 'fusing layers', abstract('We stack graph layers, using layers of attention.'), false],
    // acronyms: whole words only, plural allowed
    ['acronym', 'GAN', title('Training GANs is hard'), true],
    ['acronym inside organ', 'GAN', title('Organ segmentation'), false],
    ['acronym inside began', 'GAN', abstract('We began with a survey.'), false],
    ['RL as a word', 'RL', title('Offline RL agents'), true],
    ['RL inside world', 'RL', title('World models'), false],
    ['plural acronym', 'PDE', title('Solving PDEs with neural operators'), true],
    ['plural acronym in the interest', 'LLMs', title('An LLM for chemistry'), true],
  ])('%s: "%s"', (_, term, paper, expected) => {
    expect(matchOne(interest([term]), paper) !== undefined).toBe(expected);
  });

  it('matches if any term of the interest matches', () => {
    expect(matchOne(interest(['flow matching', 'Koopman']), title('Koopman autoencoders'))?.terms.map((t) => t.term)).toEqual(['Koopman']);
  });
});

describe('matchPapers: authors', () => {
  it.each<[string, string, PaperText, boolean]>([
    ['initial for a given name', 'Y. Song', authors('Yang Song'), true],
    ['full name for an initial', 'Yang Song', authors('Y. Song'), true],
    ['"Surname, Given" on the page', 'Yang Song', authors('Song, Yang'), true],
    ['"Surname, Given" in the interest', 'Song, Yang', authors('Yang Song'), true],
    ['middle name on the page', 'Yang Song', authors('Yang J. Song'), true],
    ['middle name in the interest', 'Yang J. Song', authors('Yang Song'), true],
    ['another given name', 'Yang Song', authors('Jiaming Song'), false],
    ['another surname', 'Yang Song', authors('Yang Sun'), false],
    ['surname only', 'Welling', authors('Anna Müller', 'Max Welling'), true],
    ['diacritics', 'Jörg Müller', authors('Jorg Muller'), true],
    ['TeX accents', 'Jörg Müller', authors('J{\\"o}rg M\\"uller'), true],
    ['hyphenated surname', 'Eric Vanden-Eijnden', authors('E. Vanden-Eijnden'), true],
    ['hyphen written as a space', 'Eric Vanden-Eijnden', authors('Eric Vanden Eijnden'), true],
    ['surname particle', 'Valentin De Bortoli', authors('Valentin de Bortoli'), true],
    ['surname without its particle', 'Bortoli', authors('Valentin De Bortoli'), true],
    ['typo in a long surname', 'Max Wellnig', authors('Max Welling'), true],
    ['typo in a short surname', 'Yang Sonh', authors('Yang Song'), false],
    ['author name in the title', 'Yang Song', { title: 'Yang Song on score matching', authors: ['Ann Lee'] }, false],
    ['author name in the abstract', 'Welling', { title: 'Untitled', abstract: 'Following Welling and Teh.' }, false],
  ])('%s: "%s"', (_, name, paper, expected) => {
    expect(matchOne(interest([], { authors: [name] }), paper) !== undefined).toBe(expected);
  });

  it('records author hits, exact unless the name has a typo', () => {
    expect(matchOne(interest([], { authors: ['Y. Song'] }), authors('Yang Song'))?.terms).toEqual([{ term: 'Y. Song', field: 'authors', exact: true }]);
    expect(matchOne(interest([], { authors: ['Max Wellnig'] }), authors('Max Welling'))?.terms).toEqual([{ term: 'Max Wellnig', field: 'authors', exact: false }]);
  });
});

describe('matchPapers: exclusions, scope and empty interests', () => {
  const operatorLearning = interest(['operator learning'], { exclude: ['quantum', 'John Smith'] });

  it.each<[string, PaperText, boolean]>([
    ['no excluded term', title('Operator learning for fluids'), true],
    ['excluded term in the title', title('Operator learning for quantum chemistry'), false],
    ['excluded term in the abstract only', { title: 'Operator learning for fluids', abstract: 'Applications to quantum systems.' }, false],
    ['excluded term among the authors', { title: 'Operator learning for fluids', authors: ['John Smith'] }, false],
    ['excluded words apart', { title: 'Operator learning for fluids', authors: ['John Doe', 'Ann Smith'] }, true],
  ])('exclude: %s', (_, paper, expected) => {
    expect(matchOne(operatorLearning, paper) !== undefined).toBe(expected);
  });

  it("scope 'title' ignores the abstract", () => {
    const titleOnly = interest(['Hopfield'], { scope: 'title' });
    expect(matchOne(titleOnly, abstract('Hopfield networks store patterns.'))).toBeUndefined();
    expect(matchOne(titleOnly, title('Modern Hopfield networks'))).toBeDefined();
  });

  it.each<[string, Interest]>([
    ['no terms', interest([])],
    ['blank terms', interest(['', '  '])],
    ['stop words only', interest(['the', 'of and'])],
    ['exclusions only', interest([], { exclude: ['quantum'] })],
  ])('an interest with %s matches nothing', (_, empty) => {
    const papers = [title('The theory of everything'), abstract('Quantum of solace and the art of matching.'), title('')];
    expect(matchPapers(compileInterests([empty]), papers.map((p, i) => ({ key: String(i), ...p })))).toEqual([[], [], []]);
  });
});

describe('matchPapers: explanations and scores', () => {
  it('records each term hit with its field and whether it was exact', () => {
    const match = matchOne(interest(['Hopfield']), { title: 'Modern Hopfield networks', abstract: 'Unlike classical Hopfeild models, ...' });
    expect(match?.terms).toEqual([
      { term: 'Hopfield', field: 'title', exact: true },
      { term: 'Hopfield', field: 'abstract', exact: false },
    ]);
  });

  it('keeps the term as the user wrote it', () => {
    expect(matchOne(interest(['Schroedinger Bridges']), title('Schrödinger bridge matching'))?.terms).toEqual([{ term: 'Schroedinger Bridges', field: 'title', exact: false }]);
  });

  it('ranks title over abstract and exact over typo', () => {
    const hopfield = interest(['Hopfield networks']);
    const scores = [
      title('Modern Hopfield networks'),
      title('Modern Hopfeild networks'),
      abstract('We study Hopfield networks.'),
      abstract('We study Hopfeild networks.'),
    ].map((paper) => matchOne(hopfield, paper)?.score ?? 0);
    expect(scores.every((score) => score > 0 && score <= 1)).toBe(true);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(new Set(scores).size).toBe(4);
  });

  it('scores more matched terms and a higher weight higher', () => {
    const paper: PaperText = { title: 'Koopman operators', abstract: 'We learn Koopman operators with flow matching.' };
    const one = matchOne(interest(['Koopman']), paper)?.score ?? 0;
    const two = matchOne(interest(['Koopman', 'flow matching']), paper)?.score ?? 0;
    const weighty = matchOne(interest(['Koopman'], { weight: 3 }), paper)?.score ?? 0;
    expect(two).toBeGreaterThan(one);
    expect(weighty).toBeGreaterThan(one);
    expect(weighty).toBeLessThanOrEqual(1);
  });

  it('returns one array per paper in order, strongest interest first', () => {
    const compiled = compileInterests([
      interest(['flow matching'], { id: 'flow' }),
      interest(['Koopman'], { id: 'koopman' }),
    ]);
    const results = matchPapers(compiled, [
      { key: 'a', title: 'Nothing relevant' },
      { key: 'b', title: 'Koopman operators', abstract: 'Trained with flow matching.' },
    ]);
    expect(results).toHaveLength(2);
    expect(results[0]).toEqual([]);
    expect(results[1]?.map((m) => m.interest)).toEqual(['koopman', 'flow']);
  });
});

describe('matchPapers: compiled interests reused across batches', () => {
  const interests = [
    interest(['diffusion models'], { id: 'diffusion' }),
    interest(['Koopman operator'], { id: 'koopman' }),
    interest(['PDE'], { id: 'pde', scope: 'title' }),
  ];
  const batches: MatchablePaper[][] = [
    [
      { key: 'a', title: 'Difusion models for PDEs', abstract: 'Koopman operators, learned.' },
      { key: 'b', title: 'Nothing relevant', abstract: 'Using diffusion modelling of fluids.' },
    ],
    // The same words again, other words, and a word spelled both ways across the batches.
    [
      { key: 'c', title: 'Koopman operator theory', abstract: 'No difusion models here.' },
      { key: 'd', title: 'Diffusion model of a PDE', abstract: 'Koopmann operators and fusing layers.' },
      { key: 'e', title: 'Unrelated', abstract: 'Models of diffusion.' },
    ],
  ];

  it('matches every batch as a fresh compile would: what the lexicon remembers does not leak between batches', () => {
    const reused = compileInterests(interests);
    for (const batch of batches) expect(matchPapers(reused, batch)).toEqual(matchPapers(compileInterests(interests), batch));
    // And in the other order, so each batch is once the first one the lexicon sees.
    const reversed = compileInterests(interests);
    for (const batch of [...batches].reverse()) expect(matchPapers(reversed, batch)).toEqual(matchPapers(compileInterests(interests), batch));
  });
});

describe('papers split once for many matchings (the live previews)', () => {
  it('match exactly as papers split for each call, one interest after another, typos, exclusions, authors and title scope included', () => {
    const seed = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/matching/seed-000-papers.json'), 'utf8')) as { title: string; abstract: string }[];
    const papers = [...benchCorpus(seed, 600, true), ...benchCorpus(seed, 300, false).map((p) => ({ ...p, key: `t${p.key}` }))];
    const words = paperWords(papers);
    const interests = [...benchInterests(), interest(['difusion modles'], { id: 'typos' }), interest(['diffusion'], { id: 'titles', scope: 'title' })];
    let matched = 0;
    for (const wanted of interests) {
      const compiled = compileInterests([wanted]);
      const split = matchPapers(compiled, papers, words);
      expect(split, wanted.id).toEqual(matchPapers(compiled, papers));
      matched += split.filter((m) => m.length).length;
    }
    expect(matched).toBeGreaterThan(100);
  });
  /** `papers` bench papers with abstracts, and the first `interests` bench interests each taught five of them. */
  function taughtBench(papers: number, interests: number) {
    const seed = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/matching/seed-000-papers.json'), 'utf8')) as { title: string; abstract: string }[];
    const corpus = benchCorpus(seed, papers, true);
    const taught = benchInterests()
      .slice(0, interests)
      .map((interest, i) => ({ ...interest, examples: corpus.slice(i * 5, i * 5 + 5).map((p) => ({ title: p.title, abstract: p.abstract! })) }));
    return { papers: corpus, taught };
  }
  it('match exactly as papers split for each call when interests have examples: the coded word index gives the vectors the split words give', () => {
    const { papers, taught } = taughtBench(400, 6);
    // Half the store is learned from, so the other half brings words and pairs the vocabulary never saw.
    const compiled = compileInterests(taught, finish(trainModels(taught, papers.slice(0, 200))));
    const coded = matchPapers(compiled, papers);
    expect(matchPapers(compiled, papers, paperWords(papers))).toEqual(coded);
    expect(coded.flat().filter((m) => m.similar).length).toBeGreaterThan(50);
  });
  it('keep their vectors for the next interest compiled from the same stored models, and make new ones for another record', () => {
    const { papers, taught } = taughtBench(300, 4);
    const learned = finish(trainModels(taught, papers.slice(0, 150)));
    const words = paperWords(papers);
    // One interest at a time, as the previews compile them: each result as if nothing had been kept.
    for (const one of taught) expect(matchPapers(compileInterests([one], learned), papers, words), one.id).toEqual(matchPapers(compileInterests([one], learned), papers));
    const kept = words.vectors;
    expect(kept?.vectors.filter(Boolean).length).toBe(papers.length);
    matchPapers(compileInterests([taught[0]!], learned), papers, words);
    expect(words.vectors).toBe(kept);
    // The same models read again (the worker's next read of the record): vectors of their own, the same matches.
    const reread = structuredClone(learned);
    expect(matchPapers(compileInterests(taught, reread), papers, words)).toEqual(matchPapers(compileInterests(taught, learned), papers));
    expect(words.vectors).not.toBe(kept);
  });
});
