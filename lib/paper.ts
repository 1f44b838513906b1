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
