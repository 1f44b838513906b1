import { describe, expect, it } from 'vitest';
import { appearedAt, paperDate } from '../../lib/rank/paper-date';

describe('paperDate', () => {
  it.each<[string, Parameters<typeof paperDate>[0], string | undefined]>([
    ['the page date first', { published: '2024-02-11', ids: { arxiv: '1807.07534' } }, '2024-02-11'],
    ['a proceedings year', { published: '2019', ids: {} }, '2019'],
    ['the month of a new-style arXiv id', { ids: { arxiv: '1807.07534' } }, '2018-07'],
    ['the month of an old-style arXiv id', { ids: { arxiv: 'hep-th/9901001' } }, '1999-01'],
    ['the id when the page date is malformed', { published: 'July 2018', ids: { arxiv: '2401.01234' } }, '2024-01'],
    ['nothing without either', { ids: { doi: '10.1/x' } }, undefined],
  ])('takes %s', (_, paper, date) => {
    expect(paperDate(paper)).toBe(date);
  });
});

describe('appearedAt', () => {
  const firstSeen = Date.UTC(2026, 10, 22);
  it('is no later than the end of the paper date, so a 2018 paper first seen today is old', () => {
    expect(appearedAt({ ids: { arxiv: '1807.07534' } }, firstSeen)).toBe(Date.UTC(2018, 7, 1) - 1);
  });
  it('is first seen when the date is unknown or its period has not ended', () => {
    expect(appearedAt({ ids: {} }, firstSeen)).toBe(firstSeen);
    expect(appearedAt({ published: '2026-11', ids: {} }, firstSeen)).toBe(firstSeen);
  });
});
