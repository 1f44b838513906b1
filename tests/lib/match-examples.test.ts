/** Interests taught by example (lib/learn): a seeded model per interest, scored in the matcher's pass. */
import { describe, expect, it } from 'vitest';
import { InterestsFileError, parseInterest, type ExamplePaper, type Interest } from '../../lib/interests';
import { needsTraining } from '../../lib/learn/fingerprint';
import { CALIBRATION_SAMPLE, finish, NEGATIVE_SAMPLE, trainingSplit, trainModels, type TrainingPaper } from '../../lib/learn/model';
import { compileLearning, marginsOf } from '../../lib/learn/scoring';
import { compileInterests, isFormOf, matchPapers } from '../../lib/match/matcher';
import type { MatchablePaper } from '../../lib/match/types';

/** A store of papers on many other topics: what the examples are learned against. */
const TOPICS = [
  ['graph neural networks', 'message passing over nodes and edges of molecular graphs'],
  ['reinforcement learning', 'policy gradient agents maximise reward in simulated environments'],
  ['galaxy surveys', 'redshift measurements of distant galaxies constrain cosmology'],
  ['quantum error correction', 'surface codes protect logical qubits from decoherence'],
  ['speech recognition', 'acoustic models transcribe spoken utterances into text'],
  ['compiler optimisation', 'register allocation and loop unrolling speed up generated code'],
  ['fluid turbulence', 'direct numerical simulation of vortices in turbulent channel flow'],
  ['recommender systems', 'collaborative filtering ranks items from user ratings'],
  ['climate modelling', 'ocean circulation and sea surface temperature projections'],
  ['robot grasping', 'tactile sensors guide a gripper to pick objects'],
];
const store: TrainingPaper[] = TOPICS.flatMap(([topic, words], t) =>
  Array.from({ length: 8 }, (_, i) => ({ key: `store:${t}-${i}`, title: `${topic} study ${i}`, abstract: `We examine ${words}. Experiment ${i} reports results on ${topic}.` })),
);

const examples: ExamplePaper[] = [
  { key: 'ex:1', title: 'Predicting protein structure from residue coevolution', abstract: 'Residue contacts and amino acid sequences predict the folded protein structure.' },
  { key: 'ex:2', title: 'Protein folding with attention over residue pairs', abstract: 'Amino acid chains fold; pairwise residue distances predict protein structure.' },
  { key: 'ex:3', title: 'Structure prediction of protein complexes', abstract: 'Folded protein chains and residue interfaces of complexes.' },
];
const folding: Interest = { id: 'fold', label: 'Protein structure', terms: ['AlphaFold'], examples };

const candidates: MatchablePaper[] = [
  { key: 'new:like', title: 'Residue contact maps for folded protein chains', abstract: 'Amino acid residue distances predict the structure of folded proteins.' },
  { key: 'new:other', title: 'Policy gradient agents in simulated environments', abstract: 'Agents maximise reward with reinforcement learning.' },
  { key: 'new:term', title: 'AlphaFold for protein structure of residue pairs', abstract: 'Folded protein chains.' },
  { key: 'new:termonly', title: 'AlphaFold on galaxy surveys', abstract: 'Redshift measurements of distant galaxies.' },
];

function matchWith(interests: Interest[], papers = candidates) {
  const learned = finish(trainModels(interests, [...store, ...papers]));
  return matchPapers(compileInterests(interests, learned), papers);
}

