/**
 * Detection: run the adapter for a page and turn its candidates into identified papers.
 * Shared by the content script and `npm run detect`, so both see exactly the same papers.
 */
import { adapterFor } from './adapters';
import type { DetectedEntry, PaperCandidate, SiteAdapter } from './adapters/types';
import { normalizeIds, paperKey } from './ids';
import type { DetectedPaper } from './paper';
import { collapseWhitespace } from './text';

/** Page text can be hostile or absurd; bound what we keep so one page cannot bloat the store. */
export const LIMITS = { title: 2000, author: 300, authors: 500, abstract: 20000, url: 2048 } as const;

export interface Detection {
  element: Element;
  anchor: Element;
  paper: DetectedPaper;
}

function clip(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** Identity and clean-up for one candidate; undefined when it has no usable title. */
export function toPaper(c: PaperCandidate): DetectedPaper | undefined {
  const title = clip(collapseWhitespace(c.title ?? ''), LIMITS.title);
  if (!title) return undefined;
  const ids = normalizeIds(c.ids ?? {});
  const authors = c.authors
    ?.map((a) => clip(collapseWhitespace(a), LIMITS.author))
    .filter(Boolean)
    .slice(0, LIMITS.authors);
  const url = c.url && c.url.length <= LIMITS.url && /^https?:\/\//i.test(c.url) ? c.url : undefined;
  const paper: DetectedPaper = { key: paperKey(ids, title, authors), title, ...(url ? { url } : {}), ids };
  if (authors?.length) paper.authors = authors;
  if (c.abstract) paper.abstract = clip(collapseWhitespace(c.abstract), LIMITS.abstract);
  if (c.signals && Object.keys(c.signals).length) paper.signals = c.signals;
  if (c.section) paper.section = collapseWhitespace(c.section);
  return paper;
}

/** Papers under `root` (default: the whole document), in page order, one per key. */
export function detectWith(adapter: SiteAdapter, doc: Document, url: URL, root?: ParentNode): Detection[] {
  const seen = new Set<string>();
  const out: Detection[] = [];
  let entries: DetectedEntry[];
  try {
    entries = adapter.extract(doc, url, root);
  } catch (err) {
    // A page the adapter did not expect must not break the scan; the health check reports zero papers.
    console.warn(`[paperlight] ${adapter.id} adapter failed on ${url.href}:`, err);
    return [];
  }
  for (const { element, anchor, paper: candidate } of entries) {
    const paper = toPaper(candidate);
    if (!paper || seen.has(paper.key)) continue;
    seen.add(paper.key);
    out.push({ element, anchor: anchor ?? element, paper });
  }
  return out;
}

export function detect(doc: Document, url: URL): { adapter?: SiteAdapter; detections: Detection[] } {
  const adapter = adapterFor(url);
  return adapter ? { adapter, detections: detectWith(adapter, doc, url) } : { detections: [] };
}
