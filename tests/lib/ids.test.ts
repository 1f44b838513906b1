/** Identifier parsing and keys (lib/ids.ts, CONTRACT §1): table-driven, malformed input dropped and never thrown. */
import { describe, expect, it } from 'vitest';
import {
  aliasKeys,
  arxivMonth,
  arxivVersion,
  idsFromLinks,
  normalizeDoi,
  normalizeIds,
  paperKey,
  parseAclAnthologyId,
  parseArxivId,
  parseOpenReviewId,
  parsePmcid,
  parsePmid,
  titleFingerprint,
} from '../../lib/ids';

describe('parseArxivId', () => {
  it.each([
    // New-style ids, with and without versions.
    ['2401.01234', '2401.01234'],
    ['2401.01234v3', '2401.01234'],
    ['0704.0001', '0704.0001'],
    ['1412.9999v1', '1412.9999'],
    ['1501.00001', '1501.00001'],
    ['  2106.09608v2  ', '2106.09608'],
    // arXiv: prefix, any case.
    ['arXiv:2401.01234', '2401.01234'],
    ['ARXIV: 2401.01234v1', '2401.01234'],
    // Old-style ids; the subject class is not part of the id.
    ['hep-th/9901001', 'hep-th/9901001'],
    ['hep-th/9901001v2', 'hep-th/9901001'],
    ['arXiv:cond-mat/0207270', 'cond-mat/0207270'],
    ['math.AG/0601001', 'math/0601001'],
    ['HEP-TH/9901001', 'hep-th/9901001'],
    // abs/pdf/html URLs, mirrors, trailing slash, query and fragment.
    ['https://arxiv.org/abs/2401.01234', '2401.01234'],
    ['http://arxiv.org/abs/2401.01234v2', '2401.01234'],
    ['https://arxiv.org/pdf/2401.01234v2.pdf', '2401.01234'],
    ['https://arxiv.org/pdf/2401.01234', '2401.01234'],
    ['https://arxiv.org/html/2401.01234v1', '2401.01234'],
    ['https://arxiv.org/abs/2401.01234/', '2401.01234'],
    ['https://arxiv.org/abs/2401.01234?context=cs.LG', '2401.01234'],
    ['https://arxiv.org/abs/2401.01234#comments', '2401.01234'],
    ['https://www.arxiv.org/abs/hep-th/9901001v1', 'hep-th/9901001'],
    ['https://export.arxiv.org/abs/2401.01234', '2401.01234'],
    ['arxiv.org/abs/2401.01234', '2401.01234'],
    ['//arxiv.org/abs/2401.01234', '2401.01234'],
    ['https://ar5iv.labs.arxiv.org/html/1706.03762', '1706.03762'],
    ['https://huggingface.co/papers/2407.21783', '2407.21783'],
    // arXiv's own DOIs, bare, prefixed and as resolver links.
    ['10.48550/arXiv.2303.14702', '2303.14702'],
    ['10.48550/ARXIV.2303.14702', '2303.14702'],
    ['doi:10.48550/arXiv.2303.14702', '2303.14702'],
    ['https://doi.org/10.48550/arXiv.2303.14702', '2303.14702'],
    ['https://dx.doi.org/10.48550/arXiv.2303.14702', '2303.14702'],
  ])('%s → %s', (input, id) => {
    expect(parseArxivId(input)).toBe(id);
  });

  it.each([
    [''],
    ['   '],
    ['2401.1234'], // four-digit numbers ended in 2014
    ['1412.12345'], // five-digit numbers began in 2015
    ['2413.01234'], // no month 13
    ['2400.01234'], // no month 0
    ['0612.1234'], // new-style ids began in April 2007
    ['hep-th/9913001'], // month 13
    ['1234'],
    ['arXiv:'],
    ['https://arxiv.org/list/cs/new'],
    ['https://example.org/abs/2401.01234'],
    ['10.1145/3512934'],
    ['not an id at all'],
    ['%E0%A4%A'],
  ])('drops %j', (input) => {
    expect(parseArxivId(input)).toBeUndefined();
  });

  it('drops null and undefined', () => {
    expect(parseArxivId(null)).toBeUndefined();
    expect(parseArxivId(undefined)).toBeUndefined();
  });
});

describe('arxivVersion', () => {
  it.each([
    ['2401.01234v3', 3],
    ['https://arxiv.org/pdf/2401.01234v12.pdf', 12],
    ['https://arxiv.org/abs/2401.01234v2?context=cs', 2],
    ['2401.01234', undefined],
  ])('%s → %s', (input, version) => {
    expect(arxivVersion(input)).toBe(version);
  });
});

