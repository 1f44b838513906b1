/**
 * Papers with Code, legacy listings (home, latest, search, task and method pages): infinite-scroll
 * cards `div.paper-card` > `.item-content h1 > a[href=/paper/<slug>]`. The arXiv id shows only in the
 * thumbnail image URL, which is not a link to the paper, so it is not taken as an id. The site now
 * redirects to Hugging Face; this reads archived and mirrored copies of the old markup.
 *
 * Test URLs:
 *   https://paperswithcode.com/search?q=endometriosis
 *   https://paperswithcode.com/latest
 *   https://paperswithcode.com/task/image-classification
 */
import { absoluteUrl, text, texts, within } from './dom';
import { type DetectedEntry, type SiteAdapter, onHosts } from './types';

const HOSTS = ['paperswithcode.com', 'www.paperswithcode.com'];
const LISTING_PATH = /^\/(?:$|latest|greatest|top-social|search|task\/|method\/|dataset\/|area\/|conference\/)/;

function extractCards(root: ParentNode, base: URL): DetectedEntry[] {
  const entries: DetectedEntry[] = [];
  for (const card of within(root, '.paper-card')) {
    const link = card.querySelector('.item-content h1 a[href]');
    const title = text(link);
    if (!title) continue;
    const abstract = text(card.querySelector('.item-strip-abstract'));
    entries.push({
      element: card,
      ...(link?.parentElement ? { anchor: link.parentElement } : {}),
      paper: {
        title,
        url: absoluteUrl(link?.getAttribute('href'), base),
        ids: {},
        authors: texts(card, '.author-span'),
        ...(abstract ? { abstract } : {}),
      },
    });
  }
  return entries;
}

export const paperswithcode: SiteAdapter = {
  id: 'paperswithcode',
  ...onHosts(HOSTS),
  isListing: (url) => LISTING_PATH.test(url.pathname),
  extract: (doc, url, root = doc) => extractCards(root, url),
  // Cards are appended by infinite scroll into the list container.
  dynamicRoot: (doc) => doc.querySelector('.infinite-container') ?? doc.querySelector('.paper-card')?.parentElement ?? null,
};
