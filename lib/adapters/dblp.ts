/**
 * dblp: person pages, search results and tables of contents share one record markup:
 * `li.entry[id=<dblp key>]` > `nav.publ` (electronic-edition links) and the record data
 * (`span[itemprop=author]`, `span.title`, venue and year). Two generations are read alike:
 * 2023 — `cite.data`, edition links in `li.ee`; 2015 — `div.data`, edition links only as the
 * "view" drop-down's `a[itemprop=url]`. Titles keep dblp's trailing period.
 *
 * Test URLs:
 *   https://dblp.org/search?q=calefato
 *   https://dblp.org/pid/48/5662.html
 *   https://dblp.org/db/conf/esem/esem2023.html
 *   https://dblp.uni-trier.de/pers/hd/c/Calefato:Fabio
 */
import { idsFromLinks } from '../ids';
import { absoluteUrl, text, texts, within } from './dom';
import type { PublicationKind } from '../paper';
import { type DetectedEntry, type SiteAdapter, onHosts } from './types';

const HOSTS = ['dblp.org', 'www.dblp.org', 'dblp.uni-trier.de', 'dblp.dagstuhl.de'];
const LISTING_PATH = /^\/(?:pid|pers|db)\//;

/** dblp's record types (the entry's class) with a BibTeX counterpart; `informal` is CoRR and other preprints. */
const KINDS: Partial<Record<string, PublicationKind>> = { article: 'article', inproceedings: 'inproceedings', informal: 'preprint' };

function kindOf(li: Element): PublicationKind | undefined {
  return Array.from(li.classList, (c) => KINDS[c]).find(Boolean);
}

function extractEntries(root: ParentNode, base: URL): DetectedEntry[] {
  const entries: DetectedEntry[] = [];
  // Proceedings volumes (li.entry.editor) head a table of contents; they are books, not papers.
  for (const li of within(root, 'li.entry:not(.editor)')) {
    const cite = li.querySelector('cite.data, div.data');
    const titleElement = cite?.querySelector('span.title');
    const title = text(titleElement);
    if (!titleElement || !title) continue;
    const links = Array.from(li.querySelectorAll('nav.publ li.ee a, nav.publ a[itemprop="url"]'), (a) => absoluteUrl(a.getAttribute('href'), base)).filter(
      (href): href is string => !!href,
    );
    // Without an electronic edition the record's persistent dblp page is the paper's link.
    const key = li.getAttribute('id');
    const url = links[0] ?? (key ? absoluteUrl(`/rec/${key}`, 'https://dblp.org') : undefined);
    const venue = text(cite?.querySelector('[itemprop="isPartOf"] [itemprop="name"]'));
    const published = text(cite?.querySelector('[itemprop="datePublished"]'));
    const kind = kindOf(li);
    entries.push({
      element: li,
      anchor: titleElement,
      paper: {
        title,
        url,
        ids: idsFromLinks(links),
        authors: texts(cite, 'span[itemprop="author"]'),
        ...(venue ? { venue } : {}),
        ...(published ? { published } : {}),
        ...(kind ? { kind } : {}),
      },
    });
  }
  return entries;
}

export const dblp: SiteAdapter = {
  id: 'dblp',
  ...onHosts(HOSTS),
  isListing: (url) => LISTING_PATH.test(url.pathname) || (url.pathname.startsWith('/search') && url.searchParams.has('q')),
  extract: (doc, url, root = doc) => extractEntries(root, url),
  // Search results grow as the reader scrolls ("load more"); other pages are static.
  dynamicRoot: (doc) => doc.querySelector('#completesearch-publs'),
};