describe('normalizeDoi', () => {
  it.each([
    ['10.1145/3512934', '10.1145/3512934'],
    // Case: DOIs are case-insensitive and stored lower-case.
    ['10.7554/eLife.44753', '10.7554/elife.44753'],
    ['10.1109/TSE.2021.3099532', '10.1109/tse.2021.3099532'],
    // Prefixes and resolvers.
    ['doi:10.1145/3512934', '10.1145/3512934'],
    ['DOI: 10.1145/3512934', '10.1145/3512934'],
    ['https://doi.org/10.1145/3512934', '10.1145/3512934'],
    ['http://dx.doi.org/10.1145/3512934', '10.1145/3512934'],
    ['https://www.doi.org/10.1145/3512934', '10.1145/3512934'],
    ['HTTPS://DOI.ORG/10.1145/3512934', '10.1145/3512934'],
    ['doi.org/10.1145/3512934', '10.1145/3512934'],
    ['info:doi/10.1038/s41586-021-03819-2', '10.1038/s41586-021-03819-2'],
    ['https://doi.org/doi:10.1145/3512934', '10.1145/3512934'],
    // URL-encoded.
    ['10.1109%2FESEM56168.2023.10304796', '10.1109/esem56168.2023.10304796'],
    ['https%3A%2F%2Fdoi.org%2F10.1145%2F3512934', '10.1145/3512934'],
    ['info%3Adoi%2F10.1038%2F381571a0', '10.1038/381571a0'],
    // Trailing sentence punctuation.
    ['10.1145/3512934.', '10.1145/3512934'],
    ['10.1145/3512934,', '10.1145/3512934'],
    ['10.1145/3512934);', '10.1145/3512934'],
    ['"10.1145/3512934"', undefined], // a leading quote is not a DOI start
    ['10.1145/3512934"', '10.1145/3512934'],
    ['  10.1145/3512934  ', '10.1145/3512934'],
    // Parentheses that belong to the DOI stay.
    ['10.1016/0010-0285(80)90005-5', '10.1016/0010-0285(80)90005-5'],
    ['10.1000/abc(12)', '10.1000/abc(12)'],
    ['10.1000/abc(12)).', '10.1000/abc(12)'],
    ['10.1000/abc(12).', '10.1000/abc(12)'],
    ['10.1002/(SICI)1097-4636(199706)35:4<463::AID-JBM6>3.0.CO;2-J', '10.1002/(sici)1097-4636(199706)35:4<463::aid-jbm6>3.0.co;2-j'],
  ])('%s → %s', (input, doi) => {
    expect(normalizeDoi(input)).toBe(doi);
  });

  it.each([[''], ['10.1145'], ['10.1/abc'], ['11.1145/3512934'], ['doi:'], ['https://doi.org/'], ['10.1145/ spaced out'], ['%E0%A4%A'], ['see 10.1145/3512934']])(
    'drops %j',
    (input) => {
      expect(normalizeDoi(input)).toBeUndefined();
    },
  );

  it('drops null and undefined', () => {
    expect(normalizeDoi(null)).toBeUndefined();
    expect(normalizeDoi(undefined)).toBeUndefined();
  });
});

describe('parsePmid', () => {
  it.each([
    ['37988744', '37988744'],
    [' PMID: 37988744 ', '37988744'],
    ['pmid:37988744', '37988744'],
    ['0037988744', undefined], // ten digits
    ['00123', '123'],
    ['https://pubmed.ncbi.nlm.nih.gov/37988744/', '37988744'],
    ['https://pubmed.ncbi.nlm.nih.gov/37988744/?from_term=x', '37988744'],
    ['https://www.ncbi.nlm.nih.gov/pubmed/37988744', '37988744'],
    ['0', undefined],
    ['PMID:', undefined],
    ['12a', undefined],
    ['https://pubmed.ncbi.nlm.nih.gov/?term=37988744', undefined],
    ['', undefined],
  ])('%j → %s', (input, pmid) => {
    expect(parsePmid(input)).toBe(pmid);
  });
});

describe('parseOpenReviewId', () => {
  it.each([
    ['YicbFdNTTy', 'YicbFdNTTy'],
    ['https://openreview.net/forum?id=YicbFdNTTy', 'YicbFdNTTy'],
    ['https://openreview.net/pdf?id=YicbFdNTTy', 'YicbFdNTTy'],
    ['https://openreview.net/forum?id=YicbFdNTTy&noteId=abc', 'YicbFdNTTy'],
    ['abc', undefined],
    ['not an id', undefined],
    ['', undefined],
  ])('%j → %s', (input, id) => {
    expect(parseOpenReviewId(input)).toBe(id);
  });
});

