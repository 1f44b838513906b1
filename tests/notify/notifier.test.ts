/**
 * Notifications end to end in the background, with the fake browser, fake IndexedDB and a fixed
 * clock: scans go through the real message handler, the notifier decides and shows.
 */
import { createPaperSearch } from '../../lib/search/paper-search';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Tabs } from 'webextension-polyfill';
import { startBackground } from '../../lib/background';
import { handleMessage, type BackgroundDeps } from '../../lib/background/handlers';
import { createInterestStore } from '../../lib/background/interests';
import { DB_NAME, openDatabase } from '../../lib/db/schema';
import { createNotifier, DIGEST_STATE_KEY, popupUrlFor, type Notifier } from '../../lib/notify';
import { DIGEST_ALARM } from '../../lib/notify/notifications';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { arxivPaper, DIFFUSION, HOPFIELD, paper } from '../factories';
import { useMessages } from './i18n';
import { createRecentPapers } from '../../lib/background/recent-papers';
import { createSnapshotKeeper } from '../../lib/background/snapshot';
import { dayOf } from '../../lib/clock';
import type { TrendingLists } from '../../lib/trending-snapshot';

// The fake browser has no chrome.permissions, which start-up's generic-detection sync uses.
vi.mock('../../lib/background/permissions', () => ({ syncGenericDetection: async () => false, watchGenericDetection: () => {} }));

const ORIGIN = 'chrome-extension://paperlight-test';
const fromTab = { id: 'paperlight-test', url: 'https://arxiv.org/list/cs/new', tab: { id: 7 } as never };
const fromOptions = { id: 'paperlight-test', url: `${ORIGIN}/options.html` };
const LIST = 'https://arxiv.org/list/cs/new';
const MINUTE = 60_000;
const local = (d: number, h: number, m = 0) => new Date(2026, 10, d, h, m).getTime();

let deps: BackgroundDeps & { notifier: Notifier };

function setup(name = `test-${Math.random()}`) {
  const db = openDatabase(name);
  const interests = createInterestStore(db);
  const now = () => Date.now();
  const snapshot = createSnapshotKeeper(db, interests, now);
  deps = { db, interests, extensionId: 'paperlight-test', extensionOrigin: ORIGIN, now, snapshot, search: createPaperSearch(db), recentPapers: createRecentPapers(db, () => snapshot.generation), notifier: createNotifier({ db, interests, now, snapshot }) };
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  useMessages();
  setup();
  await deps.interests.set([DIFFUSION, HOPFIELD]);
  // Installed just before the tests' papers: the digest covers what comes after.
  vi.setSystemTime(local(22, 9, 59));
  await deps.notifier.scheduleDigest();
  vi.setSystemTime(local(22, 10));
});
afterEach(async () => {
  vi.useRealTimers();
  deps.db.close();
  await Dexie.delete(deps.db.name);
});

/** A page's scan through the real handler, then wait for the notifier it started. */
async function visit(papers: ReturnType<typeof arxivPaper>[], page = LIST, site = 'arxiv') {
  const reply = await handleMessage(deps, { type: 'scan', page, site, listing: true, reset: true, papers }, fromTab);
  expect(reply.ok).toBe(true);
  await deps.notifier.drain();
}

const shown = () => fakeBrowser.notifications.getAll() as Promise<Record<string, { title: string; message: string; contextMessage?: string; buttons?: unknown[] }>>;
const diffusion = (n: number) => arxivPaper(`2401.0000${n}`, `Diffusion models for task ${n}`);

async function setSettings(patch: Partial<Settings['notifications']>) {
  const settings: Settings = { ...DEFAULT_SETTINGS, notifications: { ...DEFAULT_SETTINGS.notifications, ...patch } };
  expect(await handleMessage(deps, { type: 'setSettings', settings }, fromOptions)).toMatchObject({ ok: true });
}

async function fireDigestAlarm() {
  await deps.notifier.onAlarm(DIGEST_ALARM);
}

