import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExportButtons } from '../../components/ExportButtons';
import { ARTICLE, PREPRINT } from '../lib/export-papers';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** What the next download saves: file name and content. */
function captureDownloads() {
  const saved: { name: string; blob: Blob }[] = [];
  const blobs: Blob[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return 'blob:test';
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, blob: blobs.at(-1)! });
  });
  return saved;
}

describe('ExportButtons', () => {
  it('exports the listed papers in the chosen format: BibTeX by default, then RIS or CSL-JSON', async () => {
    const saved = captureDownloads();
    const { getByRole } = render(<ExportButtons name="paperlight-today" papers={[ARTICLE, PREPRINT]} onError={() => {}} />);
    fireEvent.click(getByRole('button', { name: 'Export list' }));
    fireEvent.change(getByRole('combobox', { name: 'Export as' }), { target: { value: 'ris' } });
    fireEvent.click(getByRole('button', { name: 'Export list' }));
    fireEvent.change(getByRole('combobox', { name: 'Export as' }), { target: { value: 'csl-json' } });
    fireEvent.click(getByRole('button', { name: 'Export list' }));
    expect(saved.map((s) => s.name)).toEqual(['paperlight-today.bib', 'paperlight-today.ris', 'paperlight-today.json']);
    expect(await saved[0]!.blob.text()).toMatch(/^@article\{andre2021cafe,/);
    expect(await saved[1]!.blob.text()).toMatch(/^TY {2}- JOUR\r\n/);
    expect(JSON.parse(await saved[2]!.blob.text())).toHaveLength(2);
  });

  it('cannot export an empty list', () => {
    const { getByRole } = render(<ExportButtons name="paperlight-today" papers={[]} onError={() => {}} />);
    expect((getByRole('button', { name: 'Export list' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
