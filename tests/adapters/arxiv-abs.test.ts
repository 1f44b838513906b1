/** arXiv abstract pages: the DOI they show, arXiv's own (printed since 2022) or the journal's. */
import { describe, expect, it } from 'vitest';
import { loadPage } from '../../lib/cli/page';
import { detect } from '../../lib/detect';

const URL_ABS = 'https://arxiv.org/abs/1706.03762v7';

function idsOn(extraHead: string): Record<string, string | undefined> {
  const html = `<html><head>${extraHead}</head><body><div id="abs">
    <h1 class="title mathjax"><span class="descriptor">Title:</span>Attention Is All You Need</h1>
    <div class="authors"><span class="descriptor">Authors:</span><a href="/a/vaswani_a_1">Ashish Vaswani</a></div>
    <table summary="Additional metadata"><tr><td class="tablecell label">&nbsp;</td>
    <td class="tablecell arxivdoi"><a href="https://doi.org/10.48550/arXiv.1706.03762" id="arxiv-doi-link">https://doi.org/10.48550/arXiv.1706.03762</a></td></tr></table>
  </div></body></html>`;
  const { document, close } = loadPage(html, URL_ABS);
  try {
    return { ...detect(document, new URL(URL_ABS)).detections[0]?.paper.ids };
  } finally {
    close();
  }
}

describe('arXiv abstract page ids', () => {
  it("reports arXiv's own DOI when the page shows it", () => {
    expect(idsOn('')).toEqual({ arxiv: '1706.03762', doi: '10.48550/arxiv.1706.03762' });
  });

  it("prefers the journal's DOI (citation_doi) when the page gives one", () => {
    expect(idsOn('<meta name="citation_doi" content="10.5555/3295222.3295349">')).toEqual({ arxiv: '1706.03762', doi: '10.5555/3295222.3295349' });
  });
});
