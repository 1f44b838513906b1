/**
 * Where and when a paper was published, as the saved pages show it (values read off the pages by
 * hand, not produced by the detector): venue, date (YYYY, YYYY-MM or YYYY-MM-DD) and kind.
 */
import { describe, expect, it } from 'vitest';
import { loadPage } from '../../lib/cli/page';
import { detect } from '../../lib/detect';
import { normalizePublished } from '../../lib/paper';
import { fixturePages, readPage } from '../fixture-pages';

function publicationsOf(file: string) {
  const page = fixturePages().find((p) => p.file === file)!;
  const { document, close } = loadPage(readPage(page.file), page.url);
  try {
    return detect(document, new URL(page.url)).detections.map(({ paper: { venue, published, kind } }) => ({ venue, published, kind }));
  } finally {
    close();
  }
}

describe('publication details from saved pages', () => {
  it('dblp 2015 markup: venue and year of each record, its type as the kind', () => {
    const found = publicationsOf('dblp/pers-clauset-2015-09.html');
    expect(found.slice(0, 2)).toEqual([
      { venue: 'AAAI', published: '2015', kind: 'inproceedings' },
      { venue: 'CoRR', published: '2015', kind: 'preprint' },
    ]);
    expect(found[6]).toEqual({ venue: 'BMC Bioinformatics', published: '2014', kind: 'article' });
  });

  it('arXiv abstract page: a preprint dated by its first submission (citation_date 2021/06/17)', () => {
    expect(publicationsOf('arxiv/abs-2106.09608v2-2021.html')).toEqual([{ venue: undefined, published: '2021-06-17', kind: 'preprint' }]);
  });

  it('arXiv listing: preprints dated by the month of their id', () => {
    expect(publicationsOf('arxiv/list-cs-new-2018-07-20-truncated.html')[0]).toEqual({ venue: undefined, published: '2018-07', kind: 'preprint' });
  });

  it('PubMed results: the journal and date of the citation line', () => {
    // "Qual Health Res. 2023 Nov 21:10497323231214114. doi: …" and "Arch Gynecol Obstet. 2023 Nov 21. doi: …"
    expect(publicationsOf('pubmed/search-endometriosis-2023-11-fragment.html')).toEqual([
      { venue: 'Qual Health Res', published: '2023-11-21', kind: 'article' },
      { venue: 'Arch Gynecol Obstet', published: '2023-11-21', kind: 'article' },
    ]);
  });

  it('publisher pages: citation_journal_title and the citation date', () => {
    expect(publicationsOf('publisher/plos-one-pone.0213978.html')).toEqual([{ venue: 'PLOS ONE', published: '2019-04-22', kind: 'article' }]);
    expect(publicationsOf('publisher/oup-jrs-feq048.html')).toEqual([{ venue: 'Journal of Refugee Studies', published: '2011-03-01', kind: 'article' }]);
  });

  it.each(['acl-anthology/people-andreas-madsack-2026.html', 'acl-anthology/people-andreas-madsack-2021.html'])(
    'ACL Anthology %s: each paper’s volume and year, as the expected file records them',
    (file) => {
      const expected = fixturePages().find((p) => p.file === file)!.expected;
      expect(publicationsOf(file)).toEqual(expected.map((e) => ({ venue: e.venue, published: e.year, kind: 'inproceedings' })));
    },
  );

  it('Scholar results: venue and year from the byline', () => {
    // "PJ Forsyth, N Mortimer, IM Turnbull - Terra Antartica, 2002 - sidst3.dst.unisi.it"
    expect(publicationsOf('scholar/search-olympus-range-geology-2020-11.html')[1]).toEqual({ venue: 'Terra Antartica', published: '2002', kind: undefined });
  });
});

describe('normalizePublished', () => {
  it.each([
    ['2019/04/22', '2019-04-22'],
    ['2019-04-22T10:00:00.000Z', '2019-04-22'],
    ['Apr 22, 2019', '2019-04-22'],
    ['22 Apr 2019', '2019-04-22'],
    ['2023 Nov 21', '2023-11-21'],
    ['April 2019', '2019-04'],
    ['2015', '2015'],
    ['2019/13/01', '2019'],
    ['no date', undefined],
  ])('%s → %s', (input, expected) => {
    expect(normalizePublished(input)).toBe(expected);
  });
});
