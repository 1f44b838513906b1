/**
 * Generic detector for sites without an adapter; runs only where the user opted in (and in the CLI for
 * URLs no dedicated adapter claims). Evidence is tried strongest first and the first that yields papers wins:
 *   1. the landing page's own article in `citation_*` / Dublin Core / PRISM meta tags (one paper);
 *   2. JSON-LD `ScholarlyArticle` objects (one: the page's article; several: a list);
 *   3. COinS (`span.Z3988`) outside reference lists;
 *   4. a list of papers: arXiv/DOI links in repeated sibling entries (li, tr, div.paper …) that each
 *      start with a title, at least MIN_LIST_PAPERS distinct papers on the page.
 * An ordinary page citing a paper or two in passing yields nothing, and a detail page's references and
 * related-article boxes are never read as its papers.
 *
 * Test URLs:
 *   https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0213978   (citation_*)
 *   https://elifesciences.org/articles/44753                                    (dc.* only)
 *   https://github.com/some/awesome-papers                                       (reading list)
 *   https://example.org/blog/post-citing-one-paper                               (nothing)
 */
import { idsFromLinks, normalizeDoi, parseArxivId, type PaperIds } from '../ids';
import {
  absoluteUrl,
  articleFromMeta,
  canonicalUrl,
  displayName,
  headingFor,
  parseJson,
  text,
  within,
} from './dom';
import type { PublicationKind } from '../paper';
import type { DetectedEntry, PaperCandidate, SiteAdapter } from './types';

/** Fewer distinct papers than this is a page that cites, not a page that lists. */
const MIN_LIST_PAPERS = 3;
/** Text allowed before an entry's title ("[12] ", "2023 · ", "• "). */
const MAX_LEAD = 24;
/** How far up from a link an entry may start (li > p > span > a is three). */
const MAX_CLIMB = 6;

/** Page furniture and bibliographies: links there are not the papers the page is about. */
const NOT_CONTENT =
  'nav, header, footer, aside, [role="navigation"], #references, .references, .reflist, .ref-list, ' +
  '.citation-list, .bibliography, #bibliography, .ltx_bibliography, [role="doc-bibliography"]';

// ---------- JSON-LD ----------

const ARTICLE_TYPES = new Set(['ScholarlyArticle', 'MedicalScholarlyArticle']);
type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

/**
 * Articles a JSON-LD block describes at top level, in `@graph`, or in an ItemList / mainEntity.
 * `citation`, `isPartOf` and the like are other works and are not descended into.
 */
function jsonLdArticles(node: unknown, out: Json[] = []): Json[] {
  for (const item of asArray(node)) {
    if (!isObject(item)) continue;
    if (asArray(item['@type']).some((t) => typeof t === 'string' && ARTICLE_TYPES.has(t))) out.push(item);
    for (const key of ['@graph', 'mainEntity', 'itemListElement', 'item']) jsonLdArticles(item[key], out);
  }
  return out;
}

function jsonLdPerson(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (!isObject(v)) return undefined;
  const full = str(v.name) ?? [str(v.givenName), str(v.familyName)].filter(Boolean).join(' ');
  return full ? displayName(full) : undefined;
}

