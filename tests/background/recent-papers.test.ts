import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createRecentPapers } from '../../lib/background/recent-papers';
import { handleMessage, type BackgroundDeps } from '../../lib/background/handlers';
import { arxivPaper, testBackground } from '../factories';

const fromTab = { id: 'paperlight-test', url: 'https://arxiv.org/list/cs/new', tab: { id: 7 } as never };
let deps: BackgroundDeps;

async function read(papers: ReturnType<typeof arxivPaper>[], time: number): Promise<void> {
  deps.now = () => time;
  await handleMessage(deps, { type: 'scan', page: 'https://arxiv.org/list/cs/new', site: 'arxiv', listing: true, reset: true, papers }, fromTab);
}

beforeEach(() => {
  fakeBrowser.reset();
  deps = testBackground(Date.now());
});
afterEach(() => deps.db.close());

describe('recent papers (the live preview’s sample)', () => {
  it('are the newest first, with only what matching and the preview list need', async () => {
    await read([arxivPaper('2401.00001', 'Older paper', { abstract: 'Words.' })], 1_000);
    await read([arxivPaper('2401.00002', 'Newer paper')], 2_000);
    expect((await deps.recentPapers()).papers).toEqual([
      { key: 'arxiv:2401.00002', title: 'Newer paper', authors: ['Ada Lovelace'], url: 'https://arxiv.org/abs/2401.00002' },
      { key: 'arxiv:2401.00001', title: 'Older paper', authors: ['Ada Lovelace'], abstract: 'Words.', url: 'https://arxiv.org/abs/2401.00001' },
    ]);
  });

  it('are read once while the store stays as it is, and again once it changes', async () => {
    await read([arxivPaper('2401.00001', 'First')], 1_000);
    const first = await deps.recentPapers();
    expect(await deps.recentPapers()).toBe(first);
    await read([arxivPaper('2401.00002', 'Second')], 2_000);
    const second = await deps.recentPapers();
    expect(second).not.toBe(first);
    expect(second.papers.map((p) => p.title)).toEqual(['Second', 'First']);
  });

  it('are let go after a quiet spell', async () => {
    const recent = createRecentPapers(deps.db, () => deps.snapshot.generation, 20);
    await read([arxivPaper('2401.00001', 'First')], 1_000);
    const first = await recent();
    expect(await recent()).toBe(first);
    await new Promise((resolve) => setTimeout(resolve, 40));
    const again = await recent();
    expect(again).not.toBe(first);
    expect(again.papers).toEqual(first.papers);
  });
});
