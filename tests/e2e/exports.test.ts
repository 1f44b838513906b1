/**
 * The popup's exports in Chromium: the day's matches downloaded as BibTeX, RIS and CSL-JSON, each
 * parsed back (a BibTeX parser, the CSL-JSON schema, a RIS line check) with the same papers and keys.
 */
import { parse } from '@retorquere/bibtex-parser';
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePages, readPage } from '../fixture-pages';
import { DEMO_INTERESTS, extensionPage, importInterests, launchExtension, ROOT, waitForScan, type ExtensionSession } from './harness';

const fixture = fixturePages().find((p) => p.file === 'arxiv/list-cs-new-2018-07-20-truncated.html')!;
const MATCHED = 8;
let session: ExtensionSession;
let popup: Page;

beforeAll(async () => {
  session = await launchExtension();
  session.serve(fixture.url, readPage(fixture.file));
  await importInterests(session, DEMO_INTERESTS);
  const page = await session.context.newPage();
  await page.goto(fixture.url);
  await waitForScan(page, fixture.expected.length);
  await page.close();
  popup = await session.context.newPage();
  await popup.goto(extensionPage(session, 'popup.html'));
  await popup.locator('section[aria-labelledby="main-list"][aria-busy="false"] li[data-paperlight-key]').first().waitFor();
});
afterAll(async () => {
  await session?.close();
});

/** Choose the format, press "Export list", and read the file the browser saves. */
async function exportAs(label: string): Promise<{ name: string; text: string }> {
  await popup.getByRole('combobox', { name: 'Export as' }).selectOption({ label });
  const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: 'Export list' }).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

describe('exports from the popup', () => {
  it('BibTeX, RIS and CSL-JSON of the day’s matches each parse back to the same papers and keys', async () => {
    const bibtex = await exportAs('BibTeX');
    expect(bibtex.name).toBe('paperlight-today.bib');
    const library = parse(bibtex.text, { sentenceCase: false });
    expect(library.errors).toEqual([]);
    expect(library.entries).toHaveLength(MATCHED);
    for (const entry of library.entries) expect(entry).toMatchObject({ type: 'misc', fields: { archiveprefix: 'arXiv', year: '2018' } });
    const keys = library.entries.map((e) => e.key);
    expect(new Set(keys).size).toBe(MATCHED);

    const ris = await exportAs('RIS');
    expect(ris.name).toBe('paperlight-today.ris');
    const lines = ris.text.split('\r\n').filter(Boolean);
    expect(lines.every((l) => /^[A-Z][A-Z0-9] {2}- /.test(l))).toBe(true);
    expect(lines.filter((l) => l.startsWith('ID  - ')).map((l) => l.slice(6))).toEqual(keys);
    expect(lines.filter((l) => l.startsWith('ER  - '))).toHaveLength(MATCHED);

    const csl = await exportAs('CSL-JSON');
    expect(csl.name).toBe('paperlight-today.json');
    const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/csl/csl-data.json'), 'utf8')) as object);
    const items = JSON.parse(csl.text) as { id: string }[];
    expect(validate(items), JSON.stringify(validate.errors)).toBe(true);
    expect(items.map((i) => i.id)).toEqual(keys);
  });
});
