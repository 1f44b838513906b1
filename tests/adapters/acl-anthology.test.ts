import { describe, expect, it } from 'vitest';
import { aclAnthology } from '../../lib/adapters/acl-anthology';
import { loadPage } from '../../lib/cli/page';
import { detectWith } from '../../lib/detect';
import { readPage } from '../fixture-pages';

describe('acl-anthology: URLs', () => {
  it.each([
    ['https://aclanthology.org/people/andreas-madsack/', true, true],
    ['https://aclanthology.org/people/a/andreas-madsack/', true, true],
    ['https://aclanthology.org/volumes/2023.acl-long/', true, true],
    ['https://aclanthology.org/events/acl-2023/', true, true],
    ['https://aclanthology.org/2023.acl-long.1/', true, false],
    ['https://aclanthology.org/', true, false],
    ['https://aclanthology.org/faq/', true, false],
    ['https://www.aclweb.org/anthology/W19-4201/', false, false],
  ])('%s: matches %s, listing %s', (href, matches, listing) => {
    const url = new URL(href);
    expect(aclAnthology.matches(url)).toBe(matches);
    expect(aclAnthology.matches(url) && aclAnthology.isListing!(url)).toBe(listing);
  });
});

describe('acl-anthology: pages', () => {
  it('reads the abstract shown under a row, and skips volume front matter', () => {
    const url = 'https://aclanthology.org/events/naacl-2019/';
    const { document, close } = loadPage(readPage('acl-anthology/event-naacl-2019-synthetic.html'), url);
    try {
      const papers = detectWith(aclAnthology, document, new URL(url)).map((d) => d.paper);
      expect(papers[0]?.abstract).toMatch(/^We introduce a new language representation model called BERT/);
      expect(papers.map((p) => p.ids.acl_anthology)).not.toContain('N19-1000');
      expect(papers.map((p) => p.ids.acl_anthology)).not.toContain('N19-4000');
    } finally {
      close();
    }
  });

  it('reads a row on its own (content added later) and marks the row', () => {
    const url = 'https://aclanthology.org/people/andreas-madsack/';
    const { document, close } = loadPage(readPage('acl-anthology/people-andreas-madsack-2026.html'), url);
    try {
      const row = document.querySelector('.d-sm-flex.align-items-stretch')!;
      const found = detectWith(aclAnthology, document, new URL(url), row);
      expect(found.map((d) => d.paper.ids.acl_anthology)).toEqual(['2022.in2writing-1.1']);
      expect(found[0]?.element).toBe(row);
    } finally {
      close();
    }
  });

  it('reads a paper page from its citation meta tags, with the Anthology id from the URL', () => {
    const html = `<html><head>
      <meta name="citation_title" content="BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding">
      <meta name="citation_author" content="Devlin, Jacob"><meta name="citation_author" content="Chang, Ming-Wei">
      <meta name="citation_doi" content="10.18653/v1/N19-1423">
      <link rel="canonical" href="https://aclanthology.org/N19-1423/"></head>
      <body><h2 id="title"><a href="https://aclanthology.org/N19-1423.pdf">BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding</a></h2></body></html>`;
    const url = 'https://aclanthology.org/N19-1423/';
    const { document, close } = loadPage(html, url);
    try {
      expect(detectWith(aclAnthology, document, new URL(url)).map((d) => d.paper)).toEqual([
        {
          key: 'doi:10.18653/v1/n19-1423',
          title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
          url: 'https://aclanthology.org/N19-1423/',
          ids: { doi: '10.18653/v1/n19-1423', acl_anthology: 'N19-1423' },
          authors: ['Jacob Devlin', 'Ming-Wei Chang'],
        },
      ]);
    } finally {
      close();
    }
  });
});
