/** RIS, the tagged format EndNote, Zotero, Mendeley and most databases import. */
import { citationKeys, dateOf, isPreprint, nameParts, type ExportPaper } from './record';

/** A tag line: `TY  - JOUR`. Values are one line each: page text loses its line breaks. */
const line = (tag: string, value: string) => `${tag}  - ${value.replace(/\s+/g, ' ').trim()}`;

const pad = (n: number) => String(n).padStart(2, '0');

function risType(paper: ExportPaper): string {
  if (paper.kind === 'article') return 'JOUR';
  if (paper.kind === 'inproceedings') return 'CPAPER';
  // Unpublished work: what RIS has for a preprint.
  return isPreprint(paper) ? 'UNPB' : 'GEN';
}

export function toRisRecord(paper: ExportPaper, id: string): string {
  const lines = [line('TY', risType(paper)), line('ID', id), line('TI', paper.title)];
  for (const author of paper.authors ?? []) {
    const { family, given } = nameParts(author);
    lines.push(line('AU', given ? `${family}, ${given}` : family));
  }
  if (paper.venue && !isPreprint(paper)) lines.push(line('T2', paper.venue));
  const date = dateOf(paper);
  if (date) {
    lines.push(line('PY', String(date.year)));
    if (date.month) lines.push(line('DA', `${date.year}/${pad(date.month)}/${date.day ? pad(date.day) : ''}`));
  }
  if (paper.ids.doi) lines.push(line('DO', paper.ids.doi));
  if (paper.ids.arxiv) lines.push(line('AN', `arXiv:${paper.ids.arxiv}`));
  if (paper.url) lines.push(line('UR', paper.url));
  lines.push('ER  - ');
  return lines.join('\r\n');
}

/** Records separated by a blank line, CRLF line ends as the format's readers expect. */
export function toRis(papers: readonly ExportPaper[]): string {
  const keys = citationKeys(papers);
  return `${papers.map((paper, i) => toRisRecord(paper, keys[i]!)).join('\r\n\r\n')}\r\n`;
}
