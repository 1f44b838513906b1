/**
 * dblp: person pages, search results and tables of contents share one record markup (2023):
 * `li.entry[id=<dblp key>]` > `nav.publ` (electronic-edition links in `li.ee`) and `cite.data`
 * (`span[itemprop=author]`, `span.title`). Titles keep dblp's trailing period.
 *
 * Test URLs:
 *   https://dblp.org/search?q=calefato
 *   https://dblp.org/pid/48/5662.html
 *   https://dblp.org/db/conf/esem/esem2023.html
 *   https://dblp.uni-trier.de/pers/hd/c/Calefato:Fabio
 */
import { idsFromLinks } from '../ids';
import { absoluteUrl, text, texts, within } from './dom';
import { type DetectedEntry, type SiteAdapter, onHosts } from './types';

const HOSTS = ['dblp.org', 'www.dblp.org', 'dblp.uni-trier.de', 'dblp.dagstuhl.de'];
const LISTING_PATH = /^\/(?:pid|pers|db)\//;

function extractEntries(root: ParentNode, base: URL): DetectedEntry[] {
  const entries: DetectedEntry[] = [];
  // Proceedings volumes (li.entry.editor) head a table of contents; they are books, not papers.
  for (const li of within(root, 'li.entry:not(.editor)')) {
    const cite = li.querySelector('cite');
    const titleElement = cite?.querySelector('span.title');
    const title = text(titleElement);
    if (!titleElement || !title) continue;
    const links = Array.from(li.querySelectorAll('nav.publ li.ee a'), (a) => absoluteUrl(a.getAttribute('href'), base)).filter(
      (href): href is string => !!href,
    );
    // Without an electronic edition the record's persistent dblp page is the paper's link.
    const key = li.getAttribute('id');
    const url = links[0] ?? (key ? absoluteUrl(`/rec/${key}`, 'https://dblp.org') : undefined);
    entries.push({
      element: li,
      anchor: titleElement,
      paper: {
        title,
        url,
        ids: idsFromLinks(links),
        authors: texts(cite, 'span[itemprop="author"]'),
      },
    });
  }
  return entries;
}

export const dblp: SiteAdapter = {
  id: 'dblp',
  name: 'dblp',
  ...onHosts(HOSTS),
  isListing: (url) => LISTING_PATH.test(url.pathname) || (url.pathname.startsWith('/search') && url.searchParams.has('q')),
  extract: (doc, url, root = doc) => extractEntries(root, url),
  // Search results grow as the reader scrolls ("load more"); other pages are static.
  dynamicRoot: (doc) => doc.querySelector('#completesearch-publs'),
};
