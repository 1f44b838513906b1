/** CSL-JSON exports, validated against the CSL 1.0.2 input schema (tests/fixtures/csl, vendored). */
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportPapers } from '../../lib/export';
import { citationKeys } from '../../lib/export/record';
import { ALL, ARTICLE, PREPRINT, PROCEEDINGS, SEEN_ONLY, TRICKY_TITLE } from './export-papers';

const schema = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/csl/csl-data.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

function valid(text: string): Record<string, unknown>[] {
  const data = JSON.parse(text) as Record<string, unknown>[];
  const ok = validate(data);
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
  return data;
}

describe('CSL-JSON', () => {
  it('is valid CSL-JSON for one paper and for many, with the BibTeX keys as ids', () => {
    expect(valid(exportPapers([ARTICLE], 'csl-json'))).toHaveLength(1);
    const items = valid(exportPapers(ALL, 'csl-json'));
    expect(items.map((i) => i.id)).toEqual(citationKeys(ALL));
  });

  it('the schema catches a malformed item', () => {
    expect(validate([{ id: 'x', type: 'preprint-ish', title: 'T' }])).toBe(false);
    expect(validate([{ id: 'x', type: 'article', issued: { 'date-parts': [['2020']] }, author: 'Song' }])).toBe(false);
  });

  it('says the kind, venue, date, names, DOI and url the page showed, and keeps page text as it is', () => {
    const [article, proceedings, preprint, , seen] = valid(exportPapers(ALL, 'csl-json'));
    expect(article).toEqual({
      id: 'andre2021cafe',
      type: 'article-journal',
      title: TRICKY_TITLE,
      author: [{ family: 'André', given: 'Étienne' }, { family: 'Song', given: 'Yang' }, { family: 'O’Brien', given: 'Zoë' }],
      'container-title': ARTICLE.venue,
      issued: { 'date-parts': [[2021, 3, 15]] },
      DOI: '10.5555/x_y',
      URL: ARTICLE.url,
    });
    expect(proceedings).toMatchObject({ type: 'paper-conference', 'container-title': PROCEEDINGS.venue, issued: { 'date-parts': [[2019, 6]] }, author: [{ family: 'Devlin', given: 'Jacob' }, { family: 'Chang', given: 'Ming-Wei' }] });
    expect(preprint).toMatchObject({ type: 'article', title: PREPRINT.title, publisher: 'arXiv', number: 'arXiv:2011.13456', issued: { 'date-parts': [[2020, 11]] } });
    expect(seen).toEqual({ id: 'anon2025page', type: 'article', title: SEEN_ONLY.title, issued: { 'date-parts': [[2025]] } });
  });
});
