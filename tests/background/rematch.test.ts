import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createInterestStore } from '../../lib/background/interests';
import { createRematcher, FIRST_CHUNK, nextChunkSize } from '../../lib/background/rematch';
import { openDatabase, type PaperlightDB } from '../../lib/db/schema';
import { recordScan } from '../../lib/db/store';
import { matchingChanges, type Interest } from '../../lib/interests';
import { REMATCH_STATE_KEY, type RematchState } from '../../lib/rematch-state';
import { arxivPaper, DIFFUSION, HOPFIELD, storedMatches } from '../factories';

let db: PaperlightDB;
beforeEach(async () => {
  db = openDatabase(`test-${Math.random()}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

/** 1,200 stored papers, every third about Hopfield networks, matched against `DIFFUSION` only. */
async function seed(): Promise<ReturnType<typeof createInterestStore>> {
  return seedWith([DIFFUSION], (i) => (i % 3 ? `Graph theory, part ${i}` : `Hopfield networks revisited, part ${i}`));
}

async function seedWith(list: Interest[], title: (i: number) => string): Promise<ReturnType<typeof createInterestStore>> {
  const interests = createInterestStore(db);
  await interests.set(list);
  const papers = Array.from({ length: 1200 }, (_, i) => arxivPaper(`2410.${String(10000 + i)}`, title(i)));
  const set = await interests.get();
  await recordScan(db, { page: 'https://arxiv.org/list/cs/new', site: 'arxiv', time: 1, papers }, set.match);
  return interests;
}

/** 1,200 stored papers, half about diffusion models, half about Hopfield networks, matched against both. */
function seedBoth(): Promise<ReturnType<typeof createInterestStore>> {
  return seedWith([DIFFUSION, HOPFIELD], (i) => (i % 2 ? `Diffusion models for graphs, part ${i}` : `Hopfield networks revisited, part ${i}`));
}

/** Save `list` as the setInterests handler does, and start the re-match it calls for. */
async function edit(interests: ReturnType<typeof createInterestStore>, list: Interest[], invalidate = async () => {}) {
  const before = (await interests.get()).interests;
  await interests.set(list);
  await createRematcher(db, interests, { invalidate }).start(matchingChanges(before, list));
}

const stateOf = async () => (await fakeBrowser.storage.local.get(REMATCH_STATE_KEY))[REMATCH_STATE_KEY] as RematchState | undefined;

describe('re-matching the store after an interests change', () => {
  it('re-matches every stored paper, in chunks, and reports progress to the end', async () => {
    const interests = await seed();
    expect(await storedMatches(db)).toHaveLength(0);
    const invalidate = vi.fn(async () => {});
    await edit(interests, [HOPFIELD], invalidate);

    expect(await storedMatches(db)).toHaveLength(400);
    expect(new Set((await storedMatches(db)).map((m) => m.interest))).toEqual(new Set(['hopfield']));
    expect(await db.papers.where('interests').equals('hopfield').count()).toBe(400);
    expect(await stateOf()).toMatchObject({ done: 1200, total: 1200, finished: true });
    // The popup's snapshot was dropped as chunks landed.
    expect(invalidate.mock.calls.length).toBeGreaterThan(1);
  });

  it('a worker stopped half-way resumes after the last paper it finished', async () => {
    const interests = await seed();
    await interests.set([HOPFIELD]);
    const halfway = (await db.papers.orderBy(':id').offset(599).first())!.key;
    await fakeBrowser.storage.local.set({ [REMATCH_STATE_KEY]: { generation: 1, done: 600, total: 1200, after: halfway, finished: false } satisfies RematchState });
    await createRematcher(db, interests, { invalidate: async () => {} }).resume();

    // Only the second half was re-matched: the first half keeps its (empty) old matches.
    const matched = (await storedMatches(db)).map((m) => m.key);
    expect(matched).toHaveLength(200);
    expect(matched.every((key) => key > halfway)).toBe(true);
    expect(await stateOf()).toMatchObject({ done: 1200, finished: true });
  });

  it('an edit re-matches the edited interest only; the others keep their stored matches', async () => {
    const interests = await seedBoth();
    expect(await storedMatches(db, 'diffusion')).toHaveLength(600);
    // Marked so a rewrite would show: a pass over all interests would put the matcher's score back.
    await db.papers.toCollection().modify((p) => {
      p.matches = p.matches.map((m) => (m.interest === 'diffusion' ? { ...m, score: 0.123 } : m));
    });
    const writes = vi.spyOn(db.papers, 'bulkPut');
    await edit(interests, [DIFFUSION, { ...HOPFIELD, terms: ['Hopfield network', 'graphs'] }]);

    expect(await storedMatches(db, 'hopfield')).toHaveLength(1200);
    // Only the 600 papers whose matches changed (the diffusion ones now also match "graphs") were written.
    expect(writes.mock.calls.reduce((n, [records]) => n + records.length, 0)).toBe(600);
    const diffusion = await storedMatches(db, 'diffusion');
    expect(diffusion).toHaveLength(600);
    expect(diffusion.every((m) => m.score === 0.123)).toBe(true);
    expect(await stateOf()).toMatchObject({ interests: ['hopfield'], done: 1200, finished: true });
  });

  it('a new label or colour starts no pass; a removed interest’s matches go at once', async () => {
    const interests = await seedBoth();
    const invalidate = vi.fn(async () => {});
    await edit(interests, [{ ...DIFFUSION, label: 'Diffusion', color: '#000000', notify: false }, HOPFIELD], invalidate);
    expect(await stateOf()).toBeUndefined();
    expect(await storedMatches(db)).toHaveLength(1200);

    await edit(interests, [HOPFIELD], invalidate);
    expect(await stateOf()).toBeUndefined();
    expect(await storedMatches(db, 'diffusion')).toHaveLength(0);
    expect(await db.papers.where('interests').equals('diffusion').count()).toBe(0);
    expect(await storedMatches(db, 'hopfield')).toHaveLength(600);
    expect(invalidate).toHaveBeenCalledTimes(1);
  });

  it('a change during an unfinished pass restarts it for both interests', async () => {
    const interests = await seedBoth();
    const halfway = (await db.papers.orderBy(':id').offset(599).first())!.key;
    await fakeBrowser.storage.local.set({ [REMATCH_STATE_KEY]: { generation: 1, done: 600, total: 1200, after: halfway, finished: false, interests: ['hopfield'] } satisfies RematchState });
    await edit(interests, [{ ...DIFFUSION, weight: 2 }, HOPFIELD]);
    expect(await stateOf()).toMatchObject({ generation: 2, interests: ['hopfield', 'diffusion'], done: 1200, finished: true });
    expect(await storedMatches(db)).toHaveLength(1200);
  });

  it('re-matches the papers seen in the last two weeks first, then the rest, counting each once', async () => {
    const interests = await seed();
    const today = new Date(2026, 11, 7).getTime();
    // Seen yesterday, with ids after every older paper's: in key order they would come last.
    const recent = Array.from({ length: 60 }, (_, i) => arxivPaper(`2512.${String(10000 + i)}`, `Hopfield networks today, part ${i}`));
    await recordScan(db, { page: 'https://arxiv.org/list/cs/new', site: 'arxiv', time: today - 86_400_000, papers: recent }, (await interests.get()).match);
    const before = (await interests.get()).interests;
    await interests.set([HOPFIELD]);
    const matchedAtEachDrop: string[][] = [];
    const invalidate = vi.fn(async () => void matchedAtEachDrop.push((await storedMatches(db, 'hopfield')).map((m) => m.key)));
    await createRematcher(db, interests, { invalidate }, () => performance.now(), () => today).start(matchingChanges(before, [HOPFIELD]));

    // When the popup's snapshot was first dropped with new matches (after the first chunk), the recent papers had theirs and no older one had.
    expect(matchedAtEachDrop.find((keys) => keys.length)!.sort()).toEqual(recent.map((p) => p.key).sort());
    expect(await storedMatches(db, 'hopfield')).toHaveLength(460);
    expect(await stateOf()).toMatchObject({ done: 1260, total: 1260, recentDone: true, finished: true });
  });

  it('a worker stopped while re-matching the recent papers does them again, then the rest without them', async () => {
    const interests = await seed();
    const today = new Date(2026, 11, 7).getTime();
    await recordScan(db, { page: 'https://arxiv.org/list/cs/new', site: 'arxiv', time: today, papers: [arxivPaper('2512.10000', 'Hopfield networks today')] }, (await interests.get()).match);
    await interests.set([HOPFIELD]);
    await fakeBrowser.storage.local.set({ [REMATCH_STATE_KEY]: { generation: 1, done: 0, total: 1201, finished: false, recentSince: today - 1000 } satisfies RematchState });
    await createRematcher(db, interests, { invalidate: async () => {} }, () => performance.now(), () => today).resume();
    expect(await storedMatches(db, 'hopfield')).toHaveLength(401);
    expect(await stateOf()).toMatchObject({ done: 1201, recentDone: true, finished: true });
  });

  it('sizes chunks for a 40 ms budget, starting small', () => {
    expect(FIRST_CHUNK).toBeLessThanOrEqual(100);
    expect(nextChunkSize(100, 20)).toBe(200);
    expect(nextChunkSize(400, 160)).toBe(100);
    // Bounded both ways: a stalled chunk does not shrink to nothing, a very fast one does not grow without end.
    expect(nextChunkSize(100, 10_000)).toBe(50);
    expect(nextChunkSize(400, 0)).toBe(500);
  });
});