describe('a new matching paper', () => {
  it('is notified with its title, the interests it matched and where it was seen', async () => {
    await visit([diffusion(1), arxivPaper('2401.00009', 'Graph theory')]);
    expect(await shown()).toEqual({
      'papers:arxiv:2401.00001': expect.objectContaining({
        type: 'basic',
        iconUrl: 'chrome-extension://test-extension-id/icon/128.png',
        title: 'Diffusion models for task 1',
        message: 'Matches Diffusion models',
        contextMessage: 'Seen on arxiv.org/list/cs/new',
        buttons: [{ title: 'Open' }, { title: 'Dismiss' }],
      }),
    });
  });

  it('is notified once, ever: not again on a revisit, another page or site, or after a restart', async () => {
    await visit([diffusion(1)]);
    await fakeBrowser.notifications.clear('papers:arxiv:2401.00001');
    vi.setSystemTime(local(22, 12));
    await visit([diffusion(1)]);
    await visit([arxivPaper('2401.00001v2', 'Diffusion models for task 1')], 'https://arxiv.org/list/cs/recent');
    await visit([paper({ title: 'Diffusion models for task 1', ids: { doi: '10.48550/arXiv.2401.00001' } })], 'https://huggingface.co/papers', 'huggingface');
    // A restarted worker: a new notifier over the same database.
    deps.notifier = createNotifier({ db: deps.db, interests: deps.interests, now: deps.now, snapshot: deps.snapshot });
    await deps.notifier.drain();
    expect(await shown()).toEqual({});
  });

  it('is not notified for an interest with notify off or below its threshold, nor when already known before', async () => {
    await deps.interests.set([{ ...DIFFUSION, notify: false }, { ...HOPFIELD, threshold: 0.95 }]);
    await visit([diffusion(1), arxivPaper('2401.00002', 'Hopfield networks revisited')]);
    expect(await shown()).toEqual({});
    // Known papers that match an interest added later are not new.
    await deps.interests.set([DIFFUSION, HOPFIELD]);
    await visit([diffusion(1)]);
    expect(await shown()).toEqual({});
  });
});

describe('grouping', () => {
  it('puts a page’s new matches in one notification, and those of the next moments in the same one', async () => {
    await visit([diffusion(1), diffusion(2), diffusion(3), arxivPaper('2401.00004', 'Hopfield networks revisited'), diffusion(5)]);
    expect(await shown()).toEqual({
      'papers:arxiv:2401.00001': expect.objectContaining({
        title: '5 new papers on Diffusion models, Hopfield',
        message: '• Diffusion models for task 1\n• Diffusion models for task 2\n• Diffusion models for task 3\n…and 2 more',
      }),
    });
    vi.setSystemTime(local(22, 10, 1));
    await visit([diffusion(6)], 'https://arxiv.org/list/cs/recent');
    const all = await shown();
    expect(Object.keys(all)).toEqual(['papers:arxiv:2401.00001']);
    expect(all['papers:arxiv:2401.00001']).toMatchObject({ title: '6 new papers on Diffusion models, Hopfield', contextMessage: 'Seen on arxiv.org/list/cs/new, arxiv.org/list/cs/recent' });
    // Later, a notification of its own.
    vi.setSystemTime(local(22, 10, 5));
    await visit([diffusion(7)]);
    expect(Object.keys(await shown()).sort()).toEqual(['papers:arxiv:2401.00001', 'papers:arxiv:2401.00007']);
  });
});

