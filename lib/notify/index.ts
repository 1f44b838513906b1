/**
 * Notifications about new matches and the daily digest. Every decision is a pure function
 * (plan.ts, schedule.ts, digest.ts); this module reads and writes their state, which lives in
 * IndexedDB (the outbox) and storage.local (the last digest), never only in memory, and calls the
 * browser through notifications.ts. Wired to the browser's events in lib/background/index.ts.
 */
import { browser } from 'wxt/browser';
import { markPapers } from '../db/paper-state';
import type { AlertRecord, PaperlightDB } from '../db/schema';
import type { InterestStore } from '../background/interests';
import type { SnapshotKeeper } from '../background/snapshot';
import { t } from '../i18n';
import { loadSettings, type ClockTime } from '../settings';
import { digestText, papersText, type NotifiedPaper } from './content';
import { rankForDigest } from './digest';
import { clearNotification, DIGEST_ALARM, displayedNotifications, openTab, scheduleDigestAlarm, showNotification, updateNotification } from './notifications';
import { alertsBetween, alertsIn, alertsOf, notificationsOfVisits, shownSince, updateAlerts, type ScanContext } from './outbox';
import { HOUR_MS, notifiableInterests, planDelivery, type RecentNotification } from './plan';
import { dueDigestDay, latestDigestDay, nextDigestAt } from './schedule';
import { forgetVisit, readingTabId, visitOf } from './visits';

/** The last digest: its day, when it was made (the next one covers papers after that), what it named. */
export const DIGEST_STATE_KEY = 'notifyDigest';
export interface DigestState {
  day: string;
  time: number;
  keys: string[];
}

const TEST_NOTIFICATION_ID = 'paperlight-test';
const digestNotificationId = (day: string) => `digest:${day}`;
/** Papers a digest remembers for the popup it opens. */
const DIGEST_KEYS = 50;

/** The popup showing exactly these papers (it reads `key`, repeated). */
export function popupUrlFor(keys: readonly string[]): string {
  return `${browser.runtime.getURL('/popup.html')}?${new URLSearchParams(keys.map((k) => ['key', k]))}`;
}

export interface NotifierDeps {
  db: PaperlightDB;
  interests: InterestStore;
  now: () => number;
  /** Told when a click marks papers read or dismissed: the popup's ranking must not keep showing them. */
  snapshot: Pick<SnapshotKeeper, 'invalidate'>;
}

