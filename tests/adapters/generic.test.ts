import { describe, expect, it } from 'vitest';
import { adapterFor } from '../../lib/adapters';
import { generic } from '../../lib/adapters/generic';
import { loadPage } from '../../lib/cli/page';
import { detectWith } from '../../lib/detect';

function papersOn(html: string, url = 'https://example.org/page') {
  const { document, close } = loadPage(html, url);
  try {
    return detectWith(generic, document, new URL(url)).map((d) => d.paper);
  } finally {
    close();
  }
}

describe('generic: where it runs', () => {
  it('matches any http(s) URL and nothing else, and is opt-in', () => {
    expect(generic.optIn).toBe(true);
    expect(generic.hosts).toEqual(['<all_urls>']);
    expect(generic.matches(new URL('https://example.org/x'))).toBe(true);
    expect(generic.matches(new URL('http://example.org/x'))).toBe(true);
    expect(generic.matches(new URL('file:///tmp/x.html'))).toBe(false);
    expect(generic.matches(new URL('chrome-extension://abc/popup.html'))).toBe(false);
  });

  it('is what the registry falls back to, after every dedicated site', () => {
    expect(adapterFor(new URL('https://journals.plos.org/plosone/article?id=1'))).toBe(generic);
    expect(adapterFor(new URL('https://arxiv.org/abs/2401.01234'))).not.toBe(generic);
  });
});

describe('generic: landing-page metadata', () => {
  it('turns "Surname, Given" meta author names into the shown order', () => {
    const [paper] = papersOn(`<head><meta name="citation_title" content="T One"><meta name="citation_author" content="Johnson, Richard A. I.">
      <meta name="citation_author" content="Ann Lee"><meta name="citation_doi" content="doi:10.1000/ABC"></head><body><h1>T One</h1></body>`);
    expect(paper?.authors).toEqual(['Richard A. I. Johnson', 'Ann Lee']);
    expect(paper?.ids).toEqual({ doi: '10.1000/abc' });
  });

  it('reads Dublin Core and PRISM tags in any case, and takes only a DOI from dc.identifier', () => {
    const [paper] = papersOn(`<head><meta name="DC.Title" content="A Dublin Core Title"><meta name="DC.Creator" content="Ann Lee">
      <meta name="dc.identifier" content="ISSN 1234-5678"><meta name="prism.doi" content="10.1000/xyz"></head><body></body>`);
    expect(paper).toMatchObject({ title: 'A Dublin Core Title', ids: { doi: '10.1000/xyz' }, authors: ['Ann Lee'] });
  });

  it('prefers meta tags over everything else on the page: references are not the article', () => {
    const refs = Array.from({ length: 5 }, (_, i) => `<li><a href="https://arxiv.org/abs/2401.0000${i + 1}">Referenced Paper Number ${i + 1}</a></li>`).join('');
    const papers = papersOn(`<head><meta name="citation_title" content="The Article"></head><body><h1>The Article</h1><ul>${refs}</ul></body>`);
    expect(papers.map((p) => p.title)).toEqual(['The Article']);
  });

  it('does not take the cited works of a JSON-LD article as papers, and survives broken JSON-LD', () => {
    const papers = papersOn(`<head><script type="application/ld+json">{ broken</script>
      <script type="application/ld+json">{"@type":"ScholarlyArticle","name":"Main","citation":[{"@type":"ScholarlyArticle","name":"Cited"}]}</script></head><body><h1>Main</h1></body>`);
    expect(papers.map((p) => p.title)).toEqual(['Main']);
  });

  it('reads several JSON-LD articles (an ItemList) as a list', () => {
    const items = ['One Paper Title', 'Two Paper Title'].map((name, i) => ({
      '@type': 'ListItem',
      item: { '@type': ['ScholarlyArticle'], name, url: `https://example.org/p/${i}` },
    }));
    const html = `<head><script type="application/ld+json">${JSON.stringify({ '@type': 'ItemList', itemListElement: items })}</script></head>
      <body><a href="/p/0">One Paper Title</a><a href="/p/1">Two Paper Title</a></body>`;
    expect(papersOn(html).map((p) => [p.title, p.url])).toEqual([
      ['One Paper Title', 'https://example.org/p/0'],
      ['Two Paper Title', 'https://example.org/p/1'],
    ]);
  });
});

