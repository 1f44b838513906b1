import { describe, expect, it } from 'vitest';
import { semanticScholar } from '../../lib/adapters/semantic-scholar';
import { loadPage } from '../../lib/cli/page';
import { detectWith } from '../../lib/detect';
import { readPage } from '../fixture-pages';

describe('semantic-scholar: URLs', () => {
  it.each([
    ['https://www.semanticscholar.org/search?q=transformer&sort=relevance', true, true],
    ['https://www.semanticscholar.org/author/Ashish-Vaswani/40348417', true, true],
    ['https://www.semanticscholar.org/paper/Attention-is-All-you-Need-Vaswani-Shazeer/204e3073870fae3d05bcbc2f6a8e263d9b72e776', true, true],
    ['https://www.semanticscholar.org/paper/204e3073870fae3d05bcbc2f6a8e263d9b72e776', true, true],
    ['https://semanticscholar.org/search?q=x', true, true],
    ['https://www.semanticscholar.org/search', true, false],
    ['https://www.semanticscholar.org/', true, false],
    ['https://www.semanticscholar.org/me/library', true, false],
    ['https://api.semanticscholar.org/graph/v1/paper/search?query=x', false, false],
  ])('%s: matches %s, listing %s', (href, matches, listing) => {
    const url = new URL(href);
    expect(semanticScholar.matches(url)).toBe(matches);
    // The health check asks only for URLs the adapter handles.
    expect(semanticScholar.matches(url) && semanticScholar.isListing!(url)).toBe(listing);
  });
});

describe('semantic-scholar: pages', () => {
  const url = 'https://www.semanticscholar.org/search?q=transformer%20language%20model&sort=relevance';

  it('leaves out abbreviated citation counts ("3.9K") rather than reading them as 3', () => {
    const { document, close } = loadPage(readPage('semantic-scholar/search-transformer-synthetic.html'), url);
    const papers = detectWith(semanticScholar, document, new URL(url)).map((d) => d.paper);
    expect(papers.map((p) => p.signals?.citations)).toEqual([151087, 103512, undefined, 22614]);
    // The TLDR stands in for the abstract, without its label and button.
    expect(papers[0]?.abstract).toMatch(/^A new simple network architecture, the Transformer, .* limited training data\.$/);
    expect(semanticScholar.dynamicRoot?.(document)?.id).toBe('main-content');
    close();
  });
});