describe('parseAclAnthologyId', () => {
  it.each([
    ['W19-4201', 'W19-4201'],
    ['w19-4201', 'W19-4201'],
    ['2022.in2writing-1.1', '2022.in2writing-1.1'],
    ['2023.acl-long.1', '2023.acl-long.1'],
    ['https://aclanthology.org/W19-4201/', 'W19-4201'],
    ['https://aclanthology.org/2023.acl-long.1.pdf', '2023.acl-long.1'],
    ['https://aclanthology.org/2023.acl-long.1v2.pdf', '2023.acl-long.1'],
    ['https://aclanthology.org/people/andreas-madsack/', undefined],
    ['https://aclanthology.org/volumes/2023.acl-long/', undefined],
    ['W19-4201.pdf', 'W19-4201'],
    ['hello', undefined],
    ['', undefined],
  ])('%j → %s', (input, id) => {
    expect(parseAclAnthologyId(input)).toBe(id);
  });
});

describe('idsFromLinks', () => {
  it('takes each kind of id from the links that carry it, first link first', () => {
    expect(
      idsFromLinks([
        'https://doi.org/10.1109/ESEM56168.2023.10304796',
        'https://arxiv.org/abs/2307.10774v2',
        'https://arxiv.org/abs/9999.99999',
        'https://openreview.net/forum?id=YicbFdNTTy',
        'https://pubmed.ncbi.nlm.nih.gov/37988744/',
        'https://aclanthology.org/W19-4201/',
        'https://github.com/example/code',
        '/relative/10.1145/3512934',
        null,
      ]),
    ).toEqual({
      doi: '10.1109/esem56168.2023.10304796',
      arxiv: '2307.10774',
      openreview: 'YicbFdNTTy',
      pmid: '37988744',
      acl_anthology: 'W19-4201',
    });
  });

  it('finds nothing in ordinary links', () => {
    expect(idsFromLinks(['https://example.org/', 'https://github.com/a/b', 'mailto:x@y.z'])).toEqual({});
  });
});

describe('normalizeIds', () => {
  it('derives the arXiv id from arXiv’s own DOI', () => {
    expect(normalizeIds({ doi: 'https://doi.org/10.48550/arXiv.2303.14702' })).toEqual({
      doi: '10.48550/arxiv.2303.14702',
      arxiv: '2303.14702',
    });
  });

  it('keeps an explicit arXiv id over the DOI-derived one, and drops unrecognised ids', () => {
    expect(
      normalizeIds({ arxiv: 'arXiv:2401.01234v2', doi: 'nonsense', pmid: 'abc', openreview: '', acl_anthology: 'not/an id' }),
    ).toEqual({ arxiv: '2401.01234' });
  });

  it('never throws on hostile input', () => {
    const junk = ['%', '%%%', '\u0000', '10.'.repeat(1000), 'a'.repeat(100_000), '💥', null, undefined];
    for (const v of junk) {
      expect(() => normalizeIds({ arxiv: v, doi: v, pmid: v, openreview: v, acl_anthology: v })).not.toThrow();
    }
  });
});

describe('paperKey', () => {
  const title = 'Attention Is All You Need';
  it.each([
    [{ arxiv: '1706.03762', doi: '10.1000/x', openreview: 'abcdefgh', pmid: '1' }, 'arxiv:1706.03762'],
    [{ doi: '10.1000/x', openreview: 'abcdefgh', pmid: '1' }, 'doi:10.1000/x'],
    [{ openreview: 'abcdefgh', pmid: '1' }, 'openreview:abcdefgh'],
    [{ pmid: '1', acl_anthology: 'W19-4201' }, 'pmid:1'],
    // The ACL Anthology id is an alias, not a key.
    [{ acl_anthology: 'W19-4201' }, 'title:attention-is-all-you-need/vaswani'],
    [{}, 'title:attention-is-all-you-need/vaswani'],
  ])('%j → %s', (ids, key) => {
    expect(paperKey(ids, title, ['Ashish Vaswani'])).toBe(key);
  });

  it('lists every alias, the key first', () => {
    expect(aliasKeys({ arxiv: '1706.03762', doi: '10.1000/x', acl_anthology: 'W19-4201' }, title, ['Ashish Vaswani'])).toEqual([
      'arxiv:1706.03762',
      'doi:10.1000/x',
      'acl:W19-4201',
      'title:attention-is-all-you-need/vaswani',
    ]);
  });
});