describe('quiet notifications', () => {
  const READ_TAB = 7;
  const BACKGROUND_TAB = 8;
  let reading: number | undefined;
  let create: ReturnType<typeof vi.spyOn>;
  let update: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    reading = undefined;
    // The fake browser has no active tab in a focused window to query: say which tab is in front.
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async (q) => (q.active && q.lastFocusedWindow && reading !== undefined ? [{ id: reading } as Tabs.Tab] : []));
    // Chrome's notifications.update, which the fake lacks: changes one on screen in place, never shows a closed one.
    update = vi.fn(async (id: string, options: object) => {
      const all = await shown();
      if (!all[id]) return false;
      Object.assign(all[id], options);
      return true;
    });
    Object.assign(fakeBrowser.notifications, { update });
    create = vi.spyOn(fakeBrowser.notifications, 'create');
  });
  afterEach(() => {
    delete (fakeBrowser.notifications as { update?: unknown }).update;
  });

  /** One scan of a page in a tab: `reset` starts a visit (a load or reload), later scans continue it. */
  async function scanIn(tab: number, papers: ReturnType<typeof arxivPaper>[], reset: boolean, page = LIST) {
    const reply = await handleMessage(deps, { type: 'scan', page, site: 'arxiv', listing: true, reset, papers }, { ...fromTab, tab: { id: tab } as never });
    expect(reply.ok).toBe(true);
    await deps.notifier.drain();
  }

  it('never notifies about papers on the tab being read; they still reach the digest', async () => {
    reading = READ_TAB;
    await scanIn(READ_TAB, [diffusion(1), diffusion(2)], true);
    vi.setSystemTime(local(22, 10, 1));
    await scanIn(READ_TAB, [diffusion(3)], false);
    expect(await shown()).toEqual({});
    expect(create).not.toHaveBeenCalled();
    expect(await deps.db.alerts.get('arxiv:2401.00001')).toMatchObject({ state: 'held' });
    vi.setSystemTime(local(23, 8));
    await fireDigestAlarm();
    expect(await shown()).toEqual({ 'digest:2026-11-23': expect.objectContaining({ title: 'Your digest: 3 new papers' }) });
  });

  it('a page in a background tab notifies once; its later scans update that notification in place, never re-issue it', async () => {
    reading = READ_TAB;
    await scanIn(BACKGROUND_TAB, [diffusion(1), diffusion(2)], true);
    expect(Object.keys(await shown())).toEqual(['papers:arxiv:2401.00001']);
    // The page loads more entries: the same notification says so, without popping up again.
    vi.setSystemTime(local(22, 10, 3));
    await scanIn(BACKGROUND_TAB, [diffusion(3)], false);
    expect(await shown()).toEqual({ 'papers:arxiv:2401.00001': expect.objectContaining({ title: '3 new papers on Diffusion models' }) });
    expect(update).toHaveBeenCalledTimes(1);
    // The user switches to the tab: its next entries are in front of them, and nothing is re-issued.
    reading = BACKGROUND_TAB;
    vi.setSystemTime(local(22, 10, 4));
    await scanIn(BACKGROUND_TAB, [diffusion(4)], false);
    expect(await shown()).toEqual({ 'papers:arxiv:2401.00001': expect.objectContaining({ title: '3 new papers on Diffusion models' }) });
    expect(await deps.db.alerts.get('arxiv:2401.00004')).toMatchObject({ state: 'held' });
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('a visit whose notification was closed makes no second one, even much later; a reload is a new visit', async () => {
    reading = READ_TAB;
    await scanIn(BACKGROUND_TAB, [diffusion(1)], true);
    await fakeBrowser.notifications.clear('papers:arxiv:2401.00001');
    vi.setSystemTime(local(22, 10, 30));
    await scanIn(BACKGROUND_TAB, [diffusion(2)], false);
    expect(await shown()).toEqual({});
    expect(await deps.db.alerts.get('arxiv:2401.00002')).toMatchObject({ state: 'held' });
    vi.setSystemTime(local(22, 10, 31));
    await scanIn(BACKGROUND_TAB, [diffusion(3)], true);
    expect(Object.keys(await shown())).toEqual(['papers:arxiv:2401.00003']);
  });

  it('a worker restarted mid-visit continues the visit: the next scan updates the same notification', async () => {
    await scanIn(BACKGROUND_TAB, [diffusion(1)], true);
    deps.notifier = createNotifier({ db: deps.db, interests: deps.interests, now: deps.now, snapshot: deps.snapshot });
    vi.setSystemTime(local(22, 10, 5));
    await scanIn(BACKGROUND_TAB, [diffusion(2)], false);
    expect(await shown()).toEqual({ 'papers:arxiv:2401.00001': expect.objectContaining({ title: '2 new papers on Diffusion models' }) });
    expect(create).toHaveBeenCalledTimes(1);
    expect(update).toHaveBeenCalledTimes(1);
  });

  it('without notifications.update (Firefox), the notification is replaced under the same id', async () => {
    delete (fakeBrowser.notifications as { update?: unknown }).update;
    await scanIn(BACKGROUND_TAB, [diffusion(1)], true);
    await scanIn(BACKGROUND_TAB, [diffusion(2)], false);
    expect(await shown()).toEqual({ 'papers:arxiv:2401.00001': expect.objectContaining({ title: '2 new papers on Diffusion models' }) });
  });
});

