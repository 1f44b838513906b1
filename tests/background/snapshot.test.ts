import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage, type BackgroundDeps } from '../../lib/background/handlers';
import { createSnapshotKeeper, type RerankPacing } from '../../lib/background/snapshot';
import { dayOf } from '../../lib/clock';
import type { ScanRequest } from '../../lib/messages';
import { BLEND_KEY, readPopupStart, SNAPSHOT_KEY, type TrendingLists } from '../../lib/trending-snapshot';
import { arxivPaper, DIFFUSION, HOPFIELD, paper, testBackground } from '../factories';

const ORIGIN = 'chrome-extension://paperlight-test';
const fromTab = { id: 'paperlight-test', url: 'https://arxiv.org/list/cs/new', tab: { id: 7 } as never };
const fromPopup = { id: 'paperlight-test', url: `${ORIGIN}/popup.html` };
const NOW = new Date(2026, 10, 22, 10).getTime();
const TODAY = dayOf(NOW);

/** The keeper's pacing, shortened so the tests wait less (lib/background/snapshot.ts RERANK_PACING: 1 s and 5 s). */
const PACING: RerankPacing = { quietMs: 150, minGapMs: 600 };
const RERANK_DELAY_MS = PACING.quietMs;

let deps: BackgroundDeps;
beforeEach(async () => {
  deps = testBackground(NOW);
  deps.snapshot = createSnapshotKeeper(deps.db, deps.interests, () => deps.now(), PACING);
  await deps.interests.set([DIFFUSION, HOPFIELD]);
  fakeBrowser.tabs.get = (async (id: number) => ({ id, url: fromTab.url })) as unknown as typeof fakeBrowser.tabs.get;
});
afterEach(async () => {
  // Let a pending re-rank finish against this test's database before it goes.
  await new Promise((resolve) => setTimeout(resolve, PACING.minGapMs + 200));
  deps.db.close();
  await Dexie.delete(deps.db.name);
});

function scan(...titles: string[]): ScanRequest {
  const papers = titles.map((title, i) => arxivPaper(`2411.${String(10000 + i)}`, title));
  return { type: 'scan', page: `https://arxiv.org/list/cs/new?${titles.length}`, site: 'arxiv', listing: true, reset: true, papers };
}

async function call<T>(message: unknown, sender: object = fromPopup): Promise<T> {
  const reply = await handleMessage(deps, message, sender);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as T;
}

const titlesOf = (lists: TrendingLists | undefined) => lists?.today.map((p) => p.title);

