import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage, type BackgroundDeps } from '../../lib/background/handlers';
import { openDatabase } from '../../lib/db/schema';
import { createPaperSearch, SEARCH_INDEX_FORMAT } from '../../lib/search/paper-search';
import { WordIndex } from '../../lib/search/word-index';
import type { PopupPaper } from '../../lib/messages';
import { arxivPaper, DIFFUSION, paper, testBackground } from '../factories';

const ORIGIN = 'chrome-extension://paperlight-test';
const fromTab = { id: 'paperlight-test', url: 'https://arxiv.org/list/cs/new', tab: { id: 7 } as never };
const fromPopup = { id: 'paperlight-test', url: `${ORIGIN}/popup.html` };
const NOW = new Date(2026, 10, 22, 10).getTime();

let deps: BackgroundDeps;
beforeEach(async () => {
  deps = testBackground(NOW);
  await deps.interests.set([DIFFUSION]);
  fakeBrowser.tabs.get = (async (id: number) => ({ id, url: fromTab.url })) as unknown as typeof fakeBrowser.tabs.get;
});
afterEach(async () => {
  deps.db.close();
  await Dexie.delete(deps.db.name);
});

const scan = (papers: ReturnType<typeof arxivPaper>[]) =>
  handleMessage(deps, { type: 'scan', page: 'https://example.org/list', site: 'arxiv', listing: true, reset: true, papers }, fromTab);

async function search(query: string): Promise<PopupPaper[]> {
  const reply = await handleMessage(deps, { type: 'search', query }, fromPopup);
  if (!reply.ok) throw new Error(reply.error);
  return (reply.value as { papers: PopupPaper[] }).papers;
}
const keysFor = async (query: string) => (await search(query)).map((p) => p.key);

const MIXER = arxivPaper('2106.09608', 'Scaling vision transformers', {
  authors: ['Xiaohua Zhai', 'Alexander Kolesnikov'],
  abstract: 'Attention-based neural networks such as the Vision Transformer have recently attained state-of-the-art results on many computer vision benchmarks.',
});
const FAIRNESS = paper({ title: 'On the dangers of stochastic parrots', url: 'https://dl.acm.org/doi/10.1145/3442188.3445922', ids: { doi: '10.1145/3442188.3445922' }, authors: ['Emily Bender'] });
const CVF = paper({ title: 'Neural radiance fields in the wild', url: 'https://openaccess.thecvf.com/content/CVPR2021/html/Martin_NeRF_paper.html', ids: {} });

