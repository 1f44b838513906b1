/** What every export format reads from a paper: its fields, date, kind, authors' names and citation key. */
import type { PaperIds } from '../ids';
import type { Publication } from '../paper';
import { fold, words } from '../text';

export interface ExportPaper extends Publication {
  /** The store's key: orders papers whose citation keys collide, so their suffixes do not depend on the list's order. */
  key?: string;
  title: string;
  authors?: readonly string[];
  ids: PaperIds;
  url?: string;
  /** Used for the year when neither the page's date nor an arXiv id gives one. */
  firstSeen?: number;
}

export interface PaperDate {
  year: number;
  month?: number;
  day?: number;
}

/** Year from an arXiv id (2401.01234 → 2024, hep-th/9901001 → 1999) and its month. */
function arxivDate(arxiv: string | undefined): PaperDate | undefined {
  const m = arxiv ? (/^(\d{2})(\d{2})\./.exec(arxiv) ?? /\/(\d{2})(\d{2})\d{3}$/.exec(arxiv)) : null;
  if (!m) return undefined;
  const yy = Number(m[1]);
  return { year: yy > 90 ? 1900 + yy : 2000 + yy, month: Number(m[2]) };
}

/**
 * The paper's date: the page's `published` (YYYY, YYYY-MM or YYYY-MM-DD), else the arXiv id's
 * year and month, else the year it was first seen (no month: that is not the paper's own).
 */
export function dateOf(paper: ExportPaper): PaperDate | undefined {
  const published = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(paper.published ?? '');
  if (published) {
    const [, y, m, d] = published;
    return { year: Number(y), ...(m ? { month: Number(m) } : {}), ...(d ? { day: Number(d) } : {}) };
  }
  return arxivDate(paper.ids.arxiv) ?? (paper.firstSeen ? { year: new Date(paper.firstSeen).getFullYear() } : undefined);
}

/** An arXiv preprint, as the page says or as its ids suggest when the page says nothing of a venue. */
export function isPreprint(paper: ExportPaper): boolean {
  return paper.kind === 'preprint' || (!paper.kind && !paper.venue && !!paper.ids.arxiv);
}

/** arXiv's subject class where the id carries it (old-style `hep-th/9901001`). */
export function arxivClass(arxiv: string | undefined): string | undefined {
  return arxiv ? /^([a-z-]+(?:\.[A-Z]{2})?)\//i.exec(arxiv)?.[1] : undefined;
}

/** `Song, Yang` and `Yang Song` → family `Song`, given `Yang`; a single word is a family name. */
export function nameParts(name: string): { family: string; given?: string } {
  const trimmed = name.replace(/\s+/g, ' ').trim();
  const comma = trimmed.indexOf(',');
  if (comma >= 0) {
    const given = trimmed.slice(comma + 1).trim();
    return { family: trimmed.slice(0, comma).trim(), ...(given ? { given } : {}) };
  }
  const space = trimmed.lastIndexOf(' ');
  return space < 0 ? { family: trimmed } : { family: trimmed.slice(space + 1), given: trimmed.slice(0, space) };
}

/** `song2020score`: first author's surname, year, first significant title word; ASCII only. */
export function citationKey(paper: ExportPaper): string {
  const author = words(fold(nameParts(paper.authors?.[0] ?? '').family)).join('') || 'anon';
  const title = words(fold(paper.title)).find((w) => w.length > 3 && !/^(with|from|towards?|using|the|and|for)$/.test(w)) ?? 'paper';
  return `${author}${dateOf(paper)?.year ?? ''}${title}`.replace(/[^a-z0-9]/g, '');
}

/**
 * A unique key for each paper of a list, in list order. Colliding keys get b, c, … suffixes in
 * the order of the papers' own keys, so re-exporting the same papers in another order keeps them.
 */
export function citationKeys(papers: readonly ExportPaper[]): string[] {
  const base = papers.map(citationKey);
  const identity = (i: number) => papers[i]!.key ?? JSON.stringify(papers[i]!.ids) + papers[i]!.title;
  const order = papers.map((_, i) => i).sort((a, b) => (identity(a) < identity(b) ? -1 : identity(a) > identity(b) ? 1 : a - b));
  const taken = new Set(base);
  const seen = new Map<string, number>();
  const keys: string[] = [];
  for (const i of order) {
    const n = seen.get(base[i]!) ?? 0;
    seen.set(base[i]!, n + 1);
    if (n === 0) {
      keys[i] = base[i]!;
      continue;
    }
    let suffix = n;
    while (taken.has(keyWith(base[i]!, suffix))) suffix++;
    keys[i] = keyWith(base[i]!, suffix);
    taken.add(keys[i]);
  }
  return keys;
}

/** b, c, …, z, then ba, bb, …: never a bare key, never a digit that would read as part of the year. */
function keyWith(key: string, n: number): string {
  let suffix = '';
  for (let k = n; k > 0; k = Math.floor(k / 26)) suffix = String.fromCharCode(97 + (k % 26)) + suffix;
  return key + suffix;
}
