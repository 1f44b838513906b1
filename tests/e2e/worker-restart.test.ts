/**
 * A service worker stopped while a page is being stored loses no paper: the content script resends
 * unacknowledged batches (lib/content/scanner.ts) and storing is transactional and idempotent
 * (lib/db/store.ts). Ten 2,000-entry arXiv listings, each with the worker stopped twice through the
 * DevTools protocol (ServiceWorker.stopAllWorkers) at different points of storing it (0 to 1,500 of
 * 2,000 stored): 20 stops, and after each listing every one of its papers is in IndexedDB.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { listingSections, renderListing, type ListingSection } from '../bench/arxiv-listing';
import { DEMO_INTERESTS, extensionPage, importInterests, launchExtension, type ExtensionSession } from './harness';

const ROUNDS = 10;
const STOPS_PER_ROUND = 2;
const ENTRIES = 2000;

let session: ExtensionSession;
let reader: Page;
let cdp: CDPSession;
/** The worker's status, and how many times it went from running to stopped, from the ServiceWorker domain's events. */
let status = '';
let stopped = 0;

beforeAll(async () => {
  session = await launchExtension();
  await importInterests(session, DEMO_INTERESTS);
  // An extension page reads the database directly, so checking never depends on the worker being up.
  reader = await session.context.newPage();
  await reader.goto(extensionPage(session, 'options.html'));
  cdp = await session.context.newCDPSession(reader);
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions.filter((v) => v.scriptURL.endsWith('/background.js'))) {
      if (v.runningStatus === 'stopped' && status !== 'stopped') stopped++;
      status = v.runningStatus;
    }
  });
  await cdp.send('ServiceWorker.enable');
});
afterAll(async () => {
  await session?.close();
});

/** The round's listing: the generator's 2,000 papers under ids of a month of their own (2301 … 2408). */
function roundListing(round: number, base: readonly ListingSection[]): { html: string; prefix: string } {
  const prefix = `${23 + Math.floor(round / 12)}${String((round % 12) + 1).padStart(2, '0')}.`;
  let n = 0;
  const sections = base.map((s) => ({ ...s, entries: s.entries.map((e) => ({ ...e, id: `${prefix}${String(10000 + n++)}` })) }));
  return { html: renderListing(sections), prefix };
}

/** Papers stored under `arxiv:<prefix>…` keys, read with raw IndexedDB in the extension page. */
function storedCount(prefix: string): Promise<number> {
  return reader.evaluate(
    (p) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('paperlight');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('papers').objectStore('papers').count(IDBKeyRange.bound(`arxiv:${p}`, `arxiv:${p}\uffff`));
          request.onsuccess = () => (db.close(), resolve(request.result));
          request.onerror = () => (db.close(), reject(request.error));
        };
      }),
    prefix,
  );
}

describe('a service worker stopped while a 2,000-entry listing is stored', () => {
  it(`loses no paper, ${ROUNDS * STOPS_PER_ROUND} stops over`, { timeout: 300_000 }, async () => {
    const base = listingSections(ENTRIES, { abstracts: true });
    expect(base.flatMap((s) => s.entries)).toHaveLength(ENTRIES);

    // Round 0 runs undisturbed, for comparison. The others stop the worker when a given number of
    // papers is stored (batches are 500): with at least one batch still to store, so mid-storing.
    const THRESHOLDS = [[0, 1000], [500, 1500], [1000, 1500], [0, 500], [500, 1000]];
    const measured: number[] = [];
    let stops = 0;
    const givenUp: string[] = [];
    for (let round = 0; round <= ROUNDS; round++) {
      const { html, prefix } = roundListing(round, base);
      const url = `https://arxiv.org/list/cs/new?round=${round}`;
      session.serve(url, html);
      const page = await session.context.newPage();
      // The scanner logs only when it gives a batch up.
      page.on('console', (m) => m.text().includes('[paperlight]') && givenUp.push(m.text()));
      const started = Date.now();
      await page.goto(url);
      for (const threshold of round ? THRESHOLDS[(round - 1) % THRESHOLDS.length]! : []) {
        await expect.poll(() => storedCount(prefix), { timeout: 30_000, interval: 20 }).toBeGreaterThanOrEqual(threshold);
        // Stop a running worker: after a stop, the content script's resend starts it again.
        await expect.poll(() => status, { timeout: 10_000, interval: 20 }).toBe('running');
        await cdp.send('ServiceWorker.stopAllWorkers');
        stops++;
      }
      await expect.poll(() => storedCount(prefix), { timeout: 45_000, interval: 100 }).toBe(ENTRIES);
      measured.push(Date.now() - started);
      await page.close();
    }
    expect(stops).toBe(ROUNDS * STOPS_PER_ROUND);
    await expect.poll(() => stopped).toBe(stops);
    expect(givenUp).toEqual([]);
    const disturbed = measured.slice(1).sort((a, b) => a - b);
    console.info(`[worker-restart] ${stops} stops; ms to store 2,000 entries: undisturbed ${measured[0]}, with stops median ${disturbed[Math.floor(ROUNDS / 2)]}, max ${disturbed[ROUNDS - 1]}`);
  });
});