describe('attention', () => {
  it('shows at most N notifications an hour; the rest wait for the digest', async () => {
    await setSettings({ maxPerHour: 2 });
    for (const [n, minute] of [[1, 0], [2, 10], [3, 20]] as const) {
      vi.setSystemTime(local(22, 10, minute));
      await visit([diffusion(n)]);
    }
    expect(Object.keys(await shown()).sort()).toEqual(['papers:arxiv:2401.00001', 'papers:arxiv:2401.00002']);
    expect(await deps.db.alerts.get('arxiv:2401.00003')).toMatchObject({ state: 'held' });
    vi.setSystemTime(local(22, 11, 1));
    await visit([diffusion(4)]);
    expect(Object.keys(await shown())).toContain('papers:arxiv:2401.00004');
    // The held one is in the next digest.
    vi.setSystemTime(local(23, 8));
    await fireDigestAlarm();
    expect((await shown())['digest:2026-11-23']).toMatchObject({ title: 'Your digest: 4 new papers' });
  });

  it('holds matches during quiet hours for the digest', async () => {
    vi.setSystemTime(local(22, 23, 30));
    await visit([diffusion(1)]);
    expect(await shown()).toEqual({});
    expect(await deps.db.alerts.get('arxiv:2401.00001')).toMatchObject({ state: 'held' });
    vi.setSystemTime(local(23, 8));
    await fireDigestAlarm();
    expect(await shown()).toEqual({
      'digest:2026-11-23': expect.objectContaining({ title: 'Your digest: 1 new paper', message: '• Diffusion models for task 1', contextMessage: 'Matches Diffusion models' }),
    });
  });

  it('shows nothing when switched off', async () => {
    await setSettings({ enabled: false });
    await visit([diffusion(1)]);
    vi.setSystemTime(local(23, 8));
    await fireDigestAlarm();
    expect(await shown()).toEqual({});
    expect(await fakeBrowser.alarms.get(DIGEST_ALARM)).toBeUndefined();
  });
});

describe('the daily digest', () => {
  it('names the day’s top papers by score × weight, once a day, only when there is something new', async () => {
    await deps.interests.set([DIFFUSION, { ...HOPFIELD, weight: 3 }]);
    await visit([diffusion(1), arxivPaper('2401.00002', 'Hopfield networks revisited')]);
    await fakeBrowser.notifications.clear('papers:arxiv:2401.00001');
    vi.setSystemTime(local(23, 8));
    await fireDigestAlarm();
    expect((await shown())['digest:2026-11-23']).toMatchObject({
      title: 'Your digest: 2 new papers',
      message: '• Hopfield networks revisited\n• Diffusion models for task 1',
    });
    expect(await fakeBrowser.alarms.get(DIGEST_ALARM)).toMatchObject({ scheduledTime: local(24, 8) });
    // Fired again the same day (a second alarm, a restart): nothing more.
    await fakeBrowser.notifications.clear('digest:2026-11-23');
    vi.setSystemTime(local(23, 9));
    await fireDigestAlarm();
    expect(await shown()).toEqual({});
    // The next day with nothing new since: no digest, and the one after is scheduled.
    vi.setSystemTime(local(24, 8));
    await fireDigestAlarm();
    expect(await shown()).toEqual({});
    expect(await fakeBrowser.alarms.get(DIGEST_ALARM)).toMatchObject({ scheduledTime: local(25, 8) });
    // Something new: the next digest names only that.
    vi.setSystemTime(local(24, 12));
    await visit([diffusion(3)]);
    vi.setSystemTime(local(25, 8));
    await fireDigestAlarm();
    expect((await shown())['digest:2026-11-25']).toMatchObject({ title: 'Your digest: 1 new paper', message: '• Diffusion models for task 3' });
  });

  it('follows the digest time from the settings', async () => {
    await setSettings({ digest: { enabled: true, time: '18:30' } });
    expect(await fakeBrowser.alarms.get(DIGEST_ALARM)).toMatchObject({ scheduledTime: local(22, 18, 30) });
    await setSettings({ digest: { enabled: true, time: '09:00' } });
    expect(await fakeBrowser.alarms.get(DIGEST_ALARM)).toMatchObject({ scheduledTime: local(23, 9) });
  });
});

