/**
 * popup.first_paint_100k: the built extension with 100,000 papers in its IndexedDB ("paperlight",
 * lib/db/schema.ts): the benchmark corpus's titles and authors (benchCorpus), one sighting each on
 * a day of the past year, 3 % of them (3,000) also seen today on an arXiv listing with their
 * abstracts, and the real matcher's matches for all of them with the 20 benchmark interests
 * (imported through the options page first, while the store is empty, so no re-match runs during
 * the measurement). Records are written from the service worker with raw IndexedDB puts.
 * Each sample is what a researcher does every day: read a listing (300 entries, a new page each
 * time, so the store changes and the popup's snapshot is dropped), then open the popup once the
 * background has ranked the day again (lib/background/snapshot.ts; the bench waits until the
 * snapshot is back in storage.session). The popup opens in a new page; an init script's
 * MutationObserver notes when the first `li[data-paperlight-key]` row is inserted and the time
 * after the next animation frame (the frame that paints it), as performance.now(), i.e. ms since
 * the navigation started; the latter is reported (median after a discarded warm-up).
 * popup.fresh_ranking_100k_ms is when the rows of the popup's own fresh ranking are painted in that
 * opening (the background's re-ranking has left its inputs in memory, so it reads nothing).
 * popup.cold_ranking_100k_ms is the same for an opening within the quiet second after the scan was
 * stored, before the background has ranked again: no snapshot, nothing in memory, the ranking reads
 * the store, and its rows are the first the popup paints. Cold and warm openings take turns.
 * A sample's page is closed only once its messages to the background have all been answered (the
 * chart is requested after the fresh ranking), so each sample starts with an idle background.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { dayOf } from '../../lib/clock';
import { withMatches, type PaperRecord } from '../../lib/db/schema';
import { aliasKeys } from '../../lib/ids';
import { benchCorpus } from '../../lib/match/bench';
import { compileInterests, matchPapers } from '../../lib/match/matcher';
import { SNAPSHOT_KEY } from '../../lib/trending-snapshot';
import { extensionPage, importInterests, launchExtension, waitForScan, type ExtensionSession, type WorkerGlobals } from '../e2e/harness';
import { arxivListing, SEED_PAPERS_FILE } from './arxiv-listing';
import { BENCH_INTERESTS_FILE, benchInterests } from './match';
import { log, median, type Metric, type Sizes } from './measure';

const DAY_MS = 86_400_000;
const TODAY_SHARE = 0.03;
const WRITE_CHUNK = 5000;
const LISTING_ENTRIES = 300;
const LISTING = arxivListing(LISTING_ENTRIES, { abstracts: true });
const FIRST_ROW_PROBE = `new MutationObserver((_, observer) => {
  if (!document.querySelector('li[data-paperlight-key]')) return;
  observer.disconnect();
  const inserted = performance.now();
  requestAnimationFrame(() => setTimeout(() => { window.__firstRow = { inserted, painted: performance.now() }; }));
}).observe(document, { childList: true, subtree: true });
new MutationObserver((_, observer) => {
  if (!document.querySelector('section[aria-busy="false"] li[data-paperlight-key]')) return;
  observer.disconnect();
  requestAnimationFrame(() => setTimeout(() => { window.__freshRow = performance.now(); }));
}).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
window.__inFlight = 0;
window.__lastAnswer = 0;
const send = chrome.runtime.sendMessage.bind(chrome.runtime);
chrome.runtime.sendMessage = (...args) => {
  window.__inFlight++;
  return Promise.resolve(send(...args)).finally(() => { window.__inFlight--; window.__lastAnswer = performance.now(); });
};`;

/** The papers, each with its sighting and matches. */
function seedStore(size: number): PaperRecord[] {
  const seed = JSON.parse(readFileSync(SEED_PAPERS_FILE, 'utf8')) as { title: string; abstract: string }[];
  const now = Date.now();
  const today = dayOf(now);
  const todayCount = Math.round(size * TODAY_SHARE);
  const corpus = benchCorpus(seed, size, false);
  const withAbstracts = benchCorpus(seed, todayCount, true);
  const papers: Omit<PaperRecord, 'matches' | 'interests'>[] = [];
  corpus.forEach((p, i) => {
    const id = `25${String(1 + Math.floor(i / 90_000)).padStart(2, '0')}.${10_000 + (i % 90_000)}`;
    const seenToday = i < todayCount;
    const time = seenToday ? now - (i % 600) * 1000 : now - (1 + (i % 365)) * DAY_MS;
    const ids = { arxiv: id };
    const abstract = seenToday ? withAbstracts[i]?.abstract : undefined;
    const sighting = { day: seenToday ? today : dayOf(time), page: 'https://arxiv.org/list/cs/new', site: 'arxiv', firstTime: time, time };
    papers.push({
      key: `arxiv:${id}`, title: p.title, url: `https://arxiv.org/abs/${id}`, ids, authors: [...(p.authors ?? [])], ...(abstract ? { abstract } : {}),
      aliases: aliasKeys(ids, p.title, p.authors), firstSeen: time, lastSeen: time, sightings: [sighting], days: [sighting.day],
    });
  });
  const matches = matchPapers(compileInterests(benchInterests()), papers);
  return papers.map((p, i) => ({ ...p, ...withMatches(matches[i] ?? []) }));
}

