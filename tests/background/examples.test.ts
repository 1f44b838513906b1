/** Teaching interests from the popup and the store: star, Not interested, More like this; training kept across a restart. */
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage, type BackgroundDeps } from '../../lib/background/handlers';
import { createInterestStore } from '../../lib/background/interests';
import { createRematcher } from '../../lib/background/rematch';
import type { InterestChanges } from '../../lib/interests';
import { needsTraining } from '../../lib/learn/fingerprint';
import { createTrainer, sampleStore } from '../../lib/learn/trainer';
import { arxivPaper, DIFFUSION, HOPFIELD, testBackground } from '../factories';

const fromTab = { id: 'paperlight-test', url: 'https://arxiv.org/list/cs/new', tab: { id: 7 } as never };
const fromPopup = { id: 'paperlight-test', url: 'chrome-extension://paperlight-test/popup.html' };
const NOW = new Date(2026, 10, 22, 10).getTime();
const OTHER_TOPICS = ['galaxy redshift surveys', 'surface codes for qubits', 'register allocation in compilers', 'ocean circulation projections', 'tactile robot grippers', 'collaborative filtering of ratings'];

let deps: BackgroundDeps;
let changes: InterestChanges[];
beforeEach(async () => {
  deps = testBackground(NOW);
  changes = [];
  deps.onInterestsChanged = (c) => void changes.push(c);
  await deps.interests.set([DIFFUSION, HOPFIELD]);
  fakeBrowser.tabs.get = (async (id: number) => ({ id, url: fromTab.url })) as unknown as typeof fakeBrowser.tabs.get;
  const papers = [
    arxivPaper('2401.00001', 'Diffusion models for protein residue folding', { abstract: 'Residue contacts of folded protein chains.' }),
    arxivPaper('2401.00002', 'Residue contact maps of folded protein chains', { abstract: 'Amino acid residue distances predict folded protein structure.' }),
    ...OTHER_TOPICS.flatMap((topic, t) => [0, 1, 2].map((i) => arxivPaper(`2401.1${t}${i}00`, `A study of ${topic} ${i}`, { abstract: `We examine ${topic} in experiment ${i}.` }))),
  ];
  await handleMessage(deps, { type: 'scan', page: fromTab.url, site: 'arxiv', listing: true, reset: true, papers }, fromTab);
});
afterEach(async () => {
  deps.db.close();
  await Dexie.delete(deps.db.name);
});

const call = async (message: unknown) => {
  const reply = await handleMessage(deps, message, fromPopup);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
};
const interest = async (id: string) => (await deps.interests.get()).byId.get(id)!;

