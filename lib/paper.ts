import { LIMITS } from './detect';
import type { PaperIds } from './ids';

/** Popularity numbers a page shows next to a paper. */
export interface Signals {
  upvotes?: number;
  comments?: number;
  citations?: number;
}

/** One paper as a page shows it (CONTRACT §1 shape). Page text is kept as text, never as HTML. */
export interface DetectedPaper {
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
