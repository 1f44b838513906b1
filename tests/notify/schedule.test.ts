import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestTimeOn, dueDigestDay, inQuietHours, nextDigestAt } from '../../lib/notify/schedule';

// A zone with DST, whatever the machine's: 2026-03-29 02:00 → 03:00 and 2026-10-25 03:00 → 02:00.
const zone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Europe/Berlin';
});
afterAll(() => {
  process.env.TZ = zone;
});

const at = (day: string, hh: number, mm = 0) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, hh, mm).getTime();
};
const HOUR = 3_600_000;

describe('quiet hours', () => {
  const night = { enabled: true, start: '22:00', end: '07:00' };
  it('span midnight when the start is after the end, end excluded', () => {
    expect(inQuietHours(at('2026-11-22', 21, 59), night)).toBe(false);
    expect(inQuietHours(at('2026-11-22', 22), night)).toBe(true);
    expect(inQuietHours(at('2026-11-23', 3), night)).toBe(true);
    expect(inQuietHours(at('2026-11-23', 6, 59), night)).toBe(true);
    expect(inQuietHours(at('2026-11-23', 7), night)).toBe(false);
  });

  it('work within a day, and not at all when off or empty', () => {
    const lunch = { enabled: true, start: '12:00', end: '13:30' };
    expect(inQuietHours(at('2026-11-22', 12, 45), lunch)).toBe(true);
    expect(inQuietHours(at('2026-11-22', 13, 30), lunch)).toBe(false);
    expect(inQuietHours(at('2026-11-22', 23), { ...night, enabled: false })).toBe(false);
    expect(inQuietHours(at('2026-11-22', 9), { enabled: true, start: '09:00', end: '09:00' })).toBe(false);
  });

  it('follow the wall clock on DST days', () => {
    // An hour after 01:30 on the night the clocks go back is the first 02:30: still quiet.
    expect(inQuietHours(at('2026-10-25', 1, 30) + HOUR, night)).toBe(true);
    expect(inQuietHours(at('2026-03-29', 6, 30), night)).toBe(true);
    expect(inQuietHours(at('2026-03-29', 7, 5), night)).toBe(false);
  });
});

describe('the digest schedule', () => {
  it('is due once the day’s time has passed, until that day is done', () => {
    expect(dueDigestDay(at('2026-11-22', 7, 59), '08:00', '2026-11-21')).toBeUndefined();
    expect(dueDigestDay(at('2026-11-22', 8), '08:00', '2026-11-21')).toBe('2026-11-22');
    expect(dueDigestDay(at('2026-11-22', 20), '08:00', '2026-11-22')).toBeUndefined();
  });

  it('schedules the next one today or tomorrow', () => {
    expect(nextDigestAt(at('2026-11-22', 7), '08:00', '2026-11-21')).toBe(at('2026-11-22', 8));
    expect(nextDigestAt(at('2026-11-22', 9), '08:00', '2026-11-22')).toBe(at('2026-11-23', 8));
    expect(nextDigestAt(at('2026-11-22', 23, 59), '00:00', '2026-11-22')).toBe(at('2026-11-23', 0));
  });

  it('sends a missed digest at the next start, once, for the latest missed day only', () => {
    // Browser closed from the 20th to the 23rd at 10:00: one digest, now, for the 23rd.
    const now = at('2026-11-23', 10);
    expect(dueDigestDay(now, '08:00', '2026-11-19')).toBe('2026-11-23');
    expect(nextDigestAt(now, '08:00', '2026-11-19')).toBe(now);
    // Started at 07:00, before the day's time: yesterday's was missed.
    expect(dueDigestDay(at('2026-11-23', 7), '08:00', '2026-11-21')).toBe('2026-11-22');
  });

  it('keeps to the wall clock across DST changes', () => {
    // Spring forward: 08:00 on the 29th is 23 hours after 08:00 on the 28th.
    expect(nextDigestAt(at('2026-03-28', 9), '08:00', '2026-03-28')).toBe(at('2026-03-29', 8));
    expect(at('2026-03-29', 8) - at('2026-03-28', 8)).toBe(23 * HOUR);
    expect(new Date(nextDigestAt(at('2026-10-24', 9), '08:00', '2026-10-24')).getHours()).toBe(8);
    expect(at('2026-10-25', 8) - at('2026-10-24', 8)).toBe(25 * HOUR);
    // A time the spring change skips (02:30) fires just after the gap, once.
    const skipped = digestTimeOn('2026-03-29', '02:30');
    expect(new Date(skipped).getHours()).toBe(3);
    expect(dueDigestDay(skipped, '02:30', '2026-03-28')).toBe('2026-03-29');
    expect(dueDigestDay(skipped + HOUR, '02:30', '2026-03-29')).toBeUndefined();
    // A repeated time (02:30 on the fall change) fires at its first occurrence only.
    const repeated = digestTimeOn('2026-10-25', '02:30');
    expect(dueDigestDay(repeated, '02:30', '2026-10-24')).toBe('2026-10-25');
    expect(dueDigestDay(repeated + HOUR, '02:30', '2026-10-25')).toBeUndefined();
  });
});