describe('generic: lists of paper links', () => {
  const item = (id: string, title: string) => `<li><a href="https://arxiv.org/abs/${id}">${title}</a>, Someone et al., 2024.</li>`;

  it('needs at least three distinct papers', () => {
    expect(papersOn(`<ul>${item('2401.00001', 'First Paper Title')}${item('2401.00002', 'Second Paper Title')}</ul>`)).toEqual([]);
    expect(
      papersOn(`<ul>${item('2401.00001', 'First Paper Title')}${item('2401.00002', 'Second Paper Title')}${item('2401.00003', 'Third Paper Title')}</ul>`),
    ).toHaveLength(3);
  });

  it('does not count the same paper linked twice (abs and pdf) as two', () => {
    const li = (id: string, t: string) => `<li><a href="https://arxiv.org/abs/${id}">${t}</a> [<a href="https://arxiv.org/pdf/${id}v2.pdf">pdf</a>]</li>`;
    const papers = papersOn(`<ul>${li('2401.00001', 'First Paper Title')}${li('2401.00002', 'Second Paper Title')}<li>Not a paper</li></ul>`);
    expect(papers).toEqual([]);
  });

  it('ignores prose citing papers in passing, even many of them', () => {
    const para = (id: string, t: string) => `<p>As we discussed last week, the method from <a href="https://arxiv.org/abs/${id}">${t}</a> is interesting.</p>`;
    expect(papersOn(`<article>${para('2401.00001', 'First Paper Title')}${para('2401.00002', 'Second Paper Title')}${para('2401.00003', 'Third Paper Title')}</article>`)).toEqual([]);
  });

  it('ignores links whose text is only a label or an id when no title opens the entry', () => {
    const li = (id: string) => `<li>Someone et al. wrote a paper. <a href="https://arxiv.org/abs/${id}">arXiv:${id}</a></li>`;
    expect(papersOn(`<ul>${li('2401.00001')}${li('2401.00002')}${li('2401.00003')}</ul>`)).toEqual([]);
  });

  it('ignores navigation, footers and reference lists', () => {
    const three = `${item('2401.00001', 'First Paper Title')}${item('2401.00002', 'Second Paper Title')}${item('2401.00003', 'Third Paper Title')}`;
    expect(papersOn(`<nav><ul>${three}</ul></nav>`)).toEqual([]);
    expect(papersOn(`<footer><ul>${three}</ul></footer>`)).toEqual([]);
    expect(papersOn(`<ol class="references">${three}</ol>`)).toEqual([]);
  });

  it('reads entries added later under a sub-tree without the page metadata', () => {
    const html = `<head><meta name="citation_title" content="Page Article"></head><body><ul id="more">${item('2401.00001', 'First Paper Title')}${item('2401.00002', 'Second Paper Title')}${item('2401.00003', 'Third Paper Title')}</ul></body>`;
    const { document, close } = loadPage(html, 'https://example.org/');
    try {
      const root = document.getElementById('more')!;
      expect(detectWith(generic, document, new URL('https://example.org/'), root).map((d) => d.paper.ids.arxiv)).toEqual([
        '2401.00001',
        '2401.00002',
        '2401.00003',
      ]);
    } finally {
      close();
    }
  });
});

describe('generic: COinS', () => {
  it('reads aulast/aufirst authors and ignores COinS without a title', () => {
    const coins = (q: string) => `<li><span class="Z3988" title="${q}"></span></li>`;
    const papers = papersOn(
      `<ul>${coins('rft.atitle=Paper+A&amp;rft.aulast=Lee&amp;rft.aufirst=Ann&amp;rft_id=info%3Adoi%2F10.1000%2Fa')}${coins('rft.jtitle=Only+A+Journal')}</ul>`,
    );
    expect(papers).toEqual([{ key: 'doi:10.1000/a', title: 'Paper A', ids: { doi: '10.1000/a' }, authors: ['Ann Lee'] }]);
  });
});
