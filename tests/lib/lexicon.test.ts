import { describe, expect, it } from 'vitest';
import { SpellingLexicon } from '../../lib/match/lexicon';

describe('SpellingLexicon', () => {
  const lexicon = new SpellingLexicon(['diffusion', 'model', 'pde', 'gpt4', 'fusing', 'renormalization']);
  const spellings = (pageWord: string) => Object.fromEntries(lexicon.relationsOf(pageWord).map((r) => [r.word, r.spelling]));

  it.each<[string, Record<string, string>]>([
    ['diffusion', { diffusion: 'exact' }],
    ['models', { model: 'plural' }],
    ['pdes', { pde: 'plural' }],
    ['modeling', { model: 'inflected' }],
    ['modelled', { model: 'inflected' }],
    ['difusion', { diffusion: 'typo' }],
    ['renormalisation', { renormalization: 'typo' }],
    // Within two edits of a nine-letter word, not of a shorter one.
    ['renormalizatoin', { renormalization: 'typo' }],
    // Short words and identifiers match as written (plus a plural) only.
    ['pda', {}],
    ['gpt3', {}],
    ['mode', {}],
    // A function word is never another spelling ("using" is one edit from "fusing").
    ['using', {}],
    ['unrelated', {}],
  ])('%s', (pageWord, expected) => {
    expect(spellings(pageWord)).toEqual(expected);
  });

  it('gives a page word every interest word it spells', () => {
    const both = new SpellingLexicon(['model', 'models', 'modal']);
    expect(both.relationsOf('models')).toEqual([
      { word: 'model', spelling: 'plural' },
      { word: 'models', spelling: 'exact' },
      { word: 'modal', spelling: 'typo' },
    ]);
  });

  it('answers the same once it has forgotten (past its memory bound)', () => {
    const busy = new SpellingLexicon(['diffusion']);
    expect(busy.relationsOf('difusion')).toEqual([{ word: 'diffusion', spelling: 'typo' }]);
    for (let i = 0; i < 100_001; i++) busy.relationsOf(`word${i}`);
    expect(busy.relationsOf('difusion')).toEqual([{ word: 'diffusion', spelling: 'typo' }]);
    expect(busy.relationsOf('word5')).toEqual([]);
  });
});