describe('interests taught by example', () => {
  it('matches a paper that shares none of the terms but resembles the examples, and says which and by what words', () => {
    const [like, other] = matchWith([folding]);
    expect(like).toEqual([
      {
        interest: 'fold',
        score: expect.any(Number),
        terms: [],
        similar: expect.arrayContaining([expect.objectContaining({ key: expect.stringMatching(/^ex:/), title: expect.any(String), words: expect.arrayContaining(['residue']) })]),
      },
    ]);
    expect(like![0]!.similar!.length).toBeLessThanOrEqual(3);
    expect(other).toEqual([]);
  });

  it('does not match a paper that shares no word with the examples, though its unseen words leave it above the store', () => {
    const unseen: MatchablePaper = { key: 'new:unseen', title: 'Zebrafish migration through estuaries', abstract: 'Tagged zebrafish swim upstream each spring.' };
    expect(matchWith([{ ...folding, examples: examples.slice(0, 1) }], [unseen])[0]).toEqual([]);
  });

  it('without examples the same paper matches nothing (the terms alone miss it)', () => {
    expect(matchPapers(compileInterests([{ ...folding, examples: [] }]), candidates)[0]).toEqual([]);
  });

  it('scores a term match that also resembles the examples above a term match alone', () => {
    const [, , both, termOnly] = matchWith([folding]);
    expect(both![0]!.similar).toBeDefined();
    expect(termOnly![0]!.similar).toBeUndefined();
    expect(both![0]!.score).toBeGreaterThan(termOnly![0]!.score);
  });

  it('is steered by the words that say what a term is about: its rarest, and any other word not in a quarter of the store', () => {
    const modelStore = store.map((paper) => ({ ...paper, abstract: `${paper.abstract} Our models help.` }));
    const steeringWords = (terms: string[]) => {
      const interest = { ...folding, terms };
      const compiled = compileInterests([interest], finish(trainModels([interest], modelStore)));
      return compiled.interests[0]!.steering.ids.map((id) => compiled.learning!.vocabulary.features[id]).sort();
    };
    expect(steeringWords(['protein models'])).toEqual(['protein']);
    expect(steeringWords(['protein residue'])).toEqual(['protein', 'residue']);
    expect(steeringWords(['models'])).toEqual(['model']);
  });

  it('counts a steering word used in a compound or derived word, not as any substring', () => {
    expect(['hyperdiffusion', 'diffusions', 'diffusional'].every((word) => isFormOf(word, 'diffusion'))).toBe(true);
    expect(isFormOf('cybersecurity', 'security')).toBe(true);
    expect(['robotics', 'robots', 'microrobot'].every((word) => isFormOf(word, 'robot'))).toBe(true);
    expect(['supervision', 'division', 'television', 'revision'].some((word) => isFormOf(word, 'vision'))).toBe(false);
    // Acronym-length words match whole (with an inflection) only.
    expect([isFormOf('stars', 'star'), isFormOf('start', 'star'), isFormOf('superstar', 'star')]).toEqual([true, false, false]);
  });

  it('lets exclude terms veto an example match, and counterexamples pull a paper out', () => {
    expect(matchWith([{ ...folding, exclude: ['contact maps'] }])[0]).toEqual([]);
    const counter = { ...folding, counterexamples: [{ title: candidates[0]!.title, abstract: candidates[0]!.abstract! }] };
    expect(matchWith([counter])[0]).toEqual([]);
  });

  it('learns against a spread sample of the store and holds out others, never the same, to set the thresholds on', () => {
    const keys = Array.from({ length: 10_000 }, (_, i) => i);
    const { learn, unseen } = trainingSplit(keys);
    expect([learn.length, unseen.length]).toEqual([NEGATIVE_SAMPLE, CALIBRATION_SAMPLE]);
    expect(learn.filter((key) => unseen.includes(key))).toEqual([]);
    // Spread over the whole store, not its first keys.
    expect([Math.max(...learn), Math.max(...unseen)].every((key) => key > 9_000)).toBe(true);
    // A smaller store: a quarter held out; a tiny one is all learned from (too few papers for steady thresholds).
    expect([trainingSplit(keys.slice(0, 400)).learn.length, trainingSplit(keys.slice(0, 400)).unseen.length]).toEqual([300, 100]);
    expect(trainingSplit(keys.slice(0, 60))).toEqual({ learn: keys.slice(0, 60), unseen: [] });
  });

  it('sets the thresholds on held-out papers when given: a model scores the papers it learned against lower than new ones', () => {
    const interests = [folding];
    // Papers two by two with a word of their own, as real papers have: the model learns those words of the papers it learns against as "no example".
    const letters = (i: number) => String.fromCharCode(97 + (i % 26), 97 + Math.floor(i / 26));
    const varied = store.map((paper, i) => ({ ...paper, abstract: `${paper.abstract} Named ${letters(Math.floor(i / 2))}word.` }));
    const unseen = varied.filter((_, i) => i % 4 === 0);
    const learnedFrom = varied.filter((_, i) => i % 4 !== 0);
    const onLearned = finish(trainModels(interests, learnedFrom)).models[0]!.thresholds;
    const onUnseen = finish(trainModels(interests, learnedFrom, unseen)).models[0]!.thresholds;
    expect(onUnseen.alone).toBeGreaterThan(onLearned.alone);
  });

  it('trains again a model stored by the earlier training (thresholds set on the papers learned against)', () => {
    const learned = finish(trainModels([folding], store));
    expect(needsTraining(learned, [folding])).toBe(false);
    // The fingerprint the first version of the training stored for these examples.
    const stored = { ...learned, models: learned.models.map((model) => ({ ...model, fingerprint: '1ytg618' })) };
    expect(needsTraining(stored, [folding])).toBe(true);
  });

  it('while it has one or two examples, also learns from the papers its words match (here its author’s); from three on, from its examples alone', () => {
    const byAda: MatchablePaper[] = Array.from({ length: 6 }, (_, i) => ({
      key: `ada:${i}`,
      title: `Cryo-electron microscopy density maps ${i}`,
      abstract: `Cryo-electron microscopy resolves density maps of macromolecular assemblies, study ${i}.`,
      authors: ['Ada Lovelace'],
    }));
    // It shares one word with the example (a match by examples must), and many with the author's papers.
    const cryo: MatchablePaper = { key: 'new:cryo', title: 'Density maps from cryo-electron microscopy of macromolecular assemblies', abstract: 'Macromolecular density maps and their structure resolved by cryo-electron microscopy.' };
    const once: Interest = { id: 'ada', label: 'Ada', terms: [], authors: ['Ada Lovelace'], examples: [examples[0]!] };
    const learn = (interest: Interest) => finish(trainModels([interest], [...store, ...byAda]));
    expect(matchPapers(compileInterests([once], learn(once)), [cryo])[0]).toEqual([
      expect.objectContaining({ interest: 'ada', terms: [], similar: [expect.objectContaining({ key: 'ex:1', words: ['structure'] })] }),
    ]);
    /** How far the paper stands above the interest's threshold. */
    const standing = (interest: Interest) => {
      const learning = compileLearning(learn(interest), [interest])!;
      const margins = new Float64Array(1);
      marginsOf(learning, learning.vocabulary.vectorizePaper(cryo), margins, 0);
      return margins[0]! - learning.models.get('ada')!.thresholds.alone;
    };
    // The author's papers taught it: a paper like them stands far above, where the example alone leaves it near the threshold.
    expect(standing(once)).toBeGreaterThan(3 * standing({ ...once, authors: [] }));
    const weights = (interest: Interest) => learn(interest).models[0]!.weights;
    expect(weights({ ...once, examples })).toEqual(weights({ ...once, authors: [], examples }));
  });

  it('trains again a model that learns from its words when they change, not one taught three examples', () => {
    const once: Interest = { ...folding, examples: [examples[0]!] };
    const learned = finish(trainModels([once, { ...folding, id: 'three' }], store));
    expect(needsTraining(learned, [once, { ...folding, id: 'three' }])).toBe(false);
    expect(needsTraining(learned, [{ ...once, terms: ['protein folding'] }, { ...folding, id: 'three' }])).toBe(true);
    expect(needsTraining(learned, [once, { ...folding, id: 'three', terms: ['protein folding'] }])).toBe(false);
  });

  it('trains the same model from the same input (fixed seed), and only for interests with examples', () => {
    const interests = [folding, { id: 'plain', label: 'Plain', terms: ['galaxy'] }];
    const first = finish(trainModels(interests, store));
    const second = finish(trainModels(interests, store));
    expect(first.models.map((m) => m.interest)).toEqual(['fold']);
    expect(second).toEqual(first);
  });
});

