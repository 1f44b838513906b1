/**
 * CVF Open Access (CVPR, ICCV, WACV and their workshops): day and workshop lists are a `dl` of
 * `dt.ptitle` (title link to the paper's HTML page) followed by `dd` blocks: authors (one
 * `form.authsearch` with `input[name=query_author]` each), then links ([pdf] [supp] [arXiv]) and bibtex.
 * Paper pages carry `citation_*` meta tags.
 *
 * Test URLs:
 *   https://openaccess.thecvf.com/CVPR2023?day=all
 *   https://openaccess.thecvf.com/WACV2023
 *   https://openaccess.thecvf.com/CVPR2023_workshops/CLVision
 *   https://openaccess.thecvf.com/content/CVPR2023/html/Li_Example_Paper_CVPR_2023_paper.html
 */
import { idsFromLinks } from '../ids';
import { absoluteUrl, articleFromMeta, inProceedings, text, within } from './dom';
import { type DetectedEntry, type SiteAdapter, onHosts } from './types';

const HOSTS = ['openaccess.thecvf.com'];
const PAPER_PATH = /\/html\/[^/]+_paper\.html$/;
// Conference pages list papers only per day (`?day=…`); workshop and small conference pages list them all.
const CONFERENCE_PATH = /^\/[A-Za-z]+\d{4}(?:_workshops\/[^/]+)?\/?$/;

/** The `dd` blocks that belong to one `dt`, up to the next title. */
function detailsOf(dt: Element): Element[] {
  const dds: Element[] = [];
  for (let el = dt.nextElementSibling; el && el.tagName === 'DD'; el = el.nextElementSibling) dds.push(el);
  return dds;
}

function authorsIn(dd: Element | undefined): string[] {
  if (!dd) return [];
  const inputs = Array.from(dd.querySelectorAll('input[name="query_author"]'), (i) => i.getAttribute('value')?.trim() ?? '');
  const names = inputs.filter(Boolean);
  return names.length ? names : Array.from(dd.querySelectorAll('a'), (a) => text(a)).filter(Boolean);
}

function extractList(root: ParentNode, base: URL): DetectedEntry[] {
  const entries: DetectedEntry[] = [];
  for (const dt of within(root, 'dt.ptitle')) {
    const link = dt.querySelector('a[href]');
    const title = text(link);
    if (!title) continue;
    const dds = detailsOf(dt);
    const links = dds.flatMap((dd) => Array.from(dd.querySelectorAll('a[href]'), (a) => absoluteUrl(a.getAttribute('href'), base)));
    entries.push({
      element: dt,
      paper: {
        title,
        url: absoluteUrl(link?.getAttribute('href'), base),
        // The arXiv link, when the authors gave one; CVF has no DOIs.
        ids: { arxiv: idsFromLinks(links).arxiv },
        authors: authorsIn(dds.find((dd) => dd.querySelector('form.authsearch')) ?? dds[0]),
      },
    });
  }
  return entries;
}

export const cvf: SiteAdapter = {
  id: 'cvf',
  ...onHosts(HOSTS),
  isListing: (url) =>
    CONFERENCE_PATH.test(url.pathname) && (url.pathname.includes('_workshops/') || url.searchParams.has('day')),
  extract(doc, url, root = doc) {
    // Every CVF address starts with the conference and year: /CVPR2023, /content/ICCV2023/html/….
    const [, venue, year] = /^\/(?:content\/)?([A-Za-z]+)(\d{4})/.exec(url.pathname) ?? [];
    return inProceedings(PAPER_PATH.test(url.pathname) ? articleFromMeta(doc, url) : extractList(root, url), venue, year);
  },
};
