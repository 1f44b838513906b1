import { afterEach, describe, expect, it, vi } from 'vitest';
import { dayLabel, paperDateLabel } from '../../components/dates';

afterEach(() => vi.restoreAllMocks());

const NOW = new Date(2026, 11, 7, 12).getTime();

describe('dayLabel', () => {
  it('says a day of this year without its year, and one of another year with it', () => {
    expect(dayLabel('2026-12-03', NOW)).toBe('Dec 3');
    expect(dayLabel('2025-01-31', NOW)).toBe('Jan 31, 2025');
  });
});

describe('paperDateLabel', () => {
  it.each<[string, Parameters<typeof paperDateLabel>[0], string | undefined]>([
    ['a day the page gave', { published: '2018-07-20', ids: {} }, '20 Jul 2018'],
    ['a month the page gave', { published: '2023-05', ids: {} }, 'May 2023'],
    ['a year the page gave', { published: '2021', ids: {} }, '2021'],
    ['the month of a new-style arXiv id', { ids: { arxiv: '2401.00001' } }, 'Jan 2024'],
    ['the month of an old-style arXiv id, of the 1990s', { ids: { arxiv: 'hep-th/9901001' } }, 'Jan 1999'],
    ['the arXiv month when the page’s date is malformed', { published: '2018-13-01', ids: { arxiv: '1807.07534' } }, 'Jul 2018'],
    ['nothing when neither says', { ids: { doi: '10.1000/x' } }, undefined],
  ])('%s', (_, paper, label) => {
    expect(paperDateLabel(paper)).toBe(label);
  });

  it('formats a page of rows with one formatter per kind of label, not one per row', () => {
    const made = vi.spyOn(Intl, 'DateTimeFormat');
    const perCall = vi.spyOn(Date.prototype, 'toLocaleDateString');
    for (let i = 0; i < 50; i++) {
      paperDateLabel({ ids: { arxiv: `24${String(1 + (i % 12)).padStart(2, '0')}.0000${i % 10}` } });
      dayLabel(`2026-11-${String(1 + (i % 28)).padStart(2, '0')}`, NOW);
    }
    expect(made.mock.calls.length).toBeLessThanOrEqual(2);
    expect(perCall).not.toHaveBeenCalled();
  });
});
