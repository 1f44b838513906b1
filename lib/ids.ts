/**
 * Paper identifiers: parse, normalise, and derive the storage key (CONTRACT §1).
 * Every parser returns `undefined` for input it does not recognise, never throws.
 */
import { fold } from './text';

export interface PaperIds {
  arxiv?: string;
  doi?: string;
  openreview?: string;
  pmid?: string;
  acl_anthology?: string;
  /** PubMed Central id, `PMC` and digits: an alias for identity, never the key. */
  pmcid?: string;
}

export type IdKind = keyof PaperIds;
export const ID_KINDS: readonly IdKind[] = ['arxiv', 'doi', 'openreview', 'pmid', 'acl_anthology', 'pmcid'];

// New-style ids (0704.0001 onward; 5-digit numbers since 1501) and old-style archive[.SC]/YYMMNNN.
const NEW_ARXIV = /^(\d{2})(\d{2})\.(\d{4,5})(v\d+)?$/;
const OLD_ARXIV = /^([a-z-]+)(?:\.[a-z]{2})?\/(\d{2})(\d{2})(\d{3})(v\d+)?$/i;

function validMonth(mm: string): boolean {
  const m = Number(mm);
  return m >= 1 && m <= 12;
}

/** The id part of a string that is only an id, or undefined: the month must exist, and the number width match the era. */
function bareArxivId(s: string): string | undefined {
  const n = NEW_ARXIV.exec(s);
  if (n) {
    const [, yy = '', mm = '', num = ''] = n;
    // Numbers grew to five digits in January 2015 (1501.00001); four-digit ids stop at 1412.
    const fiveDigits = Number(yy) >= 15;
    if (!validMonth(mm) || num.length !== (fiveDigits ? 5 : 4) || `${yy}${mm}` < '0704') return undefined;
    return `${yy}${mm}.${num}`;
  }
  const o = OLD_ARXIV.exec(s);
  if (o) {
    const [, archive = '', yy = '', mm = '', num = ''] = o;
    if (!validMonth(mm)) return undefined;
    // The subject class (math.AG/0601001) is not part of the identifier: arXiv files it as math/0601001.
    return `${archive.toLowerCase()}/${yy}${mm}${num}`;
  }
  return undefined;
}

