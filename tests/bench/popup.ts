/**
 * popup.first_paint_100k: the built extension with 100,000 papers in its IndexedDB ("paperlight",
 * lib/db/schema.ts): the benchmark corpus's titles and authors (benchCorpus), one sighting each on
 * a day of the past year, 3 % of them (3,000) also seen today on an arXiv listing with their
 * abstracts, and the real matcher's matches for all of them with the 20 benchmark interests
 * (imported through the options page first, while the store is empty, so no re-match runs during
 * the measurement). Records are written from the service worker with raw IndexedDB puts.
 * Each sample opens popup.html in a new page; an init script's MutationObserver notes when the
 * first `li[data-paperlight-key]` row is inserted and the time after the next animation frame
 * (the frame that paints it), as performance.now(), i.e. ms since the navigation started; the
 * latter is reported (median after a discarded warm-up). From the second opening on, the popup
 * paints its snapshot of the last "Today" list (components/trending-snapshot.ts) and then the
 * fresh ranking; popup.fresh_ranking_100k_ms is when the fresh rows are painted. A sample's page is closed only once its
 * messages to the background have all been answered (the chart is requested after the first
 * paint), so each sample starts with an idle background.
 */
import { readFileSync } from 'node:fs';
import { dayOf } from '../../lib/clock';
import type { MatchRecord, PaperRecord, SightingRecord } from '../../lib/db/schema';
import { aliasKeys } from '../../lib/ids';
import { benchCorpus } from '../../lib/match/bench';
import { compileInterests, matchPapers } from '../../lib/match/matcher';
import { extensionPage, importInterests, launchExtension, type ExtensionSession } from '../e2e/harness';
import { SEED_PAPERS_FILE } from './arxiv-listing';
import { BENCH_INTERESTS_FILE, benchInterests } from './match';
import { log, median, type Metric, type Sizes } from './measure';

const DAY_MS = 86_400_000;
const TODAY_SHARE = 0.03;
const WRITE_CHUNK = 5000;
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

/** Aligned lists: index i is the i-th paper, its sighting and its matches. */
interface Store {
  papers: PaperRecord[];
  sightings: SightingRecord[];
  matches: MatchRecord[][];
}

function seedStore(size: number): Store {
  const seed = JSON.parse(readFileSync(SEED_PAPERS_FILE, 'utf8')) as { title: string; abstract: string }[];
  const now = Date.now();
  const today = dayOf(now);
  const todayCount = Math.round(size * TODAY_SHARE);
  const corpus = benchCorpus(seed, size, false);
  const withAbstracts = benchCorpus(seed, todayCount, true);
  const store: Store = { papers: [], sightings: [], matches: [] };
  corpus.forEach((p, i) => {
    const id = `25${String(1 + Math.floor(i / 90_000)).padStart(2, '0')}.${10_000 + (i % 90_000)}`;
    const seenToday = i < todayCount;
    const time = seenToday ? now - (i % 600) * 1000 : now - (1 + (i % 365)) * DAY_MS;
    const ids = { arxiv: id };
    const abstract = seenToday ? withAbstracts[i]?.abstract : undefined;
    store.papers.push({ key: `arxiv:${id}`, title: p.title, url: `https://arxiv.org/abs/${id}`, ids, authors: [...(p.authors ?? [])], ...(abstract ? { abstract } : {}), aliases: aliasKeys(ids, p.title, p.authors), firstSeen: time, lastSeen: time });
    store.sightings.push({ key: `arxiv:${id}`, day: seenToday ? today : dayOf(time), page: 'https://arxiv.org/list/cs/new', site: 'arxiv', firstTime: time, time });
  });
  store.matches = matchPapers(compileInterests(benchInterests()), store.papers).map((matches, i) => matches.map((m) => ({ key: store.papers[i]!.key, ...m })));
  return store;
}

async function writeStore(session: ExtensionSession, store: Store): Promise<void> {
  for (let at = 0; at < store.papers.length; at += WRITE_CHUNK) {
    const end = at + WRITE_CHUNK;
    const chunk = { papers: store.papers.slice(at, end), sightings: store.sightings.slice(at, end), matches: store.matches.slice(at, end).flat() };
    await session.worker.evaluate(async (records) => {
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
    }, chunk);
  }
}

export async function popupMetrics(sizes: Sizes): Promise<Metric[]> {
  const store = seedStore(sizes.popupStore);
  log(`popup: ${store.papers.length} papers, ${store.matches.flat().length} matches, ${Math.round(sizes.popupStore * TODAY_SHARE)} seen today`);
  const session = await launchExtension();
  try {
    await importInterests(session, BENCH_INTERESTS_FILE);
    const started = performance.now();
    await writeStore(session, store);
    log(`popup: store written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const painted: number[] = [];
    const fresh: number[] = [];
    for (let run = 0; run <= sizes.browserRuns; run++) {
      const page = await session.context.newPage();
      await page.addInitScript(FIRST_ROW_PROBE);
      await page.goto(extensionPage(session, 'popup.html'));
      const handle = await page.waitForFunction(() => (window as { __firstRow?: { inserted: number; painted: number } }).__firstRow, undefined, { timeout: 60_000 });
      const firstRow = (await handle.jsonValue()) as { inserted: number; painted: number };
      const freshRow = (await (await page.waitForFunction(() => (window as { __freshRow?: number }).__freshRow, undefined, { timeout: 60_000 })).jsonValue()) as number;
      if (run > 0) {
        painted.push(firstRow.painted);
        fresh.push(freshRow);
      }
      // Requests the popup makes after its first paint (the chart) would otherwise delay the next sample's.
      await page.waitForFunction(() => {
        const w = window as { __inFlight?: number; __lastAnswer?: number };
        return w.__inFlight === 0 && performance.now() - (w.__lastAnswer ?? 0) > 500;
      }, undefined, { timeout: 60_000, polling: 100 });
      await page.close();
    }
    return [
      { name: 'popup.first_paint_100k_ms', value: median(painted), unit: 'ms', goal: { value: 100 } },
      // The snapshot-free path: the fresh ranking of today's papers read from the store.
      { name: 'popup.fresh_ranking_100k_ms', value: median(fresh), unit: 'ms', goal: {} },
    ];
  } finally {
    await session.close();
  }
}
