import { afterEach, describe, expect, it } from 'vitest';
import { addDays, dayOf } from '../../lib/clock';

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe('local days', () => {
  it('uses the local calendar day, not UTC', () => {
    const instant = Date.UTC(2026, 10, 22, 7, 30); // 07:30 UTC
    process.env.TZ = 'America/Los_Angeles';
    expect(dayOf(instant)).toBe('2026-11-21');
    process.env.TZ = 'Asia/Tokyo';
    expect(dayOf(instant)).toBe('2026-11-22');
  });

  it('starts a day at local midnight', () => {
    process.env.TZ = 'Europe/Berlin';
    expect(dayOf(new Date(2026, 10, 22, 0, 0, 1).getTime())).toBe('2026-11-22');
    expect(dayOf(new Date(2026, 10, 21, 23, 59, 59).getTime())).toBe('2026-11-21');
  });

  it('steps across months, years and DST changes', () => {
    for (const tz of ['UTC', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe']) {
      process.env.TZ = tz;
      expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
      expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
      expect(addDays('2026-03-09', -1)).toBe('2026-03-08'); // US spring forward
      expect(addDays('2026-03-29', -1)).toBe('2026-03-28'); // EU spring forward
      expect(addDays('2026-11-01', 1)).toBe('2026-11-02'); // US fall back
      expect(addDays('2026-11-22', -13)).toBe('2026-11-09');
    }
  });
});
