/**
 * Paper identifiers: parse, normalise, and derive the storage key (CONTRACT §1).
 * Every parser returns `undefined` for input it does not recognise, never throws.
 */
import { fold, words } from './text';

export interface PaperIds {
  arxiv?: string;
  doi?: string;
  openreview?: string;
  pmid?: string;
  acl_anthology?: string;
}

export type IdKind = keyof PaperIds;
export const ID_KINDS: readonly IdKind[] = ['arxiv', 'doi', 'openreview', 'pmid', 'acl_anthology'];

// New-style ids (0704.0001 onward; 5-digit numbers since 1501) and old-style archive/YYMMNNN.
const NEW_ARXIV = /^(\d{4}\.\d{4,5})(v\d+)?$/;
const OLD_ARXIV = /^([a-z-]+(?:\.[a-z]{2})?\/\d{7})(v\d+)?$/i;

/** Version-less arXiv id from a bare id, `arXiv:` prefix, or an arXiv-like URL/DOI. */
export function parseArxivId(input: string | null | undefined): string | undefined {
  if (!input) return undefined;
  let s = input.trim();
  const fromDoi = /^(?:https?:\/\/(?:dx\.)?doi\.org\/)?10\.48550\/arxiv\.(.+)$/i.exec(s);
  if (fromDoi?.[1]) s = fromDoi[1];
  const fromUrl =
    /^(?:https?:)?\/\/(?:www\.|export\.)?(?:arxiv\.org|ar5iv\.(?:labs\.)?arxiv\.org|ar5iv\.org|alphaxiv\.org|huggingface\.co\/papers|hf\.co\/papers)\/(?:(?:abs|pdf|html|format|papers)\/)?([^?#]+)/i.exec(s);
  if (fromUrl?.[1]) s = fromUrl[1].replace(/\.pdf$/i, '').replace(/\/$/, '');
  s = s.replace(/^arxiv:\s*/i, '');
  const m = NEW_ARXIV.exec(s) ?? OLD_ARXIV.exec(s);
  if (!m?.[1]) return undefined;
  return m[1].includes('/') ? m[1].replace(/^[^/]+/, (a) => a.toLowerCase()) : m[1];
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
    .replace(/^doi:\s*/i, '')
    .replace(/^https?:\/\/(?:dx\.|www\.)?doi\.org\//i, '')
    .replace(/^doi:\s*/i, '');
  s = s.replace(/[.,;:)\]}>'"]+$/, '');
  // A closing parenthesis is part of some DOIs (10.1016/0010-0285(80)90005-5): keep it when balanced.
  const m = /^(10\.\d{4,9}\/\S+)$/.exec(s);
  if (!m?.[1]) return undefined;
  let doi = m[1];
  if (input.trim().endsWith(')') && count(doi, '(') > count(doi, ')')) doi += ')';
  return doi.toLowerCase();
}

function count(s: string, c: string): number {
  let n = 0;
  for (const ch of s) if (ch === c) n++;
  return n;
}

export function parsePmid(input: string | null | undefined): string | undefined {
  const m = /^\s*(?:pmid:\s*)?(\d{1,9})\s*$/i.exec(input ?? '');
  return m?.[1] ? String(Number(m[1])) : undefined;
}

export function parseOpenReviewId(input: string | null | undefined): string | undefined {
  if (!input) return undefined;
  const fromUrl = /openreview\.net\/(?:forum|pdf)\?(?:.*&)?id=([A-Za-z0-9_-]+)/.exec(input);
  const id = fromUrl?.[1] ?? input.trim();
  return /^[A-Za-z0-9_-]{6,20}$/.test(id) ? id : undefined;
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
  const acl = raw.acl_anthology?.trim();
  if (acl && /^[A-Za-z0-9.-]{3,40}$/.test(acl)) ids.acl_anthology = acl;
  return ids;
}

/** Folded title plus first author's surname: the identity of last resort. */
export function titleFingerprint(title: string, authors?: readonly string[]): string {
  const titleWords = words(fold(title)).join('-');
  const first = authors?.[0];
  const surname = first ? surnameOf(first) : '';
  return surname ? `${titleWords}/${surname}` : titleWords;
}

function surnameOf(name: string): string {
  const folded = fold(name.trim());
  // "Song, Yang" lists the surname first.
  const part = folded.includes(',') ? folded.split(',')[0] ?? '' : folded.split(/\s+/).pop() ?? '';
  return words(part).join('');
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
  keys.push(`title:${titleFingerprint(title, authors)}`);
  return keys;
}
