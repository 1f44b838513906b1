/**
 * The floor under every adapter: a saved detail page stripped of its site-specific markup (the body,
 * apart from JSON-LD and COinS) still yields its paper from the page's own metadata, and the health
 * check says so; a page left with neither entries nor metadata yields nothing and reports the problem.
 */
import { describe, expect, it } from 'vitest';
import { adapterFor } from '../../lib/adapters';
import { loadPage } from '../../lib/cli/page';
import { detect, pageHealth } from '../../lib/detect';
import { collapseWhitespace } from '../../lib/text';
import { fixturePages, readPage } from '../fixture-pages';

/** What a page keeps when the site's layout is gone: its head, JSON-LD blocks and COinS spans. */
function stripSiteMarkup(document: Document): void {
  const metadata = Array.from(document.body?.querySelectorAll('script[type="application/ld+json"], span.Z3988') ?? []);
  document.body?.replaceChildren(...metadata);
}

/** Scholarly metadata as a reader would look for it, independently of the detector's own reader. */
function carriesMetadata(document: Document): boolean {
  const tagged = document.querySelector('meta[name="citation_title" i], meta[name="dc.title" i], meta[name="prism.title" i], span.Z3988');
  const ld = Array.from(document.querySelectorAll('script[type="application/ld+json"]')).some((s) => /"ScholarlyArticle"/.test(s.textContent ?? ''));
  return !!tagged || ld;
}

const detailPages = fixturePages().filter((p) => {
  const adapter = adapterFor(new URL(p.url));
  return p.expected.length === 1 && adapter && adapter.id !== 'generic' && !p.file.split('/')[1]!.startsWith('search');
});

describe.each(detailPages)('$file without its site markup', (page) => {
  it('still yields its paper from the page metadata, or nothing and a health warning when it has none', () => {
    const { document, close } = loadPage(readPage(page.file), page.url);
    try {
      stripSiteMarkup(document);
      const url = new URL(page.url);
      const { adapter, detections } = detect(document, url);
      const health = pageHealth(adapter!, document, url, detections);
      if (!carriesMetadata(document)) {
        expect(detections).toEqual([]);
        expect(health).toBe(adapter!.isListing?.(url) ? 'no-papers' : 'ok');
        return;
      }
      const expected = page.expected[0]!;
      expect(detections.map((d) => collapseWhitespace(d.paper.title))).toEqual([collapseWhitespace(expected.title)]);
      // Every id the metadata gives is the page's own; DOIs compare case-insensitively.
      for (const [kind, id] of Object.entries(detections[0]!.paper.ids)) expect(id.toLowerCase()).toBe(expected.ids[kind]?.toLowerCase());
      // Adapters that read the metadata themselves (bioRxiv and PMC article pages) are not the floor.
      expect(health).toBe(detections[0]!.fromMetadata ? 'metadata' : 'ok');
    } finally {
      close();
    }
  });
});

describe('the floor', () => {
  it('reads an arXiv abstract page saved with only its head, with the date and kind its metadata gives', () => {
    const page = fixturePages().find((p) => p.file === 'arxiv/abs-2106.09608v2-2021.html')!;
    const head = readPage(page.file).replace(/<body[\s\S]*$/i, '</html>');
    const { document, close } = loadPage(head, page.url);
    try {
      const { detections } = detect(document, new URL(page.url));
      expect(detections.map((d) => ({ key: d.paper.key, fromMetadata: d.fromMetadata, published: d.paper.published, kind: d.paper.kind }))).toEqual([
        { key: 'arxiv:2106.09608', fromMetadata: true, published: '2021-06-17', kind: 'preprint' },
      ]);
    } finally {
      close();
    }
  });

  it('does not run where the adapter found papers', () => {
    const page = fixturePages().find((p) => p.file === 'arxiv/abs-2106.09608v2-2021.html')!;
    const { document, close } = loadPage(readPage(page.file), page.url);
    try {
      const { adapter, detections } = detect(document, new URL(page.url));
      expect(detections.map((d) => d.fromMetadata)).toEqual([undefined]);
      expect(pageHealth(adapter!, document, new URL(page.url), detections)).toBe('ok');
    } finally {
      close();
    }
  });

  it('finds nothing on a listing with neither entries nor metadata, and the health check reports it', () => {
    const url = new URL('https://arxiv.org/list/cs.LG/new');
    const { document, close } = loadPage('<html><head><title>cs.LG new</title></head><body><div id="dlpage"><p>Nothing recognisable</p></div></body></html>', url.href);
    try {
      const { adapter, detections } = detect(document, url);
      expect(detections).toEqual([]);
      expect(pageHealth(adapter!, document, url, detections)).toBe('no-papers');
    } finally {
      close();
    }
  });

  it('names a Google Scholar robot check as such, not as a changed layout', () => {
    const page = fixturePages().find((p) => p.file === 'scholar/search-captcha-interstitial-2020-11.html')!;
    const { document, close } = loadPage(readPage(page.file), page.url);
    try {
      const url = new URL(page.url);
      const { adapter, detections } = detect(document, url);
      expect(detections).toEqual([]);
      expect(pageHealth(adapter!, document, url, detections)).toBe('robot-check');
    } finally {
      close();
    }
  });
});
