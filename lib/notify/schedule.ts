/**
 * Wall-clock rules for notifications: quiet hours and the daily digest. Pure functions of a
 * time (ms since epoch) read in the local time zone, so DST days are handled by `Date` itself.
 */
import { addDays, dayOf } from '../clock';
import type { ClockTime } from '../settings';

function minutesOf(time: ClockTime): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** Whether `now` falls in [start, end); a start after the end spans midnight, equal means never. */
export function inQuietHours(now: number, quiet: { enabled: boolean; start: ClockTime; end: ClockTime }): boolean {
  if (!quiet.enabled) return false;
  const d = new Date(now);
  const minute = d.getHours() * 60 + d.getMinutes();
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  return start <= end ? minute >= start && minute < end : minute >= start || minute < end;
}

/**
 * The moment the digest of local `day` is due. A time that does not exist that day (skipped by
 * a DST change) becomes the first moment after the gap; a repeated one, its first occurrence.
 */
export function digestTimeOn(day: string, time: ClockTime): number {
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  const minutes = minutesOf(time);
  return new Date(y, mo - 1, d, Math.floor(minutes / 60), minutes % 60).getTime();
}

/** The latest day whose digest time has passed at `now`. */
export function latestDigestDay(now: number, time: ClockTime): string {
  const today = dayOf(now);
  return digestTimeOn(today, time) <= now ? today : addDays(today, -1);
}

/**
 * The day whose digest should go out now, if any: the latest day whose digest time has passed,
 * unless it (or a later day) was already done. Days missed while the browser was closed are not
 * sent one by one; the next digest covers everything since the last.
 */
export function dueDigestDay(now: number, time: ClockTime, lastDay: string): string | undefined {
  const day = latestDigestDay(now, time);
  return lastDay < day ? day : undefined;
}

/** When the digest alarm should fire: now if one is due, else the next digest time. */
export function nextDigestAt(now: number, time: ClockTime, lastDay: string): number {
  if (dueDigestDay(now, time, lastDay)) return now;
  const today = digestTimeOn(dayOf(now), time);
  return today > now ? today : digestTimeOn(addDays(dayOf(now), 1), time);
}
