/** Conference proceedings sites: NeurIPS, CVF Open Access, PMLR. */
import { describe, expect, it } from 'vitest';
import { cvf } from '../../lib/adapters/cvf';
import { neurips } from '../../lib/adapters/neurips';
import { pmlr } from '../../lib/adapters/pmlr';
import type { SiteAdapter } from '../../lib/adapters/types';
import { loadPage } from '../../lib/cli/page';
import { detectWith } from '../../lib/detect';
import { readPage } from '../fixture-pages';

describe.each<[SiteAdapter, [string, boolean, boolean][]]>([
  [
    neurips,
    [
      ['https://proceedings.neurips.cc/paper_files/paper/2023', true, true],
      ['https://papers.nips.cc/paper/2019', true, true],
      ['https://papers.nips.cc/paper_files/paper/2022/', true, true],
      ['https://proceedings.neurips.cc/paper_files/paper/2023/hash/0001ca33ba34ce0351e4612b744b3936-Abstract-Conference.html', true, false],
      ['https://proceedings.neurips.cc/', true, false],
      ['https://neurips.cc/virtual/2023/papers.html', false, false],
    ],
  ],
  [
    cvf,
    [
      ['https://openaccess.thecvf.com/CVPR2023?day=all', true, true],
      ['https://openaccess.thecvf.com/CVPR2023_workshops/CLVision', true, true],
      ['https://openaccess.thecvf.com/CVPR2023', true, false],
      ['https://openaccess.thecvf.com/content/CVPR2023/html/Kirillov_Segment_Anything_CVPR_2023_paper.html', true, false],
      ['https://openaccess.thecvf.com/menu', true, false],
      ['https://cvpr.thecvf.com/', false, false],
    ],
  ],
  [
    pmlr,
    [
      ['https://proceedings.mlr.press/v202/', true, true],
      ['https://proceedings.mlr.press/v202', true, true],
      ['https://proceedings.mlr.press/v202/aamand23a.html', true, false],
      ['https://proceedings.mlr.press/', true, false],
      ['https://jmlr.org/papers/v24/', false, false],
    ],
  ],
])('$id: URLs', (adapter, cases) => {
  it.each(cases)('%s: matches %s, listing %s', (href, matches, listing) => {
    const url = new URL(href);
    expect(adapter.matches(url)).toBe(matches);
    expect(adapter.matches(url) && adapter.isListing!(url)).toBe(listing);
  });
});

describe('proceedings: entries on their own, marked where they are shown', () => {
  it.each<[SiteAdapter, string, string, string]>([
    [neurips, 'neurips/year-2023-synthetic.html', 'https://proceedings.neurips.cc/paper_files/paper/2023', 'ul.paper-list > li'],
    [cvf, 'cvf/cvpr2023-day-all-synthetic.html', 'https://openaccess.thecvf.com/CVPR2023?day=all', 'dt.ptitle'],
    [pmlr, 'pmlr/v202-volume-synthetic.html', 'https://proceedings.mlr.press/v202/', 'div.paper'],
  ])('%s', (adapter, file, url, entrySelector) => {
    const { document, close } = loadPage(readPage(file), url);
    try {
      const entry = document.querySelectorAll(entrySelector)[1]!;
      const found = detectWith(adapter, document, new URL(url), entry);
      expect(found).toHaveLength(1);
      expect(found[0]?.element).toBe(entry);
    } finally {
      close();
    }
  });
});

describe('proceedings: paper pages from citation meta', () => {
  // A paper in proceedings, with the conference and year its address names (PMLR's volume addresses name neither).
  it.each<[SiteAdapter, string, Record<string, string>]>([
    [neurips, 'https://proceedings.neurips.cc/paper_files/paper/2023/hash/0001ca33ba34ce0351e4612b744b3936-Abstract-Conference.html', { venue: 'NeurIPS', published: '2023' }],
    [cvf, 'https://openaccess.thecvf.com/content/CVPR2023/html/Kirillov_Segment_Anything_CVPR_2023_paper.html', { venue: 'CVPR', published: '2023' }],
    [pmlr, 'https://proceedings.mlr.press/v202/aamand23a.html', {}],
  ])('%s', (adapter, url, publication) => {
    const html = `<html><head><meta name="citation_title" content="A Paper Title">
      <meta name="citation_author" content="Lee, Ann"><meta name="citation_author" content="Bo Chen">
      <meta name="citation_arxiv_id" content="2304.02643"></head><body><h1>A Paper Title</h1></body></html>`;
    const { document, close } = loadPage(html, url);
    try {
      expect(detectWith(adapter, document, new URL(url)).map((d) => d.paper)).toEqual([
        { key: 'arxiv:2304.02643', title: 'A Paper Title', url, ids: { arxiv: '2304.02643' }, authors: ['Ann Lee', 'Bo Chen'], kind: 'inproceedings', ...publication },
      ]);
    } finally {
      close();
    }
  });
});