export function createNotifier({ db, interests, now, snapshot }: NotifierDeps) {
  let queue: Promise<unknown> = Promise.resolve();
  /** One operation at a time: draining, the digest and clicks read and write the same records. */
  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  }

  async function readDigestState(): Promise<DigestState | undefined> {
    return (await browser.storage.local.get(DIGEST_STATE_KEY))[DIGEST_STATE_KEY] as DigestState | undefined;
  }
  const writeDigestState = (state: DigestState) => browser.storage.local.set({ [DIGEST_STATE_KEY]: state });

  /** The last digest; on the first run, a start line: digests cover what comes after, and none was missed before. */
  async function lastDigest(time: ClockTime): Promise<DigestState> {
    const stored = await readDigestState();
    if (stored) return stored;
    const start = { day: latestDigestDay(now(), time), time: now(), keys: [] };
    await writeDigestState(start);
    return start;
  }

  /** The papers of these alerts as a notification names them (papers no longer stored are left out). */
  async function notified(alerts: readonly AlertRecord[]): Promise<NotifiedPaper[]> {
    const set = await interests.get();
    const papers = await db.papers.bulkGet(alerts.map((a) => a.key));
    return alerts.flatMap((a, i) => {
      const paper = papers[i];
      if (!paper) return [];
      const labels = a.interests.flatMap((id) => set.byId.get(id)?.label ?? []);
      return [{ key: a.key, title: paper.title, ...(paper.url ? { url: paper.url } : {}), interests: labels, page: a.page }];
    });
  }

  /**
   * Show notification `id` with all its papers, then record that it was shown. One still on screen
   * is updated in place: its count grows without popping up again.
   */
  async function show(id: string, displayed: ReadonlySet<string>): Promise<void> {
    const alerts = await alertsOf(db, id);
    const papers = await notified(alerts);
    if (papers.length) await (displayed.has(id) ? updateNotification : showNotification)(id, papersText(papers));
    await updateAlerts(db, alerts.filter((a) => a.state === 'sending').map((a) => a.key), { state: 'shown' });
  }

  async function drain(): Promise<void> {
    const displayed = await displayedNotifications();
    // Decided before the worker stopped, perhaps not shown: show again under the same id, which replaces, never doubles.
    for (const id of new Set((await alertsIn(db, 'sending')).map((a) => a.notification!))) await show(id, displayed);
    const pending = await alertsIn(db, 'pending');
    if (!pending.length) return;
    const time = now();
    const recent = await shownSince(db, time - HOUR_MS);
    const settings = (await loadSettings()).notifications;
    // Papers of a visit that already made a notification are decided with it; the rest together.
    const madeByVisit = await notificationsOfVisits(db, pending);
    const groups = new Map<RecentNotification | undefined, string[]>();
    for (const alert of pending) {
      const made = alert.visit && madeByVisit.get(alert.visit.id);
      groups.set(made, [...(groups.get(made) ?? []), alert.key]);
    }
    for (const [made, keys] of groups) {
      const plan = planDelivery({ pending: keys, made, recent, displayed, settings, now: time });
      if (!plan) continue;
      if (plan.kind === 'hold') {
        await updateAlerts(db, keys, { state: 'held' });
        continue;
      }
      // Decision first, then the notification: a stop in between re-shows it (above) rather than losing it.
      await updateAlerts(db, keys, { state: 'sending', notification: plan.id, shownAt: plan.shownAt });
      await show(plan.id, displayed);
    }
  }

  /** Where a scan from tab `tabId` stands for notifications: its page visit, and whether the user is reading the tab. */
  async function contextOf(tabId: number, scan: { page: string; reset: boolean }): Promise<ScanContext> {
    const [visit, reading] = await Promise.all([visitOf(tabId, scan, now()), readingTabId()]);
    return { visit, reading: reading === tabId };
  }

  async function scheduleDigest(): Promise<void> {
    const { notifications: s } = await loadSettings();
    const last = await lastDigest(s.digest.time);
    await scheduleDigestAlarm(s.enabled && s.digest.enabled ? nextDigestAt(now(), s.digest.time, last.day) : undefined);
  }

  /** Send the digest if one is due and there is something new since the last, then schedule the next. */
  async function digest(): Promise<void> {
    const { notifications: s } = await loadSettings();
    const last = await lastDigest(s.digest.time);
    const time = now();
    const day = dueDigestDay(time, s.digest.time, last.day);
    if (day && s.enabled && s.digest.enabled) {
      const alerts = await alertsBetween(db, last.time, time);
      const set = await interests.get();
      const keys = alerts.map((a) => a.key);
      const papers = await db.papers.bulkGet(keys);
      // Today's view of each paper: interests since deleted or silenced, and dismissed papers, drop out.
      const candidates = alerts.flatMap((alert, i) => {
        const own = (papers[i]?.matches ?? []).map((m) => ({ key: alert.key, ...m }));
        const notifiable = new Set(notifiableInterests(own, set.byId));
        return papers[i] && !papers[i].dismissed && notifiable.size ? [{ ...alert, interests: [...notifiable], matches: own.filter((m) => notifiable.has(m.interest)) }] : [];
      });
      const ranked = await notified(rankForDigest(candidates, set.byId));
      if (ranked.length) await showNotification(digestNotificationId(day), digestText(ranked));
      await writeDigestState({ day, time, keys: ranked.slice(0, DIGEST_KEYS).map((p) => p.key) });
    }
    await scheduleDigest();
  }

  /** Where a click on notification `id` leads, and the papers it is about. */
  async function targetOf(id: string): Promise<{ url: string; keys: string[]; marks: boolean } | undefined> {
    const last = await readDigestState();
    if (last && id === digestNotificationId(last.day)) return { url: popupUrlFor(last.keys), keys: last.keys, marks: false };
    const papers = await notified(await alertsOf(db, id));
    if (!papers.length) return undefined;
    const keys = papers.map((p) => p.key);
    return { url: papers.length === 1 && papers[0]!.url ? papers[0]!.url : popupUrlFor(keys), keys, marks: true };
  }

  /** A click on the notification or its Open button opens it and marks its papers read; Dismiss marks them dismissed. */
  async function click(id: string, action: 'open' | 'dismiss'): Promise<void> {
    const target = await targetOf(id);
    await clearNotification(id);
    if (!target) return;
    if (target.marks) {
      await markPapers(db, target.keys, action === 'open' ? { read: true } : { dismissed: true });
      await snapshot.invalidate();
    }
    if (action === 'open') await openTab(target.url);
  }

  return {
    /** The visit and reading state a scan's new papers join the outbox with. */
    contextOf,
    /** A closed tab's visit ends. */
    forgetTab: forgetVisit,
    /** Decide about, and show, what the outbox holds. Safe to call any time, any number of times. */
    drain: () => serial(drain),
    /** (Re)create the digest alarm from the settings: on install, start-up and settings changes. */
    scheduleDigest: () => serial(scheduleDigest),
    onAlarm: (name: string) => (name === DIGEST_ALARM ? serial(digest) : Promise.resolve()),
    onClicked: (id: string, action: 'open' | 'dismiss') => serial(() => click(id, action)),
    sendTest: () => showNotification(TEST_NOTIFICATION_ID, { title: t('testNotificationTitle'), message: t('testNotificationMessage'), contextMessage: t('extName') }),
  };
}

export type Notifier = ReturnType<typeof createNotifier>;
