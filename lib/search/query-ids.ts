/** What a pasted identifier names: the alias keys (lib/ids.ts aliasKeys) a stored paper would carry. */
import { aliasKeys, doiInUrl, idsFromLinks, normalizeDoi, parseAclAnthologyId, parseArxivId, parsePmid, type PaperIds } from '../ids';

const LINK = /^(?:https?:\/\/|www\.)\S+$/i;

/**
 * Ids in a query that is one identifier: an arXiv id with or without version, `arXiv:` prefix or
 * link; a DOI bare, with `doi:` or a resolver; a PubMed or ACL Anthology id; or a paper's link.
 * Words are never ids (an OpenReview id is taken from its link only: a bare one looks like a word).
 */
export function queryIds(query: string): PaperIds {
  const text = query.trim();
  if (LINK.test(text)) {
    const link = /^https?:/i.test(text) ? text : `https://${text}`;
    return idsFromLinks([link]);
  }
  const ids: PaperIds = {};
  const arxiv = parseArxivId(text);
  if (arxiv) ids.arxiv = arxiv;
  const doi = normalizeDoi(text) ?? doiInUrl(text);
  if (doi) ids.doi = doi;
  const pmid = parsePmid(text);
  if (pmid) ids.pmid = pmid;
  const acl = parseAclAnthologyId(text);
  if (acl) ids.acl_anthology = acl;
  return ids;
}

/** The alias keys a paper with `ids` carries (aliasKeys without its title fingerprint). */
export function idAliases(ids: PaperIds): string[] {
  return aliasKeys(ids, '').filter((key) => !key.startsWith('title:'));
}

/** Whether the query is a link (then the paper's own URL is also looked for). */
export function isLink(query: string): boolean {
  return LINK.test(query.trim());
}