describe('the popup snapshot', () => {
  it('is dropped by a scan and ranked again, with the new paper, once the scans pause', async () => {
    await call(scan('Diffusion models for proteins', 'Graph theory'), fromTab);
    await vi.waitFor(async () => expect((await readPopupStart(TODAY)).snapshot).toBeDefined(), { timeout: PACING.minGapMs * 3 });
    expect(titlesOf((await readPopupStart(TODAY)).snapshot?.lists)).toEqual(['Diffusion models for proteins']);

    await call(scan('Diffusion models for proteins', 'Graph theory', 'Hopfield networks revisited'), fromTab);
    expect((await readPopupStart(TODAY)).snapshot).toBeUndefined();
    await vi.waitFor(async () => expect((await readPopupStart(TODAY)).snapshot).toBeDefined(), { timeout: PACING.minGapMs * 3 });
    const fresh = await call<TrendingLists>({ type: 'getTrending', days: [TODAY], blend: 0.25 });
    expect((await readPopupStart(TODAY)).snapshot?.lists).toEqual(fresh);
    expect(titlesOf(fresh)).toHaveLength(2);
  });

  it('stays when a page seen again shows nothing new', async () => {
    await call(scan('Diffusion models for proteins', 'Graph theory'), fromTab);
    await vi.waitFor(async () => expect((await readPopupStart(TODAY)).snapshot).toBeDefined(), { timeout: PACING.minGapMs * 3 });
    const generation = deps.snapshot.generation;
    await call(scan('Diffusion models for proteins', 'Graph theory'), fromTab);
    expect(deps.snapshot.generation).toBe(generation);
    expect(titlesOf((await readPopupStart(TODAY)).snapshot?.lists)).toEqual(['Diffusion models for proteins']);
  });

  it('is ranked once for a burst of batches, after the last one', async () => {
    const writes = vi.spyOn(fakeBrowser.storage.session, 'set');
    for (let i = 1; i <= 4; i++) await call(scan(...Array.from({ length: i }, (_, j) => `Diffusion models, part ${j}`)), fromTab);
    await new Promise((resolve) => setTimeout(resolve, RERANK_DELAY_MS + 500));
    expect(writes.mock.calls.filter(([items]) => SNAPSHOT_KEY in items)).toHaveLength(1);
    expect(titlesOf((await readPopupStart(TODAY)).snapshot?.lists)).toHaveLength(4);
  });

  it('ranks at most once per gap while a page keeps adding entries, and once more after the last', async () => {
    const writes = vi.spyOn(fakeBrowser.storage.session, 'set');
    // Batches further apart than the quiet time: each would start a ranking of its own without the gap.
    const spacing = PACING.quietMs + 100;
    let scans = 0;
    for (const started = performance.now(); performance.now() - started < 4 * PACING.minGapMs; scans++) {
      await call(scan(...Array.from({ length: scans + 1 }, (_, j) => `Diffusion models, part ${j}`)), fromTab);
      await new Promise((resolve) => setTimeout(resolve, spacing));
    }
    await new Promise((resolve) => setTimeout(resolve, PACING.minGapMs + 300));
    const rankings = writes.mock.calls.filter(([items]) => SNAPSHOT_KEY in items).length;
    expect(scans).toBeGreaterThanOrEqual(8);
    expect(rankings).toBeGreaterThanOrEqual(2);
    expect(rankings).toBeLessThanOrEqual(6);
    // The last ranking came after the last batch.
    expect(titlesOf((await readPopupStart(TODAY)).snapshot?.lists)).toHaveLength(Math.min(10, scans));
  });

  it('keeps a ranking the popup asked for, unless the store changed while it was made', async () => {
    await call(scan('Diffusion models for proteins'), fromTab);
    await new Promise((resolve) => setTimeout(resolve, RERANK_DELAY_MS + 300));
    const lists = await call<TrendingLists>({ type: 'getTrending', days: [TODAY], blend: 0.25 });
    const before = deps.snapshot.generation;
    await call({ type: 'setPaperState', key: 'arxiv:2411.10000', patch: { starred: true } });
    await deps.snapshot.offer(before, TODAY, 0.25, lists);
    expect((await readPopupStart(TODAY)).snapshot).toBeUndefined();
    // After the quiet moment, the star is in the snapshot.
    await vi.waitFor(async () => expect((await readPopupStart(TODAY)).snapshot?.lists.today[0]?.starred).toBe(true), { timeout: PACING.minGapMs * 3 });
  });

  it('holds today only, ranked with the blend the popup last used', async () => {
    await fakeBrowser.storage.local.set({ [BLEND_KEY]: 0.8 });
    await call(scan('Diffusion models for proteins'), fromTab);
    await vi.waitFor(async () => expect((await readPopupStart(TODAY)).snapshot?.blend).toBe(0.8), { timeout: PACING.minGapMs * 3 });
    await call({ type: 'getTrending', days: ['2026-11-21'], blend: 0.8 });
    expect((await readPopupStart('2026-11-21')).snapshot).toBeUndefined();
    // A popup whose blend differs from the snapshot's paints nothing from it.
    await fakeBrowser.storage.local.set({ [BLEND_KEY]: 0.3 });
    expect(await readPopupStart(TODAY)).toEqual({ blend: 0.3, snapshot: undefined, tab: null });
  });
});

