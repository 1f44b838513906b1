/**
 * The paper's own date, for display and recency: what the page said (`published`), else the month in
 * its arXiv id. Separate from "first seen", which is when this browser met the paper.
 */
import type { PaperIds } from '../ids';

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as `Publication.published` holds it. */
const PUBLISHED = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;
/** New-style ids (1807.07534, 2401.01234) and old-style ones (math/0601001, hep-th/9901001): YYMM. */
const ARXIV_MONTH = /^(?:(\d{2})(\d{2})\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/(\d{2})(\d{2})\d{3})$/;

export interface DatedPaper {
  published?: string;
  ids?: PaperIds;
}

/** The paper's date as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or undefined when neither the page nor the id says. */
export function paperDate(paper: DatedPaper): string | undefined {
  if (paper.published && PUBLISHED.test(paper.published)) return paper.published;
  const id = paper.ids?.arxiv && ARXIV_MONTH.exec(paper.ids.arxiv);
  if (!id) return undefined;
  const yy = Number(id[1] ?? id[3]);
  const month = Number(id[2] ?? id[4]);
  if (month < 1 || month > 12) return undefined;
  // arXiv began in 1991: old-style ids from 91 to 99 are the 1900s.
  return `${yy >= 91 ? 1900 + yy : 2000 + yy}-${String(month).padStart(2, '0')}`;
}

/** The first instant (UTC) of a `paperDate` date. */
export function paperDateTime(date: string): number {
  const [year, month = 1, day = 1] = date.split('-').map(Number);
  return Date.UTC(year!, month - 1, day);
}

/** The last instant (UTC) of a `paperDate` date's year, month or day. */
function paperDateEnd(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  if (month === undefined) return Date.UTC(year! + 1, 0, 1) - 1;
  return (day === undefined ? Date.UTC(year!, month, 1) : Date.UTC(year!, month - 1, day + 1)) - 1;
}

/**
 * When the paper appeared, as best known: never after it was first seen, and never after its own
 * date's period ends (a 2018 paper first seen today is not new).
 */
export function appearedAt(paper: DatedPaper, firstSeen: number): number {
  const date = paperDate(paper);
  return date === undefined ? firstSeen : Math.min(firstSeen, paperDateEnd(date));
}