describe('clicks', () => {
  it('on a one-paper notification open the paper and mark it read', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await visit([diffusion(1)]);
    await deps.notifier.onClicked('papers:arxiv:2401.00001', 'open');
    expect(create).toHaveBeenCalledWith({ url: 'https://arxiv.org/abs/2401.00001' });
    expect(await deps.db.papers.get('arxiv:2401.00001')).toMatchObject({ read: true });
    expect(await shown()).toEqual({});
  });

  it('on a group open the popup’s view of its papers; Dismiss marks them dismissed and opens nothing', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await visit([diffusion(1), diffusion(2)]);
    await deps.notifier.onClicked('papers:arxiv:2401.00001', 'open');
    expect(create).toHaveBeenCalledWith({ url: 'chrome-extension://test-extension-id/popup.html?key=arxiv%3A2401.00001&key=arxiv%3A2401.00002' });
    expect(popupUrlFor(['arxiv:2401.00001'])).toBe('chrome-extension://test-extension-id/popup.html?key=arxiv%3A2401.00001');

    vi.setSystemTime(local(22, 11));
    await visit([diffusion(3)]);
    create.mockClear();
    await deps.notifier.onClicked('papers:arxiv:2401.00003', 'dismiss');
    expect(create).not.toHaveBeenCalled();
    expect(await deps.db.papers.get('arxiv:2401.00003')).toMatchObject({ dismissed: true });
    expect(await deps.db.papers.get('arxiv:2401.00003')).not.toHaveProperty('read');
  });

  it('drops a paper dismissed from its notification from the popup’s ranking at once', async () => {
    await visit([diffusion(1)]);
    vi.setSystemTime(local(22, 11));
    await visit([diffusion(2)], `${LIST}?page=2`);
    expect(Object.keys(await shown())).toContain('papers:arxiv:2401.00002');
    const trending = async () => {
      const reply = await handleMessage(deps, { type: 'getTrending', days: [dayOf(Date.now())], blend: 0.25 }, fromOptions);
      return (reply as { value: TrendingLists }).value.today.map((p) => p.key);
    };
    expect((await trending()).sort()).toEqual(['arxiv:2401.00001', 'arxiv:2401.00002']);
    await deps.notifier.onClicked('papers:arxiv:2401.00002', 'dismiss');
    expect(await trending()).toEqual(['arxiv:2401.00001']);
  });

  it('on the digest open the popup with its papers, best first', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await visit([diffusion(1)]);
    vi.setSystemTime(local(23, 8));
    await fireDigestAlarm();
    await deps.notifier.onClicked('digest:2026-11-23', 'open');
    expect(create).toHaveBeenCalledWith({ url: popupUrlFor(['arxiv:2401.00001']) });
  });
});

