/** The example models' features (lib/learn/features.ts): the matcher's fast paths give what the training path gives. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countFeatures, dotDense, ExampleIndex, paperFeatures, VectorArena, Vocabulary, type SparseVector } from '../../lib/learn/features';
import { finish, trainModels } from '../../lib/learn/model';
import { compileLearning, marginsOf } from '../../lib/learn/scoring';
import { textWords } from '../../lib/match/words';

const papers = (JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/matching/seed-000-papers.json'), 'utf8')) as { title: string; abstract: string }[]).map(
  (paper, i) => ({ key: `seed:${String(i).padStart(3, '0')}`, ...paper }),
);

/** A vocabulary of the first half of the papers, so the second half brings unseen words and pairs. */
function halfVocabulary(): Vocabulary {
  const df = new Map<string, number>();
  const half = papers.slice(0, papers.length / 2);
  for (const paper of half) for (const feature of paperFeatures(paper).keys()) df.set(feature, (df.get(feature) ?? 0) + 1);
  return Vocabulary.of(df, half.length, []);
}

function expectSameVector(actual: SparseVector, expected: SparseVector): void {
  const byId = (v: SparseVector) => new Map([...v.ids].map((id, i) => [id, v.values[i]!]));
  const expectedById = byId(expected);
  expect([...byId(actual).keys()].sort()).toEqual([...expectedById.keys()].sort());
  for (const [id, value] of byId(actual)) expect(value).toBeCloseTo(expectedById.get(id)!, 12);
}

const naiveCosine = (a: SparseVector, b: SparseVector): number => {
  const inB = new Map([...b.ids].map((id, i) => [id, b.values[i]!]));
  return [...a.ids].reduce((sum, id, i) => sum + a.values[i]! * (inB.get(id) ?? 0), 0);
};

describe('paper vectors', () => {
  it('vectorizeWords (word codes, no pair strings) gives the vector of countFeatures for every paper, seen or not, twice over', () => {
    const vocabulary = halfVocabulary();
    const extra = { title: 'The the 2024 GAN-GANs: a b c', abstract: 'Models model modelling, 3d 3D and x; diffusion diffusion diffusion models.' };
    // Twice: the second round reads every word's code from the vocabulary's memory.
    for (let round = 0; round < 2; round++) {
      for (const paper of [...papers, extra]) {
        const title = textWords(paper.title);
        const abstract = textWords(paper.abstract);
        const expected = vocabulary.vectorize(countFeatures(title, abstract));
        expectSameVector(vocabulary.vectorizeWords(title, abstract), expected);
      }
    }
  });

  it('writes vectors into an arena as into arrays of their own, and a later vector, in the same block or a new one, leaves earlier ones intact', () => {
    const vocabulary = halfVocabulary();
    const words = Array.from({ length: 10 }, () => papers)
      .flat()
      .map((paper) => [textWords(paper.title), textWords(paper.abstract)] as const);
    // Sized for the batch, and sized for one paper (every vector then needs a block of its own).
    for (const arena of [new VectorArena(words.length), new VectorArena(1)]) {
      const inArena = words.map(([title, abstract]) => vocabulary.vectorizeWords(title, abstract, arena));
      expect(new Set(inArena.map((v) => v.ids.buffer)).size).toBeGreaterThan(1);
      inArena.forEach((vector, i) => expectSameVector(vector, vocabulary.vectorizeWords(...words[i]!)));
    }
  });

  it('counts a word pair only where the two words stand side by side, not across a stop word or from title into abstract', () => {
    const vocabulary = Vocabulary.of(new Map([['neural', 2], ['field', 2], ['neural field', 2]]), 4, []);
    const pairId = vocabulary.index.get('neural field')!;
    expect(vocabulary.vectorizeWords(['neural', 'fields'], []).ids.length).toBe(3);
    expect([...vocabulary.vectorizeWords(['neural', 'fields'], []).ids]).toContain(pairId);
    expect([...vocabulary.vectorizeWords(['neural', 'of', 'fields'], []).ids]).not.toContain(pairId);
    expect([...vocabulary.vectorizeWords(['neural'], ['fields']).ids]).not.toContain(pairId);
  });
});

describe('examples', () => {
  const vocabulary = halfVocabulary();
  const vectors = papers.map((paper) => vocabulary.vectorizeWords(textWords(paper.title), textWords(paper.abstract)));
  const exampleVectors = vectors.slice(0, 10);
  const examples = new ExampleIndex(exampleVectors, vocabulary.features.length);

  it('compare gives each example its cosine with the paper, and the single words adding most to the closest one, strongest first', () => {
    for (const vector of vectors.slice(10)) {
      const { cosines, words } = vocabulary.compare(vector, examples, 4);
      exampleVectors.forEach((example, i) => expect(cosines[i]).toBeCloseTo(naiveCosine(vector, example), 12));
      const closest = exampleVectors[[...cosines].indexOf(Math.max(...cosines))]!;
      const inPaper = new Map([...vector.ids].map((id, i) => [id, vector.values[i]!]));
      const products = [...closest.ids]
        .map((id, i) => ({ id, feature: vocabulary.features[id]!, product: closest.values[i]! * (inPaper.get(id) ?? 0) }))
        .filter((p) => p.product > 0 && !p.feature.includes(' '))
        .sort((a, b) => b.product - a.product || a.id - b.id);
      expect(words).toEqual(products.slice(0, 4).map((p) => p.feature));
    }
  });

  it('compares one paper after another without leftovers from the last', () => {
    const [first, second] = [vectors[40]!, vectors[41]!];
    const alone = vocabulary.compare(second, examples, 4);
    vocabulary.compare(first, examples, 4);
    expect(vocabulary.compare(second, examples, 4)).toEqual(alone);
  });
});

describe('compiled models', () => {
  it('score every model in one pass: marginsOf equals each model’s own weights · paper + bias, four models at a time and the rest one by one, from an offset', () => {
    const interests = [0, 1, 2, 3, 4, 5].map((n) => ({ id: `i${n}`, label: `i${n}`, terms: [], examples: papers.slice(n * 5, n * 5 + 5) }));
    const learned = finish(trainModels(interests, papers));
    const learning = compileLearning(learned, interests)!;
    for (const paper of papers.slice(30, 60)) {
      const vector = learning.vocabulary.vectorizeWords(textWords(paper.title), textWords(paper.abstract));
      // Written at an offset, as into a batch's shared array; the cells around stay untouched.
      const margins = new Float64Array(learning.slots + 4).fill(-7);
      marginsOf(learning, vector, margins, 2);
      expect([margins[0], margins[1], margins[learning.slots + 2], margins[learning.slots + 3]]).toEqual([-7, -7, -7, -7]);
      for (const stored of learned.models) {
        const weights = new Float64Array(learned.features.length);
        stored.weightIds.forEach((id, i) => (weights[id] = stored.weights[i]!));
        // The compiled matrix holds 32-bit floats: equal to about 1e-6, far closer than any other model's margin.
        expect(margins[2 + learning.models.get(stored.interest)!.slot]).toBeCloseTo(dotDense(vector, weights) + stored.bias, 5);
      }
    }
  });
});
