/**
 * arXiv: listings (/list/<cat>/new|recent|pastweek, catchup), search results, abstract pages, HTML papers.
 *
 * Test URLs:
 *   https://arxiv.org/list/cs/new
 *   https://arxiv.org/list/cs.LG/pastweek?show=2000
 *   https://arxiv.org/search/?searchtype=all&query=diffusion
 *   https://arxiv.org/abs/2106.09608v2
 *   https://arxiv.org/html/2401.01234v1
 */
import { arxivMonth, parseArxivId } from '../ids';
import { absoluteUrl, splitNames, text, textWithout } from './dom';
import { type DetectedEntry, type SiteAdapter, onHosts } from './types';

const HOSTS = ['arxiv.org', 'www.arxiv.org', 'export.arxiv.org'];
const LISTING_PATH = /^\/(list|catchup|search|abs|html)(\/|$)/;

function canonicalAbsUrl(id: string): string {
  return `https://arxiv.org/abs/${id}`;
}

/** What every arXiv entry says about its publication: a preprint, issued in the id's month. */
function preprint(id: string, published = arxivMonth(id)) {
  return { kind: 'preprint' as const, ...(published ? { published } : {}) };
}

function authorsOf(container: Element | null | undefined): string[] {
  const authors: string[] = [];
  if (!container) return authors;
  for (const a of container.getElementsByTagName('a')) {
    const name = text(a);
    if (name) authors.push(name);
  }
  return authors;
}

/** Text a listing's author line may hold besides names and commas ("et al.", "(… additional authors not shown)", "and"). */
const NOT_ONLY_NAMES = /[():;&]|\bet al\b|\band\b/i;
const AUTHORS_DESCRIPTOR = /^\s*Authors:/;
const TITLE_DESCRIPTOR = /^Title:\s*/;

/**
 * A listing's author line (`Authors: <a>Name</a>, <a>Name</a>`): split from its text when that holds
 * exactly the linked names, a comma between each (two DOM reads instead of two per author, on
 * 2,000 entries); else read link by link.
 */
function listedAuthors(container: Element | undefined): string[] {
  if (!container) return [];
  const line = (container.textContent ?? '').replace(AUTHORS_DESCRIPTOR, '');
  const names = splitNames(line);
  if (names.length !== container.getElementsByTagName('a').length || NOT_ONLY_NAMES.test(line)) return authorsOf(container);
  return names;
}

