/**
 * Search in the popup as a researcher uses it: pasting the arXiv id (with its version) or the DOI
 * of a paper seen on a listing, typing an author's surname or words of an abstract, finds the paper.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePages, readPage } from '../fixture-pages';
import { DEMO_INTERESTS, extensionPage, importInterests, launchExtension, waitForScan, type ExtensionSession } from './harness';

let session: ExtensionSession;
let popup: Page;

beforeAll(async () => {
  session = await launchExtension();
  for (const page of fixturePages()) session.serve(page.url, readPage(page.file));
  await importInterests(session, DEMO_INTERESTS);
  for (const file of ['arxiv/list-cs-new-2018-07-20-truncated.html', 'dblp/search-calefato-2024-01-formatted.html']) {
    const fixture = fixturePages().find((p) => p.file === file)!;
    const page = await session.context.newPage();
    await page.goto(fixture.url);
    await waitForScan(page, fixture.expected.length);
    await page.close();
  }
  popup = await session.context.newPage();
  await popup.goto(extensionPage(session, 'popup.html'));
});
afterAll(async () => {
  await session?.close();
});

/** The keys of the search results for `query`, once they are in. */
async function resultsFor(query: string): Promise<(string | null)[]> {
  await popup.locator('input[type="search"]').fill(query);
  await expect.poll(() => popup.locator('#main-list').textContent()).toBe('Search results');
  const section = popup.locator('section[aria-labelledby="main-list"][aria-busy="false"]');
  await section.waitFor();
  return section.locator('li[data-paperlight-key]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-paperlight-key')));
}

describe('search in the popup', () => {
  it('finds a paper by its pasted arXiv id, with its version or as a link', async () => {
    expect(await resultsFor('1807.07126v2')).toEqual(['arxiv:1807.07126']);
    expect(await resultsFor('https://arxiv.org/abs/1807.07126')).toEqual(['arxiv:1807.07126']);
  });

  it('finds a paper by its DOI, bare or with its resolver', async () => {
    expect(await resultsFor('https://doi.org/10.1109/ESEM56168.2023.10304796')).toEqual(['doi:10.1109/esem56168.2023.10304796']);
  });

  it('finds papers by an author’s surname and by words of an abstract', async () => {
    expect(await resultsFor('Panchbhai')).toEqual(['arxiv:1807.07126']);
    expect(await resultsFor('reliable transmission adaptive streaming')).toContain('arxiv:1807.07126');
  });
});