describe('the inputs of a ranking, kept in step with the store', () => {
  const trending = (blend: number, days = [TODAY]) => call<TrendingLists>({ type: 'getTrending', days, blend });
  const keysOf = (lists: TrendingLists) => lists.today.map((p) => p.key);

  it('rank again for another blend without reading the store, and take in what a scan writes without reading it again', async () => {
    await call(scan('Diffusion models for proteins', 'Hopfield networks revisited'), fromTab);
    const where = vi.spyOn(deps.db.papers, 'where');
    // The days' papers are read through the `days` index (the scan itself looks papers up by alias).
    const reads = () => where.mock.calls.filter(([index]) => (index as unknown) === 'days').length;
    const personal = await trending(0);
    const readsForOne = reads();
    expect(readsForOne).toBeGreaterThan(0);
    const popular = await trending(1);
    expect(reads()).toBe(readsForOne);
    expect(titlesOf(popular)?.sort()).toEqual(titlesOf(personal)?.sort());

    await call(scan('Diffusion models for proteins', 'Hopfield networks revisited', 'Diffusion models for video'), fromTab);
    const after = await trending(0);
    expect(titlesOf(after)?.sort()).toEqual(['Diffusion models for proteins', 'Diffusion models for video', 'Hopfield networks revisited']);
    expect(reads()).toBe(readsForOne);
    // The same lists as a ranking that reads the store afresh.
    await call({ type: 'dataReplaced' });
    expect(await trending(0)).toEqual(after);
    expect(reads()).toBeGreaterThan(readsForOne);
  });

  it('give "This page" the papers of a listing just read from memory, and any others from the store, in the order asked', async () => {
    await call(scan('Diffusion models for proteins', 'Hopfield networks revisited', 'Graph theory'), fromTab);
    await trending(0.25);
    const bulkGet = vi.spyOn(deps.db.papers, 'bulkGet');
    const page = await call<{ papers: { key: string }[] }>({ type: 'getPapers', keys: ['arxiv:2411.10001', 'arxiv:2411.10000'], blend: 0.25 });
    expect(page.papers.map((p) => p.key).sort()).toEqual(['arxiv:2411.10000', 'arxiv:2411.10001']);
    expect(bulkGet).not.toHaveBeenCalled();
    // "Graph theory" matches nothing, so no ranking holds it; an unknown key is skipped.
    const mixed = await call<{ papers: { title: string }[] }>({ type: 'getPapers', keys: ['arxiv:2411.10002', 'arxiv:2411.99999', 'arxiv:2411.10000'] });
    expect(mixed.papers.map((p) => p.title)).toEqual(['Graph theory', 'Diffusion models for proteins']);
    expect(bulkGet).toHaveBeenCalledWith(['arxiv:2411.10002', 'arxiv:2411.99999']);
  });

  it('never keep "This page" waiting for today\'s ranking still being read: it reads its few papers itself', async () => {
    await call(scan('Diffusion models for proteins', 'Hopfield networks revisited'), fromTab);
    await call({ type: 'dataReplaced' });
    const bulkGet = vi.spyOn(deps.db.papers, 'bulkGet');
    const ranking = trending(0.25);
    const page = await call<{ papers: { key: string }[] }>({ type: 'getPapers', keys: ['arxiv:2411.10000'], blend: 0.25 });
    expect(page.papers.map((p) => p.key)).toEqual(['arxiv:2411.10000']);
    expect(bulkGet).toHaveBeenCalledWith(['arxiv:2411.10000']);
    expect(titlesOf(await ranking)).toHaveLength(2);
  });

  it('show a paper that a stronger id re-keyed once, under its new key', async () => {
    const doiOnly = paper({ title: 'Diffusion models for proteins', authors: ['Ada Lovelace'], ids: { doi: '10.1234/proteins' } });
    await call({ ...scan(), papers: [doiOnly] }, fromTab);
    expect(keysOf(await trending(0.25))).toEqual(['doi:10.1234/proteins']);
    const withArxiv = paper({ title: 'Diffusion models for proteins', authors: ['Ada Lovelace'], ids: { doi: '10.1234/proteins', arxiv: '2411.10000' } });
    await call({ ...scan(), papers: [withArxiv] }, fromTab);
    expect(keysOf(await trending(0.25))).toEqual(['arxiv:2411.10000']);
  });

  it('lose papers deleted from the store, and are read again once it is wiped', async () => {
    await call(scan('Diffusion models for proteins', 'Hopfield networks revisited'), fromTab);
    expect(titlesOf(await trending(0.25))).toHaveLength(2);
    await deps.db.papers.delete('arxiv:2411.10000');
    expect(titlesOf(await trending(0.25))).toEqual(['Hopfield networks revisited']);
    await call({ type: 'wipe' });
    expect(titlesOf(await trending(0.25))).toEqual([]);
  });

  it('never take in a write that rolled back', async () => {
    await call(scan('Diffusion models for proteins'), fromTab);
    expect(titlesOf(await trending(0.25))).toHaveLength(1);
    const stored = (await deps.db.papers.get('arxiv:2411.10000'))!;
    const rolledBack = deps.db.transaction('rw', deps.db.papers, async () => {
      await deps.db.papers.put({ ...stored, key: 'arxiv:2411.10001', title: 'Diffusion models that never were' });
      throw new Error('storage full');
    });
    await expect(rolledBack).rejects.toThrow('storage full');
    expect(titlesOf(await trending(0.25))).toEqual(['Diffusion models for proteins']);
  });

  it('are kept per set of days', async () => {
    await call(scan('Diffusion models for proteins'), fromTab);
    expect(titlesOf(await trending(0.25))).toEqual(['Diffusion models for proteins']);
    expect(titlesOf(await trending(0.25, ['2026-11-21']))).toEqual([]);
    expect(titlesOf(await trending(0.5))).toEqual(['Diffusion models for proteins']);
  });

  it('never show a paper dismissed since', async () => {
    await call(scan('Diffusion models for proteins', 'Hopfield networks revisited'), fromTab);
    expect(titlesOf(await trending(0.25))).toHaveLength(2);
    await call({ type: 'setPaperState', key: 'arxiv:2411.10000', patch: { dismissed: true } });
    expect(titlesOf(await trending(0.25))).toEqual(['Hopfield networks revisited']);
  });
});

