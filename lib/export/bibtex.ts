/** BibTeX for stored papers, for "copy BibTeX" and the day/starred exports. */
import { arxivClass, citationKey, citationKeys, dateOf, isPreprint, type ExportPaper } from './record';

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

/** DOIs and URLs are verbatim fields: kept as they are, apart from what would break the braces. */
function verbatim(text: string): string {
  return text.replace(/[{}\\\s]/g, encodeURIComponent);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** `@article` with its journal, `@inproceedings` with its booktitle, else `@misc` (arXiv preprints with eprint fields). */
function entryType(paper: ExportPaper): { type: string; venueField?: string } {
  if (paper.kind === 'article') return { type: 'article', venueField: 'journal' };
  if (paper.kind === 'inproceedings') return { type: 'inproceedings', venueField: 'booktitle' };
  return { type: 'misc', venueField: isPreprint(paper) ? undefined : 'howpublished' };
}

export function toBibtex(paper: ExportPaper, key = citationKey(paper)): string {
  const { type, venueField } = entryType(paper);
  // Values are braced, except the month, a standard macro (`jan`) that styles print in their language.
  const fields: [string, string][] = [['title', `{{${escapeBibtex(paper.title)}}}`]];
  if (paper.authors?.length) fields.push(['author', `{${paper.authors.map(escapeBibtex).join(' and ')}}`]);
  if (paper.venue && venueField) fields.push([venueField, `{${escapeBibtex(paper.venue)}}`]);
  const date = dateOf(paper);
  if (date) fields.push(['year', `{${date.year}}`]);
  // A month from the arXiv id is the submission's, not publication's: only a preprint takes it.
  if (date?.month && (paper.published || isPreprint(paper))) fields.push(['month', MONTHS[date.month - 1]!]);
  if (paper.ids.arxiv) {
    fields.push(['eprint', `{${paper.ids.arxiv}}`], ['archivePrefix', '{arXiv}']);
    const primaryClass = arxivClass(paper.ids.arxiv);
    if (primaryClass) fields.push(['primaryClass', `{${primaryClass}}`]);
  }
  if (paper.ids.doi) fields.push(['doi', `{${verbatim(paper.ids.doi)}}`]);
  if (paper.ids.pmid) fields.push(['pmid', `{${paper.ids.pmid}}`]);
  if (paper.url) fields.push(['url', `{${verbatim(paper.url)}}`]);
  const body = fields.map(([name, value]) => `  ${name} = ${value}`).join(',\n');
  return `@${type}{${key},\n${body}\n}\n`;
}

/** Several papers, with citation keys unique in the list as BibTeX requires. */
export function toBibtexList(papers: readonly ExportPaper[]): string {
  const keys = citationKeys(papers);
  return papers.map((paper, i) => toBibtex(paper, keys[i])).join('\n');
}
