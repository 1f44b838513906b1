/**
 * Semantic Scholar: search results, author pages (both lists of paper rows) and paper pages.
 * The site renders client-side; selectors are the `data-test-id` hooks scrapers rely on
 * (shared/fixtures/SITE-MARKUP.md), as no saved page exists.
 *
 * Test URLs:
 *   https://www.semanticscholar.org/search?q=transformer&sort=relevance
 *   https://www.semanticscholar.org/author/Ashish-Vaswani/40348417
 *   https://www.semanticscholar.org/paper/Attention-is-All-you-Need-Vaswani-Shazeer/204e3073870fae3d05bcbc2f6a8e263d9b72e776
 */
import { idsFromLinks } from '../ids';
import { absoluteUrl, canonicalUrl, count, text, textWithout, texts, within } from './dom';
import { type DetectedEntry, type PaperCandidate, type SiteAdapter, onHosts } from './types';

const HOSTS = ['www.semanticscholar.org', 'semanticscholar.org'];
const ROW = '.cl-paper-row, [data-test-id="paper-row"], [data-test-id="paper-card"]';
const AUTHORS = '[data-test-id="author-list"] a';
const ABSTRACT =
  '[data-test-id="paper-abstract"], [data-test-id="abstract-truncated"], [data-test-id="text-truncator-text"]';
const CITATIONS = '[data-test-id="total-citations-stat"], [data-test-id="citation-count"]';
const HEADER = '[data-test-id="paper-detail-page-header"], .fresh-paper-detail-page__header';

/** Ids from the links shown with the paper ("arXiv", "DOI", publisher buttons). */
function idsIn(container: Element, base: URL): PaperCandidate['ids'] {
  const hrefs = Array.from(container.querySelectorAll('a[href]'), (a) => absoluteUrl(a.getAttribute('href'), base));
  return idsFromLinks(hrefs);
}

/** Citation count; abbreviated numbers ("12.3K") are not exact, so none rather than a wrong one. */
function citations(el: Element | null): number | undefined {
  const shown = text(el);
  return /\d\s*[KkMm]\b/.test(shown) ? undefined : count(shown);
}

function candidate(container: Element, title: string, url: string | undefined, base: URL): PaperCandidate {
  // The TLDR stands in for the abstract on result rows; its "TLDR" label and "Expand" button are not text.
  const tldr = container.querySelector('.tldr-abstract-replacement');
  const abstract = text(container.querySelector(ABSTRACT)) || textWithout(tldr, '.tldr-label, button');
  const cited = citations(container.querySelector(CITATIONS));
  return {
    title,
    url: url ?? null,
    ids: idsIn(container, base),
    authors: texts(container, AUTHORS),
    ...(abstract ? { abstract } : {}),
    ...(cited ? { signals: { citations: cited } } : {}),
  };
}

/** Search and author pages: one row per paper (rows nested in rows, e.g. card wrappers, count once). */
function extractRows(root: ParentNode, base: URL): DetectedEntry[] {
  const entries: DetectedEntry[] = [];
  for (const row of within(root, ROW)) {
    if (row.parentElement?.closest(ROW)) continue;
    const link = row.querySelector('a[data-test-id="title-link"]');
    const title = text(link ?? row.querySelector('.cl-paper-title'));
    if (!title) continue;
    entries.push({
      element: row,
      // The title link wraps the heading, and a badge must not sit inside a link.
      anchor: link?.parentElement ?? row,
      paper: candidate(row, title, absoluteUrl(link?.getAttribute('href'), base), base),
    });
  }
  return entries;
}

/** `/paper/…`: the paper in the header, not the citation and reference rows below it. */
function extractPaperPage(doc: Document, url: URL): DetectedEntry[] {
  const h1 = doc.querySelector('h1[data-test-id="paper-detail-title"]');
  const title = text(h1);
  if (!h1 || !title) return [];
  const header = h1.closest(HEADER) ?? h1.parentElement ?? h1;
  return [{ element: header, anchor: h1, paper: candidate(header, title, canonicalUrl(doc, url), url) }];
}

export const semanticScholar: SiteAdapter = {
  id: 'semantic-scholar',
  ...onHosts(HOSTS),
  isListing: (url) =>
    (url.pathname === '/search' && url.searchParams.has('q')) || /^\/(?:author|paper)\/./.test(url.pathname),
  extract(doc, url, root = doc) {
    return url.pathname.startsWith('/paper/') ? extractPaperPage(doc, url) : extractRows(root, url);
  },
  // Client-side rendering: result pages and "more papers" replace the rows without a reload.
  dynamicRoot: (doc) => doc.querySelector('#main-content') ?? doc.querySelector('main'),
};
