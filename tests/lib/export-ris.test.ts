/** RIS exports, read back with a reader written to the RIS specification's line format. */
import { describe, expect, it } from 'vitest';
import { exportPapers } from '../../lib/export';
import { ALL, ARTICLE, OLD_ARXIV, PREPRINT, PROCEEDINGS, TRICKY_TITLE } from './export-papers';

type Record = Map<string, string[]>;

/** Each line `XX  - value` (two capital letters or a letter and a digit, two spaces, dash, space); a record ends at `ER  - `. */
function readRis(text: string): Record[] {
  const records: Record[] = [];
  let current: Record | undefined;
  for (const line of text.split('\r\n')) {
    if (!line) continue;
    const m = /^([A-Z][A-Z0-9])  - (.*)$/.exec(line);
    if (!m) throw new Error(`not a RIS line: ${JSON.stringify(line)}`);
    const [, tag, value] = m as unknown as [string, string, string];
    if (tag === 'TY') {
      if (current) throw new Error('TY inside a record');
      current = new Map();
    } else if (!current) throw new Error(`${tag} outside a record`);
    if (tag === 'ER') {
      records.push(current!);
      current = undefined;
      continue;
    }
    current!.set(tag, [...(current!.get(tag) ?? []), value]);
  }
  if (current) throw new Error('record without ER');
  return records;
}

const one = (r: Record, tag: string) => r.get(tag)?.[0];

describe('RIS', () => {
  it('writes one record per paper, CRLF lines, every record closed', () => {
    const text = exportPapers(ALL, 'ris');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(readRis(text)).toHaveLength(ALL.length);
    expect(readRis(exportPapers([ARTICLE], 'ris'))).toHaveLength(1);
  });

  it('names the type, authors, venue, date, DOI and url, and keeps page text as it is', () => {
    const [article, proceedings, preprint, old] = readRis(exportPapers([ARTICLE, PROCEEDINGS, PREPRINT, OLD_ARXIV], 'ris'));
    expect(Object.fromEntries(article!)).toEqual({
      TY: ['JOUR'],
      ID: ['andre2021cafe'],
      TI: [TRICKY_TITLE],
      AU: ['André, Étienne', 'Song, Yang', 'O’Brien, Zoë'],
      T2: [ARTICLE.venue],
      PY: ['2021'],
      DA: ['2021/03/15'],
      DO: ['10.5555/x_y'],
      UR: [ARTICLE.url],
    });
    expect(one(proceedings!, 'TY')).toBe('CPAPER');
    expect(one(proceedings!, 'T2')).toBe(PROCEEDINGS.venue);
    expect(one(proceedings!, 'DA')).toBe('2019/06/');
    expect(proceedings!.get('AU')).toEqual(['Devlin, Jacob', 'Chang, Ming-Wei']);
    expect(one(preprint!, 'TY')).toBe('UNPB');
    expect(one(preprint!, 'AN')).toBe('arXiv:2011.13456');
    expect(preprint!.has('T2')).toBe(false);
    expect(one(old!, 'PY')).toBe('1999');
  });

  it('keeps a multi-line title on one line', () => {
    const [record] = readRis(exportPapers([{ ...ARTICLE, title: 'Two\nlines' }], 'ris'));
    expect(one(record!, 'TI')).toBe('Two lines');
  });
});
