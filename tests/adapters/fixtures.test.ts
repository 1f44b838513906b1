/**
 * Every saved page through the same detection the content script and `npm run detect` use,
 * compared with its hand-checked .expected.json: titles, urls, ids, authors, signals.
 */
import { describe, expect, it } from 'vitest';
import { loadPage } from '../../lib/cli/page';
import { adapterFor } from '../../lib/adapters';
import { detect } from '../../lib/detect';
import { collapseWhitespace } from '../../lib/text';
import { fixturePages, readPage, type ExpectedPaper } from '../fixture-pages';
import type { DetectedPaper } from '../../lib/paper';

/** DOIs are case-insensitive; CONTRACT §1 prints them lower-case while pages (and expected files) keep the publisher's case. */
function comparableIds(ids: Record<string, string | undefined>): Record<string, string | undefined> {
  return ids.doi ? { ...ids, doi: ids.doi.toLowerCase() } : ids;
}

/**
 * Signals as the expected file states them: its `signals` keys, plus the Hugging Face card's comment
 * count, which the fixture files keep as a top-level `comments` key and CONTRACT §1 puts in `signals`.
 */
function signalsLike(p: ExpectedPaper | DetectedPaper, expected: ExpectedPaper): Record<string, unknown> {
  const signals = (p.signals ?? {}) as Record<string, unknown>;
  const own = p as ExpectedPaper;
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(expected.signals ?? {})) out[name] = signals[name];
  if (typeof expected.comments === 'number') out.comments = signals.comments ?? own.comments;
  return out;
}

function comparable(p: ExpectedPaper | DetectedPaper, expected: ExpectedPaper) {
  return {
    title: collapseWhitespace(p.title),
    url: p.url ?? null,
    ids: comparableIds(p.ids as Record<string, string | undefined>),
    // The expected file omits authors when the page shows none.
    ...(expected.authors ? { authors: (p as { authors?: string[] }).authors ?? [] } : {}),
    ...(expected.signals ? { signals: signalsLike(p, expected) } : {}),
  };
}

it('gives every saved page its own URL, so the browser tests can serve them all at once', () => {
  const urls = fixturePages().map((p) => p.url);
  expect(urls.filter((u, i) => urls.indexOf(u) !== i)).toEqual([]);
});

// Once the generic detector is registered every page has an adapter and this filter keeps them all.
describe.each(fixturePages().filter((p) => adapterFor(new URL(p.url))))('$file', (page) => {
  it(`detects the ${page.expected.length} papers of the page, as shown${page.synthetic ? ' (synthetic page)' : ''}`, () => {
    const { document, close } = loadPage(readPage(page.file), page.url);
    try {
      const papers = detect(document, new URL(page.url)).detections.map((d) => d.paper);
      expect(papers.map((p, i) => comparable(p, page.expected[i] ?? page.expected[0]!))).toEqual(
        page.expected.map((e) => comparable(e, e)),
      );
    } finally {
      close();
    }
  });
});
