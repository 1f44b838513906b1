import { describe, expect, it } from 'vitest';
import { dblp } from '../../lib/adapters/dblp';
import { loadPage } from '../../lib/cli/page';
import { detectWith } from '../../lib/detect';
import { readPage } from '../fixture-pages';

describe('dblp: URLs', () => {
  it.each([
    ['https://dblp.org/search?q=calefato', true, true],
    ['https://dblp.org/pid/48/5662.html', true, true],
    ['https://dblp.org/db/conf/esem/esem2023.html', true, true],
    ['https://dblp.uni-trier.de/pers/hd/c/Calefato:Fabio', true, true],
    ['https://dblp.org/search', true, false],
    ['https://dblp.org/', true, false],
    ['https://dblp.org/rec/conf/esem/CalefatoQLK23.html', true, false],
    ['https://example.org/pid/48/5662.html', false, false],
  ])('%s: matches %s, listing %s', (href, matches, listing) => {
    const url = new URL(href);
    expect(dblp.matches(url)).toBe(matches);
    expect(dblp.matches(url) && dblp.isListing!(url)).toBe(listing);
  });
});

describe('dblp: search results loaded later', () => {
  const url = 'https://dblp.org/search?q=calefato';

  it('observes the result section and reads an entry added to it on its own', () => {
    const { document, close } = loadPage(readPage('dblp/search-calefato-2024-01-formatted.html'), url);
    try {
      const root = dblp.dynamicRoot?.(document);
      expect(root?.id).toBe('completesearch-publs');
      // "Load more" appends records like the ones already there.
      const list = root!.querySelector('ul.publ-list')!;
      const added = list.querySelector('li.entry')!.cloneNode(true) as Element;
      added.id = 'journals/corr/abs-2401-00001';
      added.querySelector('span.title')!.textContent = 'A Paper Loaded Later.';
      added.querySelectorAll('li.ee a').forEach((a) => a.setAttribute('href', 'https://arxiv.org/abs/2401.00001'));
      list.append(added);
      const found = detectWith(dblp, document, new URL(url), added);
      expect(found.map((d) => [d.paper.title, d.paper.key])).toEqual([['A Paper Loaded Later.', 'arxiv:2401.00001']]);
      expect(found[0]?.element).toBe(added);
    } finally {
      close();
    }
  });

  it('ignores links that are not http(s)', () => {
    const html = `<ul class="publ-list"><li class="entry article" id="journals/x/Y24">
      <nav class="publ"><ul><li class="drop-down"><div class="body"><ul><li class="ee"><a href="javascript:alert(1)">ee</a></li></ul></div></li></ul></nav>
      <cite class="data"><span itemprop="author"><span itemprop="name">Ann Lee</span></span>: <span class="title">Safe Links Only.</span></cite></li></ul>`;
    const { document, close } = loadPage(html, 'https://dblp.org/pid/1/1.html');
    try {
      const [paper] = detectWith(dblp, document, new URL('https://dblp.org/pid/1/1.html')).map((d) => d.paper);
      expect(paper?.url).toBe('https://dblp.org/rec/journals/x/Y24');
    } finally {
      close();
    }
  });
});