/** Version-less arXiv id from a bare id, `arXiv:` prefix, or an arXiv-like URL/DOI. */
export function parseArxivId(input: string | null | undefined): string | undefined {
  if (!input) return undefined;
  // Listings hand over bare new-style ids by the thousand: skip the prefix patterns for them.
  if (NEW_ARXIV.test(input)) return bareArxivId(input);
  let s = input.trim();
  const fromDoi = /^(?:doi:\s*|(?:https?:\/\/)?(?:dx\.|www\.)?doi\.org\/)?10\.48550\/arxiv\.(.+)$/i.exec(s);
  if (fromDoi?.[1]) s = fromDoi[1];
  const fromUrl =
    /^(?:(?:https?:)?\/\/)?(?:www\.|export\.)?(?:arxiv\.org|ar5iv\.(?:labs\.)?arxiv\.org|ar5iv\.org|alphaxiv\.org|huggingface\.co\/papers|hf\.co\/papers)\/(?:(?:abs|pdf|html|format|papers)\/)?([^?#]+)/i.exec(s);
  if (fromUrl?.[1]) s = fromUrl[1].replace(/\.pdf$/i, '').replace(/\/$/, '');
  return bareArxivId(s.replace(/^arxiv:\s*/i, ''));
}

/** The month an arXiv id was issued in (`2106.09608` → `2021-06`, `math/0601001` → `2006-01`): its first four digits are YYMM. */
export function arxivMonth(id: string): string | undefined {
  const m = /^(?:[a-z-]+\/)?(\d{2})(\d{2})/.exec(id);
  if (!m?.[1] || !m[2]) return undefined;
  // Old-style ids began in August 1991; new-style ones in April 2007.
  const century = Number(m[1]) >= 91 ? '19' : '20';
  return `${century}${m[1]}-${m[2]}`;
}

/** The version suffix (`v2`) of an arXiv id or URL, if any. */
export function arxivVersion(input: string): number | undefined {
  const m = /v(\d+)(?:\.pdf)?\/?(?:[?#].*)?$/.exec(input.trim());
  return m?.[1] ? Number(m[1]) : undefined;
}

/**
 * Lower-case DOI without `doi:`/resolver prefix, URL-decoded, trailing sentence punctuation removed.
 * Returns undefined unless the result has the `10.<registrant>/<suffix>` shape.
 */
export function normalizeDoi(input: string | null | undefined): string | undefined {
  if (!input) return undefined;
  let s = input.trim();
  try {
    if (/%[0-9a-f]{2}/i.test(s)) s = decodeURIComponent(s);
  } catch {
    return undefined;
  }
  s = s
    .replace(/^(?:doi:|info:doi\/|urn:doi:)\s*/i, '')
    .replace(/^(?:https?:\/\/)?(?:dx\.|www\.)?doi\.org\//i, '')
    .replace(/^doi:\s*/i, '');
  const m = /^(10\.\d{4,9}\/\S+)$/.exec(trimDoiTail(s));
  return m?.[1] ? m[1].toLowerCase() : undefined;
}

/**
 * Sentence punctuation after a DOI is not part of it. A closing parenthesis is part of some DOIs
 * (10.1016/0010-0285(80)90005-5, 10.1000/abc(12)): it stays when it closes a parenthesis of the DOI.
 */
function trimDoiTail(s: string): string {
  // Parentheses counted once, not per trimmed character: a page's `10.1/x)))…` must not cost quadratic time.
  const opens = count(s, '(');
  let closes = count(s, ')');
  let end = s.length;
  while (end > 0) {
    const ch = s[end - 1] ?? '';
    if (!`.,;:)]}>'"`.includes(ch)) break;
    if (ch === ')') {
      if (opens > closes - 1) break;
      closes--;
    }
    end--;
  }
  return s.slice(0, end);
}

function count(s: string, c: string): number {
  let n = 0;
  for (const ch of s) if (ch === c) n++;
  return n;
}

/**
 * DOI inside a link: publisher paths (`/doi/abs/10.1002/jqs.691`), `?doi=10.…`, resolver URLs.
 * Trailing view segments (`/full`, `.pdf`) are not part of the DOI.
 */
export function doiInUrl(href: string | null | undefined): string | undefined {
  if (!href) return undefined;
  let s = href;
  try {
    s = decodeURIComponent(href);
  } catch {
    // Keep the raw link: a stray % does not hide a DOI.
  }
  const m = /(?:^|[/=])(10\.\d{4,9}\/[^?#&\s]+)/.exec(s);
  if (!m?.[1]) return undefined;
  return normalizeDoi(m[1].replace(/(?:\/(?:full|abstract|pdf|epdf|html)|(?:\.full)?\.pdf|\.full)\/?$/i, ''));
}

/** PubMed id from `12345`, `PMID: 12345`, or a PubMed article URL; 0 is not an id. */
export function parsePmid(input: string | null | undefined): string | undefined {
  const s = input ?? '';
  const m =
    /^\s*(?:pmid:\s*)?(\d{1,9})\s*$/i.exec(s) ??
    /^(?:https?:)?\/\/(?:pubmed\.ncbi\.nlm\.nih\.gov|(?:www\.)?ncbi\.nlm\.nih\.gov\/pubmed)\/(\d{1,9})\/?(?:[?#].*)?$/i.exec(s.trim());
  const n = m?.[1] ? Number(m[1]) : 0;
  return n > 0 ? String(n) : undefined;
}

/**
 * PubMed Central id (`PMC1234567`) from `PMC1234567`, `PMCID: PMC1234567`, or a PMC article URL
 * (pmc.ncbi.nlm.nih.gov/articles/PMC…, www.ncbi.nlm.nih.gov/pmc/articles/PMC…, europepmc.org/article/PMC/PMC…).
 */
export function parsePmcid(input: string | null | undefined): string | undefined {
  const s = (input ?? '').trim();
  const m =
    /^(?:pmcid:\s*)?(PMC\d{1,9})$/i.exec(s) ??
    /^(?:https?:)?\/\/(?:pmc\.ncbi\.nlm\.nih\.gov|(?:www\.)?ncbi\.nlm\.nih\.gov\/pmc|(?:www\.)?europepmc\.org\/(?:article\/PMC|abstract\/PMC))\/(?:articles\/)?(PMC\d{1,9})(?:[/?#].*)?$/i.exec(s);
  const id = m?.[1]?.toUpperCase();
  return id && Number(id.slice(3)) > 0 ? id : undefined;
}

export function parseOpenReviewId(input: string | null | undefined): string | undefined {
  if (!input) return undefined;
  const fromUrl = /openreview\.net\/(?:forum|pdf)\?(?:.*&)?id=([A-Za-z0-9_-]+)/.exec(input);
  const id = fromUrl?.[1] ?? input.trim();
  return /^[A-Za-z0-9_-]{6,20}$/.test(id) ? id : undefined;
}

/**
 * Ids the given links point at: DOIs (resolver and publisher URLs), arXiv, OpenReview, PubMed,
 * PubMed Central and ACL Anthology pages. The first link of each kind wins. Only absolute URLs count: a bare number is not a link.
 */
export function idsFromLinks(hrefs: readonly (string | null | undefined)[]): PaperIds {
  const ids: PaperIds = {};
  for (const href of hrefs) {
    if (!href || !/^https?:\/\//i.test(href)) continue;
    ids.arxiv ??= parseArxivId(href);
    ids.doi ??= doiInUrl(href);
    if (/^https?:\/\/(?:www\.|api\.)?openreview\.net\//i.test(href)) ids.openreview ??= parseOpenReviewId(href);
    ids.pmid ??= parsePmid(href);
    ids.acl_anthology ??= parseAclAnthologyId(href);
    ids.pmcid ??= parsePmcid(href);
  }
  return Object.fromEntries(Object.entries(ids).filter(([, v]) => v)) as PaperIds;
}

/** Clean a set of ids: drop unrecognised ones, and take an arXiv id out of arXiv's own DOI. */
export function normalizeIds(raw: Partial<Record<IdKind, string | null | undefined>>): PaperIds {
  const ids: PaperIds = {};
  const doi = normalizeDoi(raw.doi);
  const arxiv = parseArxivId(raw.arxiv) ?? (doi ? parseArxivId(doi) : undefined);
  if (arxiv) ids.arxiv = arxiv;
  if (doi) ids.doi = doi;
  const openreview = parseOpenReviewId(raw.openreview);
  if (openreview) ids.openreview = openreview;
  const pmid = parsePmid(raw.pmid);
  if (pmid) ids.pmid = pmid;
  const acl = parseAclAnthologyId(raw.acl_anthology);
  if (acl) ids.acl_anthology = acl;
  const pmcid = parsePmcid(raw.pmcid);
  if (pmcid) ids.pmcid = pmcid;
  return ids;
}

/**
 * ACL Anthology id, bare or from an aclanthology.org link: new style `2022.acl-long.1`,
 * old style `W19-4201` (letter, year, four digits). `.pdf`/`.bib` and `vN` revision suffixes are dropped.
 */
export function parseAclAnthologyId(input: string | null | undefined): string | undefined {
  if (!input) return undefined;
  let s = input.trim();
  const fromUrl = /^(?:https?:)?\/\/(?:www\.)?aclanthology\.org\/([^?#]+)/i.exec(s);
  if (fromUrl?.[1]) s = fromUrl[1];
  s = s.replace(/\/$/, '').replace(/\.(?:pdf|bib|xml)$/i, '').replace(/(?<=\d)v\d+$/, '');
  if (/^\d{4}\.[a-z0-9]+(?:-[a-z0-9]+)*\.\d+$/i.test(s)) return s;
  if (/^[A-Z]\d{2}-\d{4}$/i.test(s)) return s.toUpperCase();
  return undefined;
}

// Any script's letters (CJK titles must not fold to an empty fingerprint), combining marks kept in words.
const FINGERPRINT_WORD = /[\p{L}\p{M}\p{N}]+/gu;

function fingerprintWords(s: string): string[] {
  return fold(s).match(FINGERPRINT_WORD) ?? [];
}

/** Folded title plus first author's surname: the identity of last resort. */
export function titleFingerprint(title: string, authors?: readonly string[]): string {
  const titleWords = fingerprintWords(title).join('-');
  const first = authors?.[0];
  const surname = first ? surnameOf(first) : '';
  return surname ? `${titleWords}/${surname}` : titleWords;
}

const NAME_SUFFIX = /^(?:jr|sr|ii|iii|iv)\.?$/i;
// PubMed/Scholar style "Brito LGO": surname first, then up to three capital initials.
const INITIALS = /^\p{Lu}{1,3}$/u;

function surnameOf(name: string): string {
  // "Song, Yang" lists the surname first.
  if (name.includes(',')) return fingerprintWords(name.split(',')[0] ?? '').join('');
  const parts = name.trim().split(/\s+/).filter((p) => !NAME_SUFFIX.test(p));
  const last = parts[parts.length - 1] ?? '';
  const surname = parts.length > 1 && INITIALS.test(last) ? parts.slice(0, -1).join(' ') : last;
  return fingerprintWords(surname).join('');
}

/** Storage key, CONTRACT §1: arxiv, then doi, openreview, pmid, then the title fingerprint. */
export function paperKey(ids: PaperIds, title: string, authors?: readonly string[]): string {
  if (ids.arxiv) return `arxiv:${ids.arxiv}`;
  if (ids.doi) return `doi:${ids.doi}`;
  if (ids.openreview) return `openreview:${ids.openreview}`;
  if (ids.pmid) return `pmid:${ids.pmid}`;
  return `title:${titleFingerprint(title, authors)}`;
}

/** Every key a paper could be known by, for joining records across sites (DOI seen later joins arXiv). */
export function aliasKeys(ids: PaperIds, title: string, authors?: readonly string[]): string[] {
  const keys: string[] = [];
  if (ids.arxiv) keys.push(`arxiv:${ids.arxiv}`);
  if (ids.doi) keys.push(`doi:${ids.doi}`);
  if (ids.openreview) keys.push(`openreview:${ids.openreview}`);
  if (ids.pmid) keys.push(`pmid:${ids.pmid}`);
  if (ids.acl_anthology) keys.push(`acl:${ids.acl_anthology}`);
  if (ids.pmcid) keys.push(`pmcid:${ids.pmcid}`);
  keys.push(`title:${titleFingerprint(title, authors)}`);
  return keys;
}