describe('examples in the interests file', () => {
  it('keeps examples and counterexamples with their fields', () => {
    const raw = { id: 'x', label: 'X', terms: [], examples: [{ title: ' T ', key: 'arxiv:1', abstract: 'A', authors: ['Ann'], ids: { arxiv: '1' }, venue: 'kept' }], counterexamples: [{ title: 'U' }] };
    expect(parseInterest(raw)).toEqual({ ...raw, examples: [{ ...raw.examples[0], title: 'T' }] });
  });

  it.each<[string, unknown, RegExp]>([
    ['a list that is not a list', { examples: 'nope' }, /interest\.examples must be a list of papers/],
    ['an example without a title', { examples: [{ key: 'k' }] }, /interest\.examples\[0\]\.title must be a non-empty string/],
    ['a counterexample that is not an object', { counterexamples: [3] }, /interest\.counterexamples\[0\] must be an object/],
    ['ids that are not strings', { examples: [{ title: 't', ids: { arxiv: 1 } }] }, /interest\.examples\[0\]\.ids must be an object of strings/],
    ['an overlong abstract', { examples: [{ title: 't', abstract: 'x'.repeat(20_001) }] }, /abstract is longer than 20000 characters/],
    ['too many examples', { examples: Array.from({ length: 201 }, () => ({ title: 't' })) }, /more than 200 papers/],
  ])('rejects %s with a located error', (_, extra, message) => {
    expect(() => parseInterest({ id: 'x', label: 'X', terms: [], ...(extra as object) })).toThrow(InterestsFileError);
    expect(() => parseInterest({ id: 'x', label: 'X', terms: [], ...(extra as object) })).toThrow(message);
  });
});
