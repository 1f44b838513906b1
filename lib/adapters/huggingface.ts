/**
 * Hugging Face Papers: daily/weekly/monthly lists, trending, search, paper pages, collections.
 * The server renders Svelte islands whose `data-props` attribute holds the page's JSON; the cards
 * are rendered from it. We read the JSON (authors, abstract, counts) and the card for each paper.
 *
 * Test URLs:
 *   https://huggingface.co/papers?date=2024-08-01
 *   https://huggingface.co/papers/date/2025-06-02
 *   https://huggingface.co/papers/week/2025-W23
 *   https://huggingface.co/papers/month/2025-06
 *   https://huggingface.co/papers/trending
 *   https://huggingface.co/papers?q=video+diffusion
 *   https://huggingface.co/papers/2407.21783
 *   https://huggingface.co/collections/akhaliq/llm-papers-6515cff8c9c2e8b9bc8f7d28
 */
import { arxivMonth, parseArxivId } from '../ids';
import type { Signals } from '../paper';
import { absoluteUrl, count, parseJson, text, within } from './dom';
import { type DetectedEntry, type PaperCandidate, type SiteAdapter, hostPatterns } from './types';

const HOSTS = ['huggingface.co'];
const LIST_PATH = /^\/papers(?:\/(?:date|week|month)\/[^/]+|\/trending)?\/?$/;
const PAPER_PATH = /^\/papers\/([^/]+)\/?$/;
const COLLECTION_PATH = /^\/collections\/[^/]+\/[^/]+/;

/** What the island JSON says about one paper. */
interface JsonPaper {
  title?: string;
  authors?: string[];
  abstract?: string;
  upvotes?: number;
  comments?: number;
  /** The paper's arXiv publication date (`paper.publishedAt`), not the day it was listed. */
  published?: string;
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v : undefined;
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined;
}

function paperUrl(id: string): string {
  return `https://huggingface.co/papers/${id}`;
}

/** The arXiv id of a paper page URL (`/papers/2407.21783`); `/papers/trending` and the like are not ids. */
function paperPageId(url: URL): string | undefined {
  const m = PAPER_PATH.exec(url.pathname);
  return m?.[1] ? parseArxivId(m[1]) : undefined;
}

/**
 * The arXiv id and data of one list item (`{paper, title, numComments}`) or bare paper object
 * (`{id, title, upvotes}`). Authors marked hidden are left out, as the site does not show them.
 */
function readItem(item: unknown): [string, JsonPaper] | undefined {
  if (!isObject(item)) return undefined;
  const paper = isObject(item.paper) ? item.paper : item;
  const id = parseArxivId(str(paper.id));
  if (!id) return undefined;
  const authors = (Array.isArray(paper.authors) ? paper.authors : []).flatMap((a) => {
    const name = isObject(a) && a.hidden !== true ? str(a.name) : undefined;
    return name ? [name] : [];
  });
  return [
    id,
    {
      title: str(item.title) ?? str(paper.title),
      authors,
      abstract: str(paper.summary),
      upvotes: num(paper.upvotes) ?? num(item.upvotes),
      comments: num(item.numComments) ?? num(paper.numComments),
      published: str(paper.publishedAt),
    },
  ];
}

/** Papers in the islands' JSON, by arXiv id. Malformed or unexpected JSON gives an empty map. */
function jsonPapers(doc: Document): Map<string, JsonPaper> {
  const papers = new Map<string, JsonPaper>();
  for (const island of Array.from(doc.querySelectorAll('[data-target="DailyPapers"], [data-target="PaperContent"]'))) {
    const props = parseJson(island.getAttribute('data-props'));
    if (!isObject(props)) continue;
    // Lists use dailyPapers (daily, trending) or searchResults (search); the paper page has one paper.
    const items = [props.dailyPapers, props.searchResults].flatMap((list) => (Array.isArray(list) ? list : []));
    if (isObject(props.paper)) items.push(props);
    for (const item of items) {
      const read = readItem(item);
      if (read && !papers.has(read[0])) papers.set(...read);
    }
  }
  return papers;
}

function paperIdOfLink(a: Element, base: URL): string | undefined {
  const href = absoluteUrl(a.getAttribute('href'), base);
  return href && new URL(href).hostname === base.hostname ? parseArxivId(href) : undefined;
}

