import { describe, expect, it, vi } from 'vitest';
import { arxiv } from '../../lib/adapters/arxiv';
import { ADAPTERS } from '../../lib/adapters';
import type { SiteAdapter } from '../../lib/adapters/types';
import { createScanner, FIRST_BATCH_SIZE, type ScannerEnv } from '../../lib/content/scanner';
import type { MatchView, PaperStateChanged, ScanRequest, ScanResponse } from '../../lib/messages';
import { fixturePages, readPage } from '../fixture-pages';

const LIST_URL = 'https://arxiv.org/list/cs/new';
const match = (label: string): MatchView => ({ interest: label.toLowerCase(), label, color: '#2563eb', score: 0.9, terms: [{ term: label, field: 'title', exact: true }] });

function loadIntoDocument(html: string): void {
  document.documentElement.innerHTML = '';
  document.write(html);
}

function listing(n: number): string {
  const entries = Array.from({ length: n }, (_, i) => {
    const id = `2401.${String(i).padStart(5, '0')}`;
    return `<dt><a href="/abs/${id}">arXiv:${id}</a></dt><dd><div class="list-title"><span class="descriptor">Title:</span> Paper ${i}</div><div class="list-authors"><a href="#">A. Author</a></div></dd>`;
  });
  return `<html><body><h3>New submissions</h3><dl>${entries.join('')}</dl></body></html>`;
}

