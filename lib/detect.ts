/**
 * Detection: run the adapter for a page and turn its candidates into identified papers.
 * Shared by the content script and `npm run detect`, so both see exactly the same papers.
 */
import { adapterFor } from './adapters';
import type { DetectedEntry, PaperCandidate, SiteAdapter } from './adapters/types';
import { normalizeIds, paperKey } from './ids';
import { LIMITS, type DetectedPaper } from './paper';
import { collapseWhitespace } from './text';

const SIGNALS = ['upvotes', 'comments', 'citations'] as const;

export interface Detection {
  element: Element;
  anchor: Element;
  paper: DetectedPaper;
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
  return paper;
}

/** Detections one at a time, in page order, one per key, at most `max`: callers may pause between them. */
function* detections(adapter: SiteAdapter, doc: Document, url: URL, root: ParentNode | undefined, max: number): Generator<Detection> {
  const seen = new Set<string>();
  let entries: Iterator<DetectedEntry>;
  try {
    entries = adapter.extract(doc, url, root)[Symbol.iterator]();
    for (let step = entries.next(); !step.done && seen.size < max; step = entries.next()) {
      const { element, anchor, paper: candidate } = step.value;
      const paper = toPaper(candidate);
      if (!paper || seen.has(paper.key)) continue;
      seen.add(paper.key);
      yield { element, anchor: anchor ?? element, paper };
    }
  } catch (err) {
    // A page the adapter did not expect must not break the scan; the health check reports zero papers.
    console.warn(`[paperlight] ${adapter.id} adapter failed on ${url.href}:`, err);
  }
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
