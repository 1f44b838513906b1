/** Small read-only DOM helpers shared by adapters. */
import { idsFromLinks } from '../ids';
import { collapseWhitespace } from '../text';
import type { DetectedEntry } from './types';

export function text(node: Node | null | undefined): string {
  return node ? collapseWhitespace(node.textContent ?? '') : '';
}

/** Text of `root` without the elements matched by `skip` (e.g. a "Title:" descriptor span). */
export function textWithout(root: Element | null | undefined, skip: string): string {
  if (!root) return '';
  let out = '';
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out += child.nodeValue ?? '';
      else if (child.nodeType === 1 && !(child as Element).matches(skip)) walk(child);
    }
  };
  walk(root);
  return collapseWhitespace(out);
}

/** Absolute http(s) URL, or undefined for anything else (javascript:, data:, malformed). */
export function absoluteUrl(href: string | null | undefined, base: URL | string): string | undefined {
  if (!href) return undefined;
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** Integer shown as text ("1,234", "12k" is not expanded), or undefined. */
export function count(s: string | null | undefined): number | undefined {
  const m = /\d[\d,]*/.exec(s ?? '');
  if (!m) return undefined;
  const n = Number(m[0].replace(/,/g, ''));
  return Number.isFinite(n) ? n : undefined;
}

/** Elements under `root` matching `selector`, `root` itself included: content added later may be the entry itself. */
export function within(root: ParentNode, selector: string): Element[] {
  // nodeType, not instanceof: the CLI runs outside a browser, where there is no global Element.
  const own = (root as Node).nodeType === 1 && (root as Element).matches(selector) ? [root as Element] : [];
  return [...own, ...Array.from(root.querySelectorAll(selector))];
}

/** Texts of the elements matching `selector` under `container` (author links), empty ones dropped. */
export function texts(container: ParentNode | null | undefined, selector: string): string[] {
  return container ? Array.from(container.querySelectorAll(selector), (el) => text(el)).filter(Boolean) : [];
}

/** JSON embedded in a page (data-props, script text); undefined when absent or malformed, never throws. */
export function parseJson(s: string | null | undefined): unknown {
  if (!s) return undefined;
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * `<meta>` values by lower-cased name (or property), in page order. Reads `content`, and `value` too:
 * some saved pages (Mercury Parser fixtures) rewrote `content=` to `value=`.
 */
export function metaIndex(doc: Document): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const m of Array.from(doc.querySelectorAll('meta'))) {
    const name = (m.getAttribute('name') ?? m.getAttribute('property'))?.trim().toLowerCase();
    const value = collapseWhitespace(m.getAttribute('content') ?? m.getAttribute('value') ?? '');
    if (!name || !value) continue;
    const list = index.get(name);
    if (list) list.push(value);
    else index.set(name, [value]);
  }
  return index;
}

/** "Surname, Given" (citation_author on some sites) as shown on the page: "Given Surname". */
export function displayName(name: string): string {
  const m = /^([^,]+),\s*([^,]+)$/.exec(name.trim());
  return m?.[1] && m[2] ? `${m[2].trim()} ${m[1].trim()}` : name.trim();
}

/** The page's own address: `link[rel=canonical]`, else `og:url`, else the URL it was loaded from. */
export function canonicalUrl(doc: Document, url: URL): string {
  const meta = metaIndex(doc).get('og:url')?.[0];
  return (
    absoluteUrl(doc.querySelector('link[rel~="canonical"]')?.getAttribute('href'), url) ??
    absoluteUrl(meta, url) ??
    url.href
  );
}

/** The heading that shows `title` (where a badge belongs), else the first h1, else the body. */
export function headingFor(doc: Document, title: string): Element {
  const wanted = collapseWhitespace(title).toLowerCase();
  const headings = Array.from(doc.querySelectorAll('h1, h2'));
  return (
    headings.find((h) => text(h).toLowerCase() === wanted) ??
    doc.querySelector('h1') ??
    doc.body ??
    doc.documentElement
  );
}

/** Markup some sites leave inside meta text (`<p>` in citation_abstract), removed as text, never parsed. */
function stripTags(s: string): string {
  return collapseWhitespace(s.replace(/<[^>]*>/g, ' '));
}

/**
 * The article a landing page describes in its metadata: Highwire `citation_*` first, then Dublin Core
 * (`dc.*`/`DC.*`) and PRISM: one entry, or none without a title. Only the page's own article: tags like
 * `citation_reference` describe other papers and are ignored.
 */
export function articleFromMeta(doc: Document, url: URL): DetectedEntry[] {
  const meta = metaIndex(doc);
  const first = (...names: string[]) => names.map((n) => meta.get(n)?.[0]).find(Boolean);
  const title = first('citation_title', 'dc.title', 'prism.title');
  if (!title) return [];
  const authors = meta.get('citation_author') ?? meta.get('dc.creator') ?? meta.get('dc.contributor') ?? [];
  // dc.identifier also carries ISSNs and URLs; only a DOI-shaped one is taken.
  const dcDoi = meta.get('dc.identifier')?.find((v) => /^(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)?10\.\d{4,9}\//i.test(v));
  const abstract = first('citation_abstract', 'dc.description');
  const arxiv = first('citation_arxiv_id');
  const conference = first('citation_conference_title', 'citation_conference');
  const journal = first('citation_journal_title', 'prism.publicationname', 'citation_inbook_title');
  const venue = conference ?? journal;
  const published = first('citation_publication_date', 'citation_date', 'prism.publicationdate', 'dc.date', 'citation_online_date');
  const kind = conference ? 'inproceedings' : journal ? 'article' : arxiv ? 'preprint' : undefined;
  return [
    {
      element: headingFor(doc, title),
      paper: {
        title,
        url: canonicalUrl(doc, url),
        // The page's own address names the article too (an OpenReview forum, a PubMed or arXiv page): it fills the kinds the tags lack.
        ids: {
          ...idsFromLinks([url.href]),
          ...definedOnly({
            doi: first('citation_doi', 'prism.doi') ?? dcDoi,
            arxiv,
            pmid: first('citation_pmid'),
            pmcid: first('citation_pmcid'),
          }),
        },
        authors: authors.map(displayName),
        ...(abstract ? { abstract: stripTags(abstract) } : {}),
        ...(venue ? { venue } : {}),
        ...(published ? { published } : {}),
        ...(kind ? { kind } : {}),
      },
    },
  ];
}

/** Entries from a proceedings site: papers in proceedings, with the venue and year the site names where the entry lacks them. */
export function inProceedings(entries: DetectedEntry[], venue?: string, year?: string): DetectedEntry[] {
  return entries.map((e) => ({
    ...e,
    paper: {
      ...e.paper,
      kind: 'inproceedings',
      ...(e.paper.venue ?? venue ? { venue: e.paper.venue ?? venue } : {}),
      ...(e.paper.published ?? year ? { published: e.paper.published ?? year } : {}),
    },
  }));
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Names in a comma-separated line ("Ann Lee, Bo Chen"), trimmed, empty ones dropped. */
export function splitNames(line: string, separator: string | RegExp = ','): string[] {
  return line
    .split(separator)
    .map((n) => collapseWhitespace(n))
    .filter(Boolean);
}
