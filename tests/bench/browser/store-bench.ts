/**
 * Runs in a Chromium page (bundled to an IIFE by tests/bench/store.ts): lib/db/store.ts recordScan
 * with a real Dexie on the page's IndexedDB, and a raw IndexedDB put loop of the records it wrote.
 * Each run starts from a deleted database, so every sample stores a page of papers never seen before.
 */
import Dexie from 'dexie';
import type { InterestMatch } from '../../../lib/match/types';
import { openDatabase } from '../../../lib/db/schema';
import { recordScan } from '../../../lib/db/store';
import type { DetectedPaper } from '../../../lib/paper';

export interface StoreInput {
  page: string;
  time: number;
  papers: DetectedPaper[];
  /** The matcher's results for each paper, computed beforehand: matching is not what is measured. */
  matches: InterestMatch[][];
}


const DB = 'paperlight-bench';
/** The paper records recordScan wrote (with their sightings and matches: the whole scan). */
let written: unknown[] | undefined;

async function freshDatabase() {
  await Dexie.delete(DB);
  const db = openDatabase(DB);
  await db.open();
  return db;
}

/** ms for one recordScan of the page; keeps what it wrote for the raw loop. */
export async function dexieRun(input: StoreInput): Promise<number> {
  const db = await freshDatabase();
  const byKey = new Map(input.papers.map((p, i) => [p.key, input.matches[i] ?? []]));
  const start = performance.now();
  await recordScan(db, { page: input.page, site: 'arxiv', time: input.time, papers: input.papers }, (records) => records.map((r) => byKey.get(r.key) ?? []));
  const ms = performance.now() - start;
  written = await db.papers.toArray();
  db.close();
  return ms;
}

/** ms for raw puts of the records recordScan wrote, in one transaction, until it completes. */
export async function rawRun(): Promise<number> {
  if (!written) throw new Error('dexieRun first: the raw loop writes the records recordScan wrote');
  (await freshDatabase()).close();
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const start = performance.now();
  const tx = idb.transaction('papers', 'readwrite');
  const papers = tx.objectStore('papers');
  for (const record of written) papers.put(record);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  const ms = performance.now() - start;
  idb.close();
  return ms;
}