describe('search', () => {
  beforeEach(async () => {
    await scan([MIXER, FAIRNESS, CVF]);
  });

  it('finds a visited paper by its arXiv id, with or without version, prefix or link', async () => {
    for (const q of ['2106.09608', '2106.09608v2', 'arXiv:2106.09608', 'https://arxiv.org/abs/2106.09608v1']) expect(await keysFor(q), q).toEqual(['arxiv:2106.09608']);
    expect((await search('2106.09608'))[0]!.found).toEqual([{ field: 'id', words: ['2106.09608'] }]);
  });

  it('answers a pasted id at once while a restarted worker is still building its word index', async () => {
    deps.search = { index: () => new Promise(() => undefined), built: () => undefined, invalidate: () => undefined, save: async () => undefined };
    for (const q of ['2106.09608', 'https://arxiv.org/abs/2106.09608v1']) expect(await keysFor(q), q).toEqual(['arxiv:2106.09608']);
    expect(await keysFor('10.1145/3442188.3445922')).toEqual([FAIRNESS.key]);
  });

  it('finds a paper by its DOI, with or without resolver, and by the link it was seen under', async () => {
    for (const q of ['10.1145/3442188.3445922', 'https://doi.org/10.1145/3442188.3445922']) expect(await keysFor(q), q).toEqual(['doi:10.1145/3442188.3445922']);
    expect(await keysFor('https://openaccess.thecvf.com/content/CVPR2021/html/Martin_NeRF_paper.html')).toEqual([CVF.key]);
  });

  it('finds a paper by an author’s surname and by words of its abstract, with the excerpt around them', async () => {
    expect(await keysFor('kolesnikov')).toEqual(['arxiv:2106.09608']);
    const [hit] = await search('benchmarks state-of-the-art');
    expect(hit).toMatchObject({ key: 'arxiv:2106.09608', found: [{ field: 'abstract', words: expect.arrayContaining(['benchmarks', 'state']) }] });
    expect(hit!.abstract).toContain('benchmarks');
  });

  it('keeps the index in step with the store: new scans, and a store replaced from another page', async () => {
    expect(await keysFor('hopfield')).toEqual([]);
    await scan([arxivPaper('2401.00009', 'Hopfield networks is all you need')]);
    expect(await keysFor('hopfield')).toEqual(['arxiv:2401.00009']);
    // The options page restores a backup through its own connection, then says so.
    const other = openDatabase(deps.db.name);
    await other.papers.clear();
    other.close();
    await handleMessage(deps, { type: 'dataReplaced' }, fromPopup);
    expect(await keysFor('hopfield')).toEqual([]);
  });

  it('forgets wiped and pruned papers', async () => {
    expect(await keysFor('parrots')).toEqual([FAIRNESS.key]);
    await handleMessage(deps, { type: 'wipe' }, fromPopup);
    expect(await keysFor('parrots')).toEqual([]);
    await scan([FAIRNESS]);
    expect(await keysFor('parrots')).toEqual([FAIRNESS.key]);
    deps.now = () => NOW + 400 * 86_400_000;
    await handleMessage(deps, { type: 'prune', days: 30 }, fromPopup);
    expect(await keysFor('parrots')).toEqual([]);
  });
});