describe('robustness', () => {
  it('a worker stopped between detection and notification notifies once, and only once, when it wakes', async () => {
    const { notifier, ...withoutNotifier } = deps;
    // The scan is stored, the outbox written with it; the worker stops before notifying.
    expect((await handleMessage(withoutNotifier, { type: 'scan', page: LIST, site: 'arxiv', listing: true, reset: true, papers: [diffusion(1)] }, fromTab)).ok).toBe(true);
    expect(await shown()).toEqual({});
    await notifier.drain();
    expect(Object.keys(await shown())).toEqual(['papers:arxiv:2401.00001']);
    await fakeBrowser.notifications.clear('papers:arxiv:2401.00001');
    await notifier.drain();
    expect(await shown()).toEqual({});
  });

  it('a worker stopped after deciding but before showing shows that notification on waking, under the same id', async () => {
    await deps.db.alerts.put({ key: 'arxiv:2401.00001', time: Date.now(), page: LIST, site: 'arxiv', interests: ['diffusion'], state: 'sending', notification: 'papers:arxiv:2401.00001', shownAt: Date.now() });
    await deps.db.papers.put({ key: 'arxiv:2401.00001', title: 'Diffusion models for task 1', ids: { arxiv: '2401.00001' }, aliases: [], firstSeen: 0, lastSeen: 0, sightings: [], days: [], matches: [], interests: [] });
    await deps.notifier.drain();
    await deps.notifier.drain();
    expect(Object.keys(await shown())).toEqual(['papers:arxiv:2401.00001']);
    expect(await deps.db.alerts.get('arxiv:2401.00001')).toMatchObject({ state: 'shown' });
  });

  it('the background re-creates the digest alarm at start-up and sends a digest missed while the browser was closed', async () => {
    deps.db.close();
    const background = startBackground();
    try {
      await background.interests.set([DIFFUSION]);
      await handleMessage(background, { type: 'scan', page: LIST, site: 'arxiv', listing: true, reset: true, papers: [diffusion(1)] }, { ...fromTab, id: fakeBrowser.runtime.id });
      await vi.waitFor(async () => expect(Object.keys(await shown())).toEqual(['papers:arxiv:2401.00001']));
      await fakeBrowser.storage.local.set({ [DIGEST_STATE_KEY]: { day: '2026-11-22', time: local(22, 8), keys: [] } });
      await fakeBrowser.alarms.clearAll();
      // Closed until the 24th at noon: the 23rd's and the 24th's 08:00 passed.
      vi.setSystemTime(local(24, 12));
      await fakeBrowser.runtime.onStartup.trigger();
      // Due at once (vi.waitFor moves the fake clock on a little while it polls).
      const alarm = await vi.waitFor(async () => {
        const a = await fakeBrowser.alarms.get(DIGEST_ALARM);
        expect(a?.scheduledTime).toBeGreaterThanOrEqual(local(24, 12));
        expect(a!.scheduledTime).toBeLessThanOrEqual(Date.now());
        return a!;
      });
      await fakeBrowser.alarms.onAlarm.trigger(alarm);
      await vi.waitFor(async () => expect(Object.keys(await shown())).toContain('digest:2026-11-24'));
      expect(Object.keys(await shown()).filter((id) => id.startsWith('digest:'))).toEqual(['digest:2026-11-24']);
      await vi.waitFor(async () => expect((await fakeBrowser.alarms.get(DIGEST_ALARM))?.scheduledTime).toBe(local(25, 8)));
      // The notification's click goes through the real listener.
      const create = vi.spyOn(fakeBrowser.tabs, 'create');
      await fakeBrowser.notifications.onClicked.trigger('papers:arxiv:2401.00001');
      await vi.waitFor(() => expect(create).toHaveBeenCalledWith({ url: 'https://arxiv.org/abs/2401.00001' }));
    } finally {
      background.db.close();
      await Dexie.delete(DB_NAME);
    }
  });
});

describe('settings and the test notification', () => {
  it('are validated by the background, and the test notification shows at once', async () => {
    const bad = { ...DEFAULT_SETTINGS, notifications: { ...DEFAULT_SETTINGS.notifications, digest: { enabled: true, time: '25:00' } } };
    expect(await handleMessage(deps, { type: 'setSettings', settings: bad }, fromOptions)).toEqual({ ok: false, error: 'notifications.digest.time must be a time HH:MM' });
    expect(await handleMessage(deps, { type: 'getSettings' }, fromOptions)).toEqual({ ok: true, value: { settings: DEFAULT_SETTINGS } });
    expect(await handleMessage(deps, { type: 'testNotification' }, fromTab)).toMatchObject({ ok: false });
    expect(await handleMessage(deps, { type: 'testNotification' }, fromOptions)).toEqual({ ok: true, value: {} });
    expect(await shown()).toEqual({ 'paperlight-test': expect.objectContaining({ title: 'Paperlight notifications work' }) });
  });
});
