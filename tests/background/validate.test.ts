import { describe, expect, it } from 'vitest';
import { handleMessage, type BackgroundDeps } from '../../lib/background/handlers';
import { InvalidMessage, MAX_PAPERS_PER_MESSAGE, validateRequest } from '../../lib/background/validate';
import { LIMITS } from '../../lib/paper';
import type { ScanRequest } from '../../lib/messages';
import { arxivPaper, paper } from '../factories';

const scan = (papers: unknown[] = [arxivPaper('2401.00001', 'Diffusion models')], extra: object = {}) => ({
  type: 'scan', page: 'https://arxiv.org/list/cs/new', site: 'arxiv', listing: true, reset: true, papers, ...extra,
});
const withPaper = (patch: object) => scan([{ ...arxivPaper('2401.00001', 'Diffusion models'), ...patch }]);

describe('validateRequest', () => {
  it('accepts what the content script sends, and returns only the known fields, re-derived', () => {
    const sent = { ...scan(), extra: 'dropped', papers: [{ ...arxivPaper('2401.00001v3', 'Diffusion  models'), html: '<b>x</b>' }] };
    const checked = validateRequest(sent) as ScanRequest;
    expect(Object.keys(checked).sort()).toEqual(['listing', 'page', 'papers', 'reset', 'site', 'type']);
    expect(checked.papers).toEqual([{ ...arxivPaper('2401.00001', 'Diffusion models'), url: 'https://arxiv.org/abs/2401.00001v3' }]);
  });

  it('accepts every paper toPaper can produce, however hostile the page (the limits agree)', () => {
    const hostile = paper({
      title: `${'T'.repeat(1 << 20)}`,
      authors: Array.from({ length: 5000 }, () => 'A'.repeat(1000)),
      abstract: 'x'.repeat(1 << 20),
      section: 's'.repeat(1 << 16),
      url: `https://arxiv.org/abs/2401.00001?${'q'.repeat(LIMITS.url)}`,
      ids: { arxiv: '2401.00001', doi: `10.1234/${'y'.repeat(1 << 16)}` },
      signals: { upvotes: 1e15, comments: Number.NaN, citations: -1 },
    });
    expect(() => validateRequest(scan([hostile]))).not.toThrow();
    expect(hostile).not.toHaveProperty('url');
    expect(hostile).not.toHaveProperty('signals');
    expect(hostile.ids).toEqual({ arxiv: '2401.00001' });
  });

  it.each([
    ['not an object', 'scan'],
    ['an array', [{ type: 'scan' }]],
    ['no type', {}],
    ['a non-string type', { type: 7 }],
    ['an unknown type', { type: 'eval' }],
    ['an inherited type name', { type: 'constructor' }],
    ['a javascript: page', scan(undefined, { page: 'javascript:alert(1)' })],
    ['a data: page', scan(undefined, { page: 'data:text/html,<script>' })],
    ['a page URL over the limit', scan(undefined, { page: `https://arxiv.org/${'x'.repeat(LIMITS.url)}` })],
    ['an unknown site', scan(undefined, { site: 'evil' })],
    ['a string reset', scan(undefined, { reset: 'true' })],
    ['papers that are not a list', scan(undefined, { papers: { 0: arxivPaper('2401.00001', 'x') } })],
    [`more than ${MAX_PAPERS_PER_MESSAGE} papers`, scan(Array.from({ length: MAX_PAPERS_PER_MESSAGE + 1 }, (_, i) => arxivPaper(`2401.${String(i).padStart(5, '0')}`, 't')))],
    ['a paper that is not an object', scan(['<img src=x onerror=alert(1)>'])],
    ['a title that is markup in an object', withPaper({ title: { html: '<b>' } })],
    ['a title over the limit', withPaper({ title: 'x'.repeat(LIMITS.title + 1) })],
    ['an author that is not text', withPaper({ authors: [{ name: 'x' }] })],
    ['too many authors', withPaper({ authors: Array.from({ length: LIMITS.authors + 1 }, () => 'A') })],
    ['an abstract over the limit', withPaper({ abstract: 'x'.repeat(LIMITS.abstract + 1) })],
    ['an unknown id kind', withPaper({ ids: { arxiv: '2401.00001', isbn: '1' } })],
    ['a prototype key in ids', withPaper({ ids: JSON.parse('{"__proto__": {"polluted": 1}, "arxiv": "2401.00001"}') })],
    ['an id over the limit', withPaper({ ids: { arxiv: '2401.00001', doi: `10.1/${'x'.repeat(LIMITS.id)}` } })],
    ['negative upvotes', withPaper({ signals: { upvotes: -1 } })],
    ['NaN comments', withPaper({ signals: { comments: Number.NaN } })],
    ['an unknown signal', withPaper({ signals: { karma: 1 } })],
    ['a section over the limit', withPaper({ section: 'x'.repeat(LIMITS.section + 1) })],
    ['a forged key', withPaper({ key: 'arxiv:9999.99999' })],
    ['a key of another paper on the page', scan([{ ...arxivPaper('2401.00001', 'A'), key: 'arxiv:2401.00002' }, arxivPaper('2401.00002', 'B')])],
    ['a title-only paper with a forged key', scan([{ ...paper({ title: 'Some title' }), key: 'title:other' }])],
    ['a backup sent as a message (restored by the options page itself)', { type: 'importBackup', backup: { interests: [] } }],
    ['prune with zero days', { type: 'prune', days: 0 }],
    ['prune with a string', { type: 'prune', days: '30' }],
    ['setRetention with a made-up period', { type: 'setRetention', retention: { days: 1 } }],
  ])('rejects %s', (_, message) => {
    expect(() => validateRequest(message)).toThrow();
  });

  it('names the problem and never echoes a long value', () => {
    try {
      validateRequest({ type: 'x'.repeat(100_000) });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(InvalidMessage);
      expect((err as Error).message.length).toBeLessThan(80);
    }
  });

  it('normalises a javascript: paper link away rather than storing it', () => {
    const forged = { ...arxivPaper('2401.00001', 'T'), url: 'javascript:alert(1)' };
    expect((validateRequest(scan([forged])) as ScanRequest).papers[0]).not.toHaveProperty('url');
  });

  it.each([['dataReplaced'], ['wipe']])('accepts %s with no arguments', (type) => {
    expect(validateRequest({ type, extra: 1 })).toEqual({ type });
  });
});

