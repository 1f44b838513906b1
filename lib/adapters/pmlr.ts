/**
 * PMLR (Proceedings of Machine Learning Research): volume pages list `div.paper` > `p.title`,
 * `span.authors` (comma separated, names joined with &nbsp;) and `p.links` (abs page first, then PDF);
 * paper pages carry `citation_*` meta tags.
 *
 * Test URLs:
 *   https://proceedings.mlr.press/v202/
 *   https://proceedings.mlr.press/v202/aamand23a.html
 */
import { absoluteUrl, articleFromMeta, inProceedings, splitNames, text, within } from './dom';
import { type DetectedEntry, type SiteAdapter, onHosts } from './types';

const HOSTS = ['proceedings.mlr.press'];
const VOLUME_PATH = /^\/v\d+\/?$/;
const PAPER_PATH = /^\/v\d+\/[^/]+\.html$/;

function extractVolume(root: ParentNode, base: URL): DetectedEntry[] {
  const entries: DetectedEntry[] = [];
  for (const div of within(root, 'div.paper')) {
    const titleElement = div.querySelector('.title');
    const title = text(titleElement);
    if (!titleElement || !title) continue;
    // The abstract page is the link that is not a download (PDF, supplementary, code).
    const abs = Array.from(div.querySelectorAll('.links a[href]'), (a) => absoluteUrl(a.getAttribute('href'), base)).find(
      (href) => href && PAPER_PATH.test(new URL(href).pathname),
    );
    entries.push({
      element: div,
      anchor: titleElement,
      paper: {
        title,
        url: abs,
        ids: {},
        authors: splitNames(text(div.querySelector('.authors'))),
      },
    });
  }
  return entries;
}

export const pmlr: SiteAdapter = {
  id: 'pmlr',
  ...onHosts(HOSTS),
  isListing: (url) => VOLUME_PATH.test(url.pathname),
  extract: (doc, url, root = doc) => inProceedings(PAPER_PATH.test(url.pathname) ? articleFromMeta(doc, url) : extractVolume(root, url)),
};
