/**
 * Search in the popup as a researcher uses it: pasting the arXiv id (with its version) or the DOI
 * of a paper seen on a listing, typing an author's surname or words of an abstract, finds the paper;
 * and so it does after Chrome stops the worker, from the index the worker saved and the papers
 * seen since.
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

/** Raw IndexedDB from an extension page, not through the code under test. */
function rawStore<T>(page: Page, work: string): Promise<T> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open('paperlight');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => { const db = open.result; Promise.resolve((${work})(db)).then((value) => (db.close(), resolve(value)), reject); };
  })`);
}
const request = (r: string) => `new Promise((done, fail) => { const q = ${r}; q.onsuccess = () => done(q.result); q.onerror = () => fail(q.error); })`;

describe('search after the worker stops', () => {
  it('loads the saved index and reads again only the papers seen since', { timeout: 120_000 }, async () => {
    expect(await resultsFor('Panchbhai')).toEqual(['arxiv:1807.07126']);
    // The worker saves the index it built a moment after building it.
    await expect.poll(() => rawStore<number>(popup, `(db) => ${request("db.transaction('searchIndex').objectStore('searchIndex').count()")}`), { timeout: 30_000 }).toBe(1);
    const fixture = fixturePages().find((p) => p.file === 'arxiv/search-abstract-distributed-systems-2025-12.html')!;
    const listing = await session.context.newPage();
    await listing.goto(fixture.url);
    await waitForScan(listing, fixture.expected.length);
    await listing.close();
    // A paper written without a log entry (no page of the extension writes so): a worker that built its index would find it.
    await rawStore(popup, `async (db) => {
      const paper = await ${request("db.transaction('papers').objectStore('papers').get('arxiv:1807.07126')")};
      const tx = db.transaction('papers', 'readwrite');
      tx.objectStore('papers').put({ ...paper, key: 'arxiv:0000.00001', title: 'Unlogged quokka' });
      await new Promise((done) => (tx.oncomplete = done));
    }`);
    const cdp = await session.context.newCDPSession(popup);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    popup = await session.context.newPage();
    await popup.goto(extensionPage(session, 'popup.html'));
    expect(await resultsFor('yukawa')).toEqual(['arxiv:2512.03003']);
    expect(await resultsFor('Panchbhai')).toEqual(['arxiv:1807.07126']);
    expect(await resultsFor('quokka')).toEqual([]);
  });
});

