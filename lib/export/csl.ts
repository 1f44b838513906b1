/** CSL-JSON (the citation-style-language data schema), as Zotero, Mendeley and pandoc read it. */
import { citationKeys, dateOf, isPreprint, nameParts, type ExportPaper } from './record';

interface CslName {
  family: string;
  given?: string;
}

export interface CslItem {
  id: string;
  type: 'article-journal' | 'paper-conference' | 'article';
  title: string;
  author?: CslName[];
  'container-title'?: string;
  issued?: { 'date-parts': [[number] | [number, number] | [number, number, number]] };
  DOI?: string;
  PMID?: string;
  URL?: string;
  /** A preprint's server and number, as Zotero writes them (`arXiv`, `arXiv:2011.13456`). */
  publisher?: string;
  number?: string;
}

const TYPES = { article: 'article-journal', inproceedings: 'paper-conference', preprint: 'article' } as const;

export function toCslItem(paper: ExportPaper, id: string): CslItem {
  const date = dateOf(paper);
  const preprint = isPreprint(paper);
  return {
    id,
    // "article" is CSL's type for a preprint, and for a paper whose kind the page did not show.
    type: paper.kind ? TYPES[paper.kind] : 'article',
    title: paper.title.replace(/\s+/g, ' ').trim(),
    ...(paper.authors?.length ? { author: paper.authors.map(nameParts) } : {}),
    ...(paper.venue && !preprint ? { 'container-title': paper.venue } : {}),
    ...(date ? { issued: { 'date-parts': [date.day ? [date.year, date.month!, date.day] : date.month ? [date.year, date.month] : [date.year]] } } : {}),
    ...(paper.ids.doi ? { DOI: paper.ids.doi } : {}),
    ...(paper.ids.pmid ? { PMID: paper.ids.pmid } : {}),
    ...(paper.url ? { URL: paper.url } : {}),
    ...(paper.ids.arxiv && preprint ? { publisher: 'arXiv', number: `arXiv:${paper.ids.arxiv}` } : {}),
  };
}

/** A CSL-JSON array, ids unique and the same as the BibTeX export's citation keys. */
export function toCslJson(papers: readonly ExportPaper[]): string {
  const keys = citationKeys(papers);
  return `${JSON.stringify(papers.map((paper, i) => toCslItem(paper, keys[i]!)), null, 2)}\n`;
}
