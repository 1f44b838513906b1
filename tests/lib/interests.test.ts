import { describe, expect, it } from 'vitest';
import { interestIdFor, parseInterestsText } from '../../lib/interests';
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
