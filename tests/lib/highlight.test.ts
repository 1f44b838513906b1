import { describe, expect, it } from 'vitest';
import { excerpt, highlight } from '../../lib/highlight';

const hits = (text: string, terms: string[]) => highlight(text, terms).filter((p) => p.hit).map((p) => p.text);

describe('highlight', () => {
  it('marks phrases with plurals, hyphens and any case, whole words only', () => {
    expect(hits('Score-based Diffusion Models and a diffusion-model prior', ['diffusion model'])).toEqual(['Diffusion Models', 'diffusion-model']);
    expect(hits('GANs beat organs', ['GAN'])).toEqual(['GANs']);
  });
  it('treats terms as text, not patterns', () => {
    expect(hits('a (b) c.*', ['(b)', '.*'])).toEqual(['(b)']);
    expect(highlight('plain', [])).toEqual([{ text: 'plain', hit: false }]);
  });
  it('cuts an excerpt around the first hit', () => {
    const text = `${'x '.repeat(300)}neural fields ${'y '.repeat(300)}`;
    const parts = excerpt(highlight(text, ['neural field']), 100);
    expect(parts.find((p) => p.hit)?.text).toBe('neural fields');
    expect(parts.reduce((n, p) => n + p.text.length, 0)).toBeLessThan(110);
  });

  it('starts and ends an excerpt at whole words', () => {
    const text = `${'Transformers attend everywhere '.repeat(10)}with sparse attention kernels ${'and scale quadratically '.repeat(10)}`;
    const shown = excerpt(highlight(text, ['sparse attention']), 120).map((p) => p.text).join('');
    expect(shown).toMatch(/^… [A-Za-z]/);
    expect(shown).toMatch(/[a-z] …$/);
    const words = new Set(text.split(/\s+/));
    expect(shown.replace(/^… | …$/g, '').split(/\s+/).every((w) => words.has(w))).toBe(true);
  });
});
