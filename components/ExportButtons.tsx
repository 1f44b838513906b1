/** The popup's exports: the listed papers or the starred ones, in the format the user picks. */
import { useState } from 'preact/hooks';
import { EXPORT_FORMATS, exportPapers, type ExportFormat, type ExportPaper } from '../lib/export';
import { t } from '../lib/i18n';
import { request } from '../lib/messaging';
import { downloadBlob } from './download';

function download(name: string, papers: readonly ExportPaper[], format: ExportFormat): void {
  const { extension, type } = EXPORT_FORMATS[format];
  downloadBlob(`${name}.${extension}`, new Blob([exportPapers(papers, format)], { type }));
}

/** `name` names the listed papers' file (`paperlight-today`); starred papers are asked for when exported. */
export function ExportButtons({ name, papers, onError }: { name: string; papers: readonly ExportPaper[]; onError: (message: string) => void }) {
  const [format, setFormat] = useState<ExportFormat>('bibtex');
  return (
    <div class="toolbar">
      <label>
        {t('exportFormat')}{' '}
        <select value={format} onChange={(e) => setFormat(e.currentTarget.value as ExportFormat)}>
          {Object.entries(EXPORT_FORMATS).map(([value, { label }]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <button type="button" disabled={!papers.length} onClick={() => download(name, papers, format)}>
        {t('exportDay')}
      </button>
      <button
        type="button"
        onClick={() => void request<'getStarred'>({ type: 'getStarred' }).then((r) => download('paperlight-starred', r.papers, format), (err: unknown) => onError(String(err)))}
      >
        {t('exportStarred')}
      </button>
    </div>
  );
}
