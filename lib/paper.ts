import type { PaperIds } from './ids';

/**
 * Page text can be hostile or absurd; bound what we keep so one page cannot bloat the store, and
 * what one page costs: at most `entries` papers per page (NeurIPS lists ~5,000 on one page).
 * The background checks messages against the same limits, so a paper detected here is never refused there.
 */
export const LIMITS = { title: 2000, author: 300, authors: 500, abstract: 20000, url: 2048, section: 300, id: 300, key: 8000, count: 1e12, entries: 10_000, venue: 300 } as const;

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

export const PUBLICATION_KINDS: readonly PublicationKind[] = ['article', 'inproceedings', 'preprint'];

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ISO_DATE = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:$|T|\s+\d{1,2}:)/;
const YEAR = /\b(1[5-9]\d\d|20\d\d)\b/;
const MONTH_NAME = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?=[\s,\d]|$)/i;

function datePart(n: number, max: number): string | undefined {
  return n >= 1 && n <= max ? String(n).padStart(2, '0') : undefined;
}

function ymd(year: string, month?: number, day?: number): string {
  const mm = month === undefined ? undefined : datePart(month, 12);
  const dd = mm && day !== undefined ? datePart(day, 31) : undefined;
  return [year, mm, dd].filter(Boolean).join('-');
}

/**
 * A date as pages print it (`2019/04/22`, `2019-04-22T10:00Z`, `22 Apr 2019`, `Apr 22, 2019`,
 * `2023 Nov 21`, `April 2019`, `2015`) as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; undefined without a year.
 */
export function normalizePublished(input: string | null | undefined): string | undefined {
  const s = (input ?? '').trim().slice(0, 100);
  const iso = ISO_DATE.exec(s);
  if (iso?.[1]) return ymd(iso[1], iso[2] ? Number(iso[2]) : undefined, iso[3] ? Number(iso[3]) : undefined);
  const year = YEAR.exec(s)?.[1];
  if (!year) return undefined;
  const month = MONTH_NAME.exec(s);
  if (!month?.[1]) return year;
  // The day is the one- or two-digit number next to the month name, on either side.
  const around = s.replace(year, ' ');
  const day = new RegExp(`(?:\\b(\\d{1,2})\\s+${month[0].replace('.', '\\.')}|${month[0].replace('.', '\\.')}\\s*(\\d{1,2})\\b)`, 'i').exec(around);
  const d = day?.[1] ?? day?.[2];
  return ymd(year, MONTHS.indexOf(month[1].toLowerCase()) + 1, d ? Number(d) : undefined);
}

/** Is this a `published` value as stored: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`? */
export function isPublished(s: unknown): s is string {
  return typeof s === 'string' && /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/.test(s);
}

/**
 * The publication fields of `known` (and nothing else of it), with those it lacks taken from `other`:
 * a later sighting fills gaps, never erases.
 */
export function fillPublication(known: Publication, other: Publication = {}): Publication {
  const venue = known.venue ?? other.venue;
  const published = known.published ?? other.published;
  const kind = known.kind ?? other.kind;
  return { ...(venue ? { venue } : {}), ...(published ? { published } : {}), ...(kind ? { kind } : {}) };
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
