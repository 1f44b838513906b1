import { describe, expect, it } from 'vitest';
import { idAliases, queryIds } from '../../lib/search/query-ids';

const aliases = (query: string) => idAliases(queryIds(query));

describe('queryIds', () => {
  it('reads an arXiv id with or without version, prefix or link', () => {
    for (const q of ['2106.09608', '2106.09608v2', 'arXiv:2106.09608', ' https://arxiv.org/abs/2106.09608v1 ', 'arxiv.org/pdf/2106.09608.pdf', '10.48550/arXiv.2106.09608'])
      expect(aliases(q), q).toContain('arxiv:2106.09608');
  });

  it('reads a DOI bare, with doi: or a resolver, and other ids from their links', () => {
    for (const q of ['10.1145/3442188.3445922', 'doi:10.1145/3442188.3445922', 'https://doi.org/10.1145/3442188.3445922'])
      expect(aliases(q), q).toEqual(['doi:10.1145/3442188.3445922']);
    expect(aliases('https://openreview.net/forum?id=abcDEF123')).toEqual(['openreview:abcDEF123']);
    expect(aliases('https://aclanthology.org/2022.acl-long.1/')).toEqual(['acl:2022.acl-long.1']);
  });

  it('takes no word for an id', () => {
    expect(aliases('diffusion models')).toEqual([]);
    expect(aliases('transformers')).toEqual([]);
  });
});
