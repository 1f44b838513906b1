import type { PaperIds } from './ids';

/**
 * Page text can be hostile or absurd; bound what we keep so one page cannot bloat the store, and
 * what one page costs: at most `entries` papers per page (NeurIPS lists ~5,000 on one page).
 * The background checks messages against the same limits, so a paper detected here is never refused there.
 */
export const LIMITS = { title: 2000, author: 300, authors: 500, abstract: 20000, url: 2048, section: 300, id: 300, key: 8000, count: 1e12, entries: 10_000 } as const;

/** Popularity numbers a page shows next to a paper. */
export interface Signals {
  upvotes?: number;
  comments?: number;
  citations?: number;
}

/** What kind of publication a page says a paper is: BibTeX's @article, @inproceedings, or a preprint (@misc with eprint). */
export type PublicationKind = 'article' | 'inproceedings' | 'preprint';

/** Where and when a page says a paper was published (for the popup's date and for exports). */
export interface Publication {
  /** Journal, conference or proceedings as the page names it. */
  venue?: string;
  /** The paper's own date as the page gives it: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  published?: string;
  kind?: PublicationKind;
}

/** One paper as a page shows it (CONTRACT §1 shape). Page text is kept as text, never as HTML. */
export interface DetectedPaper extends Publication {
  key: string;
  title: string;
  url?: string;
  ids: PaperIds;
  authors?: string[];
  abstract?: string;
  signals?: Signals;
  /** Listing section, e.g. arXiv's "New submissions" / "Cross-lists" / "Replacements". */
  section?: string;
}

/**
 * A page's URL as stored and compared: the fragment is not part of the page, and an absurdly long
 * query is cut to what the background accepts.
 */
export function pageOf(url: URL | string): string {
  const u = new URL(typeof url === 'string' ? url : url.href);
  u.hash = '';
  return u.href.slice(0, LIMITS.url);
}
