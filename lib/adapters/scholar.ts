/**
 * Google Scholar: result lists (2016 `div.gs_r` and 2020+ `div.gs_r.gs_or.gs_scl` markup) and
 * profile pages (`/citations?user=`). A CAPTCHA interstitial has no result blocks and yields nothing;
 * `isRobotCheck` recognises it (and Google's /sorry/ page) so the popup can say so.
 *
 * Test URLs:
 *   https://scholar.google.com/scholar?q=diffusion+models
 *   https://scholar.google.co.jp/scholar?hl=en&q=%22Learning+deep+architectures+for+AI%22
 *   https://scholar.google.com/scholar?cites=5331804836605365413
 *   https://scholar.google.de/citations?user=A5NhLJkAAAAJ&hl=en
 */
import { idsFromLinks } from '../ids';
import { absoluteUrl, count, splitNames, text, textWithout, within } from './dom';
import { type DetectedEntry, type PaperCandidate, type SiteAdapter, hostPatterns } from './types';

// Country domains people commonly land on; `matches` accepts any scholar.google.<tld>.
const HOSTS = [
  'scholar.google.com',
  'scholar.google.co.jp',
  'scholar.google.co.uk',
  'scholar.google.co.kr',
  'scholar.google.co.in',
  'scholar.google.de',
  'scholar.google.fr',
  'scholar.google.es',
  'scholar.google.it',
  'scholar.google.nl',
  'scholar.google.ch',
  'scholar.google.at',
  'scholar.google.be',
  'scholar.google.se',
  'scholar.google.pl',
  'scholar.google.ru',
  'scholar.google.ca',
  'scholar.google.cn',
  'scholar.google.com.au',
  'scholar.google.com.br',
  'scholar.google.com.hk',
  'scholar.google.com.tw',
  'scholar.google.com.sg',
];
const SCHOLAR_HOST = /^scholar\.google\.(?:com|com\.[a-z]{2}|co\.[a-z]{2}|[a-z]{2})$/;

/** "MJ Isaac, TJ Chinn, SW Edbrooke…" → names as shown, without Scholar's truncation mark. */
function names(list: string): string[] {
  return splitNames(list.replace(/(?:…|\.\.\.)\s*$/, ''));
}

/** "Nature, 2019", "2019", "arXiv preprint arXiv:…, 2021" (the byline's middle part) as venue and year. */
function venueAndYear(middle: string): { venue?: string; published?: string } {
  const m = /^(?:(.*?),\s*)?((?:19|20)\d\d)$/.exec(middle.trim());
  if (!m) return {};
  const venue = m[1]?.trim();
  return { ...(venue ? { venue } : {}), published: m[2] };
}

function withCitations(paper: PaperCandidate, citations: number | undefined): PaperCandidate {
  return citations ? { ...paper, signals: { citations } } : paper;
}

/** `/scholar?q=` results. Blocks without `.gs_ri` (the "User profiles for …" box) are not papers. */
function extractResults(root: ParentNode, base: URL): DetectedEntry[] {
  const entries: DetectedEntry[] = [];
  for (const block of within(root, 'div.gs_r')) {
    const h3 = block.querySelector('.gs_ri h3.gs_rt');
    // [PDF], [HTML], [CITATION], [BOOK] tags (two spans, for wide and narrow screens).
    const title = textWithout(h3, '.gs_ctu, .gs_ctc, .gs_ct1, .gs_ct2, .gs_ctg2');
    if (!h3 || !title) continue;
    const url = absoluteUrl(h3.querySelector('a[href]')?.getAttribute('href'), base);
    // Byline: "authors - venue, year - host"; some separators are NBSP, which text() collapses.
    const byline = text(block.querySelector('.gs_a'));
    const parts = byline.split(' - ');
    const abstract = text(block.querySelector('.gs_rs'));
    const paper: PaperCandidate = {
      title,
      url: url ?? null,
      // Ids only from the paper's own link (README rule): a DOI in a publisher URL, an arXiv URL.
      ids: idsFromLinks([url]),
      authors: names(parts[0] ?? ''),
      ...(abstract ? { abstract } : {}),
      // "authors - venue, year - host"; a host part never ends in a year.
      ...venueAndYear(parts[1] ?? ''),
    };
    const citedBy = count(text(block.querySelector('.gs_fl a[href*="cites="]')));
    entries.push({ element: block, anchor: h3, paper: withCitations(paper, citedBy) });
  }
  return entries;
}

/** Profile page rows; title links carry the target in data-href (href is javascript:void(0)). */
function extractProfile(root: ParentNode, base: URL): DetectedEntry[] {
  const entries: DetectedEntry[] = [];
  for (const row of within(root, 'tr.gsc_a_tr')) {
    const link = row.querySelector('a.gsc_a_at');
    const title = text(link);
    if (!link || !title) continue;
    const url = absoluteUrl(link.getAttribute('data-href'), base) ?? absoluteUrl(link.getAttribute('href'), base);
    // Two grey lines under the title: the authors, then "Venue 12 (3), 45-67, 2019".
    const [byline, source] = Array.from(row.querySelectorAll('.gsc_a_t .gs_gray'), (el) => text(el));
    const year = /^(?:19|20)\d\d$/.exec(text(row.querySelector('.gsc_a_y')))?.[0];
    const venue = source?.replace(/(?:,\s*(?:19|20)\d\d)$/, '').replace(/\s+\d.*$/, '').trim();
    const paper: PaperCandidate = {
      title,
      url: url ?? null,
      ids: {},
      authors: names(byline ?? ''),
      ...(venue ? { venue } : {}),
      ...(year ? { published: year } : {}),
    };
    entries.push({
      element: row,
      // The title is a link; the badge goes after it in the same cell.
      anchor: link.parentElement ?? row,
      paper: withCitations(paper, count(text(row.querySelector('a.gsc_a_ac')))),
    });
  }
  return entries;
}

function isProfile(url: URL): boolean {
  return url.pathname === '/citations' && url.searchParams.has('user');
}

export const scholar: SiteAdapter = {
  id: 'scholar',
  hosts: hostPatterns(HOSTS),
  matches: (url) => SCHOLAR_HOST.test(url.hostname),
  isListing: (url) =>
    (url.pathname === '/scholar' && ['q', 'cites', 'cluster'].some((p) => url.searchParams.has(p))) ||
    // The profile's own list; view_op=view_citation is one paper's detail page.
    (isProfile(url) && (url.searchParams.get('view_op') ?? 'list_works') === 'list_works'),
  extract(doc, url, root = doc) {
    return isProfile(url) ? extractProfile(root, url) : extractResults(root, url);
  },
  isRobotCheck: (doc, url) =>
    url.pathname.startsWith('/sorry/') ||
    !!doc.querySelector('#gs_captcha_f, #gs_captcha_ccl, form[action*="/sorry/"], #captcha-form, .g-recaptcha'),
  // "Show more" on a profile appends rows to this table body.
  dynamicRoot: (doc) => doc.querySelector('#gsc_a_b'),
};
