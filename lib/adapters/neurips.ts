/**
 * NeurIPS proceedings (proceedings.neurips.cc, formerly papers.nips.cc): the per-year paper list and
 * the abstract pages. List rows are `li` > `a[href$=-Abstract….html]` (title) + `i` (authors, comma
 * separated); `li.conference` / `li.datasets_and_benchmarks` name the track.
 *
 * Test URLs:
 *   https://proceedings.neurips.cc/paper_files/paper/2023
 *   https://papers.nips.cc/paper/2019
 *   https://proceedings.neurips.cc/paper_files/paper/2023/hash/0001ca33ba34ce0351e4612b744b3936-Abstract-Conference.html
 */
import { absoluteUrl, articleFromMeta, inProceedings, splitNames, text, within } from './dom';
import { type DetectedEntry, type SiteAdapter, onHosts } from './types';

const HOSTS = ['proceedings.neurips.cc', 'papers.neurips.cc', 'papers.nips.cc'];
const YEAR_PATH = /^\/(?:paper_files\/)?paper\/\d{4}\/?$/;
const ABSTRACT_PATH = /\/hash\/[0-9a-f]+-Abstract[^/]*\.html$/;

function extractYear(root: ParentNode, base: URL): DetectedEntry[] {
  const entries: DetectedEntry[] = [];
  for (const li of within(root, 'li')) {
    const link = Array.from(li.querySelectorAll('a[href]')).find((a) => ABSTRACT_PATH.test(a.getAttribute('href') ?? ''));
    const title = text(link);
    if (!link || !title) continue;
    entries.push({
      element: li,
      anchor: link,
      paper: {
        title,
        url: absoluteUrl(link.getAttribute('href'), base),
        ids: {},
        authors: splitNames(text(li.querySelector('i, .paper-authors'))),
      },
    });
  }
  return entries;
}

export const neurips: SiteAdapter = {
  id: 'neurips',
  ...onHosts(HOSTS),
  isListing: (url) => YEAR_PATH.test(url.pathname),
  extract: (doc, url, root = doc) =>
    inProceedings(
      ABSTRACT_PATH.test(url.pathname) ? articleFromMeta(doc, url) : extractYear(root, url),
      'NeurIPS',
      /\/paper\/(\d{4})\//.exec(url.pathname + '/')?.[1],
    ),
};
