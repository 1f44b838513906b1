/**
 * PubMed Central article pages, on the current site (pmc.ncbi.nlm.nih.gov/articles/PMC…) and the
 * older one (www.ncbi.nlm.nih.gov/pmc/articles/PMC…). Both describe the article in `citation_*` meta
 * tags; the PMCID comes from the address (or `citation_pmcid`), and the link is the current site's.
 *
 * Test URLs:
 *   https://pmc.ncbi.nlm.nih.gov/articles/PMC5968224/
 *   https://www.ncbi.nlm.nih.gov/pmc/articles/PMC5968224/
 */
import { parsePmcid } from '../ids';
import { articleFromMeta } from './dom';
import { hostPatterns, type SiteAdapter } from './types';

const CURRENT_HOST = 'pmc.ncbi.nlm.nih.gov';
const OLDER_HOST = 'www.ncbi.nlm.nih.gov';
const ARTICLE_PATH = /^\/(?:pmc\/)?articles\/(PMC\d+)\/?$/i;

function onSite(url: URL): boolean {
  return url.hostname === CURRENT_HOST || (url.hostname === OLDER_HOST && url.pathname.startsWith('/pmc/'));
}

function pmcidOf(url: URL): string | undefined {
  return onSite(url) ? parsePmcid(ARTICLE_PATH.exec(url.pathname)?.[1]) : undefined;
}

export const pmc: SiteAdapter = {
  id: 'pmc',
  hosts: hostPatterns([CURRENT_HOST, OLDER_HOST]),
  matches: onSite,
  // An article page that yields no paper means the site changed.
  isListing: (url) => !!pmcidOf(url),
  extract(doc, url) {
    const pmcid = pmcidOf(url);
    if (!pmcid) return [];
    return articleFromMeta(doc, url).map((entry) => ({
      ...entry,
      paper: {
        ...entry.paper,
        url: `https://${CURRENT_HOST}/articles/${pmcid}/`,
        ids: { ...entry.paper.ids, pmcid },
      },
    }));
  },
};