function env(send: ScannerEnv['send'], overrides: Partial<ScannerEnv> = {}): ScannerEnv {
  return {
    document,
    url: () => new URL(LIST_URL),
    send,
    nextSlice: (task) => setTimeout(task, 0),
    // happy-dom lays nothing out: every entry is as good as in view.
    whenNear: (_element, task) => task(),
    setTimeout: (task, ms) => setTimeout(task, ms),
    // A clock that stands still: reading is one slice, however slow the test machine (tests of slicing set their own).
    now: () => 0,
    panel: {
      setState: async (key, patch) => ({ type: 'paperStateChanged', key, keys: [key], starred: !!patch.starred, dismissed: !!patch.dismissed, read: !!patch.read }),
      moreLikeThis: async () => [],
      interests: async () => [],
    },
    signal: new AbortController().signal,
    ...overrides,
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('the page scanner', () => {
  it('marks every entry of the saved listing, sends them (the top 20 first, alone), and badges the matches', async () => {
    loadIntoDocument(readPage('arxiv/list-cs-new-2018-07-20-truncated.html'));
    const sent: ScanRequest[] = [];
    const scanner = createScanner(arxiv, env(async (request) => {
      sent.push(request);
      return { matched: [{ key: 'arxiv:1804.08208', matches: [match('Tracking')] }] };
    }));

    expect(await scanner.scan({ reset: true })).toBe(87);
    await settle();

    expect(sent.map((r) => [r.papers.length, r.reset])).toEqual([[20, true], [67, false]]);
    expect(sent[0]).toMatchObject({ type: 'scan', page: LIST_URL, site: 'arxiv', listing: true, reset: true });
    expect(sent.flatMap((r) => r.papers.map((p) => p.key))).toHaveLength(87);
    expect(document.querySelectorAll('dd[data-paperlight-key]')).toHaveLength(87);
    const matched = document.querySelectorAll('[data-paperlight-match]');
    expect(Array.from(matched, (e) => [e.getAttribute('data-paperlight-key'), e.getAttribute('data-paperlight-match')])).toEqual([['arxiv:1804.08208', 'tracking']]);
    const host = matched[0]!.querySelector('.list-title [data-paperlight-badge]');
    expect(host?.shadowRoot?.textContent).toContain('Tracking');
    // The badge drawn out of sight before the first one (warmUpBadges) left nothing behind.
    expect(document.querySelectorAll('[data-paperlight-badge]')).toHaveLength(1);
  });

  it.each([
    ['pubmed', 'pubmed/search-endometriosis-2023-11-fragment.html', 'a.docsum-title'],
    ['neurips', 'neurips/year-2023-synthetic.html', 'a[href*="-Abstract"]'],
  ])('puts the badge right after the title link on %s, outside it', async (site, file, titleLink) => {
    const fixture = fixturePages().find((p) => p.file === file)!;
    loadIntoDocument(readPage(file));
    const adapter = ADAPTERS.find((a) => a.id === site)!;
    let key: string | undefined;
    const scanner = createScanner(
      adapter,
      env(async (request) => {
        key ??= request.papers[0]!.key;
        return { matched: [{ key, matches: [match('Tracking')] }] };
      }, { url: () => new URL(fixture.url) }),
    );
    await scanner.scan({ reset: true });
    await settle();
    const link = document.querySelector(`[data-paperlight-key="${key}"] ${titleLink}`)!;
    expect(link.nextElementSibling?.hasAttribute('data-paperlight-badge')).toBe(true);
    expect(link.querySelector('[data-paperlight-badge]')).toBeNull();
  });

  it('marks what the reader did before on each entry: dims a dismissed one, stars a starred one, notes one seen earlier', async () => {
    loadIntoDocument(listing(4));
    const scanner = createScanner(
      arxiv,
      env(async () => ({
        matched: [{ key: 'arxiv:2401.00001', matches: [match('Tracking')] }],
        states: [
          { key: 'arxiv:2401.00001', marks: ['starred'] },
          { key: 'arxiv:2401.00002', marks: ['dismissed', 'seen'], seen: { day: '2026-11-30', site: 'huggingface' } },
          { key: 'arxiv:2401.00003', marks: ['seen'], seen: { day: '2026-11-30', site: 'arxiv' } },
        ],
      })),
    );
    await scanner.scan({ reset: true });
    await settle();
    const entry = (i: number) => document.querySelector<HTMLElement>(`dd[data-paperlight-key="arxiv:2401.0000${i}"]`)!;
    expect([0, 1, 2, 3].map((i) => entry(i).getAttribute('data-paperlight-state'))).toEqual([null, 'starred', 'dismissed seen', 'seen']);
    expect(entry(2).style.opacity).toBe('0.45');
    expect(entry(1).style.opacity).toBe('');
    expect(entry(1).querySelector('[data-paperlight-badge]')?.shadowRoot?.textContent).toContain('★');
    expect(entry(3).querySelector('[data-paperlight-badge]')?.shadowRoot?.textContent).toMatch(/seen .*30.* on arXiv/);
    expect(entry(0).querySelector('[data-paperlight-badge]')).toBeNull();
  });

  it('follows a paper starred or dismissed elsewhere at once, under any of its keys', async () => {
    loadIntoDocument(listing(3));
    const scanner = createScanner(arxiv, env(async () => ({ matched: [] })));
    await scanner.scan({ reset: true });
    const change = (marks: Partial<PaperStateChanged>): PaperStateChanged => ({
      type: 'paperStateChanged', key: 'doi:10.1/x', keys: ['doi:10.1/x', 'arxiv:2401.00002'], starred: false, dismissed: false, read: false, ...marks,
    });
    const entry = document.querySelector<HTMLElement>('dd[data-paperlight-key="arxiv:2401.00002"]')!;
    scanner.applyState(change({ dismissed: true }));
    expect(entry.getAttribute('data-paperlight-state')).toBe('dismissed');
    expect(entry.style.opacity).toBe('0.45');
    scanner.applyState(change({ starred: true }));
    await settle();
    expect(entry.getAttribute('data-paperlight-state')).toBe('starred');
    expect(entry.style.opacity).toBe('');
    expect(entry.querySelector('[data-paperlight-badge]')?.shadowRoot?.textContent).toContain('★');
    expect(document.querySelectorAll('[data-paperlight-state]')).toHaveLength(1);
  });

  it('marks every match at once and draws a badge only when its entry comes near the viewport', async () => {
    loadIntoDocument(listing(6));
    const waiting = new Map<Element, () => void>();
    const scanner = createScanner(
      arxiv,
      env(async (request) => ({ matched: request.papers.filter((_, i) => i % 2 === 0).map((p) => ({ key: p.key, matches: [match('Even')] })) }), {
        whenNear: (element, task) => void waiting.set(element, task),
      }),
    );
    await scanner.scan({ reset: true });
    await settle();
    expect(document.querySelectorAll('[data-paperlight-match="even"]')).toHaveLength(3);
    expect(document.querySelectorAll('[data-paperlight-badge]')).toHaveLength(0);

    const [first] = waiting.keys();
    waiting.get(first!)!();
    await settle();
    expect(Array.from(document.querySelectorAll('[data-paperlight-badge]'), (b) => b.closest('dd')?.getAttribute('data-paperlight-key'))).toEqual([first!.getAttribute('data-paperlight-key')]);
  });

  it('is idempotent: scanning again sends nothing new and keeps one badge per entry', async () => {
    loadIntoDocument(readPage('arxiv/list-cs-new-2018-07-20-truncated.html'));
    const send = vi.fn(async (_request: ScanRequest): Promise<ScanResponse> => ({ matched: [{ key: 'arxiv:1804.08208', matches: [match('Tracking')] }] }));
    const scanner = createScanner(arxiv, env(send));
    await scanner.scan({ reset: true });
    await settle();
    expect(await scanner.scan({ reset: false })).toBe(0);
    await scanner.scan({ reset: true });
    await settle();
    // Each fresh read sends its 87 entries as the top 20, then the rest.
    expect(send.mock.calls.map(([request]) => [request.papers.length, request.reset])).toEqual([[20, true], [67, false], [20, true], [67, false]]);
    expect(document.querySelectorAll('[data-paperlight-badge]')).toHaveLength(1);
  });

  it('sends a large listing in batches, the first one small (the entries in view), only it resetting the tab and saying how reading went', async () => {
    loadIntoDocument(listing(1200));
    const sent: ScanRequest[] = [];
    const scanner = createScanner(arxiv, env(async (r) => (sent.push(r), { matched: [] })));
    await scanner.scan({ reset: true });
    expect(sent.map((r) => [r.papers.length, r.reset, r.health])).toEqual([[20, true, 'ok'], [500, false, undefined], [500, false, undefined], [180, false, undefined]]);
    expect(sent[0]!.papers.map((p) => p.key)).toEqual(Array.from({ length: 20 }, (_, i) => `arxiv:2401.${String(i).padStart(5, '0')}`));
  });

  it('sends entries added later in full batches: only a fresh page starts small', async () => {
    loadIntoDocument(listing(10));
    const sent: ScanRequest[] = [];
    const scanner = createScanner(arxiv, env(async (r) => (sent.push(r), { matched: [] })));
    await scanner.scan({ reset: true });
    document.querySelector('dl')!.insertAdjacentHTML('beforeend', listing(300).replace(/^[\s\S]*<dl>|<\/dl>[\s\S]*$/g, '').replaceAll('2401.', '2402.'));
    await scanner.scan({ reset: false });
    expect(sent.map((r) => [r.papers.length, r.reset])).toEqual([[10, true], [300, false]]);
  });

  it('tells the background when an abstract page was read from its metadata only', async () => {
    const url = 'https://arxiv.org/abs/2106.09608v2';
    loadIntoDocument(readPage('arxiv/abs-2106.09608v2-2021.html').replace(/<body[\s\S]*$/i, '</html>'));
    const sent: ScanRequest[] = [];
    await createScanner(arxiv, env(async (r) => (sent.push(r), { matched: [] }), { url: () => new URL(url) })).scan({ reset: true });
    expect(sent.map((r) => [r.papers.map((p) => p.key), r.health])).toEqual([[['arxiv:2106.09608'], 'metadata']]);
  });

  it('sends what the first slice read at once, and the rest in a task after the last one that reads it', async () => {
    loadIntoDocument(listing(1200));
    let readAll = false;
    const reading: SiteAdapter = {
      ...arxiv,
      *extract(doc, url, root) {
        yield* arxiv.extract(doc, url, root);
        readAll = true;
      },
    };
    const tasks: (() => void)[] = [];
    const sent: ScanRequest[] = [];
    // Two milliseconds per look at the clock: a slice reads about ten entries, fewer than the first request holds.
    let clock = 0;
    const scanning = createScanner(reading, env(async (r) => (sent.push(r), { matched: [] }), { setTimeout: (task) => void tasks.push(task), now: () => (clock += 2) })).scan({ reset: true });
    const marked = () => document.querySelectorAll('[data-paperlight-key]').length;
    const afterMicrotasks = () => new Promise((resolve) => setTimeout(resolve, 0));
    await afterMicrotasks();
    // The first slice's entries, the top of the page, are marked and sent before the rest is read.
    const early = marked();
    expect(early).toBeGreaterThan(0);
    expect(early).toBeLessThanOrEqual(FIRST_BATCH_SIZE);
    expect(sent.map((r) => [r.papers.length, r.reset, r.health])).toEqual([[early, true, 'ok']]);
    for (let task = 0; !readAll; task++) {
      expect(task, 'reading never finished').toBeLessThan(1000);
      expect([marked(), sent.length]).toEqual([early, 1]);
      tasks.shift()?.();
      await afterMicrotasks();
    }
    // The task that read the last entries marked and sent nothing more; then a batch a task: no task both marks and sends.
    expect([marked(), sent.length]).toEqual([early, 1]);
    let done = false;
    void scanning.then(() => (done = true));
    const steps: [number, number][] = [[early, 1]];
    while (!done) {
      expect(steps.length, 'sending never finished').toBeLessThan(100);
      tasks.shift()?.();
      await afterMicrotasks();
      const [wasMarked, wasSent] = steps.at(-1)!;
      steps.push([marked(), sent.length]);
      expect(marked() - wasMarked, 'entries marked in one task').toBeLessThanOrEqual(500);
      expect(sent.length - wasSent, 'requests in one task').toBeLessThanOrEqual(1);
      expect(marked() > wasMarked && sent.length > wasSent, 'a task that marks and sends').toBe(false);
    }
    expect(await scanning).toBe(1200);
    expect(marked()).toBe(1200);
    expect(sent.slice(1).map((r) => [r.papers.length, r.reset, r.health])).toEqual([[500, false, undefined], [500, false, undefined], [200 - early, false, undefined]]);
  });

  it('resends a batch the background did not acknowledge', async () => {
    loadIntoDocument(listing(3));
    let calls = 0;
    const scanner = createScanner(arxiv, env(async () => {
      if (++calls < 3) throw new Error('Could not establish connection. Receiving end does not exist.');
      return { matched: [] };
    }, { setTimeout: (task) => setTimeout(task, 0) }));
    expect(await scanner.scan({ reset: true })).toBe(3);
    expect(calls).toBe(3);
  });

  it('reports a listing with no papers so the popup can say the site changed', async () => {
    loadIntoDocument('<html><body><p>New layout, nothing we know</p></body></html>');
    const sent: ScanRequest[] = [];
    await createScanner(arxiv, env(async (r) => (sent.push(r), { matched: [] }))).scan({ reset: true });
    expect(sent).toEqual([expect.objectContaining({ listing: true, reset: true, papers: [] })]);
  });

  it('picks up entries a dynamic page adds later, and ignores its own badges', async () => {
    loadIntoDocument('<html><body><ul id="list"><li><a href="https://arxiv.org/abs/2401.00001">First</a></li></ul></body></html>');
    const dynamic: SiteAdapter = {
      id: 'arxiv', hosts: [], matches: () => true,
      dynamicRoot: (doc) => doc.getElementById('list'),
      extract: (_doc, _url, root = document) =>
        Array.from(root.querySelectorAll('li'), (li) => ({ element: li, paper: { title: li.textContent ?? '', ids: { arxiv: li.querySelector('a')!.getAttribute('href') } } })),
    };
    const sent: ScanRequest[] = [];
    const scanner = createScanner(dynamic, env(async (r) => (sent.push(r), { matched: r.papers.map((p) => ({ key: p.key, matches: [match('X')] })) }), { setTimeout: (task) => setTimeout(task, 0) }));
    await scanner.scan({ reset: true });
    scanner.watch();
    await settle();
    const li = document.createElement('li');
    li.innerHTML = '<a href="https://arxiv.org/abs/2401.00002">Second</a>';
    document.getElementById('list')!.append(li);
    await settle();
    await settle();
    expect(sent.map((r) => r.papers.map((p) => p.key))).toEqual([['arxiv:2401.00001'], ['arxiv:2401.00002']]);
    expect(document.querySelectorAll('[data-paperlight-badge]')).toHaveLength(2);
  });
});
