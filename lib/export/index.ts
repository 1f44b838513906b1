/** Exports of a list of papers in the format a reference manager imports. */
import { toBibtexList } from './bibtex';
import { toCslJson } from './csl';
import type { ExportPaper } from './record';
import { toRis } from './ris';

export { toBibtex, toBibtexList } from './bibtex';
export type { ExportPaper } from './record';

export const EXPORT_FORMATS = {
  bibtex: { label: 'BibTeX', extension: 'bib', type: 'application/x-bibtex', write: toBibtexList },
  ris: { label: 'RIS', extension: 'ris', type: 'application/x-research-info-systems', write: toRis },
  'csl-json': { label: 'CSL-JSON', extension: 'json', type: 'application/vnd.citationstyles.csl+json', write: toCslJson },
} as const;

export type ExportFormat = keyof typeof EXPORT_FORMATS;

export function exportPapers(papers: readonly ExportPaper[], format: ExportFormat): string {
  return EXPORT_FORMATS[format].write(papers);
}
