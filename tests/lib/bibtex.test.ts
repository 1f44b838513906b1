import { describe, expect, it } from 'vitest';
import { citationKey, escapeBibtex, toBibtex, toBibtexList } from '../../lib/bibtex';

describe('BibTeX', () => {
  it('writes an arXiv paper with eprint fields and a readable key', () => {
    expect(toBibtex({ title: 'Score-Based Generative Modeling through SDEs', authors: ['Yang Song', 'Stefano Ermon'], ids: { arxiv: '2011.13456' }, url: 'https://arxiv.org/abs/2011.13456' })).toBe(
      `@misc{song2020score,
  title = {{Score-Based Generative Modeling through SDEs}},
  author = {Yang Song and Stefano Ermon},
  year = {2020},
  eprint = {2011.13456},
  archivePrefix = {arXiv},
  url = {https://arxiv.org/abs/2011.13456}
}
`,
    );
  });

  it('escapes TeX specials in page text but keeps $math$', () => {
    expect(escapeBibtex('50% of R&D_1 {costs} #2 ~ ^ \\ on $O(n^2)$')).toBe('50\\% of R\\&D\\_1 \\{costs\\} \\#2 \\textasciitilde{} \\textasciicircum{} \\textbackslash{} on $O(n^2)$');
  });

  it('keeps accented names and joins many authors with "and"', () => {
    const authors = Array.from({ length: 60 }, (_, i) => `Author ${i}`);
    const entry = toBibtex({ title: 'Big', authors: ['Étienne André', ...authors], ids: { doi: '10.1000/x_y' } });
    expect(entry).toContain('author = {Étienne André and Author 0 and');
    expect(entry.match(/ and /g)).toHaveLength(60);
    expect(entry).toContain('doi = {10.1000/x\\_y}');
    expect(citationKey({ title: 'Big models', authors: ['Étienne André'], ids: {} })).toBe('andremodels');
  });

  it('derives old-style arXiv years and makes keys unique in a list', () => {
    const p = { title: 'String theory', authors: ['Ed Witten'], ids: { arxiv: 'hep-th/9901001' } };
    const list = toBibtexList([p, p]);
    expect(list).toContain('@misc{witten1999string,');
    expect(list).toContain('@misc{witten1999stringb,');
  });
});
