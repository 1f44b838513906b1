/** Local calendar days, the unit of "today" in the popup and the digest. */

/** `YYYY-MM-DD` of the local day containing `time` (ms since epoch). */
export function dayOf(time: number): string {
  const d = new Date(time);
  const month = String(d.getMonth() + 1).padStart(2, '0');
  const day = String(d.getDate()).padStart(2, '0');
  return `${d.getFullYear()}-${month}-${day}`;
}

/** The local day `n` days after `day` (negative: before). Noon keeps DST shifts from changing the date. */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return dayOf(new Date(y, m - 1, d + n, 12).getTime());
}
