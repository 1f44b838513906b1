/**
 * PubMed: search results (`article.full-docsum`) and article pages (`/<pmid>/`). Article pages also
 * list similar and citing articles in the same docsum markup; only the main article is read there.
 *
 * Test URLs:
 *   https://pubmed.ncbi.nlm.nih.gov/?term=endometriosis&sort=date&size=100
 *   https://pubmed.ncbi.nlm.nih.gov/37988744/
 *   https://pubmed.ncbi.nlm.nih.gov/collections/12345678/
 */
import { normalizeDoi, parsePmid } from '../ids';
import { absoluteUrl, splitNames, text, texts, within } from './dom';
import { type DetectedEntry, type SiteAdapter, onHosts } from './types';

const HOSTS = ['pubmed.ncbi.nlm.nih.gov'];
const ARTICLE_PATH = /^\/(\d{1,9})\/?$/;

function articleUrl(pmid: string): string {
  return `https://pubmed.ncbi.nlm.nih.gov/${pmid}/`;
}

/** The DOI printed in a journal citation line: "Qual Health Res. 2023 Nov 21. doi: 10.1177/1049…. Online ahead of print." */
function doiInCitation(citation: string): string | undefined {
  return normalizeDoi(/\bdoi:\s*(10\.\S+)/i.exec(citation)?.[1]);
}

function extractResults(root: ParentNode, base: URL): DetectedEntry[] {
  const entries: DetectedEntry[] = [];
  for (const article of within(root, 'article.full-docsum')) {
    const link = article.querySelector('a.docsum-title');
    const pmid = parsePmid(article.querySelector('.docsum-pmid')?.textContent) ?? parsePmid(link?.getAttribute('data-article-id'));
    const title = text(link);
    if (!pmid || !title) continue;
    const abstract = text(article.querySelector('.full-view-snippet'));
    entries.push({
      element: article,
      paper: {
        title,
        url: absoluteUrl(link?.getAttribute('href'), base) ?? articleUrl(pmid),
        ids: { pmid, doi: doiInCitation(text(article.querySelector('.full-journal-citation'))) },
        // "Lightbourne A, Foley S, Dempsey M, Cronin M."
        authors: splitNames(text(article.querySelector('.full-authors')).replace(/\.$/, '')),
        ...(abstract ? { abstract } : {}),
      },
    });
  }
  return entries;
}

function extractArticle(doc: Document, pmidInPath: string): DetectedEntry[] {
  const heading = doc.querySelector('#full-view-heading') ?? doc.querySelector('main header');
  const title = text(heading?.querySelector('h1.heading-title'));
  if (!heading || !title) return [];
  const pmid = parsePmid(heading.querySelector('.identifier.pubmed .current-id')?.textContent) ?? pmidInPath;
  const abstract = text(doc.querySelector('#eng-abstract') ?? doc.querySelector('.abstract-content'));
  return [
    {
      element: heading,
      paper: {
        title,
        url: articleUrl(pmid),
        ids: { pmid, doi: heading.querySelector('.identifier.doi .id-link')?.textContent },
        // The author list is shown twice (inline and expanded); the inline one is the heading's first.
        authors: texts(heading.querySelector('.authors-list'), '.authors-list-item a.full-name'),
        ...(abstract ? { abstract } : {}),
      },
    },
  ];
}

export const pubmed: SiteAdapter = {
  id: 'pubmed',
  name: 'PubMed',
  ...onHosts(HOSTS),
  isListing: (url) =>
    (url.pathname === '/' && url.searchParams.has('term')) || /^\/(?:collections|clipboard|trending)\//.test(url.pathname),
  extract(doc, url, root = doc) {
    const pmid = ARTICLE_PATH.exec(url.pathname)?.[1];
    return pmid ? extractArticle(doc, pmid) : extractResults(root, url);
  },
  // "Show more" appends a results chunk under the list.
  dynamicRoot: (doc) => doc.querySelector('.search-results-chunks') ?? doc.querySelector('#search-results'),
};