describe('what the popup reads before its first paint', () => {
  const activeTab = (id: number | undefined) => {
    fakeBrowser.tabs.query = (async () => (id === undefined ? [] : [{ id, active: true }])) as unknown as typeof fakeBrowser.tabs.query;
  };

  it('is the status of the tab it was opened over, read from session storage without a message to the worker', async () => {
    await call({ ...scan('Diffusion models for proteins', 'Graph theory'), page: fromTab.url }, fromTab);
    activeTab(7);
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    const start = await readPopupStart(TODAY);
    expect(start.tab).toEqual(expect.objectContaining({ papers: 2, matched: ['arxiv:2411.10000'] }));
    expect(send).not.toHaveBeenCalled();
  });

  it('is no status for a tab where nothing was read, or whose page has changed since', async () => {
    await call({ ...scan('Diffusion models for proteins'), page: fromTab.url }, fromTab);
    activeTab(8);
    expect((await readPopupStart(TODAY)).tab).toBeNull();
    activeTab(7);
    fakeBrowser.tabs.get = (async (id: number) => ({ id, url: 'https://example.org/' })) as unknown as typeof fakeBrowser.tabs.get;
    expect((await readPopupStart(TODAY)).tab).toBeNull();
    activeTab(undefined);
    expect((await readPopupStart(TODAY)).tab).toBeNull();
  });
});