describe('sender checks', () => {
  const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
  const deps = { extensionId: 'abcdefghijklmnopabcdefghijklmnop', extensionOrigin: ORIGIN, now: () => 0 } as BackgroundDeps;

  it.each([
    ['a web page tab (content script) asking for data', { id: deps.extensionId, url: 'https://evil.example/', tab: { id: 1 } }],
    ['another extension', { id: 'other', url: 'chrome-extension://other/options.html' }],
    ['another extension whose id extends ours', { id: deps.extensionId, url: `${ORIGIN}evil/options.html` }],
    ['no sender url', { id: deps.extensionId }],
  ])('refuses privileged messages from %s', async (_, sender) => {
    for (const type of ['getInterests', 'dataReplaced', 'wipe']) {
      expect(await handleMessage(deps, { type }, sender as never)).toEqual({ ok: false, error: `${type} is accepted from Paperlight’s own pages only` });
    }
  });

  it.each([
    ['an extension page', { id: deps.extensionId, url: `${ORIGIN}/popup.html` }],
    ['an extension page in a tab', { id: deps.extensionId, url: `${ORIGIN}/options.html`, tab: { id: 3 } }],
    ['another extension’s content script', { id: 'other', url: 'https://arxiv.org/list/cs/new', tab: { id: 1 } }],
    ['a frame without a tab', { id: deps.extensionId, url: 'https://arxiv.org/list/cs/new' }],
  ])('refuses scans from %s', async (_, sender) => {
    expect(await handleMessage(deps, scan(), sender as never)).toEqual({ ok: false, error: 'scan is accepted from Paperlight’s content scripts only' });
  });
});
