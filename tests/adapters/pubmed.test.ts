import { describe, expect, it } from 'vitest';
import { pubmed } from '../../lib/adapters/pubmed';
import { loadPage } from '../../lib/cli/page';
import { detectWith } from '../../lib/detect';
import { readPage } from '../fixture-pages';

describe('pubmed: URLs', () => {
  it.each([
    ['https://pubmed.ncbi.nlm.nih.gov/?term=endometriosis', true, true],
    ['https://pubmed.ncbi.nlm.nih.gov/collections/12345678/', true, true],
    ['https://pubmed.ncbi.nlm.nih.gov/37988744/', true, false],
    ['https://pubmed.ncbi.nlm.nih.gov/', true, false],
    ['https://www.ncbi.nlm.nih.gov/pmc/articles/PMC123/', false, false],
  ])('%s: matches %s, listing %s', (href, matches, listing) => {
    const url = new URL(href);
    expect(pubmed.matches(url)).toBe(matches);
    expect(pubmed.matches(url) && pubmed.isListing!(url)).toBe(listing);
  });
});

describe('pubmed: pages', () => {
  it('reads the search snippet as the abstract, and a result block on its own', () => {
    const url = 'https://pubmed.ncbi.nlm.nih.gov/?term=endometriosis&sort=date&size=100';
    const { document, close } = loadPage(readPage('pubmed/search-endometriosis-2023-11-fragment.html'), url);
    try {
      const second = document.querySelectorAll('article.full-docsum')[1]!;
      const found = detectWith(pubmed, document, new URL(url), second);
      expect(found.map((d) => d.paper.ids.pmid)).toEqual(['37987824']);
      expect(found[0]?.element).toBe(second);
      const [first] = detectWith(pubmed, document, new URL(url));
      expect(first?.paper.abstract).toMatch(/^Endometriosis is an incurable chronic condition/);
    } finally {
      close();
    }
  });

  it('reads only the main article of an article page, with its abstract', () => {
    const url = 'https://pubmed.ncbi.nlm.nih.gov/37988744/';
    const { document, close } = loadPage(readPage('pubmed/article-37988744-synthetic.html'), url);
    try {
      const found = detectWith(pubmed, document, new URL(url));
      // The DOI outranks the PMID in the key (CONTRACT §1).
      expect(found.map((d) => [d.paper.key, d.paper.ids.pmid])).toEqual([['doi:10.1177/10497323231214114', '37988744']]);
      expect(found[0]?.element.id).toBe('full-view-heading');
      expect(found[0]?.paper.abstract).toMatch(/^Endometriosis is an incurable/);
    } finally {
      close();
    }
  });

  it('observes the results list for "Show more"', () => {
    const html = '<section class="search-results-list"><div class="search-results-chunks"><div class="search-results-chunk"></div></div></section>';
    const { document, close } = loadPage(html, 'https://pubmed.ncbi.nlm.nih.gov/?term=x');
    try {
      expect(pubmed.dynamicRoot?.(document)?.className).toBe('search-results-chunks');
    } finally {
      close();
    }
  });
});
