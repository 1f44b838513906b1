/** BibTeX for stored papers, for "copy BibTeX" and the day/starred exports. */
import type { PaperIds } from './ids';
import { fold, words } from './text';

export interface BibtexPaper {
  title: string;
  authors?: readonly string[];
  ids: PaperIds;
  url?: string;
  /** Used for the year when no id carries one. */
  firstSeen?: number;
}

// Characters with a meaning in (La)TeX; page text must not turn into markup in the user's document.
const SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}', '{': '\\{', '}': '\\}', '%': '\\%', '&': '\\&', '#': '\\#', _: '\\_', '~': '\\textasciitilde{}', '^': '\\textasciicircum{}',
};

/** Escape text for a BibTeX field value; `$…$` math (as arXiv titles write it) is kept as math. */
export function escapeBibtex(text: string): string {
  return text
    .split(/(\$[^$]*\$)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[\\{}%&#_~^]/g, (c) => SPECIAL[c]!)))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

function surname(name: string): string {
  const trimmed = name.trim();
  return trimmed.includes(',') ? trimmed.split(',')[0]!.trim() : trimmed.split(/\s+/).pop() ?? '';
}

/** Year from a new-style arXiv id (2401.01234 → 2024, old-style hep-th/9901001 → 1999). */
export function yearOf(paper: BibtexPaper): string | undefined {
  const arxiv = paper.ids.arxiv;
  const yy = arxiv ? (/^(\d{2})\d{2}\./.exec(arxiv)?.[1] ?? /\/(\d{2})\d{5}$/.exec(arxiv)?.[1]) : undefined;
  if (yy) return String(Number(yy) > 90 ? 1900 + Number(yy) : 2000 + Number(yy));
  return paper.firstSeen ? String(new Date(paper.firstSeen).getFullYear()) : undefined;
}

/** `song2024score`: first author's surname, year, first significant title word; ASCII only. */
export function citationKey(paper: BibtexPaper): string {
  const author = words(fold(surname(paper.authors?.[0] ?? ''))).join('') || 'anon';
  const title = words(fold(paper.title)).find((w) => w.length > 3 && !/^(with|from|towards?|using|the|and|for)$/.test(w)) ?? 'paper';
  return `${author}${yearOf(paper) ?? ''}${title}`.replace(/[^a-z0-9]/g, '');
}

export function toBibtex(paper: BibtexPaper): string {
  const fields: [string, string][] = [['title', `{${escapeBibtex(paper.title)}}`]];
  if (paper.authors?.length) fields.push(['author', paper.authors.map(escapeBibtex).join(' and ')]);
  const year = yearOf(paper);
  if (year) fields.push(['year', year]);
  if (paper.ids.arxiv) fields.push(['eprint', paper.ids.arxiv], ['archivePrefix', 'arXiv']);
  if (paper.ids.doi) fields.push(['doi', escapeBibtex(paper.ids.doi)]);
  if (paper.ids.pmid) fields.push(['pmid', paper.ids.pmid]);
  if (paper.url) fields.push(['url', paper.url.replace(/[{}\\\s]/g, encodeURIComponent)]);
  const body = fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n');
  return `@misc{${citationKey(paper)},\n${body}\n}\n`;
}

/** Several papers, with citation keys made unique (a, b, … suffixes) as BibTeX requires. */
export function toBibtexList(papers: readonly BibtexPaper[]): string {
  const used = new Map<string, number>();
  return papers
    .map((paper) => {
      const entry = toBibtex(paper);
      const key = citationKey(paper);
      const n = used.get(key) ?? 0;
      used.set(key, n + 1);
      return n === 0 ? entry : entry.replace(`@misc{${key},`, `@misc{${key}${String.fromCharCode(96 + n + 1)},`);
    })
    .join('\n');
}
