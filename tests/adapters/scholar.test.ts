import { describe, expect, it } from 'vitest';
import { scholar } from '../../lib/adapters/scholar';
import { loadPage } from '../../lib/cli/page';
import { detectWith } from '../../lib/detect';
import { readPage } from '../fixture-pages';

function papersOf(html: string, url: string) {
  const { document, close } = loadPage(html, url);
  try {
    return detectWith(scholar, document, new URL(url)).map((d) => d.paper);
  } finally {
    close();
  }
}

describe('scholar: URLs', () => {
  it.each([
    ['https://scholar.google.com/scholar?q=diffusion', true, true],
    ['https://scholar.google.co.jp/scholar?hl=en&q=deep', true, true],
    ['https://scholar.google.de/scholar?cites=5331804836605365413', true, true],
    ['https://scholar.google.com.au/scholar?cluster=5331804836605365413', true, true],
    ['https://scholar.google.fr/citations?user=A5NhLJkAAAAJ&hl=fr', true, true],
    ['https://scholar.google.com/citations?view_op=list_works&user=A5NhLJkAAAAJ', true, true],
    ['https://scholar.google.com/citations?view_op=view_citation&user=A5NhLJkAAAAJ&citation_for_view=A5NhLJkAAAAJ:TQgYirikUcIC', true, false],
    ['https://scholar.google.com/', true, false],
    ['https://scholar.google.com/scholar', true, false],
    ['https://www.google.com/search?q=scholar', false, false],
    ['https://scholar.google.com.evil.example/scholar?q=x', false, false],
  ])('%s: matches %s, listing %s', (href, matches, listing) => {
    const url = new URL(href);
    expect(scholar.matches(url)).toBe(matches);
    // The health check asks only for URLs the adapter handles.
    expect(scholar.matches(url) && scholar.isListing!(url)).toBe(listing);
  });

  it('asks for the common country domains, over https', () => {
    expect(scholar.hosts).toContain('https://scholar.google.com/*');
    expect(scholar.hosts).toContain('https://scholar.google.co.jp/*');
    for (const pattern of scholar.hosts) expect(scholar.matches(new URL(pattern.replace('*', 'scholar')))).toBe(true);
  });
});

describe('scholar: pages', () => {
  it('takes "Cited by" counts as citations, in any language of the link text', () => {
    const papers = papersOf(readPage('scholar/search-olympus-range-geology-2020-11.html'), 'https://scholar.google.com/scholar?q=x');
    expect(papers[0]?.signals).toEqual({ citations: 4 });
    const deep = papersOf(readPage('scholar/search-learning-deep-architectures-2016-05.html'), 'https://scholar.google.co.jp/scholar?q=x');
    expect(deep[0]?.signals).toEqual({ citations: 2441 });
    const german = readPage('scholar/search-learning-deep-architectures-2016-05.html').replace('>Cited by 2441<', '>Zitiert von: 2441<');
    expect(papersOf(german, 'https://scholar.google.de/scholar?q=x')[0]?.signals).toEqual({ citations: 2441 });
  });

  it('takes profile citation counts, and watches the table that "Show more" extends', () => {
    const url = 'https://scholar.google.com/citations?user=A5NhLJkAAAAJ&hl=en';
    const papers = papersOf(readPage('scholar/profile-citations-A5NhLJkAAAAJ.html'), url);
    expect(papers.slice(0, 2).map((p) => p.signals)).toEqual([{ citations: 156 }, { citations: 64 }]);
    const { document, close } = loadPage(readPage('scholar/profile-citations-A5NhLJkAAAAJ.html'), url);
    expect(scholar.dynamicRoot?.(document)?.id).toBe('gsc_a_b');
    close();
  });

  it('skips the "User profiles for" block, which is not a paper', () => {
    const html = `<div id="gs_res_ccl_mid">
      <div class="gs_r"><h3 class="gs_rt"><a href="/citations?view_op=search_authors&mauthors=bengio">User profiles for bengio</a></h3></div>
      <div class="gs_r gs_or gs_scl" data-cid="pYyS8T9g_kkJ"><div class="gs_ri"><h3 class="gs_rt"><span class="gs_ctc"><span class="gs_ct1">[BOOK]</span><span class="gs_ct2">[B]</span></span>
        <a href="https://www.nowpublishers.com/article/Details/MAL-006">Learning deep architectures for AI</a></h3>
        <div class="gs_a">Y Bengio&nbsp;- Foundations and trends® in Machine Learning, 2009&nbsp;- nowpublishers.com</div></div></div></div>`;
    expect(papersOf(html, 'https://scholar.google.com/scholar?q=bengio')).toEqual([
      {
        key: 'title:learning-deep-architectures-for-ai/bengio',
        title: 'Learning deep architectures for AI',
        url: 'https://www.nowpublishers.com/article/Details/MAL-006',
        ids: {},
        authors: ['Y Bengio'],
        venue: 'Foundations and trends® in Machine Learning',
        published: '2009',
      },
    ]);
  });
});
