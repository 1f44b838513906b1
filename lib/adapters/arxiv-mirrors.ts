/**
 * Pages that show one arXiv paper under another host: alphaXiv (discussion) and ar5iv (HTML
 * rendering). The id comes from the URL, so the paper joins the arXiv key of the same paper.
 *
 * Test URLs:
 *   https://www.alphaxiv.org/abs/2407.21783
 *   https://alphaxiv.org/overview/2407.21783v2
 *   https://ar5iv.labs.arxiv.org/html/1706.03762
 *   https://ar5iv.org/abs/1706.03762
 */
import { parseArxivId } from '../ids';
import { textWithout } from './dom';
import { type SiteAdapter, onHosts } from './types';

const HOSTS = ['alphaxiv.org', 'www.alphaxiv.org', 'ar5iv.labs.arxiv.org', 'ar5iv.org'];
const PAPER_PATH = /^\/(?:abs|html|overview)\/(.+?)\/?$/;

function arxivIdOf(url: URL): string | undefined {
  const m = PAPER_PATH.exec(url.pathname);
  return m?.[1] ? parseArxivId(m[1]) : undefined;
}

export const arxivMirrors: SiteAdapter = {
  id: 'arxiv-mirrors',
  ...onHosts(HOSTS),
  isListing: (url) => arxivIdOf(url) !== undefined,
  extract(doc, url) {
    const id = arxivIdOf(url);
    // ar5iv (LaTeXML) puts title footnotes (.ltx_note) inside the h1; alphaXiv has a plain h1.
    const h1 = doc.querySelector('h1.ltx_title_document') ?? doc.querySelector('h1');
    const title = textWithout(h1, '.ltx_note');
    if (!id || !h1 || !title) return [];
    return [{ element: h1, anchor: h1, paper: { title, url: `${url.origin}${url.pathname}`, ids: { arxiv: id } } }];
  },
};
