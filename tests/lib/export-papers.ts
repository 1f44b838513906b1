/** Papers as pages show them, for the export tests: every kind, and page text with TeX specials, accents and unicode. */
import type { ExportPaper } from '../../lib/export';

export const TRICKY_TITLE = 'Café au lait: 50% of R&D_1 {costs} #2 ~ ^ \\ — naïve Ünïcode 東京';

export const ARTICLE: ExportPaper = {
  key: 'doi:10.5555/x_y',
  title: TRICKY_TITLE,
  authors: ['Étienne André', 'Yang Song', 'Zoë O’Brien'],
  ids: { doi: '10.5555/x_y' },
  url: 'https://example.org/paper?id=1&v=2',
  kind: 'article',
  venue: 'Journal of Machine Learning Research & Friends',
  published: '2021-03-15',
};

export const PROCEEDINGS: ExportPaper = {
  key: 'doi:10.18653/v1/n19-1423',
  title: 'BERT: Pre-training of Deep Bidirectional Transformers',
  authors: ['Devlin, Jacob', 'Ming-Wei Chang'],
  ids: { doi: '10.18653/v1/n19-1423', acl_anthology: 'N19-1423' },
  url: 'https://aclanthology.org/N19-1423/',
  kind: 'inproceedings',
  venue: 'Proceedings of NAACL-HLT 2019',
  published: '2019-06',
};

export const PREPRINT: ExportPaper = {
  key: 'arxiv:2011.13456',
  title: 'Score-Based Generative Modeling through SDEs with $O(n^2)$ steps',
  authors: ['Yang Song', 'Stefano Ermon'],
  ids: { arxiv: '2011.13456' },
  url: 'https://arxiv.org/abs/2011.13456',
  kind: 'preprint',
};

export const OLD_ARXIV: ExportPaper = { key: 'arxiv:hep-th/9901001', title: 'String theory', authors: ['Ed Witten'], ids: { arxiv: 'hep-th/9901001' } };

export const SEEN_ONLY: ExportPaper = { key: 'title:untitled', title: 'A page with no date', ids: {}, firstSeen: new Date(2025, 4, 2).getTime() };

export const ALL = [ARTICLE, PROCEEDINGS, PREPRINT, OLD_ARXIV, SEEN_ONLY];
