import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage, type BackgroundDeps } from '../../lib/background/handlers';
import { readTabStatus } from '../../lib/tab-status';
import type { PopupPaper, ScanRequest } from '../../lib/messages';
import type { InterestChanges } from '../../lib/interests';
import { arxivPaper, DIFFUSION, HOPFIELD, testBackground } from '../factories';

const ORIGIN = 'chrome-extension://paperlight-test';
const fromTab = { id: 'paperlight-test', url: 'https://arxiv.org/list/cs/new', tab: { id: 7 } as never };
const fromPopup = { id: 'paperlight-test', url: `${ORIGIN}/popup.html` };
const fromOtherExtension = { id: 'someone-else', url: 'chrome-extension://someone-else/x.html' };
const NOW = new Date(2026, 10, 22, 10).getTime();

let deps: BackgroundDeps;
beforeEach(async () => {
  deps = testBackground(NOW);
  await deps.interests.set([DIFFUSION, HOPFIELD]);
  // The tab the scans come from, still showing the listing.
  fakeBrowser.tabs.get = (async (id: number) => ({ id, url: fromTab.url })) as unknown as typeof fakeBrowser.tabs.get;
});
afterEach(async () => {
  deps.db.close();
  await Dexie.delete(deps.db.name);
});

function scan(papers = [arxivPaper('2401.00001', 'Diffusion models for proteins'), arxivPaper('2401.00002', 'Graph theory')]): ScanRequest {
  return { type: 'scan', page: 'https://arxiv.org/list/cs/new', site: 'arxiv', listing: true, reset: true, papers };
}

describe('scan', () => {
  it('stores the page and answers with the matches, labelled and coloured', async () => {
    const reply = await handleMessage(deps, scan(), fromTab);
    expect(reply).toEqual({
      ok: true,
      value: {
        matched: [
          {
            key: 'arxiv:2401.00001',
            matches: [expect.objectContaining({ interest: 'diffusion', label: 'Diffusion models', color: '#2563eb', terms: [expect.objectContaining({ term: 'diffusion model', field: 'title' })] })],
          },
        ],
      },
    });
    expect(await deps.db.papers.count()).toBe(2);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('1');
  });

  it('counts on the toolbar the matches not dismissed, following a dismissal and its undo at once, and on the next visit', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7, url: fromTab.url }] as never);
    const papers = [arxivPaper('2401.00001', 'Diffusion models for proteins'), arxivPaper('2401.00003', 'Hopfield networks revisited')];
    await handleMessage(deps, scan(papers), fromTab);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('2');
    const dismiss = (dismissed: boolean) => handleMessage(deps, { type: 'setPaperState', key: 'arxiv:2401.00001', patch: { dismissed } }, fromPopup);
    await dismiss(true);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('1');
    await handleMessage(deps, scan(papers), fromTab);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('1');
    await dismiss(false);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('2');
    // The popup still lists the dismissed paper's key among the page's matches, to show it as dismissed.
    await dismiss(true);
    expect(await readTabStatus(7)).toMatchObject({ matched: ['arxiv:2401.00001', 'arxiv:2401.00003'], dismissed: ['arxiv:2401.00001'] });
  });

  it('counts a page’s later batches into the same tab status, and starts over on a reset', async () => {
    await handleMessage(deps, scan(), fromTab);
    const later = { ...scan([arxivPaper('2401.00003', 'Hopfield networks revisited')]), reset: false };
    await handleMessage(deps, later, fromTab);
    // A batch resent after a lost reply (a worker stopped before answering) counts once.
    await handleMessage(deps, later, fromTab);
    expect(await readTabStatus(7)).toEqual(expect.objectContaining({ papers: 3, matched: ['arxiv:2401.00001', 'arxiv:2401.00003'] }));
    await handleMessage(deps, { ...scan([]), reset: true }, fromTab);
    expect(await readTabStatus(7)).toEqual(expect.objectContaining({ papers: 0, matched: [], listing: true }));
  });

  it('forgets what a tab showed once the tab has moved to another page', async () => {
    await handleMessage(deps, scan(), fromTab);
    fakeBrowser.tabs.get = (async (id: number) => ({ id, url: 'https://example.org/' })) as unknown as typeof fakeBrowser.tabs.get;
    expect(await readTabStatus(7)).toBeNull();
  });

  it('refuses a paper whose key does not follow from its ids (forged), and stores nothing of that message', async () => {
    const forged = { ...arxivPaper('2401.00001', 'Diffusion'), key: 'arxiv:9999.99999' };
    const reply = await handleMessage(deps, scan([forged]), fromTab);
    expect(reply).toEqual({ ok: false, error: 'papers[0].key does not match its ids and title' });
    expect(await deps.db.papers.count()).toBe(0);
  });

  it.each([
    ['no type', {}],
    ['an unknown type', { type: 'wipe' }],
    ['a non-http page', { ...scan(), page: 'javascript:alert(1)' }],
    ['an unknown site', { ...scan(), site: 'evil' }],
    ['a title that is not text', { ...scan(), papers: [{ ...arxivPaper('2401.00001', 'x'), title: { html: '<b>' } }] }],
    ['too many papers', { ...scan(), papers: Array.from({ length: 1001 }, (_, i) => arxivPaper(`2401.${String(i).padStart(5, '0')}`, 't')) }],
  ])('rejects a message with %s', async (_, message) => {
    const reply = await handleMessage(deps, message, fromTab);
    expect(reply.ok).toBe(false);
  });

  it('accepts scans only from our content scripts in tabs', async () => {
    expect(await handleMessage(deps, scan(), fromPopup)).toMatchObject({ ok: false });
    expect(await handleMessage(deps, scan(), { ...fromOtherExtension, tab: { id: 1 } as never })).toMatchObject({ ok: false });
  });
});

