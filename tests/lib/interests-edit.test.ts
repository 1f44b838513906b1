import { describe, expect, it } from 'vitest';
import { PALETTE, parseInterestsFile, type Interest } from '../../lib/interests';
import { aboveThreshold, addExamples, exampleFrom, newInterest, parsePastedPapers, unusedColor } from '../../lib/interests-edit';
import { interestFromTemplate, TEMPLATES } from '../../lib/templates';

const withColors = (...colors: string[]): Interest[] => colors.map((color, i) => ({ id: `i${i}`, label: `I${i}`, terms: ['x'], color }));

describe('editing interests', () => {
  it('gives a new interest the first colour no interest uses', () => {
    // PALETTE[1] is free although two interests exist (the old rule, index mod palette, gave PALETTE[2]).
    expect(unusedColor(withColors(PALETTE[0]!, PALETTE[2]!))).toBe(PALETTE[1]);
    expect(newInterest(withColors(PALETTE[1]!), 'x').color).toBe(PALETTE[0]);
    // All taken once: the least used.
    expect(unusedColor(withColors(...PALETTE, PALETTE[0]!))).toBe(PALETTE[1]);
  });

  it('reads pasted arXiv ids, arXiv URLs and titles, once each', () => {
    expect(parsePastedPapers('2401.01234\nhttps://arxiv.org/abs/2401.01234v2\narXiv:1706.03762\n  Attention   Is All You Need \n\n')).toEqual([
      { arxiv: '2401.01234' },
      { arxiv: '1706.03762' },
      { title: 'Attention Is All You Need' },
    ]);
  });

  it('keeps a paper the store does not know by its id or title alone, valid as an interests file example', () => {
    const byId = exampleFrom({ arxiv: '2401.01234' });
    expect(byId).toEqual({ key: 'arxiv:2401.01234', title: 'arXiv:2401.01234', ids: { arxiv: '2401.01234' } });
    const known = exampleFrom({ arxiv: '1706.03762' }, { key: 'arxiv:1706.03762', title: 'Attention Is All You Need', ids: { arxiv: '1706.03762' }, authors: ['Ashish Vaswani'] });
    expect(known).toMatchObject({ title: 'Attention Is All You Need', authors: ['Ashish Vaswani'] });
    const interest = { id: 'a', label: 'A', terms: [], examples: addExamples([byId], [byId, known, exampleFrom({ title: 'Some title' })]) };
    expect(interest.examples).toHaveLength(3);
    expect(parseInterestsFile({ interests: [interest] }).interests[0]!.examples).toHaveLength(3);
  });

  it('counts the preview’s matches a threshold would notify about, as notifications do (strictly above)', () => {
    expect(aboveThreshold([0.9, 0.5, 0.3], 0.5)).toBe(1);
    expect(aboveThreshold([0.9, 0.5, 0.3], undefined)).toBe(1);
    expect(aboveThreshold([0.9, 0.5, 0.3], 0.2)).toBe(3);
  });

  it('starts interests from templates with distinct ids and colours', () => {
    const made: Interest[] = [];
    for (const template of TEMPLATES.slice(0, PALETTE.length)) made.push(interestFromTemplate(template, made));
    expect(new Set(made.map((i) => i.id)).size).toBe(made.length);
    expect(new Set(made.map((i) => i.color)).size).toBe(PALETTE.length);
    expect(() => parseInterestsFile({ interests: TEMPLATES.map((t, i) => interestFromTemplate(t, made.slice(0, i))) })).not.toThrow();
  });
});
