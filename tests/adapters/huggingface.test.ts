import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { huggingface } from '../../lib/adapters/huggingface';
import { loadPage } from '../../lib/cli/page';
import { detectWith } from '../../lib/detect';
import { PAGES_DIR, readPage, type ExpectedPaper } from '../fixture-pages';

const DAILY = 'huggingface/daily-papers-2024-08-01.html';
const DAILY_URL = 'https://huggingface.co/papers?date=2024-08-01';
const expectedDaily = JSON.parse(
  readFileSync(join(PAGES_DIR, DAILY.replace(/\.html$/, '.expected.json')), 'utf8'),
) as ExpectedPaper[];

function papersOf(html: string, url: string, root?: (doc: Document) => ParentNode) {
  const { document, close } = loadPage(html, url);
  try {
    return detectWith(huggingface, document, new URL(url), root?.(document)).map((d) => d.paper);
  } finally {
    close();
  }
}

function card(id: string, title: string, upvotes: number): string {
  return `<article class="relative flex flex-col"><a href="/papers/${id}"><img alt=""></a>
    <label><input type="checkbox" class="hidden"><div class="leading-none">${upvotes}</div></label>
    <h3><a href="/papers/${id}">${title}</a></h3></article>`;
}

describe('huggingface: URLs', () => {
  it.each([
    ['https://huggingface.co/papers', true, true],
    ['https://huggingface.co/papers?date=2024-08-01', true, true],
    ['https://huggingface.co/papers/date/2025-06-02', true, true],
    ['https://huggingface.co/papers/week/2025-W23', true, true],
    ['https://huggingface.co/papers/month/2025-06', true, true],
    ['https://huggingface.co/papers/trending', true, true],
    ['https://huggingface.co/papers?q=video+diffusion', true, true],
    ['https://huggingface.co/papers/2407.21783', true, true],
    ['https://huggingface.co/collections/akhaliq/llm-papers-6515cff8c9c2e8b9bc8f7d28', true, true],
    ['https://huggingface.co/papers/not-an-id', true, false],
    ['https://huggingface.co/models', false, false],
    ['https://huggingface.co/papersfoo', false, false],
    ['https://huggingface.co/collections/akhaliq', false, false],
    ['https://example.com/papers/2407.21783', false, false],
  ])('%s: matches %s, listing %s', (href, matches, listing) => {
    const url = new URL(href);
    expect(huggingface.matches(url)).toBe(matches);
    // The health check asks only for URLs the adapter handles.
    expect(huggingface.matches(url) && huggingface.isListing!(url)).toBe(listing);
  });
});

describe('huggingface: daily list', () => {
  it('takes comments and upvotes as shown on the saved page (the expected file keeps comments as an extra key)', () => {
    const papers = papersOf(readPage(DAILY), DAILY_URL);
    expect(papers.map((p) => p.signals)).toEqual(
      expectedDaily.map((e) => ({ upvotes: e.signals?.upvotes, comments: e.comments })),
    );
  });

  it('adds authors and abstract from the island JSON, which the cards do not show', () => {
    const [llama] = papersOf(readPage(DAILY), DAILY_URL);
    expect(llama?.authors?.slice(0, 2)).toEqual(['Abhimanyu Dubey', 'Abhinav Jauhri']);
    expect(llama?.abstract).toMatch(/^Modern artificial intelligence \(AI\) systems are powered by foundation models\./);
  });

  it('dates each paper by its arXiv publication (paper.publishedAt), not by the day it was listed', () => {
    const [llama] = papersOf(readPage(DAILY), DAILY_URL);
    expect([llama?.published, llama?.kind]).toEqual(['2024-07-31', 'preprint']);
  });

  it('reads the rendered cards alone when the JSON is missing or malformed', () => {
    const html = readPage(DAILY);
    const withJson = papersOf(html, DAILY_URL);
    // Without the JSON a card still names an arXiv preprint, dated by its id's month.
    const cardsOnly = withJson.map(({ key, title, url, ids, signals }) => ({ key, title, url, ids, signals, kind: 'preprint', published: `20${ids.arxiv!.slice(0, 2)}-${ids.arxiv!.slice(2, 4)}` }));
    const noJson = html.replace(/data-target="DailyPapers" data-props="[^"]*"/, 'data-target="DailyPapers"');
    const broken = html.replace(/(data-target="DailyPapers" data-props=")[^"]{40}/, '$1{&quot;dailyPapers&quot;: [');
    expect(noJson).not.toBe(html);
    expect(broken).not.toBe(html);
    expect(papersOf(noJson, DAILY_URL)).toEqual(cardsOnly);
    expect(papersOf(broken, DAILY_URL)).toEqual(cardsOnly);
  });

  it('reads only a container added later when given it as root', () => {
    const html = `<html><body><main><div data-target="DailyPapers" data-props="{}">
      <div id="first">${card('2407.21783', 'The Llama 3 Herd of Models', 94)}</div>
      <div id="more">${card('2407.21705', 'Tora: Trajectory-oriented Diffusion Transformer for Video Generation', 24)}
        ${card('2407.21770', 'MoMa: Efficient Early-Fusion Pre-training with Mixture of Modality-Aware Experts', 19)}</div>
    </div></main></body></html>`;
    const added = papersOf(html, DAILY_URL, (doc) => doc.getElementById('more')!);
    expect(added.map((p) => [p.ids.arxiv, p.signals?.upvotes])).toEqual([
      ['2407.21705', 24],
      ['2407.21770', 19],
    ]);
    // The added card itself may be the root the content script passes.
    const one = papersOf(html, DAILY_URL, (doc) => doc.querySelector('#more article')!);
    expect(one.map((p) => p.ids.arxiv)).toEqual(['2407.21705']);
    expect(papersOf(html, DAILY_URL)).toHaveLength(3);
  });

  it('watches the list island for entries added without reload', () => {
    const { document, close } = loadPage(readPage(DAILY), DAILY_URL);
    expect(huggingface.dynamicRoot?.(document)?.getAttribute('data-target')).toBe('DailyPapers');
    close();
  });
});

describe('huggingface: paper page', () => {
  it('reads the paper from the PaperContent island, not the papers linked around it', () => {
    const props = {
      paper: {
        id: '2407.21783',
        title: 'The Llama 3 Herd of Models',
        summary: 'Modern artificial intelligence (AI) systems are powered by foundation models.',
        upvotes: 94,
        authors: [{ name: 'Abhimanyu Dubey', hidden: false }, { name: 'Abhinav Jauhri', hidden: false }],
      },
      comments: [],
    };
    const attr = JSON.stringify(props).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    const html = `<html><body><main><div class="SVELTE_HYDRATER contents" data-target="PaperContent" data-props="${attr}">
      <section><h1>The Llama 3 Herd of Models</h1><a href="https://arxiv.org/abs/2407.21783">arXiv</a></section>
      <aside>${card('2407.21705', 'Tora', 24)}</aside></div></main></body></html>`;
    expect(papersOf(html, 'https://huggingface.co/papers/2407.21783')).toEqual([
      {
        key: 'arxiv:2407.21783',
        title: 'The Llama 3 Herd of Models',
        url: 'https://huggingface.co/papers/2407.21783',
        ids: { arxiv: '2407.21783' },
        authors: ['Abhimanyu Dubey', 'Abhinav Jauhri'],
        abstract: 'Modern artificial intelligence (AI) systems are powered by foundation models.',
        signals: { upvotes: 94 },
        kind: 'preprint',
        published: '2024-07',
      },
    ]);
  });
});