describe('triage', () => {
  it('takes the badge panel’s actions from our content script, under the key the page knows, and tells every open page', async () => {
    const told: unknown[] = [];
    deps.broadcast = async (change) => void told.push(change);
    await handleMessage(deps, scan(), fromTab);
    // The page knows the paper by its title fingerprint; the store by its arXiv id.
    const [titleKey] = (await deps.db.papers.get('arxiv:2401.00001'))!.aliases.filter((k) => k.startsWith('title:'));
    const reply = await handleMessage(deps, { type: 'setPaperState', key: titleKey!, patch: { dismissed: true } }, fromTab);
    expect(reply).toEqual({ ok: true, value: expect.objectContaining({ type: 'paperStateChanged', key: 'arxiv:2401.00001', starred: false, dismissed: true, read: false }) });
    expect(told).toEqual([expect.objectContaining({ key: 'arxiv:2401.00001', keys: expect.arrayContaining(['arxiv:2401.00001', titleKey]) })]);
    expect((await deps.db.papers.get('arxiv:2401.00001'))?.dismissed).toBe(true);
  });

  it('answers a scan with what the reader did before: starred, dismissed (on any site), seen on an earlier day', async () => {
    await handleMessage(deps, scan(), fromTab);
    await handleMessage(deps, { type: 'setPaperState', key: 'arxiv:2401.00001', patch: { dismissed: true } }, fromPopup);
    await handleMessage(deps, { type: 'setPaperState', key: 'arxiv:2401.00002', patch: { starred: true } }, fromPopup);
    const sameDay = await handleMessage(deps, { ...scan(), page: 'https://arxiv.org/list/cs/recent' }, fromTab);
    expect(sameDay.ok && (sameDay.value as { states?: unknown }).states).toEqual([
      { key: 'arxiv:2401.00001', marks: ['dismissed'] },
      { key: 'arxiv:2401.00002', marks: ['starred'] },
    ]);
    deps.now = () => NOW + 2 * 86_400_000;
    const later = await handleMessage(deps, { ...scan([...scan().papers, arxivPaper('2401.00009', 'Fresh paper')]), page: 'https://huggingface.co/papers', site: 'huggingface' }, fromTab);
    expect(later.ok && (later.value as { states?: unknown }).states).toEqual([
      { key: 'arxiv:2401.00001', marks: ['dismissed', 'seen'], seen: { day: '2026-11-22', site: 'arxiv' } },
      { key: 'arxiv:2401.00002', marks: ['starred', 'seen'], seen: { day: '2026-11-22', site: 'arxiv' } },
    ]);
  });

  it('lists the papers dismissed lately, most recent first, until restored', async () => {
    await handleMessage(deps, scan(), fromTab);
    const dismiss = (key: string, dismissed: boolean) => handleMessage(deps, { type: 'setPaperState', key, patch: { dismissed } }, fromPopup);
    const dismissedKeys = async () => {
      const reply = await handleMessage(deps, { type: 'getDismissed' }, fromPopup);
      return reply.ok && (reply.value as { papers: PopupPaper[] }).papers.map((p) => [p.key, p.dismissed]);
    };
    await dismiss('arxiv:2401.00001', true);
    await dismiss('arxiv:2401.00002', true);
    expect(await dismissedKeys()).toEqual([['arxiv:2401.00002', true], ['arxiv:2401.00001', true]]);
    await dismiss('arxiv:2401.00002', false);
    expect(await dismissedKeys()).toEqual([['arxiv:2401.00001', true]]);
  });

  it('ranks a page’s papers as the day’s list ranks them', async () => {
    await handleMessage(deps, scan([arxivPaper('2401.00002', 'Graph theory'), arxivPaper('2401.00001', 'Diffusion models for proteins')]), fromTab);
    const reply = await handleMessage(deps, { type: 'getPapers', keys: ['arxiv:2401.00002', 'arxiv:2401.00001'], blend: 0.25 }, fromPopup);
    expect(reply.ok && (reply.value as { papers: PopupPaper[] }).papers.map((p) => [p.key, p.rank !== undefined])).toEqual([['arxiv:2401.00001', true], ['arxiv:2401.00002', true]]);
  });
});

