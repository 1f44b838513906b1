/**
 * Every site's adapter id and human name ("Seen on arXiv"), apart from the adapters' code: the
 * popup names sites without loading every adapter (a third of its script, before this split).
 */
export const SITE_NAMES = {
  arxiv: 'arXiv',
  huggingface: 'Hugging Face Papers',
  scholar: 'Google Scholar',
  'semantic-scholar': 'Semantic Scholar',
  openreview: 'OpenReview',
  'arxiv-mirrors': 'arXiv mirror',
  'acl-anthology': 'ACL Anthology',
  dblp: 'dblp',
  pubmed: 'PubMed',
  pmc: 'PubMed Central',
  biorxiv: 'bioRxiv / medRxiv',
  neurips: 'NeurIPS Proceedings',
  cvf: 'CVF Open Access',
  pmlr: 'PMLR',
  paperswithcode: 'Papers with Code',
  generic: 'Any site',
} as const;

export type SiteId = keyof typeof SITE_NAMES;

export function isSiteId(id: string): id is SiteId {
  return Object.hasOwn(SITE_NAMES, id);
}

/** The site's name; an id from an older version that no longer has an adapter shows as itself. */
export function siteName(id: string): string {
  return isSiteId(id) ? SITE_NAMES[id] : id;
}
