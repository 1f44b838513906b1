/**
 * What to notify, and when: pure decisions over the outbox, the recent notifications, the
 * settings and a clock. The background turns them into browser notifications (lib/notify/index.ts).
 */
import { INTEREST_DEFAULTS, type Interest } from '../interests';
import type { InterestMatch } from '../match/types';
import type { NotificationSettings } from '../settings';
import { inQuietHours } from './schedule';

/** New matches this close to a notification still on screen join it instead of making another. */
export const GROUP_WINDOW_MS = 2 * 60_000;
export const HOUR_MS = 60 * 60_000;

/** Interests a match may notify for (notify on, score above its threshold), strongest first. */
export function notifiableInterests(matches: readonly InterestMatch[], byId: ReadonlyMap<string, Interest>): string[] {
  return matches
    .flatMap((m) => {
      const interest = byId.get(m.interest);
      if (!interest || !(interest.notify ?? INTEREST_DEFAULTS.notify)) return [];
      if (!(m.score > (interest.threshold ?? INTEREST_DEFAULTS.threshold))) return [];
      return [{ id: m.interest, rank: m.score * (interest.weight ?? INTEREST_DEFAULTS.weight) }];
    })
    .sort((a, b) => b.rank - a.rank)
    .map((x) => x.id);
}

/** A notification shown recently: its id and when it was first shown. */
export interface RecentNotification {
  id: string;
  shownAt: number;
}

export type Delivery =
  /** Nothing to show now: the new papers wait for the digest. */
  | { kind: 'hold'; reason: 'off' | 'quiet' | 'rate' | 'visit' }
  /** Put the pending papers in notification `id` (new, or one on screen they join) and show it. */
  | { kind: 'show'; id: string; shownAt: number };

/** The id of a new notification: unique, as a paper is in one notification only. */
export const newNotificationId = (firstKey: string) => `papers:${firstKey}`;

/**
 * Decide what to do with the pending papers (oldest first). All of them go into one notification:
 * they came from one page or close together. A notification shown less than GROUP_WINDOW_MS ago
 * and still on screen takes them in (no new interruption, so it does not count against the rate).
 * A page visit notifies at most once: papers of a visit that already made a notification (`made`)
 * join it while it is on screen, and otherwise wait for the digest.
 */
export function planDelivery(input: {
  pending: readonly string[];
  /** The notification the pending papers' page visit already made. */
  made?: RecentNotification;
  recent: readonly RecentNotification[];
  /** Ids of the notifications still on screen. */
  displayed: ReadonlySet<string>;
  settings: NotificationSettings;
  now: number;
}): Delivery | undefined {
  const { pending, made, recent, displayed, settings, now } = input;
  if (!pending.length) return undefined;
  if (!settings.enabled) return { kind: 'hold', reason: 'off' };
  if (inQuietHours(now, settings.quietHours)) return { kind: 'hold', reason: 'quiet' };
  if (made) return displayed.has(made.id) ? { kind: 'show', id: made.id, shownAt: made.shownAt } : { kind: 'hold', reason: 'visit' };
  const latest = recent.reduce<RecentNotification | undefined>((a, b) => (a && a.shownAt >= b.shownAt ? a : b), undefined);
  if (latest && now - latest.shownAt < GROUP_WINDOW_MS && displayed.has(latest.id))
    return { kind: 'show', id: latest.id, shownAt: latest.shownAt };
  const lastHour = recent.filter((n) => now - n.shownAt < HOUR_MS);
  if (lastHour.length >= settings.maxPerHour) return { kind: 'hold', reason: 'rate' };
  return { kind: 'show', id: newNotificationId(pending[0]!), shownAt: now };
}