describe('extension-page requests', () => {
  it('are refused from web pages and other extensions', async () => {
    for (const sender of [fromTab, fromOtherExtension]) {
      for (const type of ['getSettings', 'getInterests'] as const)
        expect(await handleMessage(deps, { type }, sender)).toEqual({ ok: false, error: `${type} is accepted from Paperlight’s own pages only` });
    }
    // The badge panel's picker learns ids and labels only.
    expect(await handleMessage(deps, { type: 'getInterestLabels' }, fromTab)).toEqual({
      ok: true,
      value: { interests: [{ id: 'diffusion', label: 'Diffusion models' }, expect.objectContaining({ id: HOPFIELD.id })] },
    });
    expect(await handleMessage(deps, { type: 'getInterestLabels' }, fromOtherExtension)).toMatchObject({ ok: false });
    expect(await handleMessage(deps, { type: 'setPaperState', key: 'arxiv:2401.00001', patch: { starred: true } }, fromOtherExtension)).toMatchObject({ ok: false });
  });

  it('rank the day’s matched papers, with where each was seen and why it ranks there', async () => {
    await handleMessage(deps, scan(), fromTab);
    deps.now = () => NOW + 60_000;
    await handleMessage(deps, { ...scan([arxivPaper('2401.00003', 'Hopfield networks revisited')]), page: 'https://arxiv.org/list/cs/recent' }, fromTab);
    const reply = await handleMessage(deps, { type: 'getTrending', days: ['2026-11-22'], blend: 0.25 }, fromPopup);
    if (!reply.ok) throw new Error(reply.error);
    const { today, popular } = reply.value as { today: PopupPaper[]; popular: PopupPaper[] };
    expect(new Set(today.map((p) => p.key))).toEqual(new Set(['arxiv:2401.00001', 'arxiv:2401.00003']));
    expect(today.find((p) => p.key === 'arxiv:2401.00003')?.seen).toEqual([{ site: 'arxiv', page: 'https://arxiv.org/list/cs/recent' }]);
    expect(today.every((p) => p.rank && p.rank.parts.personal > 0)).toBe(true);
    expect(popular).toEqual([]);
    expect(reply.value).toMatchObject({ total: 2 });
    expect(await handleMessage(deps, { type: 'getTrending', days: ['2026-11-21'], blend: 0.25 }, fromPopup)).toEqual({ ok: true, value: { today: [], popular: [], total: 0 } });
  });

  it('keep star and dismiss, and drop dismissed papers from the ranking', async () => {
    await handleMessage(deps, scan([arxivPaper('2401.00001', 'Diffusion models for proteins'), arxivPaper('2401.00003', 'Hopfield networks revisited')]), fromTab);
    await handleMessage(deps, { type: 'setPaperState', key: 'arxiv:2401.00001', patch: { dismissed: true } }, fromPopup);
    await handleMessage(deps, { type: 'setPaperState', key: 'arxiv:2401.00003', patch: { starred: true } }, fromPopup);
    const reply = await handleMessage(deps, { type: 'getTrending', days: ['2026-11-22'], blend: 0.25 }, fromPopup);
    expect(reply.ok && (reply.value as { today: PopupPaper[] }).today.map((p) => [p.key, p.starred])).toEqual([['arxiv:2401.00003', true]]);
    expect(await handleMessage(deps, { type: 'setPaperState', key: 'arxiv:2401.00003', patch: { title: 'x' } }, fromPopup)).toMatchObject({ ok: false });
  });

  it('list the starred papers, most recently seen first, and drop a paper once unstarred', async () => {
    await handleMessage(deps, scan([arxivPaper('2401.00001', 'Diffusion models for proteins'), arxivPaper('2401.00002', 'Sparse attention')]), fromTab);
    deps.now = () => NOW + 60_000;
    await handleMessage(deps, { ...scan([arxivPaper('2401.00003', 'Hopfield networks revisited')]), page: 'https://arxiv.org/list/cs/recent' }, fromTab);
    const star = (key: string, starred: boolean) => handleMessage(deps, { type: 'setPaperState', key, patch: { starred } }, fromPopup);
    const starred = async () => {
      const reply = await handleMessage(deps, { type: 'getStarred' }, fromPopup);
      return reply.ok && (reply.value as { papers: PopupPaper[] }).papers.map((p) => [p.key, p.starred]);
    };
    expect(await starred()).toEqual([]);
    await star('arxiv:2401.00001', true);
    await star('arxiv:2401.00002', true);
    await star('arxiv:2401.00003', true);
    expect(await starred()).toEqual([['arxiv:2401.00003', true], ['arxiv:2401.00001', true], ['arxiv:2401.00002', true]]);
    await star('arxiv:2401.00001', false);
    expect(await starred()).toEqual([['arxiv:2401.00003', true], ['arxiv:2401.00002', true]]);
  });

  it('drop a page’s older search once it searches again, and leave other pages’ searches alone', async () => {
    await handleMessage(deps, scan(), fromTab);
    const search = (query: string, documentId: string) => handleMessage(deps, { type: 'search', query }, { ...fromPopup, documentId });
    const keys = (reply: Awaited<ReturnType<typeof search>>) => reply.ok && (reply.value as { papers: PopupPaper[] }).papers.map((p) => p.key);
    const [older, otherPopup, newer] = await Promise.all([search('difusion', 'popup-1'), search('difusion', 'popup-2'), search('diffusion', 'popup-1')]);
    expect(keys(older)).toEqual([]);
    expect(keys(otherPopup)).toEqual(['arxiv:2401.00001']);
    expect(keys(newer)).toEqual(['arxiv:2401.00001']);
  });

  it('search every stored paper by title, tolerating a typo', async () => {
    await handleMessage(deps, scan(), fromTab);
    const reply = await handleMessage(deps, { type: 'search', query: 'difusion' }, fromPopup);
    expect(reply.ok && (reply.value as { papers: PopupPaper[] }).papers.map((p) => p.key)).toEqual(['arxiv:2401.00001']);
  });

  it('count matched papers per day and interest for the chart', async () => {
    await handleMessage(deps, scan(), fromTab);
    const reply = await handleMessage(deps, { type: 'getChart', days: ['2026-11-21', '2026-11-22'] }, fromPopup);
    expect(reply).toEqual({
      ok: true,
      value: { days: ['2026-11-21', '2026-11-22'], interests: [expect.objectContaining({ id: 'diffusion' }), expect.objectContaining({ id: 'hopfield' })], counts: [[0, 0], [1, 0]], papers: [0, 1] },
    });
  });

  it('count a paper matching two interests once in the chart’s day total', async () => {
    await handleMessage(deps, scan([arxivPaper('2401.00003', 'Diffusion models meet Hopfield networks'), arxivPaper('2401.00004', 'Hopfield networks')]), fromTab);
    const reply = await handleMessage(deps, { type: 'getChart', days: ['2026-11-22'] }, fromPopup);
    expect(reply).toMatchObject({ ok: true, value: { counts: [[1, 2]], papers: [2] } });
  });

  it('preview an interest being edited against the recently seen papers', async () => {
    await handleMessage(deps, scan(), fromTab);
    const reply = await handleMessage(deps, { type: 'previewInterest', interest: { id: 'new', label: 'x', terms: ['graph theory'] } }, fromPopup);
    expect(reply).toEqual({ ok: true, value: { scanned: 2, matched: 1, top: [{ key: 'arxiv:2401.00002', title: 'Graph theory', url: 'https://arxiv.org/abs/2401.00002' }], scores: [expect.any(Number)] } });
    const empty = await handleMessage(deps, { type: 'previewInterest', interest: { id: 'new', label: 'x', terms: ['the'] } }, fromPopup);
    expect(empty).toEqual({ ok: true, value: { scanned: 0, matched: 0, top: [] } });
  });

  it('preview against the papers as they are now: a listing read between two previews is in the second', async () => {
    await handleMessage(deps, scan(), fromTab);
    const preview = { type: 'previewInterest', interest: { id: 'new', label: 'x', terms: ['graph theory'] } } as const;
    expect(await handleMessage(deps, preview, fromPopup)).toMatchObject({ ok: true, value: { scanned: 2, matched: 1 } });
    await handleMessage(deps, scan([arxivPaper('2401.00005', 'Spectral graph theory')]), fromTab);
    expect(await handleMessage(deps, preview, fromPopup)).toMatchObject({ ok: true, value: { scanned: 3, matched: 2 } });
  });

  it('save interests, validated, and report the change', async () => {
    const changes: InterestChanges[] = [];
    deps.onInterestsChanged = (c) => changes.push(c);
    const before = (await deps.interests.get()).interests;
    const bad = await handleMessage(deps, { type: 'setInterests', interests: [{ id: 'x', label: '', terms: [] }] }, fromPopup);
    expect(bad).toEqual({ ok: false, error: 'interests[0].label must be a non-empty string' });
    const good = await handleMessage(deps, { type: 'setInterests', interests: [HOPFIELD] }, fromPopup);
    expect(good).toEqual({ ok: true, value: { interests: [HOPFIELD] } });
    // What the re-match needs to know: which interests' matches are stale and which are gone.
    // Hopfield is unchanged, so nothing needs matching; Diffusion's matches go.
    expect(before.map((i) => i.id)).toEqual(['diffusion', 'hopfield']);
    expect(changes).toEqual([{ changed: [], removed: ['diffusion'] }]);
    expect(await handleMessage(deps, { type: 'getInterests' }, fromPopup)).toEqual({ ok: true, value: { interests: [HOPFIELD] } });
  });
});

