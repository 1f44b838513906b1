import { describe, expect, it } from 'vitest';
import { biorxiv } from '../../lib/adapters/biorxiv';
import { loadPage } from '../../lib/cli/page';
import { detectWith } from '../../lib/detect';
import { readPage } from '../fixture-pages';

describe('biorxiv: URLs', () => {
  it.each([
    ['https://www.biorxiv.org/search/cell-free%20DNA', true, true],
    ['https://www.biorxiv.org/collection/genomics', true, true],
    ['https://www.medrxiv.org/content/early/recent', true, true],
    ['https://www.biorxiv.org/content/10.1101/696633v1', true, false],
    ['https://www.biorxiv.org/content/10.1101/696633v1.full', true, false],
    ['https://www.biorxiv.org/', true, false],
    ['https://connect.biorxiv.org/relate/content/181', false, false],
  ])('%s: matches %s, listing %s', (href, matches, listing) => {
    const url = new URL(href);
    expect(biorxiv.matches(url)).toBe(matches);
    expect(biorxiv.matches(url) && biorxiv.isListing!(url)).toBe(listing);
  });
});

describe('biorxiv: pages', () => {
  it('reads article pages from citation meta written with content= as well as value=', () => {
    const html = `<html><head>
      <meta name="citation_title" content="Sub-nucleosomal organization in urine cell-free DNA">
      <meta name="citation_author" content="Havell Markus"><meta name="citation_doi" content="10.1101/696633">
      <meta name="citation_abstract" content="&lt;p&gt;Cell-free DNA in urine.&lt;/p&gt;">
      <link rel="canonical" href="https://www.biorxiv.org/content/10.1101/696633v1"></head>
      <body><h1 id="page-title">Sub-nucleosomal organization in urine cell-free DNA</h1>
      <div class="highwire-article-citation"><a class="highwire-cite-linked-title" href="/content/10.1101/000001v1">A related preprint</a></div></body></html>`;
    const url = 'https://www.biorxiv.org/content/10.1101/696633v1.full';
    const { document, close } = loadPage(html, url);
    try {
      const found = detectWith(biorxiv, document, new URL(url));
      expect(found.map((d) => d.paper)).toEqual([
        {
          key: 'doi:10.1101/696633',
          title: 'Sub-nucleosomal organization in urine cell-free DNA',
          url: 'https://www.biorxiv.org/content/10.1101/696633v1',
          ids: { doi: '10.1101/696633' },
          authors: ['Havell Markus'],
          abstract: 'Cell-free DNA in urine.',
        },
      ]);
      expect(found[0]?.element.id).toBe('page-title');
    } finally {
      close();
    }
  });

  it('reads one search result on its own and marks its list item', () => {
    const url = 'https://www.biorxiv.org/search/cell-free%20DNA';
    const { document, close } = loadPage(readPage('biorxiv/search-cell-free-dna-synthetic.html'), url);
    try {
      const item = document.querySelectorAll('li.search-result')[2]!;
      const found = detectWith(biorxiv, document, new URL(url), item);
      expect(found.map((d) => d.paper.key)).toEqual(['doi:10.1101/2023.11.02.23297961']);
      expect(found[0]?.element).toBe(item);
    } finally {
      close();
    }
  });
});
