/** arXiv listing author lines: read from the line's text when it holds just the linked names, else link by link. */
import { describe, expect, it } from 'vitest';
import { loadPage } from '../../lib/cli/page';
import { detect } from '../../lib/detect';

const LIST_URL = 'https://arxiv.org/list/cs/new';

function authorsOf(authorLine: string): string[] | undefined {
  const html = `<html><body><h3>New submissions</h3><dl id="articles">
    <dt><a href="/abs/2401.00001" title="Abstract">arXiv:2401.00001</a></dt>
    <dd><div class="meta"><div class="list-title mathjax"><span class="descriptor">Title:</span> A paper</div>
    <div class="list-authors">${authorLine}</div></div></dd>
  </dl></body></html>`;
  const { document, close } = loadPage(html, LIST_URL);
  try {
    return detect(document, new URL(LIST_URL)).detections[0]?.paper.authors;
  } finally {
    close();
  }
}

describe('arXiv listing authors', () => {
  it('reads the linked names, with or without the "Authors:" descriptor', () => {
    expect(authorsOf('<span class="descriptor">Authors:</span> <a href="#">Étienne André</a>, \n<a href="#">Didier Lime</a>')).toEqual(['Étienne André', 'Didier Lime']);
    expect(authorsOf('<a href="#">José Schmalski</a>,\n <a href="#">Ann Lee</a>')).toEqual(['José Schmalski', 'Ann Lee']);
  });

  it('keeps a name with a comma in its link whole', () => {
    expect(authorsOf('<a href="#">John Smith, Jr.</a>, <a href="#">Ann Lee</a>')).toEqual(['John Smith, Jr.', 'Ann Lee']);
  });

  it('leaves out text that is not a linked name', () => {
    expect(authorsOf('<a href="#">Ann Lee</a>, <a href="#">Bo Chen</a> et al. (25 additional authors not shown)')).toEqual(['Ann Lee', 'Bo Chen']);
    expect(authorsOf('<a href="#">Ann Lee</a>, <a href="#">Bo Chen</a> (for the XYZ Collaboration)')).toEqual(['Ann Lee', 'Bo Chen']);
    expect(authorsOf('<a href="#">Ann Lee</a>, Bo Chen, <a href="#">Cy Diaz</a>')).toEqual(['Ann Lee', 'Cy Diaz']);
    expect(authorsOf('<a href="#">Ann Lee</a>, <a href="#">Bo Chen</a> and Cy Diaz')).toEqual(['Ann Lee', 'Bo Chen']);
  });
});