describe('teaching interests', () => {
  it('a star makes the paper an example of the interests it matched; un-starring takes it out', async () => {
    await call({ type: 'setPaperState', key: 'arxiv:2401.00001', patch: { starred: true } });
    expect((await interest('diffusion')).examples).toEqual([expect.objectContaining({ key: 'arxiv:2401.00001', title: 'Diffusion models for protein residue folding', abstract: expect.any(String) })]);
    expect((await interest('hopfield')).examples).toBeUndefined();
    expect(changes.at(-1)).toEqual({ changed: ['diffusion'], removed: [] });
    await call({ type: 'setPaperState', key: 'arxiv:2401.00001', patch: { starred: false } });
    expect((await interest('diffusion')).examples).toBeUndefined();
  });

  it('"Not interested" makes it a counterexample of the interests it matched; undoing takes it out', async () => {
    await call({ type: 'setPaperState', key: 'arxiv:2401.00001', patch: { dismissed: true } });
    expect((await interest('diffusion')).counterexamples).toEqual([expect.objectContaining({ key: 'arxiv:2401.00001' })]);
    await call({ type: 'setPaperState', key: 'arxiv:2401.00001', patch: { dismissed: false } });
    expect((await interest('diffusion')).counterexamples).toBeUndefined();
  });

  it('"More like this" adds the paper to the interests it matched, a named one, or a new one', async () => {
    expect(await call({ type: 'moreLikeThis', key: 'arxiv:2401.00001' })).toEqual({ interests: ['diffusion'], labels: ['Diffusion models'] });
    expect(await call({ type: 'moreLikeThis', key: 'arxiv:2401.00001', interest: 'hopfield' })).toEqual({ interests: ['hopfield'], labels: ['Hopfield'] });
    expect(await call({ type: 'moreLikeThis', key: 'arxiv:2401.00002', newInterest: 'Protein folding' })).toEqual({ interests: ['protein-folding'], labels: ['Protein folding'] });
    expect((await interest('protein-folding')).examples).toEqual([expect.objectContaining({ key: 'arxiv:2401.00002' })]);
    expect((await interest('hopfield')).examples).toEqual([expect.objectContaining({ key: 'arxiv:2401.00001' })]);
  });

  it.each<[string, object, RegExp]>([
    ['an unknown paper', { key: 'arxiv:9999.99999' }, /no stored paper/],
    ['an unknown interest', { key: 'arxiv:2401.00001', interest: 'nope' }, /no interest nope/],
    ['a paper that matches nothing, no interest named', { key: 'arxiv:2401.00002' }, /matches no interest/],
    ['both an interest and a new one', { key: 'arxiv:2401.00001', interest: 'diffusion', newInterest: 'X' }, /not both/],
  ])('"More like this" refuses %s', async (_, request, message) => {
    await expect(call({ type: 'moreLikeThis', ...request })).rejects.toThrow(message);
  });

  it('trains, stores the model, re-matches by example, and a restarted worker uses the stored model without training', async () => {
    const rematcher = createRematcher(deps.db, deps.interests, deps.snapshot);
    const trainer = createTrainer({ db: deps.db, interests: deps.interests, rematch: (c) => rematcher.start(c) });
    await call({ type: 'moreLikeThis', key: 'arxiv:2401.00001', newInterest: 'Protein folding' });
    await trainer.schedule();
    const stored = await deps.db.learned.get('examples');
    expect(stored?.models.map((m) => m.interest)).toEqual(['protein-folding']);
    const paper = await deps.db.papers.get('arxiv:2401.00002');
    expect(paper?.matches).toEqual([expect.objectContaining({ interest: 'protein-folding', terms: [], similar: [expect.objectContaining({ key: 'arxiv:2401.00001' })] })]);

    // A restarted worker: a fresh interest store over the same database.
    const restarted = createInterestStore(deps.db);
    const set = await restarted.get();
    expect(needsTraining(await deps.db.learned.get('examples'), set.interests)).toBe(false);
    const [matches] = set.match([{ key: 'x', title: 'Residue contact maps of folded protein chains', abstract: 'Amino acid residue distances predict folded protein structure.' }]);
    expect(matches).toEqual([expect.objectContaining({ interest: 'protein-folding', similar: [expect.objectContaining({ key: 'arxiv:2401.00001' })] })]);
  });

  it('previews an interest by its examples once they are learned, and says so while they are not', async () => {
    const rematcher = createRematcher(deps.db, deps.interests, deps.snapshot);
    const trainer = createTrainer({ db: deps.db, interests: deps.interests, rematch: (c) => rematcher.start(c) });
    await call({ type: 'moreLikeThis', key: 'arxiv:2401.00001', newInterest: 'Protein folding' });
    const taught = await interest('protein-folding');
    const preview = (edited: object) => call({ type: 'previewInterest', interest: { ...taught, ...edited } });

    // Saved but not trained yet: no terms to match by, and nothing learned.
    expect(await preview({})).toEqual({ scanned: 0, matched: 0, top: [], examples: 'pending' });
    await trainer.schedule();
    // The example, and the paper like it that shares no term with the interest (it has none).
    const learned = (await preview({})) as { top: { key: string }[] };
    expect(learned).toMatchObject({ matched: 2, examples: 'learned' });
    expect(learned.top.map((p) => p.key).sort()).toEqual(['arxiv:2401.00001', 'arxiv:2401.00002']);
    // Terms added in the editor: with one example the model also learns from its words, so it is learned
    // again once saved; till then, by terms only, and said so.
    expect(await preview({ terms: ['galaxy redshift'] })).toMatchObject({ matched: 3, examples: 'pending' });
    // An example added in the editor, not yet saved and trained: by terms only, and said so.
    const added = { ...taught, terms: ['galaxy redshift'], examples: [...taught.examples!, { title: 'Ocean circulation projections' }] };
    expect(await call({ type: 'previewInterest', interest: added })).toMatchObject({ matched: 3, examples: 'pending' });
  });

  it('reads the papers to learn from and those held out to set the thresholds on, a quarter of a store this size, none in both', async () => {
    const more = Array.from({ length: 100 }, (_, i) => arxivPaper(`2402.${String(10000 + i)}`, `Further study ${i} of ${OTHER_TOPICS[i % OTHER_TOPICS.length]}`));
    await handleMessage(deps, { type: 'scan', page: fromTab.url, site: 'arxiv', listing: true, reset: false, papers: more }, fromTab);
    const { learn, unseen } = await sampleStore(deps.db);
    expect([learn.length, unseen.length]).toEqual([90, 30]);
    expect(learn.filter((p) => unseen.some((q) => q.key === p.key))).toEqual([]);
    expect(unseen.every((p) => p.key && p.title)).toBe(true);
  });
});
