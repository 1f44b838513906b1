import { describe, expect, it } from 'vitest';
import { GROUP_WINDOW_MS, HOUR_MS, newNotificationId, notifiableInterests, planDelivery } from '../../lib/notify/plan';
import { DEFAULT_SETTINGS, type NotificationSettings } from '../../lib/settings';
import type { Interest } from '../../lib/interests';

const NOON = new Date(2026, 10, 22, 12).getTime();
const settings: NotificationSettings = { ...DEFAULT_SETTINGS.notifications, maxPerHour: 2 };

describe('which interests a match notifies for', () => {
  const byId = new Map<string, Interest>([
    ['a', { id: 'a', label: 'A', terms: ['a'] }],
    ['b', { id: 'b', label: 'B', terms: ['b'], threshold: 0.8, weight: 2 }],
    ['quiet', { id: 'quiet', label: 'Q', terms: ['q'], notify: false }],
  ]);
  const match = (interest: string, score: number) => ({ interest, score, terms: [] });

  it('notify on (the default) and a score above the interest’s threshold (default 0.5), strongest first', () => {
    expect(notifiableInterests([match('a', 0.6), match('b', 0.85), match('quiet', 1)], byId)).toEqual(['b', 'a']);
    expect(notifiableInterests([match('a', 0.5), match('b', 0.79)], byId)).toEqual([]);
    expect(notifiableInterests([match('deleted', 1)], byId)).toEqual([]);
  });
});

describe('delivery', () => {
  const plan = (over: Partial<Parameters<typeof planDelivery>[0]> = {}) =>
    planDelivery({ pending: ['k1', 'k2'], recent: [], displayed: new Set(), settings, now: NOON, ...over });

  it('puts all pending papers in one new notification, named after the first', () => {
    expect(plan()).toEqual({ kind: 'show', id: newNotificationId('k1'), shownAt: NOON });
    expect(plan({ pending: [] })).toBeUndefined();
  });

  it('joins a notification shown moments ago that is still on screen, without counting it again', () => {
    const recent = [{ id: 'papers:k0', shownAt: NOON - GROUP_WINDOW_MS + 1 }];
    expect(plan({ recent, displayed: new Set(['papers:k0']) })).toEqual({ kind: 'show', id: 'papers:k0', shownAt: recent[0]!.shownAt });
    // Closed by the user, or too old: a new one.
    expect(plan({ recent })).toMatchObject({ kind: 'show', id: 'papers:k1' });
    expect(plan({ recent: [{ id: 'papers:k0', shownAt: NOON - GROUP_WINDOW_MS }], displayed: new Set(['papers:k0']) })).toMatchObject({ id: 'papers:k1' });
  });

  it('lets a page visit notify once: its later papers join its notification while on screen, else wait for the digest', () => {
    const made = { id: 'papers:k0', shownAt: NOON - HOUR_MS };
    expect(plan({ made, displayed: new Set(['papers:k0']) })).toEqual({ kind: 'show', id: 'papers:k0', shownAt: made.shownAt });
    expect(plan({ made })).toEqual({ kind: 'hold', reason: 'visit' });
    // Joining interrupts no one: the hourly limit does not apply, quiet hours and the switch do.
    expect(plan({ made, displayed: new Set(['papers:k0']), recent: [{ id: 'a', shownAt: NOON - 1 }, { id: 'b', shownAt: NOON - 2 }] })).toMatchObject({ kind: 'show', id: 'papers:k0' });
    expect(plan({ made, displayed: new Set(['papers:k0']), settings: { ...settings, enabled: false } })).toEqual({ kind: 'hold', reason: 'off' });
  });

  it('holds for the digest past the hourly limit, counting a rolling hour', () => {
    const twoThisHour = [{ id: 'a', shownAt: NOON - HOUR_MS + 1 }, { id: 'b', shownAt: NOON - 10 * 60_000 }];
    expect(plan({ recent: twoThisHour })).toEqual({ kind: 'hold', reason: 'rate' });
    expect(plan({ recent: [{ id: 'a', shownAt: NOON - HOUR_MS }, twoThisHour[1]!] })).toMatchObject({ kind: 'show' });
  });

  it('holds during quiet hours and when switched off', () => {
    expect(plan({ now: new Date(2026, 10, 22, 23).getTime() })).toEqual({ kind: 'hold', reason: 'quiet' });
    expect(plan({ settings: { ...settings, quietHours: { ...settings.quietHours, enabled: false } }, now: new Date(2026, 10, 22, 23).getTime() })).toMatchObject({ kind: 'show' });
    expect(plan({ settings: { ...settings, enabled: false } })).toEqual({ kind: 'hold', reason: 'off' });
  });
});