const ABS_HREF = /^\s*(?:https?:\/\/(?:www\.|export\.)?arxiv\.org)?\/abs\/([^?#\s]+)/;

function idFromAbsLink(a: Element | null): string | undefined {
  const m = a && ABS_HREF.exec(a.getAttribute('href') ?? '');
  return m?.[1] ? parseArxivId(m[1]) : undefined;
}

/** The id from a `<dt>`'s abstract link (`/abs/<id>` or `https://arxiv.org/abs/<id>`, nothing else), without URL parsing. */
function listedId(dt: Element): string | undefined {
  // The selector finds the candidates natively; the pattern then accepts only arXiv's own links.
  // The first candidate is arXiv's on every real listing: only a page that disagrees pays for the full list.
  const first = idFromAbsLink(dt.querySelector('a[href*="/abs/"]'));
  if (first) return first;
  for (const a of dt.querySelectorAll('a[href*="/abs/"]')) {
    const id = idFromAbsLink(a);
    if (id) return id;
  }
  return undefined;
}

/** The parts of a listing entry that are read; its comments and subjects are not. */
const LISTING_PARTS = '.list-title, .list-authors, .list-doi, p.mathjax, p.abstract';

/**
 * The parts of a listing `<dd>`, found by one query: a 2,000-entry page must be read in a few tens
 * of milliseconds, and every element the script touches costs (a wrapper in its isolated world), so
 * the parts it does not read are never touched.
 */
function listingParts(dd: Element) {
  const parts: { title?: Element; authors?: Element; doi?: Element; abstract?: Element } = {};
  for (const part of dd.querySelectorAll(LISTING_PARTS)) {
    if (part.matches('.list-title')) parts.title ??= part;
    else if (part.matches('.list-authors')) parts.authors ??= part;
    else if (part.matches('.list-doi')) parts.doi ??= part;
    else parts.abstract ??= part;
  }
  return parts;
}

/**
 * /list pages, old (2018: span.list-identifier) and current (2024+: dl#articles) markup alike.
 * A generator: pastweek listings run to 2,000 entries, and the content script reads them in slices.
 */
function* extractListing(root: ParentNode): Generator<DetectedEntry> {
  let section: string | undefined;
  // One pass in document order; headings set the section for the entries below them. The (static)
  // list is walked, not copied: a copy wraps all 2,000 elements for the script's world at once, and
  // its cost and garbage landed in the first slice of the reading.
  for (const el of root.querySelectorAll('h3, dl > dt')) {
    if (el.tagName === 'H3') {
      section = text(el);
      continue;
    }
    const dd = el.nextElementSibling;
    if (!dd || dd.tagName !== 'DD') continue;
    const id = listedId(el);
    const parts = listingParts(dd);
    // The "Title:" descriptor dropped from the text rather than skipped node by node: fewer elements touched.
    const title = text(parts.title).replace(TITLE_DESCRIPTOR, '');
    if (!id || !title) continue;
    const abstract = text(parts.abstract);
    const doi = parts.doi?.getElementsByTagName('a')[0]?.textContent;
    yield {
      element: dd,
      anchor: parts.title ?? dd,
      paper: {
        title,
        url: canonicalAbsUrl(id),
        ids: { arxiv: id, ...(doi ? { doi } : {}) },
        authors: listedAuthors(parts.authors),
        ...(abstract ? { abstract } : {}),
        ...(section ? { section } : {}),
        ...preprint(id),
      },
    };
  }
}

/** /search results (Bulma markup: li.arxiv-result). */
function extractSearch(root: ParentNode, base: URL): DetectedEntry[] {
  const entries: DetectedEntry[] = [];
  for (const li of Array.from(root.querySelectorAll('li.arxiv-result'))) {
    const link = li.querySelector('.list-title a[href*="/abs/"]');
    const id = parseArxivId(absoluteUrl(link?.getAttribute('href'), base));
    const title = text(li.querySelector('p.title'));
    if (!id || !title) continue;
    const doiLink = li.querySelector('a[href*="doi.org/10."]');
    const abstract = textWithout(li.querySelector('.abstract-full') ?? li.querySelector('.abstract-short'), 'a');
    entries.push({
      element: li,
      anchor: li.querySelector('p.title') ?? li,
      paper: {
        title,
        url: canonicalAbsUrl(id),
        ids: { arxiv: id, doi: doiLink?.getAttribute('href') },
        authors: authorsOf(li.querySelector('p.authors')),
        ...(abstract ? { abstract } : {}),
        ...preprint(id),
      },
    });
  }
  return entries;
}

/** The first submission's date: `citation_date`, else the dateline's "[Submitted on 17 Jun 2021 …]", else the id's month. */
function submittedOn(doc: Document, id: string): string | undefined {
  const submitted = /Submitted on\s+([^(\]]+)/.exec(text(doc.querySelector('.dateline')))?.[1];
  return doc.querySelector('meta[name="citation_date"]')?.getAttribute('content') ?? submitted ?? arxivMonth(id);
}

/**
 * /abs/<id> pages: one paper. Its DOI is the journal's (`citation_doi`, "Related DOI") when shown,
 * else arXiv's own `10.48550/arXiv.<id>`, printed on abstract pages since 2022.
 */
function extractAbstractPage(doc: Document, url: URL): DetectedEntry[] {
  const h1 = doc.querySelector('h1.title');
  const id =
    parseArxivId(doc.querySelector('meta[name="citation_arxiv_id"]')?.getAttribute('content')) ??
    parseArxivId(url.href);
  const title = textWithout(h1, '.descriptor');
  if (!h1 || !id || !title) return [];
  const abstract = textWithout(doc.querySelector('blockquote.abstract'), '.descriptor');
  const container = h1.closest('#abs, .leftcolumn') ?? h1.parentElement ?? h1;
  return [
    {
      element: container,
      anchor: h1,
      paper: {
        title,
        url: canonicalAbsUrl(id),
        ids: {
          arxiv: id,
          doi:
            doc.querySelector('meta[name="citation_doi"]')?.getAttribute('content') ??
            doc.querySelector('a#arxiv-doi-link, td.arxivdoi a')?.getAttribute('href'),
        },
        authors: authorsOf(doc.querySelector('div.authors')),
        ...(abstract ? { abstract } : {}),
        ...preprint(id, submittedOn(doc, id)),
      },
    },
  ];
}

/** /html/<id> pages (LaTeXML rendering of the paper). */
function extractHtmlPaper(doc: Document, url: URL): DetectedEntry[] {
  const h1 = doc.querySelector('h1.ltx_title_document, h1.ltx_title');
  const id = parseArxivId(url.href);
  const title = text(h1);
  if (!h1 || !id || !title) return [];
  const authors = Array.from(doc.querySelectorAll('.ltx_authors .ltx_personname'), (p) =>
    text(p.firstChild),
  ).filter(Boolean);
  return [{ element: h1, anchor: h1, paper: { title, url: canonicalAbsUrl(id), ids: { arxiv: id }, authors, ...preprint(id) } }];
}

export const arxiv: SiteAdapter = {
  id: 'arxiv',
  ...onHosts(HOSTS),
  isListing: (url) =>
    LISTING_PATH.test(url.pathname) && (!url.pathname.startsWith('/search') || url.searchParams.has('query')),
  extract(doc, url, root = doc) {
    const path = url.pathname;
    if (path.startsWith('/abs/')) return extractAbstractPage(doc, url);
    if (path.startsWith('/html/')) return extractHtmlPaper(doc, url);
    if (path.startsWith('/search')) return extractSearch(root, url);
    return extractListing(root);
  },
};