describe('scan: page health and publication details', () => {
  it('keeps how reading the page went on the tab status, through the page’s later batches', async () => {
    await handleMessage(deps, { ...scan([]), page: fromTab.url, health: 'robot-check' }, fromTab);
    await handleMessage(deps, { ...scan([arxivPaper('2401.00003', 'Hopfield networks revisited')]), reset: false }, fromTab);
    expect(await readTabStatus(7)).toEqual(expect.objectContaining({ health: 'robot-check', papers: 1 }));
  });

  it('refuses an unknown health value', async () => {
    const reply = await handleMessage(deps, { ...scan(), health: 'fine' } as never, fromTab);
    expect(reply).toEqual({ ok: false, error: 'scan.health must be one of ok, metadata, robot-check, no-papers' });
  });

  it('keeps venue, date and kind on the record, fills what a later page adds and erases nothing, and shows them in the popup', async () => {
    const first = arxivPaper('2401.00001', 'Diffusion models for proteins', { published: '2024-01', kind: 'preprint' });
    await handleMessage(deps, scan([first]), fromTab);
    const later = arxivPaper('2401.00001', 'Diffusion models for proteins', { venue: 'NeurIPS', published: '2024' });
    await handleMessage(deps, { ...scan([later]), page: 'https://dblp.org/pid/1/1.html', site: 'dblp' }, fromTab);
    expect(await deps.db.papers.get('arxiv:2401.00001')).toMatchObject({ venue: 'NeurIPS', published: '2024-01', kind: 'preprint' });
    const reply = await handleMessage(deps, { type: 'getPapers', keys: ['arxiv:2401.00001'] }, fromPopup);
    expect(reply).toMatchObject({ ok: true, value: { papers: [{ venue: 'NeurIPS', published: '2024-01', kind: 'preprint' }] } });
  });

  it.each([
    ['a date that is not YYYY, YYYY-MM or YYYY-MM-DD', { published: 'last week' }, 'papers[0].published is not YYYY, YYYY-MM or YYYY-MM-DD'],
    ['an unknown kind', { kind: 'book' }, 'papers[0].kind is not one of article, inproceedings, preprint'],
    ['an absurd venue', { venue: 'x'.repeat(301) }, 'papers[0].venue is not a string of at most 300 characters'],
  ])('refuses a paper with %s, and stores nothing of that message', async (_what, extra, error) => {
    const reply = await handleMessage(deps, scan([{ ...arxivPaper('2401.00001', 'Diffusion'), ...extra } as never]), fromTab);
    expect(reply).toEqual({ ok: false, error });
    expect(await deps.db.papers.count()).toBe(0);
  });
});
