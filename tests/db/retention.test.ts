import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage, type BackgroundDeps } from '../../lib/background/handlers';
import { dayOf } from '../../lib/clock';
import { RETENTION_KEY, STORAGE_ERROR_KEY } from '../../lib/data-state';
import { isQuotaError, prune, pruneByRetention } from '../../lib/db/retention';
import { arxivPaper, DIFFUSION, testBackground } from '../factories';

const ORIGIN = 'chrome-extension://paperlight-test';
const fromTab = { id: 'paperlight-test', url: 'https://arxiv.org/list/cs/new', tab: { id: 7 } as never };
const fromPopup = { id: 'paperlight-test', url: `${ORIGIN}/popup.html` };
const DAY = 86_400_000;
const START = new Date(2026, 0, 1, 10).getTime();

let deps: BackgroundDeps;
beforeEach(async () => {
  deps = testBackground(START);
  await deps.interests.set([DIFFUSION]);
});
afterEach(async () => {
  deps.db.close();
  await Dexie.delete(deps.db.name);
});

const scan = (papers: ReturnType<typeof arxivPaper>[], page = 'https://arxiv.org/list/cs/new') =>
  handleMessage(deps, { type: 'scan', page, site: 'arxiv', listing: true, reset: true, papers }, fromTab);

/** Day 0: papers 1–3 (2 starred later); day 50: paper 3 again and paper 4. */
async function seed(): Promise<void> {
  await scan([arxivPaper('2401.00001', 'Diffusion models one'), arxivPaper('2401.00002', 'Two'), arxivPaper('2401.00003', 'Three')]);
  await handleMessage(deps, { type: 'setPaperState', key: 'arxiv:2401.00002', patch: { starred: true } }, fromPopup);
  deps.now = () => START + 50 * DAY;
  await scan([arxivPaper('2401.00003', 'Three'), arxivPaper('2401.00004', 'Four')], 'https://arxiv.org/list/cs/recent');
}

const sightingsOf = async (key: string) => (await deps.db.papers.get(key))?.sightings.length ?? 0;
const allSightings = async () => (await deps.db.papers.toArray()).reduce((n, p) => n + p.sightings.length, 0);

describe('pruning', () => {
  it('removes old sightings and papers not seen since, with their matches; starred papers stay', async () => {
    await seed();
    expect(await prune(deps.db, 30, START + 60 * DAY)).toEqual({ sightings: 2, papers: 1 });
    expect((await deps.db.papers.toCollection().primaryKeys()).sort()).toEqual(['arxiv:2401.00002', 'arxiv:2401.00003', 'arxiv:2401.00004']);
    expect(await sightingsOf('arxiv:2401.00002')).toBe(1);
    expect(await sightingsOf('arxiv:2401.00003')).toBe(1);
    // The day index follows: paper 3 is no longer listed under day 0, starred paper 2 still is.
    expect(await deps.db.papers.where('days').equals(dayOf(START)).primaryKeys()).toEqual(['arxiv:2401.00002']);
    // Paper 1, the only diffusion paper, went with its matches.
    expect(await deps.db.papers.where('interests').equals('diffusion').count()).toBe(0);
    // Idempotent.
    expect(await prune(deps.db, 30, START + 60 * DAY)).toEqual({ sightings: 0, papers: 0 });
  });

  it('prunes a store larger than one page of records, and keeps a paper seen since', async () => {
    const old = Array.from({ length: 2500 }, (_, i) => arxivPaper(`2401.${String(10000 + i)}`, `Old paper ${i}`));
    for (let i = 0; i < old.length; i += 500) await scan(old.slice(i, i + 500), `https://arxiv.org/list/cs/pastweek?skip=${i}`);
    deps.now = () => START + 50 * DAY;
    await scan([old[2499]!]);
    expect(await prune(deps.db, 30, START + 60 * DAY)).toEqual({ sightings: 2500, papers: 2499 });
    expect(await deps.db.papers.toCollection().primaryKeys()).toEqual(['arxiv:2401.12499']);
    expect(await sightingsOf('arxiv:2401.12499')).toBe(1);
  });

  it('follows the retention setting, and keeps everything by default', async () => {
    await seed();
    expect(await pruneByRetention(deps.db, START + 60 * DAY)).toBeUndefined();
    expect(await allSightings()).toBe(5);
    await handleMessage(deps, { type: 'setRetention', retention: { days: 30 } }, fromPopup);
    expect(await fakeBrowser.storage.local.get(RETENTION_KEY)).toEqual({ [RETENTION_KEY]: { days: 30 } });
    expect(await pruneByRetention(deps.db, START + 60 * DAY)).toEqual({ sightings: 2, papers: 1 });
  });

  it('refuses a retention that is not one of the choices', async () => {
    expect(await handleMessage(deps, { type: 'setRetention', retention: { days: 7.5 } }, fromPopup)).toMatchObject({ ok: false, error: expect.stringMatching(/retention\.days/) });
  });
});

describe('a full disk', () => {
  const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

  it('recognises QuotaExceededError, also wrapped by Dexie', () => {
    expect(isQuotaError(quota())).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('aborted', quota()))).toBe(true);
    expect(isQuotaError(new Error('other'))).toBe(false);
  });

  it('fails the scan, stores nothing of it, reports the error, and pruning clears the report', async () => {
    await seed();
    const before = await allSightings();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    // The scan's last write, the notification outbox: the papers were already put in the same transaction.
    vi.spyOn(deps.db.alerts, 'bulkAdd').mockRejectedValueOnce(quota());
    deps.now = () => START + 60 * DAY;
    const reply = await scan([arxivPaper('2401.00005', 'Diffusion models five')]);
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/quota/i) });
    // The transaction rolled back: nothing half-written.
    expect(await deps.db.papers.get('arxiv:2401.00005')).toBeUndefined();
    expect(await deps.db.alerts.count()).toBe(1);
    expect(await allSightings()).toBe(before);
    expect((await fakeBrowser.storage.local.get(STORAGE_ERROR_KEY))[STORAGE_ERROR_KEY]).toMatchObject({ kind: 'quota', time: START + 60 * DAY });

    // The way out the popup offers: prune old sightings, keep starred.
    expect(await handleMessage(deps, { type: 'prune', days: 30 }, fromPopup)).toEqual({ ok: true, value: { pruned: { sightings: 2, papers: 1 } } });
    expect(await fakeBrowser.storage.local.get(STORAGE_ERROR_KEY)).toEqual({});
    expect(await scan([arxivPaper('2401.00005', 'Five')])).toMatchObject({ ok: true });
  });
});
