/**
 * bioRxiv and medRxiv (one Highwire platform): article pages read from their `citation_*` meta tags,
 * search, subject-collection and recent-article lists from the Highwire citation markup
 * (`a.highwire-cite-linked-title`, `span.highwire-citation-authors`, `span.highwire-cite-metadata-doi`).
 *
 * Test URLs:
 *   https://www.biorxiv.org/content/10.1101/696633v1
 *   https://www.biorxiv.org/search/cell-free%20DNA
 *   https://www.biorxiv.org/collection/genomics
 *   https://www.medrxiv.org/content/early/recent
 */
import { absoluteUrl, articleFromMeta, text, texts, within } from './dom';
import { type DetectedEntry, type SiteAdapter, onHosts } from './types';

const HOSTS = ['www.biorxiv.org', 'biorxiv.org', 'www.medrxiv.org', 'medrxiv.org'];
// /content/10.1101/<id>v<n>, with optional .full / .abstract / .article-metrics views.
const ARTICLE_PATH = /^\/content\/10\.1101\/[^/]+$/;
const LISTING_PATH = /^\/(?:search|collection|content\/early\/recent|archive)(?:\/|$)/;
const CITATION = '.highwire-article-citation, .highwire-cite';

function extractList(root: ParentNode, base: URL): DetectedEntry[] {
  const entries: DetectedEntry[] = [];
  const seen = new Set<Element>();
  for (const cite of within(root, CITATION)) {
    // .highwire-cite sits inside .highwire-article-citation: read each entry once, from its outer box.
    const entry = cite.closest('.highwire-article-citation') ?? cite;
    if (seen.has(entry)) continue;
    seen.add(entry);
    const link = entry.querySelector('a.highwire-cite-linked-title');
    const title = text(link);
    if (!title) continue;
    // "doi: https://doi.org/10.1101/2024.01.02.573333"
    const doi = text(entry.querySelector('.highwire-cite-metadata-doi')).replace(/^doi:\s*/i, '');
    entries.push({
      element: entry.closest('li') ?? entry,
      ...(link?.parentElement ? { anchor: link.parentElement } : {}),
      paper: {
        title,
        url: absoluteUrl(link?.getAttribute('href'), base),
        ids: { doi },
        authors: texts(entry.querySelector('.highwire-citation-authors'), '.highwire-citation-author'),
      },
    });
  }
  return entries;
}

export const biorxiv: SiteAdapter = {
  id: 'biorxiv',
  ...onHosts(HOSTS),
  isListing: (url) => LISTING_PATH.test(url.pathname),
  extract(doc, url, root = doc) {
    // Article pages show related and citing articles in Highwire markup too: only the meta tags name the article.
    return ARTICLE_PATH.test(url.pathname) ? articleFromMeta(doc, url) : extractList(root, url);
  },
};
