/** How stars, dismissals and pasted papers teach an interest (lib/learn/teach.ts). */
import { describe, expect, it } from 'vitest';
import { MAX_EXAMPLES, type Interest } from '../../lib/interests';
import { addExample, removeExample, withExample } from '../../lib/learn/teach';

const a = { key: 'arxiv:2401.00001', title: 'A' };
const b = { key: 'arxiv:2401.00002', title: 'B' };
const interest: Interest = { id: 'i', label: 'I', terms: ['x'], examples: [a], counterexamples: [b] };

describe('teaching an interest by example', () => {
  it('adds a paper to one list and takes it out of the other: a paper is an example or a counterexample', () => {
    expect(withExample(interest, b, 'examples')).toEqual({ id: 'i', label: 'I', terms: ['x'], examples: [a, b] });
    expect(withExample(interest, a, 'counterexamples')).toEqual({ id: 'i', label: 'I', terms: ['x'], counterexamples: [b, a] });
  });

  it('keeps a paper once, and the newest MAX_EXAMPLES', () => {
    expect(withExample(interest, a, 'examples').examples).toEqual([a]);
    const many = Array.from({ length: MAX_EXAMPLES + 1 }, (_, i) => ({ key: `arxiv:2401.${String(10000 + i)}`, title: `P${i}` }));
    const taught = many.reduce((edited, paper) => withExample(edited, paper, 'examples'), interest);
    expect(taught.examples).toHaveLength(MAX_EXAMPLES);
    expect(taught.examples!.at(-1)).toEqual(many.at(-1));
  });

  it('teaches only the interests named, and undoes by key', () => {
    const other: Interest = { id: 'j', label: 'J', terms: ['y'] };
    const [taught, untouched] = addExample([interest, other], new Set(['i']), b, 'examples');
    expect(taught!.examples).toEqual([a, b]);
    expect(untouched).toBe(other);
    expect(removeExample([taught!], b.key, 'examples')[0]!.examples).toEqual([a]);
  });
});
