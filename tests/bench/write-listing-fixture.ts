/**
 * Writes tests/fixtures/pages/arxiv/list-cs-new-current-synthetic.{html,expected.json}: a 30-entry
 * listing in the current markup (with abstracts, as /new pages show them) and what detection must
 * find in it. Run: node --import tsx tests/bench/write-listing-fixture.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { collapseWhitespace } from '../../lib/text';
import { PAGES_DIR } from '../fixture-pages';
import { arxivListing } from './arxiv-listing';

const base = join(PAGES_DIR, 'arxiv/list-cs-new-current-synthetic');
const { html, sections } = arxivListing(30, { abstracts: true });
const expected = sections.flatMap((section) =>
  section.entries.map((e) => ({
    title: collapseWhitespace(e.title),
    url: `https://arxiv.org/abs/${e.id}`,
    ids: { arxiv: e.id },
    authors: e.authors,
    section: section.heading,
  })),
);
writeFileSync(`${base}.html`, html);
writeFileSync(`${base}.expected.json`, `${JSON.stringify(expected, null, 2)}\n`);
