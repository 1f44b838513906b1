/** The saved pages under tests/fixtures/pages with their URL and expected papers. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const PAGES_DIR = join(import.meta.dirname, 'fixtures', 'pages');

export interface ExpectedPaper {
  title: string;
  url: string | null;
  ids: Record<string, string>;
  authors?: string[];
  signals?: Record<string, number>;
  [extra: string]: unknown;
}

export interface FixturePage {
  /** Path relative to PAGES_DIR, e.g. `arxiv/list-cs-new-2018-07-20-truncated.html`. */
  file: string;
  site: string;
  url: string;
  expected: ExpectedPaper[];
  /** Written by us from markup notes, not saved from the site (`*-synthetic.html`). */
  synthetic: boolean;
}

const urls = (JSON.parse(readFileSync(join(PAGES_DIR, 'urls.json'), 'utf8')) as { pages: Record<string, string> }).pages;

export function fixturePages(): FixturePage[] {
  const pages: FixturePage[] = [];
  for (const site of readdirSync(PAGES_DIR, { withFileTypes: true })) {
    if (!site.isDirectory()) continue;
    for (const name of readdirSync(join(PAGES_DIR, site.name))) {
      if (!name.endsWith('.html')) continue;
      const file = `${site.name}/${name}`;
      const url = urls[file];
      if (!url) throw new Error(`tests/fixtures/pages/urls.json has no URL for ${file}`);
      const expectedPath = join(PAGES_DIR, file.replace(/\.html$/, '.expected.json'));
      pages.push({
        file,
        site: site.name,
        url,
        expected: JSON.parse(readFileSync(expectedPath, 'utf8')) as ExpectedPaper[],
        synthetic: name.includes('-synthetic'),
      });
    }
  }
  return pages;
}

export function readPage(file: string): string {
  return readFileSync(join(PAGES_DIR, file), 'utf8');
}
