/**
 * Detection: run the adapter for a page and turn its candidates into identified papers.
 * Shared by the content script and `npm run detect`, so both see exactly the same papers.
 */
import { adapterFor } from './adapters';
import { pageMetadata } from './adapters/generic';
import type { DetectedEntry, PaperCandidate, SiteAdapter } from './adapters/types';
import { normalizeIds, paperKey } from './ids';
import { LIMITS, normalizePublished, PUBLICATION_KINDS, type DetectedPaper } from './paper';
import { collapseWhitespace } from './text';

const SIGNALS = ['upvotes', 'comments', 'citations'] as const;

export interface Detection {
  element: Element;
  anchor: Element;
  paper: DetectedPaper;
  /** Read from the page's scholarly metadata because the site's adapter found nothing (the floor). */
  fromMetadata?: true;
}

function clip(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** Ids as strings of a sane length: no real identifier is longer, and parsing absurd ones costs time. */
function rawIds(ids: PaperCandidate['ids']): PaperCandidate['ids'] {
  return Object.fromEntries(Object.entries(ids ?? {}).filter(([, v]) => typeof v === 'string' && v.length <= LIMITS.id));
}

function cleanAuthors(raw: readonly unknown[]): string[] {
  const authors: string[] = [];
  for (const a of raw) {
    if (authors.length >= LIMITS.authors) break;
    const name = typeof a === 'string' ? clip(collapseWhitespace(a), LIMITS.author) : '';
    if (name) authors.push(name);
  }
  return authors;
}

/** Popularity numbers as counts; a page showing `NaN` or `-3` has none. */
function cleanSignals(raw: PaperCandidate['signals']): DetectedPaper['signals'] {
  const signals: NonNullable<DetectedPaper['signals']> = {};
  for (const name of SIGNALS) {
    const v = raw?.[name];
    if (typeof v === 'number' && v >= 0 && v <= LIMITS.count) signals[name] = v;
  }
  return Object.keys(signals).length ? signals : undefined;
}

/**
 * Identity and clean-up for one candidate; undefined when it has no usable title (or an absurd
 * one whose fingerprint key would be too long). Whatever a page holds, the result is within LIMITS.
 */
export function toPaper(c: PaperCandidate): DetectedPaper | undefined {
  const title = clip(collapseWhitespace(typeof c.title === 'string' ? c.title : ''), LIMITS.title);
  if (!title) return undefined;
  const ids = normalizeIds(rawIds(c.ids) ?? {});
  const authors = Array.isArray(c.authors) ? cleanAuthors(c.authors) : [];
  const url = typeof c.url === 'string' && c.url.length <= LIMITS.url && /^https?:\/\//i.test(c.url) ? c.url : undefined;
  const key = paperKey(ids, title, authors.length ? authors : undefined);
  if (key.length > LIMITS.key) return undefined;
  const paper: DetectedPaper = { key, title, ...(url ? { url } : {}), ids };
  if (authors.length) paper.authors = authors;
  if (typeof c.abstract === 'string' && c.abstract) paper.abstract = clip(collapseWhitespace(c.abstract), LIMITS.abstract);
  const signals = cleanSignals(c.signals);
  if (signals) paper.signals = signals;
  const section = typeof c.section === 'string' ? clip(collapseWhitespace(c.section), LIMITS.section) : '';
  if (section) paper.section = section;
  const venue = typeof c.venue === 'string' ? clip(collapseWhitespace(c.venue), LIMITS.venue) : '';
  if (venue) paper.venue = venue;
  const published = typeof c.published === 'string' ? normalizePublished(c.published) : undefined;
  if (published) paper.published = published;
  if (c.kind && PUBLICATION_KINDS.includes(c.kind)) paper.kind = c.kind;
  return paper;
}

/** Entries as an adapter reads them; a page the adapter did not expect must not break the scan. */
function* readEntries(adapter: SiteAdapter, read: () => Iterable<DetectedEntry>, url: URL): Generator<DetectedEntry> {
  try {
    yield* read();
  } catch (err) {
    // The health check reports zero papers (or the floor reads the page's metadata).
    console.warn(`[paperlight] ${adapter.id} adapter failed on ${url.href}:`, err);
  }
}

/**
 * Detections one at a time, in page order, one per key, at most `max`: callers may pause between them.
 * When a site's adapter finds nothing on the whole page, the page's own scholarly metadata
 * (citation_*, Dublin Core, PRISM, JSON-LD, COinS) is read instead: a site that changed its markup
 * still yields the paper its landing page describes.
 */
function* detections(adapter: SiteAdapter, doc: Document, url: URL, root: ParentNode | undefined, max: number): Generator<Detection> {
  const seen = new Set<string>();
  function* identified(entries: Iterable<DetectedEntry>, fromMetadata: boolean): Generator<Detection> {
    const iterator = entries[Symbol.iterator]();
    for (let step = iterator.next(); !step.done && seen.size < max; step = iterator.next()) {
      const { element, anchor, paper: candidate } = step.value;
      const paper = toPaper(candidate);
      if (!paper || seen.has(paper.key)) continue;
      seen.add(paper.key);
      yield { element, anchor: anchor ?? element, paper, ...(fromMetadata ? { fromMetadata: true as const } : {}) };
    }
  }
  yield* identified(readEntries(adapter, () => adapter.extract(doc, url, root), url), false);
  const wholePage = root === undefined || root === doc;
  if (seen.size === 0 && wholePage && adapter.id !== 'generic') yield* identified(readEntries(adapter, () => pageMetadata(doc, url), url), true);
}

/** Papers under `root` (default: the whole document), in page order, one per key, at most `max`. */
export function detectWith(adapter: SiteAdapter, doc: Document, url: URL, root?: ParentNode, max: number = LIMITS.entries): Detection[] {
  return [...detections(adapter, doc, url, root, max)];
}

export interface Slicing {
  /** Work per slice before pausing. */
  budgetMs: number;
  /** Resolves when the next slice may run (a new task, so the page stays responsive). */
  pause: () => Promise<void>;
  /** Called before each pause with the detections so far. */
  beforePause?: (found: readonly Detection[]) => void;
  now?: () => number;
  max?: number;
}

/** The same as detectWith, in slices of about `budgetMs`: a 2,000-entry listing never blocks the page in one long task. */
export async function detectInSlices(adapter: SiteAdapter, doc: Document, url: URL, root: ParentNode | undefined, slicing: Slicing): Promise<Detection[]> {
  const now = slicing.now ?? (() => performance.now());
  const out: Detection[] = [];
  let end = now() + slicing.budgetMs;
  for (const detection of detections(adapter, doc, url, root, slicing.max ?? LIMITS.entries)) {
    out.push(detection);
    if (now() > end) {
      slicing.beforePause?.(out);
      await slicing.pause();
      end = now() + slicing.budgetMs;
    }
  }
  return out;
}

export function detect(doc: Document, url: URL): { adapter?: SiteAdapter; detections: Detection[] } {
  const adapter = adapterFor(url);
  return adapter ? { adapter, detections: detectWith(adapter, doc, url) } : { detections: [] };
}

/**
 * How a page's reading went, for the popup: `robot-check` when the site shows its robot check
 * instead of its content, `metadata` when the paper came from the page's metadata because the
 * site's adapter found nothing, `no-papers` when a page that should list papers showed none.
 */
export const PAGE_HEALTH = ['ok', 'metadata', 'robot-check', 'no-papers'] as const;
export type PageHealth = (typeof PAGE_HEALTH)[number];

export function pageHealth(adapter: SiteAdapter, doc: Document, url: URL, found: readonly Detection[]): PageHealth {
  if (found.some((d) => d.fromMetadata)) return 'metadata';
  if (found.length) return 'ok';
  if (adapter.isRobotCheck?.(doc, url)) return 'robot-check';
  return adapter.isListing?.(url) ? 'no-papers' : 'ok';
}

