import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ExamplesField } from '../../components/ExamplesField';
import type { Interest } from '../../lib/interests';

afterEach(cleanup);

const withExamples = (count: number, terms: string[] = []): Interest => ({
  id: 'diffusion',
  label: 'Diffusion models',
  terms,
  examples: Array.from({ length: count }, (_, i) => ({ key: `arxiv:2401.0000${i}`, title: `Example paper ${i + 1}` })),
});

const fewNote = (count: number, terms?: string[]) =>
  render(<ExamplesField id="i0" interest={withExamples(count, terms)} onChange={() => {}} />).container.querySelector('[data-paperlight-note="few-examples"]')?.textContent;

describe('ExamplesField', () => {
  it('says that one example finds mostly papers very close to it, and that more find more', () => {
    expect(fewNote(1)).toBe('With one example, Paperlight finds mostly papers very close to it. Each example you add lets it find more papers of the subject that use other words.');
  });

  it('counts a few examples in the same note', () => {
    expect(fewNote(3, ['diffusion models'])).toMatch(/^With 3 examples, Paperlight finds mostly papers very close to them\./);
  });

  it('says that an interest with keywords and one or two examples also learns from the papers its words match', () => {
    for (const count of [1, 2]) expect(fewNote(count, ['diffusion models'])).toMatch(/^Until it has three examples, Paperlight also learns from the papers this interest’s words match\./);
  });

  it('says nothing of it from five examples on, nor before the first', () => {
    expect(fewNote(5)).toBeUndefined();
    expect(fewNote(0)).toBeUndefined();
  });
});