describe('titleFingerprint', () => {
  const base = titleFingerprint('Schrödinger Bridges for Generative Modeling', ['Yang Song']);

  it.each([
    ['SCHRÖDINGER BRIDGES FOR GENERATIVE MODELING', ['Yang Song']],
    ['Schrodinger bridges for generative modeling.', ['Yang Song']],
    ['Schr\\"odinger Bridges for Generative Modeling', ['Yang Song']],
    ['  Schrödinger   Bridges — for “Generative” Modeling!  ', ['Yang Song']],
    ['Schrödinger Bridges for Generative Modeling', ['Song, Yang']],
    ['Schrödinger Bridges for Generative Modeling', ['Song Y']],
    ['Schrödinger Bridges for Generative Modeling', ['Yang Song Jr.']],
    ['Schrödinger Bridges for Generative Modeling', ['yang SONG']],
  ])('%j by %j matches', (title, authors) => {
    expect(titleFingerprint(title, authors)).toBe(base);
  });

  it('is the folded title words plus the first author’s surname', () => {
    expect(base).toBe('schrodinger-bridges-for-generative-modeling/song');
    expect(titleFingerprint('Deep Learning')).toBe('deep-learning');
  });

  it('differs for different titles and different first authors', () => {
    expect(titleFingerprint('Schrödinger Bridges for Discriminative Modeling', ['Yang Song'])).not.toBe(base);
    expect(titleFingerprint('Schrödinger Bridges for Generative Modeling', ['Stefano Ermon'])).not.toBe(base);
  });

  it('keeps titles in any script apart (no empty fingerprint for CJK titles)', () => {
    const a = titleFingerprint('深層学習による画像認識');
    const b = titleFingerprint('自然言語処理の新手法');
    expect(a).not.toBe('');
    expect(a).not.toBe(b);
    expect(titleFingerprint('Глубокое обучение')).toBe('глубокое-обучение');
  });

  it('reads PubMed-style "Surname Initials" names by their surname', () => {
    expect(titleFingerprint('T', ['Brito LGO'])).toBe(titleFingerprint('T', ['Luiz G. O. Brito']));
    expect(titleFingerprint('T', ['Maranhão RC'])).toBe('t/maranhao');
  });
});

describe('PubMed Central ids', () => {
  it.each([
    ['PMC5968224', 'PMC5968224'],
    ['pmc5968224', 'PMC5968224'],
    ['PMCID: PMC5968224', 'PMC5968224'],
    ['https://pmc.ncbi.nlm.nih.gov/articles/PMC5968224/', 'PMC5968224'],
    ['https://www.ncbi.nlm.nih.gov/pmc/articles/PMC5968224/', 'PMC5968224'],
    ['https://europepmc.org/article/PMC/PMC5968224', 'PMC5968224'],
    ['5968224', undefined],
    ['PMC0', undefined],
    ['https://example.org/articles/PMC5968224/', undefined],
  ])('%s → %s', (input, expected) => {
    expect(parsePmcid(input)).toBe(expected);
  });

  it('is an alias for identity, never the key', () => {
    const ids = normalizeIds({ pmid: '29575849', pmcid: 'pmc5968224' });
    expect(ids).toEqual({ pmid: '29575849', pmcid: 'PMC5968224' });
    expect(paperKey(ids, 'T')).toBe('pmid:29575849');
    expect(paperKey({ pmcid: 'PMC5968224' }, 'A Title')).toBe('title:a-title');
    expect(aliasKeys(ids, 'T')).toContain('pmcid:PMC5968224');
  });

  it('is read from a link to a PMC article', () => {
    expect(idsFromLinks(['https://www.ncbi.nlm.nih.gov/pmc/articles/PMC5968224/'])).toEqual({ pmcid: 'PMC5968224' });
  });
});

describe('arXiv DOI and month', () => {
  it("keeps arXiv's own DOI as the DOI, and takes the arXiv id from it", () => {
    expect(normalizeIds({ doi: 'https://doi.org/10.48550/arXiv.2401.01234' })).toEqual({ arxiv: '2401.01234', doi: '10.48550/arxiv.2401.01234' });
  });

  it.each([
    ['2106.09608', '2021-06'],
    ['0704.0001', '2007-04'],
    ['math/0601001', '2006-01'],
    ['hep-th/9901001', '1999-01'],
  ])('%s was issued in %s', (id, month) => {
    expect(arxivMonth(id)).toBe(month);
  });
});