/**
 * Paper cards in page order: `<article>`s linking to `/papers/<id>` (2024 and later lists), else the
 * element around each `h3` title link (layouts we have not seen).
 */
function cards(root: ParentNode, base: URL): { card: Element; id: string; heading: Element | null }[] {
  const found = new Map<Element, { card: Element; id: string; heading: Element | null }>();
  const articles = within(root, 'article');
  const links = articles.length
    ? articles.flatMap((card) => Array.from(card.querySelectorAll('a[href*="/papers/"]'), (a) => ({ card, a })))
    : within(root, 'h3').flatMap((h3) => {
        const a = h3.querySelector('a[href*="/papers/"]');
        return a ? [{ card: h3.closest('li') ?? h3.parentElement ?? h3, a }] : [];
      });
  for (const { card, a } of links) {
    const id = paperIdOfLink(a, base);
    if (!id || found.has(card)) continue;
    found.set(card, { card, id, heading: card.querySelector('h3') });
  }
  return [...found.values()];
}

function candidate(id: string, shownTitle: string, json: JsonPaper | undefined, shown: Signals): PaperCandidate {
  const signals: Signals = {};
  const upvotes = json?.upvotes ?? shown.upvotes;
  const comments = json?.comments ?? shown.comments;
  if (upvotes !== undefined) signals.upvotes = upvotes;
  if (comments !== undefined) signals.comments = comments;
  return {
    title: json?.title ?? shownTitle,
    url: paperUrl(id),
    ids: { arxiv: id },
    ...(json?.authors?.length ? { authors: json.authors } : {}),
    ...(json?.abstract ? { abstract: json.abstract } : {}),
    signals,
    // Hugging Face lists arXiv papers: preprints, dated by arXiv (the id's month when the page gives no date).
    kind: 'preprint',
    ...((json?.published ?? arxivMonth(id)) ? { published: json?.published ?? arxivMonth(id) } : {}),
  };
}

function extractCards(doc: Document, root: ParentNode, base: URL): DetectedEntry[] {
  const json = jsonPapers(doc);
  return cards(root, base).map(({ card, id, heading }) => {
    // The upvote count sits next to a hidden checkbox (2024) or in a label (2025+); other
    // `leading-none` elements (the "Submitted by" badge) are not counts.
    const upvotes = count(text(card.querySelector('input[type="checkbox"] ~ .leading-none, label .leading-none')));
    const comments = count(text(card.querySelector('a[href$="#community"]')));
    return {
      element: card,
      anchor: heading ?? card,
      paper: candidate(id, text(heading), json.get(id), {
        ...(upvotes !== undefined ? { upvotes } : {}),
        ...(comments !== undefined ? { comments } : {}),
      }),
    };
  });
}

/** `/papers/<id>`: the paper itself, not the papers linked from its sidebar. */
function extractPaperPage(doc: Document, id: string): DetectedEntry[] {
  const h1 = doc.querySelector('h1');
  const json = jsonPapers(doc).get(id);
  const title = text(h1);
  const element = h1?.closest('section') ?? h1 ?? doc.querySelector('[data-target="PaperContent"]');
  if (!element || !(json?.title ?? title)) return [];
  return [{ element, anchor: h1 ?? element, paper: candidate(id, title, json, {}) }];
}

export const huggingface: SiteAdapter = {
  id: 'huggingface',
  hosts: hostPatterns(HOSTS),
  matches: (url) =>
    HOSTS.includes(url.hostname) && (/^\/papers(?:\/|$)/.test(url.pathname) || COLLECTION_PATH.test(url.pathname)),
  isListing: (url) =>
    LIST_PATH.test(url.pathname) || paperPageId(url) !== undefined || COLLECTION_PATH.test(url.pathname),
  extract(doc, url, root = doc) {
    const id = paperPageId(url);
    return id ? extractPaperPage(doc, id) : extractCards(doc, root, url);
  },
  // Search results are replaced as one types, and lists grow when "load more" is used.
  dynamicRoot: (doc) => doc.querySelector('[data-target="DailyPapers"]') ?? doc.querySelector('main'),
};
