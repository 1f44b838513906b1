/** BibTeX exports, parsed back with a BibTeX parser (@retorquere/bibtex-parser, as Better BibTeX uses). */
import { parse } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { escapeBibtex, toBibtex, toBibtexList } from '../../lib/export/bibtex';
import { exportPapers } from '../../lib/export';
import { ALL, ARTICLE, OLD_ARXIV, PREPRINT, PROCEEDINGS, SEEN_ONLY, TRICKY_TITLE } from './export-papers';

function parsed(text: string) {
  const library = parse(text, { sentenceCase: false, caseProtection: false });
  expect(library.errors).toEqual([]);
  return library.entries;
}

describe('BibTeX', () => {
  it('writes a journal article as @article with its journal, date, DOI and url, and page text survives', () => {
    const [entry] = parsed(toBibtex(ARTICLE));
    expect(entry).toMatchObject({
      type: 'article',
      key: 'andre2021cafe',
      fields: {
        title: TRICKY_TITLE,
        author: [{ lastName: 'André', firstName: 'Étienne' }, { lastName: 'Song', firstName: 'Yang' }, { lastName: 'O’Brien', firstName: 'Zoë' }],
        journal: 'Journal of Machine Learning Research & Friends',
        year: '2021',
        month: '3',
        doi: '10.5555/x_y',
        url: 'https://example.org/paper?id=1&v=2',
      },
    });
  });

  it('writes a conference paper as @inproceedings with its booktitle', () => {
    const [entry] = parsed(toBibtex(PROCEEDINGS));
    expect(entry).toMatchObject({
      type: 'inproceedings',
      key: 'devlin2019bert',
      fields: { booktitle: 'Proceedings of NAACL-HLT 2019', year: '2019', month: '6', doi: '10.18653/v1/n19-1423', author: [{ lastName: 'Devlin', firstName: 'Jacob' }, { lastName: 'Chang', firstName: 'Ming-Wei' }] },
    });
    expect(entry!.fields).not.toHaveProperty('journal');
  });

  it('writes an arXiv preprint as @misc with eprint, archivePrefix and, where the id has it, primaryClass', () => {
    const [preprint, old] = parsed(toBibtexList([PREPRINT, OLD_ARXIV]));
    expect(preprint).toMatchObject({ type: 'misc', key: 'song2020score', fields: { eprint: '2011.13456', archiveprefix: 'arXiv', year: '2020', month: '11' } });
    expect(preprint!.fields).not.toHaveProperty('primaryclass');
    // $math$ stays math for TeX to set.
    expect(toBibtex(PREPRINT)).toContain('through SDEs with $O(n^2)$ steps');
    expect(old).toMatchObject({ type: 'misc', key: 'witten1999string', fields: { eprint: 'hep-th/9901001', primaryclass: 'hep-th', year: '1999' } });
  });

  it('takes the year from the page, else the arXiv id, else when it was first seen', () => {
    const [entry] = parsed(toBibtex(SEEN_ONLY));
    expect(entry).toMatchObject({ type: 'misc', key: 'anon2025page', fields: { year: '2025' } });
    expect(entry!.fields).not.toHaveProperty('month');
    expect(parsed(toBibtex({ ...PREPRINT, published: '2021' }))[0]!.fields).toMatchObject({ year: '2021' });
  });

  it('gives every entry of a list a unique key that does not depend on the list’s order', () => {
    const same = { ...OLD_ARXIV, key: 'arxiv:hep-th/9901002', ids: { arxiv: 'hep-th/9901002' } };
    const keys = (papers: typeof ALL) => Object.fromEntries(parsed(exportPapers(papers, 'bibtex')).map((e) => [e.fields.eprint ?? e.fields.title, e.key]));
    const forward = keys([...ALL, same]);
    expect(new Set(Object.values(forward)).size).toBe(ALL.length + 1);
    expect(forward).toMatchObject({ 'hep-th/9901001': 'witten1999string', 'hep-th/9901002': 'witten1999stringb' });
    expect(keys([same, ...ALL].reverse())).toEqual(forward);
    expect(keys([same, ...ALL])).toEqual(forward);
  });

  it('escapes TeX specials in page text but keeps $math$', () => {
    expect(escapeBibtex('50% of R&D_1 {costs} #2 ~ ^ \\ on $O(n^2)$')).toBe('50\\% of R\\&D\\_1 \\{costs\\} \\#2 \\textasciitilde{} \\textasciicircum{} \\textbackslash{} on $O(n^2)$');
  });

  it('joins many authors with "and"', () => {
    const authors = Array.from({ length: 60 }, (_, i) => `Author ${i}`);
    const [entry] = parsed(toBibtex({ title: 'Big', authors, ids: {} }));
    expect(entry!.fields.author).toHaveLength(60);
  });
});