describe('the saved search index', () => {
  beforeEach(async () => {
    await scan([MIXER, FAIRNESS, CVF]);
  });

  /** The index built (by a first search) and saved. */
  async function saveIndex(): Promise<void> {
    await keysFor('parrots');
    await deps.search.save();
    expect(await deps.db.searchIndex.count()).toBe(1);
  }

  /** The worker stopped and started again: a new connection, and nothing in memory. */
  async function restartWorker(): Promise<void> {
    deps.db.close();
    deps = testBackground(NOW, deps.db.name);
    await deps.interests.get();
  }

  it('is saved by the worker that built it, and the log of writes it holds is trimmed', async () => {
    await keysFor('parrots');
    await vi.waitFor(async () => expect(await deps.db.searchIndex.count()).toBe(1), { timeout: 10_000 });
    expect(await deps.db.paperLog.count()).toBe(0);
    await scan([arxivPaper('2401.00009', 'Hopfield networks is all you need')]);
    expect(await deps.db.paperLog.count()).toBe(1);
    await deps.search.save();
    expect(await deps.db.paperLog.count()).toBe(0);
  });

  it('keeps the worker up while it builds the index and while it saves it', async () => {
    deps.db.close();
    const db = openDatabase(deps.db.name);
    const kept: Promise<unknown>[] = [];
    const search = createPaperSearch(db, { keepAlive: (work) => (kept.push(work), work) });
    const index = await search.index();
    expect(index.size).toBe(3);
    expect(kept).toHaveLength(1);
    await kept[0];
    expect(search.built()).toBe(index);
    await search.save();
    expect(kept).toHaveLength(2);
    expect(await db.searchIndex.count()).toBe(1);
    db.close();
  });

  it('is held as saved once saved, with the papers written while it was being stored', async () => {
    await keysFor('parrots');
    const built = deps.search.built();
    const saving = deps.search.save();
    await scan([arxivPaper('2401.00009', 'Hopfield networks is all you need')]);
    await saving;
    expect(deps.search.built()).not.toBe(built);
    expect(await keysFor('hopfield')).toEqual(['arxiv:2401.00009']);
    expect(await keysFor('parrots')).toEqual([FAIRNESS.key]);
  });

  it('is loaded by a restarted worker, which reads again only the papers written since', async () => {
    await saveIndex();
    await scan([arxivPaper('2401.00009', 'Hopfield networks is all you need')]);
    await deps.db.papers.delete(FAIRNESS.key);
    // A paper written without a log entry (no page of the extension writes so) shows what was read.
    const unlogged = new Dexie(deps.db.name);
    await unlogged.open();
    await unlogged.table('papers').put({ ...(await deps.db.papers.get(CVF.key))!, title: 'Unlogged title' });
    unlogged.close();
    await restartWorker();
    expect(await keysFor('hopfield')).toEqual(['arxiv:2401.00009']);
    expect(await keysFor('parrots')).toEqual([]);
    expect(await keysFor('kolesnikov')).toEqual([MIXER.key]);
    expect(await keysFor('radiance')).toEqual([CVF.key]);
    expect(await keysFor('unlogged')).toEqual([]);
  });

  it('is built again from the papers when the table was cleared since, or the saved index is of another format', async () => {
    await saveIndex();
    const cvf = (await deps.db.papers.get(CVF.key))!;
    const other = openDatabase(deps.db.name);
    await other.papers.clear();
    await other.papers.put(cvf);
    other.close();
    await restartWorker();
    expect(await keysFor('parrots')).toEqual([]);
    expect(await keysFor('radiance')).toEqual([CVF.key]);

    await scan([FAIRNESS]);
    await saveIndex();
    await deps.db.searchIndex.update('words', { format: SEARCH_INDEX_FORMAT + 1, keys: [] });
    await restartWorker();
    expect(await keysFor('parrots')).toEqual([FAIRNESS.key]);
  });

  it('is built again from the papers when the saved one is damaged, and saved over it', async () => {
    await saveIndex();
    const saved = (await deps.db.searchIndex.get('words'))!;
    saved.postings.title.gaps[0] = 100;
    await deps.db.searchIndex.put(saved);
    await restartWorker();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await keysFor('parrots')).toEqual([FAIRNESS.key]);
    expect(await keysFor('radiance')).toEqual([CVF.key]);
    expect(warn).toHaveBeenCalledWith('[paperlight]', new Error('the saved search index is damaged: title lists name no paper'));
    warn.mockRestore();
    await deps.search.save();
    expect(WordIndex.fromSnapshot((await deps.db.searchIndex.get('words'))!).size).toBe(3);
  });

  it('is not built for the daily save: without a saved index, the log goes instead; a saved one takes in the log', async () => {
    expect(await deps.db.paperLog.count()).toBe(1);
    await deps.search.save();
    expect([await deps.db.paperLog.count(), await deps.db.searchIndex.count()]).toEqual([0, 0]);
    expect(deps.search.built()).toBeUndefined();

    await saveIndex();
    await scan([arxivPaper('2401.00009', 'Hopfield networks is all you need')]);
    await restartWorker();
    await deps.search.save();
    expect(await deps.db.paperLog.count()).toBe(0);
    expect(WordIndex.fromSnapshot((await deps.db.searchIndex.get('words'))!).has('arxiv:2401.00009')).toBe(true);
  });

  it('is not saved over papers another page wrote: the worker finds them in the log and loads the index again', async () => {
    await keysFor('parrots');
    const other = openDatabase(deps.db.name);
    await other.papers.put({ ...(await deps.db.papers.get(CVF.key))!, key: 'doi:10.1/restored', title: 'Restored from a backup' });
    other.close();
    await scan([arxivPaper('2401.00009', 'Hopfield networks is all you need')]);
    await deps.search.save();
    expect(await keysFor('restored')).toEqual(['doi:10.1/restored']);
    expect(await keysFor('hopfield')).toEqual(['arxiv:2401.00009']);
  });
});