function jsonLdCandidate(a: Json): PaperCandidate | undefined {
  const title = str(a.headline) ?? str(a.name);
  if (!title) return undefined;
  const links = [a['@id'], a.url, ...asArray(a.sameAs)].map(str);
  const identifiers = asArray(a.identifier).map((i) => (isObject(i) ? str(i.value) : str(i)));
  const linked = idsFromLinks(links);
  const abstract = str(a.abstract) ?? str(a.description);
  const venue = asArray(a.isPartOf).map((p) => (isObject(p) ? str(p.name) : str(p))).find(Boolean);
  const published = str(a.datePublished);
  return {
    title,
    url: links.find((l) => l && /^https?:\/\//i.test(l)),
    ids: { ...linked, doi: linked.doi ?? identifiers.map(normalizeDoi).find(Boolean) },
    authors: asArray(a.author).map(jsonLdPerson).filter((n): n is string => !!n),
    ...(abstract ? { abstract } : {}),
    ...(venue ? { venue } : {}),
    ...(published ? { published } : {}),
  };
}

function fromJsonLd(doc: Document, url: URL): DetectedEntry[] {
  const articles = Array.from(doc.querySelectorAll('script[type="application/ld+json"]')).flatMap((s) =>
    jsonLdArticles(parseJson(s.textContent)),
  );
  const candidates = articles.map(jsonLdCandidate).filter((c): c is PaperCandidate => !!c);
  // One article is the page's own: its address is the page's; several are a list, each with its own link.
  if (candidates.length === 1) {
    const [only] = candidates as [PaperCandidate];
    return [{ element: headingFor(doc, only.title), paper: { ...only, url: canonicalUrl(doc, url) } }];
  }
  return candidates.map((c) => ({ element: elementShowing(doc, url, c), paper: c }));
}

/** Where a listed article is shown: a link to it or a heading with its title, else the page heading. */
function elementShowing(doc: Document, base: URL, c: PaperCandidate): Element {
  const link = c.url ? Array.from(doc.querySelectorAll('a[href]')).find((a) => absoluteUrl(a.getAttribute('href'), base) === c.url) : undefined;
  return link ?? headingFor(doc, c.title);
}

// ---------- COinS ----------

/** OpenURL genres with a BibTeX counterpart. */
const COINS_KINDS: Partial<Record<string, PublicationKind>> = { article: 'article', proceeding: 'inproceedings', conference: 'inproceedings', preprint: 'preprint' };

/** One OpenURL ContextObject (`title` of span.Z3988): `rft.atitle`, `rft.au`, `rft_id=info:doi/…`. */
function coinsCandidate(span: Element): PaperCandidate | undefined {
  const q = new URLSearchParams(span.getAttribute('title') ?? '');
  const title = q.get('rft.atitle') ?? q.get('rft.btitle') ?? q.get('rft.title');
  if (!title?.trim()) return undefined;
  const rftIds = q.getAll('rft_id');
  const first = q.get('rft.aufirst') ?? q.get('rft.auinit');
  const last = q.get('rft.aulast');
  const authors = q.getAll('rft.au');
  if (!authors.length && last) authors.push(first ? `${first} ${last}` : last);
  const linked = idsFromLinks(rftIds);
  const venue = q.get('rft.jtitle') ?? q.get('rft.btitle') ?? undefined;
  const published = q.get('rft.date') ?? undefined;
  const kind = COINS_KINDS[q.get('rft.genre') ?? ''];
  return {
    ...(venue && venue !== title ? { venue } : {}),
    ...(published ? { published } : {}),
    ...(kind ? { kind } : {}),
    title,
    url: rftIds.find((i) => /^https?:\/\//i.test(i)),
    ids: {
      ...linked,
      doi: linked.doi ?? rftIds.map(normalizeDoi).find(Boolean),
      arxiv: linked.arxiv ?? rftIds.map((i) => parseArxivId(i.replace(/^info:arxiv\//i, ''))).find(Boolean),
    },
    authors: authors.map(displayName),
  };
}

function fromCoins(root: ParentNode): DetectedEntry[] {
  const entries: DetectedEntry[] = [];
  for (const span of within(root, 'span.Z3988')) {
    if (span.closest(NOT_CONTENT)) continue;
    const paper = coinsCandidate(span);
    const element = span.closest('li, tr, article, dd, p, div') ?? span.parentElement;
    if (paper && element) entries.push({ element, paper });
  }
  return entries;
}

// ---------- Lists of paper links ----------

const LINK_LABEL = /^[[(]?\s*(?:arxiv|pdf|paper|doi|link|code|abs|abstract|html|preprint|project( page)?|website|here|this|this paper|full ?text|view|download|bib(tex)?|slides|video|poster|supp(lementary)?|journal|publisher|pubmed)\s*[\])]?$/i;

/** Could this text be a paper title, rather than a link label, an id or a URL? */
function titleLike(s: string): boolean {
  if (s.length < 10 || s.split(' ').length < 2 || LINK_LABEL.test(s)) return false;
  return !parseArxivId(s) && !normalizeDoi(s) && !/^(?:https?:\/\/|www\.|arxiv:|doi:)/i.test(s);
}

/** Text of `container` before `target`, stopping once it is longer than `limit`. */
function leadBefore(container: Element, target: Element, limit: number): string {
  let lead = '';
  const walk = (node: Node): boolean => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child === target) return true;
      if (child.nodeType === 3) lead += child.nodeValue ?? '';
      else if (child.nodeType === 1 && walk(child)) return true;
      if (lead.trim().length > limit) return true;
    }
    return false;
  };
  walk(container);
  return lead.replace(/\s+/g, ' ').trim();
}

/** The entry's title: its paper link's text, else a heading/bold/cell that opens the entry. */
function titleOf(entry: Element, link: Element): string | undefined {
  const sources = [link, ...Array.from(entry.querySelectorAll('h2, h3, h4, h5, h6, strong, b, .title, cite, em, i, td, th'))];
  for (const source of sources) {
    const title = text(source);
    if (!titleLike(title)) continue;
    // Table cells stand alone; anything else has to open the entry ("[3] Title …", not "… as shown in Title").
    if (source.matches('td, th') || leadBefore(entry, source, MAX_LEAD).length <= MAX_LEAD) return title;
  }
  return undefined;
}

/** Same tag and classes: the mark of entries a template repeats. */
function shape(el: Element): string {
  return `${el.tagName}.${Array.from(el.classList).sort().join('.')}`;
}

function isRepeated(el: Element): boolean {
  const parent = el.parentElement;
  if (!parent) return false;
  const s = shape(el);
  let n = 0;
  for (const sibling of Array.from(parent.children)) if (shape(sibling) === s && ++n >= 2) return true;
  return false;
}

interface PaperLink {
  anchor: Element;
  href: string;
  ids: PaperIds;
}

function paperLinks(root: ParentNode, base: URL): PaperLink[] {
  const links: PaperLink[] = [];
  for (const anchor of within(root, 'a[href]')) {
    if (anchor.closest(NOT_CONTENT)) continue;
    const href = absoluteUrl(anchor.getAttribute('href'), base);
    const { arxiv, doi } = idsFromLinks([href]);
    if (href && (arxiv || doi)) links.push({ anchor, href, ids: { ...(arxiv ? { arxiv } : {}), ...(doi ? { doi } : {}) } });
  }
  return links;
}

/** At most one arXiv id and one DOI (a preprint and its journal version); more is a whole list. */
function holdsOnePaper(el: Element, links: PaperLink[]): boolean {
  const inside = links.filter((l) => el.contains(l.anchor));
  return new Set(inside.map((l) => l.ids.arxiv).filter(Boolean)).size <= 1 && new Set(inside.map((l) => l.ids.doi).filter(Boolean)).size <= 1;
}

function fromPaperLinks(root: ParentNode, base: URL): DetectedEntry[] {
  const links = paperLinks(root, base);
  const byElement = new Map<Element, DetectedEntry>();
  for (const link of links) {
    // The entry is the nearest repeated ancestor (li, tr, div.paper …) that shows a title and holds one paper.
    let el = link.anchor.parentElement;
    for (let depth = 0; el && depth < MAX_CLIMB && holdsOnePaper(el, links); depth++, el = el.parentElement) {
      if (el.matches('td, th') || !isRepeated(el)) continue;
      const existing = byElement.get(el);
      if (existing) {
        existing.paper.ids = { ...link.ids, ...existing.paper.ids };
        break;
      }
      const title = titleOf(el, link.anchor);
      if (!title) continue;
      byElement.set(el, { element: el, paper: { title, url: link.href, ids: { ...link.ids } } });
      break;
    }
  }
  const entries = [...byElement.values()];
  const papers = new Set(entries.map((e) => e.paper.ids?.arxiv ?? e.paper.ids?.doi));
  return papers.size >= MIN_LIST_PAPERS ? entries : [];
}

/**
 * The article(s) a page describes in its scholarly metadata, strongest evidence first: citation_* /
 * Dublin Core / PRISM tags, JSON-LD ScholarlyArticle, COinS. Also the floor under every site adapter
 * (lib/detect.ts): what a page still says about itself when the site's markup is no longer understood.
 */
export function pageMetadata(doc: Document, url: URL): DetectedEntry[] {
  const own = articleFromMeta(doc, url);
  if (own.length) return own;
  const ld = fromJsonLd(doc, url);
  return ld.length ? ld : fromCoins(doc);
}

export const generic: SiteAdapter = {
  id: 'generic',
  hosts: ['<all_urls>'],
  optIn: true,
  matches: (url) => url.protocol === 'https:' || url.protocol === 'http:',
  extract(doc, url, root = doc) {
    // The page's own article only when reading the whole page; content added later is read as list entries.
    const described = root === doc ? pageMetadata(doc, url) : fromCoins(root);
    return described.length ? described : fromPaperLinks(root, url);
  },
};
