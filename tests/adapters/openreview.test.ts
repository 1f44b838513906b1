import { describe, expect, it } from 'vitest';
import { openreview } from '../../lib/adapters/openreview';
import { loadPage } from '../../lib/cli/page';
import { detectWith } from '../../lib/detect';
import { readPage } from '../fixture-pages';

describe('openreview: URLs', () => {
  it.each([
    ['https://openreview.net/group?id=ICLR.cc/2021/Conference', true, true],
    ['https://openreview.net/group?id=ICLR.cc/2024/Conference#tab-accept-oral', true, true],
    ['https://openreview.net/submissions?venue=ICLR.cc/2024/Conference', true, true],
    ['https://openreview.net/forum?id=YicbFdNTTy', true, true],
    ['https://openreview.net/forum?id=YicbFdNTTy&noteId=rJlh9a2b2O', true, true],
    ['https://openreview.net/group', true, false],
    ['https://openreview.net/profile?id=~Yang_Song1', true, false],
    ['https://openreview.net/', true, false],
    ['https://api2.openreview.net/notes?forum=YicbFdNTTy', false, false],
  ])('%s: matches %s, listing %s', (href, matches, listing) => {
    const url = new URL(href);
    expect(openreview.matches(url)).toBe(matches);
    // The health check asks only for URLs the adapter handles.
    expect(openreview.matches(url) && openreview.isListing!(url)).toBe(listing);
  });
});

describe('openreview: tabs loaded later', () => {
  const url = 'https://openreview.net/group?id=ICLR.cc/2021/Conference';

  it('reads a tab pane filled after load on its own, under the observed root', () => {
    const { document, close } = loadPage(readPage('openreview/group-iclr2021-oral-legacy-synthetic.html'), url);
    try {
      const pane = document.getElementById('spotlight-presentations')!;
      expect(openreview.dynamicRoot?.(document)?.contains(pane)).toBe(true);
      // What the site inserts when the Spotlight tab is opened: a list like the Oral one.
      const list = document.createElement('ul');
      list.className = 'list-unstyled submissions-list';
      const li = document.createElement('li');
      li.className = 'note';
      li.setAttribute('data-id', 'gZ9hCDWe6ke');
      const h4 = document.createElement('h4');
      const a = document.createElement('a');
      a.setAttribute('href', 'https://openreview.net/forum?id=gZ9hCDWe6ke');
      a.textContent = '\n  Deformable DETR: Deformable Transformers for End-to-End Object Detection\n';
      const authors = document.createElement('div');
      authors.className = 'note-authors';
      authors.innerHTML = '<a href="https://openreview.net/profile?id=~Xizhou_Zhu1">Xizhou Zhu</a>, <a href="https://openreview.net/profile?id=~Jifeng_Dai1">Jifeng Dai</a>';
      h4.append(a);
      li.append(h4, authors);
      list.append(li);
      pane.append(list);

      const added = detectWith(openreview, document, new URL(url), pane).map((d) => d.paper);
      expect(added).toEqual([
        {
          key: 'openreview:gZ9hCDWe6ke',
          title: 'Deformable DETR: Deformable Transformers for End-to-End Object Detection',
          url: 'https://openreview.net/forum?id=gZ9hCDWe6ke',
          ids: { openreview: 'gZ9hCDWe6ke' },
          authors: ['Xizhou Zhu', 'Jifeng Dai'],
        },
      ]);
      expect(detectWith(openreview, document, new URL(url))).toHaveLength(4);
    } finally {
      close();
    }
  });

  it('takes the abstract from the collapsed note fields', () => {
    const { document, close } = loadPage(readPage('openreview/group-iclr2021-oral-legacy-synthetic.html'), url);
    const [vit] = detectWith(openreview, document, new URL(url)).map((d) => d.paper);
    expect(vit?.abstract).toMatch(/^While the Transformer architecture has become the de-facto standard/);
    close();
  });
});
