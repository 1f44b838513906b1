/**
 * Backup of a store too large for one extension message (Chrome caps a message at 64 MiB): a
 * listing read with the interests on, plus 24,000 stored papers with 3,000-character abstracts,
 * exported from the options page, deleted, and restored from the downloaded file. The store after
 * the restore is compared with the store before it table by table (record count and a SHA-256 of
 * every record in key order), read with raw IndexedDB, not through the code under test; the tables
 * a backup leaves out (derived data: the search index, the paper log, the example models) are not compared.
 */
import { statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DERIVED_TABLES } from '../../lib/db/backup';
import { arxivListing } from '../bench/arxiv-listing';
import { DEMO_INTERESTS, extensionPage, importInterests, launchExtension, waitForScan, type ExtensionSession } from './harness';

const LIST_URL = 'https://arxiv.org/list/cs/new';
const BULK = 24_000;
const MESSAGE_CAP = 64 * 1024 * 1024;

let session: ExtensionSession;
beforeAll(async () => {
  session = await launchExtension();
});
afterAll(async () => {
  await session?.close();
});

/** Add `count` papers, each with one sighting, straight into IndexedDB (generated in the page: no 80 MB transfer). */
function seed(page: Page, count: number): Promise<void> {
  return page.evaluate(
    (count) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('paperlight');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['papers'], 'readwrite');
          const words = ['sparse', 'attention', 'graph', 'protein', 'diffusion', 'kernel', 'bandit', 'causal', 'retrieval', 'robust'];
          for (let n = 0; n < count; n++) {
            const id = `2312.${String(10000 + n)}`;
            const key = `arxiv:${id}`;
            const time = Date.UTC(2026, 0, 1) + n * 60_000;
            const day = new Date(time).toISOString().slice(0, 10);
            const sentence = Array.from({ length: 12 }, (_, i) => words[(n * 7 + i * 3) % words.length]).join(' ');
            tx.objectStore('papers').put({
              key,
              title: `A study of ${words[n % 10]} ${words[(n >> 3) % 10]} models, part ${n}`,
              url: `https://arxiv.org/abs/${id}`,
              ids: { arxiv: id },
              authors: [`Ada Author${n % 97}`, `Bo Writer${n % 89}`, 'Zoë Ünïcode'],
              abstract: `${`${sentence}. `.repeat(30)}`.slice(0, 3000),
              aliases: [key],
              firstSeen: time,
              lastSeen: time,
              signals: { upvotes: n % 50 },
              ...(n % 1000 === 0 ? { starred: true, starredMark: 1 } : {}),
              sightings: [{ day, page: `https://arxiv.org/list/cs/pastweek?skip=${n}`, site: 'arxiv', firstTime: time, time }],
              days: [day],
              matches: [],
              interests: [],
            });
          }
          tx.oncomplete = () => (db.close(), resolve());
          tx.onerror = () => (db.close(), reject(tx.error));
        };
      }),
    count,
  );
}

type TableDigest = { count: number; sha256: string; indexes: Record<string, number> };

/** Per table a backup holds: record count, a SHA-256 of all records in primary-key order, and the entries of each index. */
function digest(page: Page): Promise<Record<string, TableDigest>> {
  return page.evaluate(
    (derived) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('paperlight');
        open.onerror = () => reject(open.error);
        open.onsuccess = async () => {
          const db = open.result;
          const result: Record<string, TableDigest> = {};
          for (const name of Array.from(db.objectStoreNames).filter((n) => !derived.includes(n))) {
            const records = await new Promise<unknown[]>((done, fail) => {
              const request = db.transaction(name).objectStore(name).getAll();
              request.onsuccess = () => done(request.result);
              request.onerror = () => fail(request.error);
            });
            const bytes = new TextEncoder().encode(records.map((r) => JSON.stringify(r)).join('\n'));
            const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
            const store = db.transaction(name).objectStore(name);
            const indexes: Record<string, number> = {};
            for (const index of Array.from(store.indexNames)) {
              indexes[index] = await new Promise<number>((done, fail) => {
                const request = store.index(index).count();
                request.onsuccess = () => done(request.result);
                request.onerror = () => fail(request.error);
              });
            }
            result[name] = { count: records.length, sha256: Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join(''), indexes };
          }
          db.close();
          resolve(result);
        };
      }),
    [...DERIVED_TABLES],
  );
}

describe('backup of a store larger than one message can carry', () => {
  it(`export → delete everything → restore gives back an identical store (${BULK.toLocaleString('en')} papers with abstracts)`, { timeout: 240_000 }, async () => {
    await importInterests(session, DEMO_INTERESTS);
    session.serve(LIST_URL, arxivListing(300, { abstracts: true }).html);
    const listing = await session.context.newPage();
    await listing.goto(LIST_URL);
    await waitForScan(listing, 300);
    await listing.close();

    const options = await session.context.newPage();
    await options.goto(extensionPage(session, 'options.html'));
    await seed(options, BULK);
    const before = await digest(options);
    expect(before.papers!.count).toBe(BULK + 300);
    // Papers of the listing that match an interest, and every paper's day, are in the indexes.
    expect(before.papers!.indexes.interests).toBeGreaterThan(0);
    expect(before.papers!.indexes.days).toBe(BULK + 300);
    expect(before.papers!.indexes.starredMark).toBe(BULK / 1000);
    expect(before.alerts!.count).toBeGreaterThan(0);

    const started = Date.now();
    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export backup' }).click();
    const file = await (await download).path();
    await options.getByRole('status').filter({ hasText: `Backup saved with ${BULK + 300} papers` }).waitFor();
    const exportMs = Date.now() - started;
    const size = statSync(file).size;
    expect(size).toBeGreaterThan(MESSAGE_CAP);

    await options.getByRole('button', { name: 'Delete all data…' }).click();
    await options.getByRole('button', { name: 'Delete every paper and interest' }).click();
    await options.getByRole('status').filter({ hasText: 'were deleted' }).waitFor();
    expect(Object.values(await digest(options)).map((t) => t.count)).toEqual(Object.values(before).map(() => 0));

    const restoring = Date.now();
    await options.locator('input[data-paperlight-import]').setInputFiles(file);
    await options.getByRole('status').filter({ hasText: `Backup restored: ${BULK + 300} papers` }).waitFor({ timeout: 120_000 });
    const importMs = Date.now() - restoring;
    expect(await digest(options)).toEqual(before);

    // The worker dropped its cached interests: a fresh options page lists the restored ones.
    await options.reload();
    await expect.poll(() => options.locator('fieldset[data-interest-id]').count()).toBe(before.interests!.count);
    console.info(`[backup] ${(size / 2 ** 20).toFixed(0)} MiB file; export ${exportMs} ms, restore ${importMs} ms`);
  });
});