async function writeStore(session: ExtensionSession, papers: PaperRecord[]): Promise<void> {
  for (let at = 0; at < papers.length; at += WRITE_CHUNK) {
    const chunk = { papers: papers.slice(at, at + WRITE_CHUNK) };
    // As one JSON string: Playwright's serialisation of 5,000-record object graphs took longer than the puts.
    await session.worker.evaluate(async (json) => {
      const records = JSON.parse(json) as Record<string, unknown[]>;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('paperlight');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tx = db.transaction(Object.keys(records), 'readwrite');
      for (const [name, list] of Object.entries(records)) for (const record of list) tx.objectStore(name).put(record);
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    }, JSON.stringify(chunk));
  }
}

/** Read a listing in a tab (a new page each run) and wait until its scan has been stored (the snapshot is dropped); the tab stays open, as the reader's would. */
async function readListing(session: ExtensionSession, run: number): Promise<Page> {
  const url = `https://arxiv.org/list/cs/new?run=${run}`;
  session.serve(url, LISTING.html);
  const tab = await session.context.newPage();
  await tab.goto(url);
  await waitForScan(tab, LISTING_ENTRIES);
  // Entries are marked before their batch is stored; the background drops the snapshot once it is.
  await until(async () => !(await snapshotStored(session)), 'the listing’s scan did not reach the background');
  return tab;
}

const snapshotStored = (session: ExtensionSession): Promise<boolean> =>
  session.worker.evaluate(async (key) => key in (await (globalThis as unknown as WorkerGlobals).chrome.storage.session.get(key)), SNAPSHOT_KEY);

interface Opening {
  /** The first row inserted, and painted (after the next frame). */
  firstRow: { inserted: number; painted: number };
  /** The rows of the popup's fresh ranking painted. */
  freshRow: number;
}

/** Open the popup in a new page, note when its rows are painted, and close it once its requests are all answered. */
async function openPopup(session: ExtensionSession): Promise<Opening> {
  const page = await session.context.newPage();
  await page.addInitScript(FIRST_ROW_PROBE);
  await page.goto(extensionPage(session, 'popup.html'));
  const firstRow = (await (await page.waitForFunction(() => (window as { __firstRow?: Opening['firstRow'] }).__firstRow, undefined, { timeout: 60_000 })).jsonValue()) as Opening['firstRow'];
  const freshRow = (await (await page.waitForFunction(() => (window as { __freshRow?: number }).__freshRow, undefined, { timeout: 60_000 })).jsonValue()) as number;
  // Requests the popup makes after its first paint (the chart) would otherwise delay the next sample's.
  await page.waitForFunction(() => {
    const w = window as { __inFlight?: number; __lastAnswer?: number };
    return w.__inFlight === 0 && performance.now() - (w.__lastAnswer ?? 0) > 500;
  }, undefined, { timeout: 60_000, polling: 100 });
  await page.close();
  return { firstRow, freshRow };
}

async function until(condition: () => Promise<boolean>, failure: string): Promise<void> {
  for (const started = Date.now(); !(await condition()); await new Promise((resolve) => setTimeout(resolve, 50))) {
    if (Date.now() - started > 60_000) throw new Error(`${failure} within a minute`);
  }
}

export async function popupMetrics(sizes: Sizes): Promise<Metric[]> {
  const store = seedStore(sizes.popupStore);
  log(`popup: ${store.length} papers, ${store.reduce((n, p) => n + p.matches.length, 0)} matches, ${Math.round(sizes.popupStore * TODAY_SHARE)} seen today`);
  const session = await launchExtension();
  try {
    await importInterests(session, BENCH_INTERESTS_FILE);
    const started = performance.now();
    await writeStore(session, store);
    log(`popup: store written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const painted: number[] = [];
    const fresh: number[] = [];
    const cold: number[] = [];
    // Cold and warm openings in turns, each after a listing of its own: an opening right after another
    // one finds the extension's renderer warm and paints some 30 ms sooner than a reader's would.
    for (let run = 0; run <= 2 * sizes.browserRuns + 1; run++) {
      const listing = await readListing(session, run);
      const warm = run % 2 === 1;
      if (warm) await until(() => snapshotStored(session), 'the background did not rank the day again');
      const { firstRow, freshRow } = await openPopup(session);
      log(`popup: run ${run}, ${warm ? `warm: first row inserted ${firstRow.inserted.toFixed(0)} ms, painted ${firstRow.painted.toFixed(0)} ms, fresh rows` : 'cold: rows'} ${freshRow.toFixed(0)} ms`);
      // The first opening of each kind warms up.
      if (run > 1) {
        if (warm) {
          painted.push(firstRow.painted);
          fresh.push(freshRow);
        } else cold.push(freshRow);
      }
      // The next listing's scan shows as its snapshot going: there must be one by then, also after a cold opening.
      await until(() => snapshotStored(session), 'the background did not rank the day again');
      await listing.close();
    }
    return [
      { name: 'popup.first_paint_100k_ms', value: median(painted), unit: 'ms', goal: { value: 100 } },
      { name: 'popup.fresh_ranking_100k_ms', value: median(fresh), unit: 'ms', goal: {} },
      { name: 'popup.cold_ranking_100k_ms', value: median(cold), unit: 'ms', goal: {} },
    ];
  } finally {
    await session.close();
  }
}
