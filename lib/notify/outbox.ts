/**
 * The notification outbox in IndexedDB (`alerts`, one record per paper): written in the scan's
 * own transaction, so a worker stopped between detection and notification still finds the new
 * papers when it wakes; read back when deciding, showing, clicking and building the digest.
 */
import type { Interest } from '../interests';
import type { AlertRecord, PaperlightDB } from '../db/schema';
import { recordScan, type Matcher, type ScanWrite, type StoredPaper } from '../db/store';
import { notifiableInterests, type RecentNotification } from './plan';
import type { PageVisit } from './visits';

/** Where a scan came from, as notifications care: its page visit, and whether the user is reading that tab. */
export interface ScanContext {
  visit: PageVisit;
  reading: boolean;
}

/**
 * recordScan, plus: each paper seen for the first time that matches an interest worth a
 * notification joins the outbox, in the same transaction, with the visit it was seen in (a scan
 * without a context, from a worker that has no notifier, joins as a visit of its own). Returns
 * recordScan's results.
 */
export async function recordScanAndQueue(
  db: PaperlightDB,
  scan: ScanWrite,
  interests: { match: Matcher; byId: ReadonlyMap<string, Interest> },
  context?: ScanContext,
): Promise<StoredPaper[]> {
  // Papers on the tab being read have badges in front of the user: they wait for the digest.
  const state = context?.reading ? 'held' : 'pending';
  return db.transaction('rw', [db.papers, db.alerts], async () => {
    const stored = await recordScan(db, scan, interests.match);
    const fresh = new Map<string, AlertRecord>();
    for (const s of stored) {
      if (!s.isNew || fresh.has(s.key)) continue;
      const notifiable = notifiableInterests(s.matches, interests.byId);
      if (notifiable.length)
        fresh.set(s.key, { key: s.key, time: scan.time, page: scan.page, site: scan.site, interests: notifiable, state, ...(context ? { visit: context.visit } : {}) });
    }
    if (fresh.size) {
      // A paper already in the outbox was decided before: never queue it twice.
      const existing = new Set((await db.alerts.bulkGet([...fresh.keys()])).flatMap((a) => (a ? [a.key] : [])));
      await db.alerts.bulkAdd([...fresh.values()].filter((a) => !existing.has(a.key)));
    }
    return stored;
  });
}

/** Alerts in a state, oldest first. */
export async function alertsIn(db: PaperlightDB, state: AlertRecord['state']): Promise<AlertRecord[]> {
  return (await db.alerts.where('state').equals(state).toArray()).sort((a, b) => a.time - b.time);
}

/** The papers of one notification, in the order they joined it. */
export async function alertsOf(db: PaperlightDB, notification: string): Promise<AlertRecord[]> {
  return (await db.alerts.where('notification').equals(notification).toArray()).sort((a, b) => a.time - b.time);
}

/** Notifications first shown at or after `since`. */
export async function shownSince(db: PaperlightDB, since: number): Promise<RecentNotification[]> {
  const alerts = await db.alerts.where('shownAt').aboveOrEqual(since).toArray();
  return [...new Map(alerts.map((a) => [a.notification!, { id: a.notification!, shownAt: a.shownAt! }])).values()];
}

/** Papers first seen in (after, until], for the digest. */
export async function alertsBetween(db: PaperlightDB, after: number, until: number): Promise<AlertRecord[]> {
  return db.alerts.where('time').between(after, until, false, true).toArray();
}

export async function updateAlerts(db: PaperlightDB, keys: readonly string[], patch: Partial<Pick<AlertRecord, 'state' | 'notification' | 'shownAt'>>): Promise<void> {
  await db.alerts.bulkUpdate(keys.map((key) => ({ key, changes: patch })));
}

/**
 * The notification each page visit of these alerts already made, if any: its later papers join
 * that one or none (lib/notify/plan.ts).
 */
export async function notificationsOfVisits(db: PaperlightDB, alerts: readonly AlertRecord[]): Promise<Map<string, RecentNotification>> {
  const visits = new Map(alerts.flatMap((a) => (a.visit ? [[a.visit.id, a.visit] as const] : [])));
  const made = new Map<string, RecentNotification>();
  for (const visit of visits.values()) {
    const first = await db.alerts
      .where('time')
      .aboveOrEqual(visit.start)
      .filter((a) => a.visit?.id === visit.id && a.notification !== undefined)
      .first();
    if (first) made.set(visit.id, { id: first.notification!, shownAt: first.shownAt! });
  }
  return made;
}
