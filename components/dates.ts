/**
 * Dates as the popup and the badges show them, in the browser's language. Each kind of label has
 * one formatter, made on first use: Date.toLocaleDateString with options makes a new one at every
 * call, 0.5-3 ms each on a slow machine, which the popup's first rows paid row by row (5-28 ms
 * before its first paint) and a page's badges would pay for every paper seen on an earlier day.
 */
import { paperDate, type DatedPaper } from '../lib/rank/paper-date';

function formatter(options: Intl.DateTimeFormatOptions): () => Intl.DateTimeFormat {
  let made: Intl.DateTimeFormat | undefined;
  return () => (made ??= new Intl.DateTimeFormat(undefined, options));
}

const shortMonth = formatter({ month: 'short' });
const dayAndMonth = formatter({ day: 'numeric', month: 'short' });
const dayMonthAndYear = formatter({ day: 'numeric', month: 'short', year: 'numeric' });

/** A local day `YYYY-MM-DD` as "3 Dec" (with the year when it is not this year's). */
export function dayLabel(day: string, now = Date.now()): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const sameYear = y === new Date(now).getFullYear();
  return (sameYear ? dayAndMonth() : dayMonthAndYear()).format(new Date(y, m - 1, d));
}

/**
 * The paper's own date (lib/rank/paper-date.ts: what the page said it was published, else the
 * month its arXiv id was issued in) as "3 Dec 2018", "Dec 2018" or "2018". Never the day
 * Paperlight first saw it (that is said apart, as "first seen").
 */
export function paperDateLabel(paper: DatedPaper): string | undefined {
  const date = paperDate(paper);
  if (!date) return undefined;
  const [y, m, d] = date.split('-').map(Number) as [number, number?, number?];
  if (!m) return String(y);
  const month = shortMonth().format(new Date(2000, m - 1, 1));
  return d ? `${d} ${month} ${y}` : `${month} ${y}`;
}
