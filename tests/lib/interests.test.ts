import { describe, expect, it } from 'vitest';
import { interestIdFor, matchingChanges, parseInterestsText, type Interest } from '../../lib/interests';
import { isUsable, mergeImported } from '../../lib/interests-edit';

describe('the interests file', () => {
  it('reads the CONTRACT example and keeps unknown fields', () => {
    const file = parseInterestsText(JSON.stringify({
      version: 2,
      interests: [{ id: 'diffusion', label: 'Diffusion models', terms: ['diffusion model'], authors: ['Yang Song'], exclude: ['diffusion MRI'], futureField: { a: 1 } }],
    }));
    expect(file.version).toBe(2);
    expect(file.interests[0]).toMatchObject({ id: 'diffusion', authors: ['Yang Song'], exclude: ['diffusion MRI'], futureField: { a: 1 } });
  });

  it.each([
    ['not json', /not valid JSON/],
    ['[]', /JSON object with an "interests" list/],
    ['{"interests": {}}', /"interests" must be a list/],
    ['{"interests": [{"label": "x", "terms": []}]}', /interests\[0\]\.id/],
    ['{"interests": [{"id": "a", "label": "x"}]}', /interests\[0\]\.terms/],
    ['{"interests": [{"id": "a", "label": "x", "terms": [1]}]}', /interests\[0\]\.terms\[0\] must be a string/],
    ['{"interests": [{"id": "a", "label": "x", "terms": []}, {"id": "a", "label": "y", "terms": []}]}', /used twice/],
    ['{"interests": [{"id": "a", "label": "x", "terms": [], "color": "red"}]}', /color/],
  ])('rejects %s with a message that names the problem', (text, message) => {
    expect(() => parseInterestsText(text)).toThrow(message);
  });

  it('makes readable, unique ids', () => {
    expect(interestIdFor('Schrödinger bridges', new Set())).toBe('schrodinger-bridges');
    expect(interestIdFor('GAN', new Set(['gan']))).toBe('gan-2');
  });

  it('imports by replacing same-id interests and appending new ones', () => {
    const a = { id: 'a', label: 'A', terms: ['x'] };
    const b = { id: 'b', label: 'B', terms: ['y'] };
    expect(mergeImported([a, b], [{ ...b, label: 'B2' }, { id: 'c', label: 'C', terms: ['z'] }]).map((i) => i.label)).toEqual(['A', 'B2', 'C']);
  });

  it('calls an interest usable only with a name and something to match', () => {
    expect(isUsable({ id: 'a', label: 'A', terms: [] })).toBe(false);
    expect(isUsable({ id: 'a', label: 'A', terms: [], authors: ['Yang Song'] })).toBe(true);
  });
});

describe('which stored matches an edit of the interests makes stale', () => {
  const base: Interest = { id: 'a', label: 'A', terms: ['diffusion model'] };
  const other: Interest = { id: 'b', label: 'B', terms: ['hopfield network'], authors: ['Ada Lovelace'] };

  it('an interest is re-matched when what the matcher reads changes: terms, authors, exclusions, scope, weight', () => {
    for (const edit of [{ terms: ['score model'] }, { authors: ['Yang Song'] }, { exclude: ['survey'] }, { scope: 'title' as const }, { weight: 2 }]) {
      expect(matchingChanges([base, other], [{ ...base, ...edit }, other])).toEqual({ changed: ['a'], removed: [] });
    }
  });

  it('label, colour and notification settings change no match; defaults written out change nothing either', () => {
    const renamed = { ...base, label: 'Diffusion', color: '#000000', notify: false, threshold: 0.9, weight: 1, scope: 'title+abstract' as const, exclude: [] };
    expect(matchingChanges([base, other], [renamed, other])).toEqual({ changed: [], removed: [] });
  });

  it('added interests need matching, removed ones only their matches deleted', () => {
    expect(matchingChanges([base], [other])).toEqual({ changed: ['b'], removed: ['a'] });
    expect(matchingChanges([], [base, other])).toEqual({ changed: ['a', 'b'], removed: [] });
  });
});
