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

/** "Arch Gynecol Obstet. 2023 Nov 21. doi: …" → the journal and its date (up to the first `;`, `:` or `.`). */
function journalAndDate(citation: string): { venue?: string; published?: string; kind: 'article' } {
  const m = /^([^.]+)\.\s*(\d{4}[^.;:]*)/.exec(citation);
  return { kind: 'article', ...(m?.[1] ? { venue: m[1].trim() } : {}), ...(m?.[2] ? { published: m[2].trim() } : {}) };
}

function extractResults(root: ParentNode, base: URL): DetectedEntry[] {
  const entries: DetectedEntry[] = [];
  for (const article of within(root, 'article.full-docsum')) {
    const link = article.querySelector('a.docsum-title');
    const pmid = parsePmid(article.querySelector('.docsum-pmid')?.textContent) ?? parsePmid(link?.getAttribute('data-article-id'));
    const title = text(link);
    if (!pmid || !title) continue;
    const abstract = text(article.querySelector('.full-view-snippet'));
    const citation = text(article.querySelector('.full-journal-citation'));
    entries.push({
      element: article,
      ...(link ? { anchor: link } : {}),
      paper: {
        title,
        url: absoluteUrl(link?.getAttribute('href'), base) ?? articleUrl(pmid),
        ids: { pmid, doi: doiInCitation(citation) },
        // "Lightbourne A, Foley S, Dempsey M, Cronin M."
        authors: splitNames(text(article.querySelector('.full-authors')).replace(/\.$/, '')),
        ...(abstract ? { abstract } : {}),
        ...journalAndDate(citation),
      },
    });
  }
  return entries;
}

function extractArticle(doc: Document, pmidInPath: string): DetectedEntry[] {
  const heading = doc.querySelector('#full-view-heading') ?? doc.querySelector('main header');
  const titleElement = heading?.querySelector('h1.heading-title');
  const title = text(titleElement);
  if (!heading || !title) return [];
  const pmid = parsePmid(heading.querySelector('.identifier.pubmed .current-id')?.textContent) ?? pmidInPath;
  const abstract = text(doc.querySelector('#eng-abstract') ?? doc.querySelector('.abstract-content'));
  // The journal button's title is the full name ("Qualitative health research"); its text the abbreviation.
  const journal = heading.querySelector('#full-view-journal-trigger');
  const venue = journal?.getAttribute('title')?.trim() || text(journal);
  const published = /^\d{4}[^.;:]*/.exec(text(heading.querySelector('.cit')))?.[0];
  return [
    {
      element: heading,
      anchor: titleElement!,
      paper: {
        title,
        url: articleUrl(pmid),
        ids: { pmid, doi: heading.querySelector('.identifier.doi .id-link')?.textContent },
        // The author list is shown twice (inline and expanded); the inline one is the heading's first.
        authors: texts(heading.querySelector('.authors-list'), '.authors-list-item a.full-name'),
        ...(abstract ? { abstract } : {}),
        kind: 'article',
        ...(venue ? { venue } : {}),
        ...(published ? { published } : {}),
      },
    },
  ];
}

export const pubmed: SiteAdapter = {
  id: 'pubmed',
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
