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
 * MutationObserver notes when the first `li[data-paperlight-key]` row is inserted, marks its title
 * for Element Timing, and reports the title's render time (when its frame was shown), in ms since
 * the navigation started (median after a discarded warm-up). It once took the first task after the
 * next animation frame instead: that counted whatever a page runs after its first frame (the
 * popup's effects, ~25 ms, start its fresh ranking there) as painting; it is still logged.
 * popup.fresh_ranking_100k_ms is when the rows of the popup's own fresh ranking are painted in that
 * opening (the background's re-ranking has left its inputs in memory, so it reads nothing).
 * popup.cold_ranking_100k_ms is the same for an opening within the quiet second after the scan was
 * stored, before the background has ranked again: no snapshot, so the fresh ranking's rows are the
 * first the popup paints; its inputs, kept in the worker, have taken in the scan's writes
 * (lib/background/snapshot.ts), so it reads nothing.
 * Baseline of the first paint, its floor: a static page packaged like the popup (the built
 * popup.html's shell and stylesheet, no script) with ten rows written in its HTML, timed by the same
 * probe. popup.data_floor_100k_ms, reported against the same floor: the shell with one small script
 * that reads the snapshot and writes its first ten rows, the least any popup showing the stored
 * ranking does. Every page is opened as the popup is, after a listing of its own and the day ranked
 * again, in turns: a cold popup, a warm popup, the floor, the data floor. A page opened right after
 * another extension page paints some 20-30 ms sooner, so a floor opened right after the popup, as
 * they once were, was measured warmer than the popup it was compared with.
 * popup.search_100k_ms: in an open popup, from the input event of a query's last keystroke to the
 * frame that paints its results, median over seven queries (one, two and three title words, two
 * words with a typo each, an arXiv id, a DOI, an author's surname), typed in the last warm opening
 * after a first round in the first one; its baseline is popup.fresh_ranking_100k_ms.
 * popup.worker_heap_100k_mb: the service worker's JS heap after those searches, against the JS
 * heap of the 300-entry listing's tab open at the time.
 * popup.store_disk_100k_mb: the extension's storage usage (navigator.storage.estimate) at the end.
 * popup.cold_search_100k_ms: a two-word search typed as soon as the popup shows its rows, on a
 * worker just started (stopped through the DevTools protocol, as Chrome stops an idle one), from
 * its input to its results painted; its baseline is popup.search_100k_ms.
 * options.previews_100k_ms: the options page opened over the same store, until every benchmark
 * interest's card shows its live preview's count (each matched against the 5,000 most recently seen
 * papers, lib/background/recent-papers.ts), ms since navigation; median after a discarded warm-up.
 * `--popup-store <papers>` seeds another size (names say it: popup.first_paint_300k_ms), to see
 * how the figures grow with a user's store.
 * A sample's page is closed only once its messages to the background have all been answered (the
 * fresh ranking may still be on its way when the snapshot's rows are painted), so each sample starts
 * with an idle background.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { dayOf } from '../../lib/clock';
import { withMatches, type PaperRecord } from '../../lib/db/schema';
import { aliasKeys } from '../../lib/ids';
import { benchCorpus } from '../../lib/match/bench';
import { compileInterests, matchPapers } from '../../lib/match/matcher';
import { SNAPSHOT_KEY } from '../../lib/trending-snapshot';
import { EXTENSION_DIR, extensionPage, importInterests, launchExtension, waitForScan, type ExtensionSession, type WorkerGlobals } from '../e2e/harness';
import { arxivListing, SEED_PAPERS_FILE } from './arxiv-listing';
import { BENCH_INTERESTS_FILE, benchInterests } from './match';
import { log, median, type Metric, type Sizes } from './measure';

const DAY_MS = 86_400_000;
const TODAY_SHARE = 0.03;
const WRITE_CHUNK = 5000;
const LISTING_ENTRIES = 300;
const LISTING = arxivListing(LISTING_ENTRIES, { abstracts: true });
const FIRST_ROW_PROBE = `new MutationObserver((_, observer) => {
  const title = document.querySelector('li[data-paperlight-key] .title');
  if (!title) return;
  observer.disconnect();
  const inserted = performance.now();
  let afterFrame;
  requestAnimationFrame(() => setTimeout(() => { afterFrame = performance.now(); }));
  // Element Timing: when the first row's title is shown (its frame presented), whatever the page runs after that frame.
  title.setAttribute('elementtiming', 'first-row');
  new PerformanceObserver((entries, paintObserver) => {
    const entry = entries.getEntries().find((e) => e.identifier === 'first-row');
    if (!entry) return;
    paintObserver.disconnect();
    const painted = entry.renderTime || entry.loadTime;
    const done = () => (afterFrame ? (window.__firstRow = { inserted, painted, afterFrame }) : setTimeout(done, 5));
    done();
  }).observe({ type: 'element', buffered: true });
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

const benchDoi = (i: number) => `10.5555/bench.${i}`;

/**
 * Notes, for each search, the time from the input event of its last keystroke to the frame that
 * paints its results: the list section says it is busy once the query changes and stops when the
 * results for the current query are in (components/use-search.ts drops older answers).
 */
const SEARCH_PROBE = `window.__searches = [];
addEventListener('input', (event) => { window.__input = event.timeStamp; window.__busy = false; }, true);
new MutationObserver(() => {
  const busy = document.querySelector('section[aria-busy]')?.getAttribute('aria-busy') === 'true';
  if (window.__input === undefined) return;
  if (busy) { window.__busy = true; return; }
  if (!window.__busy) return;
  const input = window.__input;
  window.__input = undefined;
  requestAnimationFrame(() => setTimeout(() => window.__searches.push(performance.now() - input)));
}).observe(document, { subtree: true, attributes: true, attributeFilter: ['aria-busy'] });`;

/** What a researcher types into the search: words of stored titles (one with a typo), an arXiv id, a DOI, an author's surname. */
function searchQueries(store: readonly PaperRecord[]): string[] {
  const at = (i: number) => store[Math.floor(i * store.length)]!;
  const longest = (title: string, n: number) => [...new Set(title.toLowerCase().match(/[a-z]{4,}/g) ?? [])].sort((a, b) => b.length - a.length).slice(0, n);
  const typo = (word: string) => `${word.slice(0, 2)}${word[3]}${word[2]}${word.slice(4)}`;
  const withDoi = store.find((p, i) => i > store.length / 2 && p.ids.doi)!;
  return [
    longest(at(0.17).title, 1).join(' '),
    longest(at(0.23).title, 2).join(' '),
    longest(at(0.45).title, 3).join(' '),
    longest(at(0.61).title, 2).map(typo).join(' '),
    at(0.73).ids.arxiv!,
    withDoi.ids.doi!,
    at(0.89).authors![0]!.split(' ').pop()!,
  ];
}

/**
 * Type each query in an open popup: all but its last character at once, then, once those results
 * are painted, the last keystroke, whose input-to-paint time is the sample.
 */
async function timeSearches(page: Page, queries: readonly string[]): Promise<number[]> {
  const input = page.locator('input[type="search"]');
  const settled = async (count: number) => {
    await page.waitForFunction((n) => (window as { __searches?: number[] }).__searches!.length >= n, count, { timeout: 120_000, polling: 20 });
    return (await page.evaluate(() => (window as { __searches?: number[] }).__searches!.at(-1)!)) as number;
  };
  const times: number[] = [];
  let searches = 0;
  for (const query of queries) {
    await input.fill(query.slice(0, -1));
    await settled(++searches);
    await input.press(query.slice(-1));
    times.push(await settled(++searches));
    const found = await page.locator('section[aria-busy="false"] li[data-paperlight-key]').count();
    if (!found) throw new Error(`the search for "${query}" found nothing`);
  }
  await input.fill('');
  return times;
}

/** The popup-like static page the first paint is compared with, in the built extension's folder. */
const FLOOR_PAGE = 'bench-floor.html';
/** The popup-like page that writes its rows from the stored snapshot, and its script (extension pages run no inline script). */
const DATA_FLOOR_PAGE = 'bench-data-floor.html';
const DATA_FLOOR_SCRIPT = 'bench-data-floor.js';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** The built popup.html (same shell and stylesheet) with its scripts taken out and `body` in place of its app. */
function popupShell(body: string, script = ''): string {
  const popup = readFileSync(join(EXTENSION_DIR, 'popup.html'), 'utf8');
  const page = popup
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
    .replace(/<link rel="modulepreload"[^>]*>/gi, '')
    .replace(/<div id="app"><\/div>/, body + script);
  if (page === popup || !page.includes('class="papers"')) throw new Error('popup.html no longer has the shell the floor pages are made from');
  return page;
}

const popupBody = (rows: string) => `<main class="popup"><header><h1>Paperlight</h1></header><input type="search" class="search" aria-label="Search"><section aria-labelledby="main-list"><h2 id="main-list">Today</h2><ol class="papers">${rows}</ol></section></main>`;

/**
 * The floors of the popup's first paint, shaped like the popup's rows: the static one, ten rows of
 * papers written in its HTML; and the data floor, the least any popup showing today's stored
 * ranking does: one small script that reads the snapshot (lib/trending-snapshot.ts) from session
 * storage and writes its first ten rows.
 */
function writeFloorPages(store: readonly PaperRecord[]): void {
  const rows = store.slice(0, 10).map(
    (p) => `<li class="paper" data-paperlight-key="${escapeHtml(p.key)}"><a class="title" href="${escapeHtml(p.url ?? '')}">${escapeHtml(p.title)}</a>` +
      `<div class="authors">${escapeHtml((p.authors ?? []).slice(0, 3).join(', '))}</div><div class="meta"><span>seen on arxiv</span><span>new today</span></div>` +
      `<div class="actions"><button type="button">☆ Star</button><button type="button">Not interested</button><button type="button">Copy BibTeX</button></div></li>`,
  );
  writeFileSync(join(EXTENSION_DIR, FLOOR_PAGE), popupShell(popupBody(rows.join(''))));
  writeFileSync(join(EXTENSION_DIR, DATA_FLOOR_PAGE), popupShell(popupBody(''), `<script src="/${DATA_FLOOR_SCRIPT}"></script>`));
  writeFileSync(
    join(EXTENSION_DIR, DATA_FLOOR_SCRIPT),
    `chrome.storage.session.get(${JSON.stringify(SNAPSHOT_KEY)}).then((stored) => {
  const list = document.querySelector('ol.papers');
  for (const paper of stored[${JSON.stringify(SNAPSHOT_KEY)}].lists.today.slice(0, 10)) {
    const row = document.createElement('li');
    row.className = 'paper';
    row.setAttribute('data-paperlight-key', paper.key);
    const title = row.appendChild(document.createElement('a'));
    title.className = 'title';
    title.href = paper.url ?? '';
    title.textContent = paper.title;
    row.appendChild(document.createElement('div')).textContent = (paper.authors ?? []).slice(0, 3).join(', ');
    list.append(row);
  }
});`,
  );
}

/** Open a floor page and note when its first row is painted, as for the popup. */
async function openFloorPage(session: ExtensionSession, path: string): Promise<Opening['firstRow']> {
  const page = await session.context.newPage();
  await page.addInitScript(FIRST_ROW_PROBE);
  await page.goto(extensionPage(session, path));
  const firstRow = (await (await page.waitForFunction(() => (window as { __firstRow?: Opening['firstRow'] }).__firstRow, undefined, { timeout: 60_000 })).jsonValue()) as Opening['firstRow'];
  await page.close();
  return firstRow;
}

/** The service worker's JS heap in MB (after a full GC; CDP through a page's session: a worker has no performance.memory). */
async function workerHeapMb(session: ExtensionSession, page: Page): Promise<number> {
  const cdp = await session.context.newCDPSession(page);
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${session.extensionId}/`));
    if (!worker) throw new Error('no service worker to measure');
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
    const usage = new Promise<{ usedSize: number }>((resolve) =>
      cdp.on('Target.receivedMessageFromTarget', (e) => {
        const reply = JSON.parse(e.message) as { id: number; result: { usedSize: number } };
        if (reply.id === 2) resolve(reply.result);
      }),
    );
    // Garbage first: what the worker holds, not what it has yet to collect.
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'HeapProfiler.collectGarbage' }) });
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 2, method: 'Runtime.getHeapUsage' }) });
    return (await usage).usedSize / 2 ** 20;
  } finally {
    await cdp.detach();
  }
}

/** What the extension keeps on disk (IndexedDB and extension storage), in MB, as the browser counts it for quota. */
async function storedMb(session: ExtensionSession): Promise<number> {
  const page = await session.context.newPage();
  try {
    // The floor page: an extension page that sends no request of its own.
    await page.goto(extensionPage(session, FLOOR_PAGE));
    return await page.evaluate(async () => ((await navigator.storage.estimate()).usage ?? 0) / 2 ** 20);
  } finally {
    await page.close();
  }
}

/** A page's JS heap in MB. */
const pageHeapMb = (page: Page): Promise<number> => page.evaluate(() => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize / 2 ** 20);

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
    // Every tenth paper also has a DOI, so a search can paste one.
    const ids = i % 10 ? { arxiv: id } : { arxiv: id, doi: benchDoi(i) };
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
  /** The first row inserted; its title shown (Element Timing's render time); the page's first task after the next frame, as the probe once measured "painted". */
  firstRow: { inserted: number; painted: number; afterFrame: number };
  /** The rows of the popup's fresh ranking painted. */
  freshRow: number;
}

/** Open the popup in a new page, note when its rows are painted, and close it once its requests are all answered. */
async function openPopup(session: ExtensionSession, search?: (page: Page) => Promise<void>): Promise<Opening> {
  const page = await session.context.newPage();
  await page.addInitScript(FIRST_ROW_PROBE);
  await page.addInitScript(SEARCH_PROBE);
  await page.goto(extensionPage(session, 'popup.html'));
  const firstRow = (await (await page.waitForFunction(() => (window as { __firstRow?: Opening['firstRow'] }).__firstRow, undefined, { timeout: 60_000 })).jsonValue()) as Opening['firstRow'];
  const freshRow = (await (await page.waitForFunction(() => (window as { __freshRow?: number }).__freshRow, undefined, { timeout: 60_000 })).jsonValue()) as number;
  await search?.(page);
  // Requests the popup makes after its first paint would otherwise delay the next sample's.
  await page.waitForFunction(() => {
    const w = window as { __inFlight?: number; __lastAnswer?: number };
    return w.__inFlight === 0 && performance.now() - (w.__lastAnswer ?? 0) > 500;
  }, undefined, { timeout: 60_000, polling: 100 });
  await page.close();
  return { firstRow, freshRow };
}

/** Type `text` into the popup's search and resolve, in ms, when its results are painted. A string: the page runs it as written. */
const COLD_SEARCH = `async (text) => {
  const input = document.querySelector('input[type="search"]');
  const started = performance.now();
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((resolve) => {
    const answered = () => {
      const list = document.querySelector('section[aria-busy="false"]');
      if (list?.querySelector('#main-list')?.textContent === 'Search results' && list.querySelector('li[data-paperlight-key]')) resolve();
      else requestAnimationFrame(answered);
    };
    answered();
  });
  return performance.now() - started;
}`;

/**
 * Chrome stops an idle worker after 30 s, so most openings of the popup start a new one, which
 * must have the search index before a word search can answer. Each run stops the worker (DevTools
 * protocol), opens the popup and, once its first rows are painted, types `query`: the time from its
 * input to its results painted.
 */
async function coldSearches(session: ExtensionSession, query: string, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const page = await session.context.newPage();
    await page.addInitScript(FIRST_ROW_PROBE);
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await page.goto(extensionPage(session, 'popup.html'));
    await page.waitForFunction(() => (window as { __firstRow?: unknown }).__firstRow, undefined, { timeout: 60_000 });
    // The list may be busy already (the day's ranking is on its way): SEARCH_PROBE would not see the search start.
    const ms = (await page.evaluate(`(${COLD_SEARCH})(${JSON.stringify(query)})`)) as number;
    times.push(ms);
    await page.close();
  }
  return times;
}

/** Open the options page; resolves when every interest's card shows its live preview's count (ms since navigation). */
async function optionsPreviews(session: ExtensionSession, interests: number): Promise<number> {
  const page = await session.context.newPage();
  try {
    await page.goto(extensionPage(session, 'options.html'));
    const counted = await page.waitForFunction(
      (n) => (document.body.innerText.match(/Matches \d+ of your \d+ most recently seen/g)?.length ?? 0) >= n && performance.now(),
      interests,
      { timeout: 120_000, polling: 50 },
    );
    return (await counted.jsonValue()) as number;
  } finally {
    await page.close();
  }
}

async function until(condition: () => Promise<boolean>, failure: string): Promise<void> {
  for (const started = Date.now(); !(await condition()); await new Promise((resolve) => setTimeout(resolve, 50))) {
    if (Date.now() - started > 60_000) throw new Error(`${failure} within a minute`);
  }
}

export async function popupMetrics(sizes: Sizes): Promise<Metric[]> {
  const store = seedStore(sizes.popupStore);
  log(`popup: ${store.length} papers, ${store.reduce((n, p) => n + p.matches.length, 0)} matches, ${Math.round(sizes.popupStore * TODAY_SHARE)} seen today`);
  writeFloorPages(store);
  const session = await launchExtension();
  try {
    await importInterests(session, BENCH_INTERESTS_FILE);
    const started = performance.now();
    await writeStore(session, store);
    log(`popup: store written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const painted: Opening['firstRow'][] = [];
    const floor: Opening['firstRow'][] = [];
    const dataFloor: Opening['firstRow'][] = [];
    const fresh: number[] = [];
    const cold: number[] = [];
    const queries = searchQueries(store);
    log(`popup: searches ${queries.map((q) => JSON.stringify(q)).join(', ')}`);
    let searched: number[] = [];
    let heaps = { worker: 0, listing: 0 };
    /** What each run opens after its listing, in turn; the first round warms up. */
    const turns = ['cold', 'popup', 'floor', 'dataFloor'] as const;
    const runs = turns.length * (sizes.browserRuns + 1);
    // Each opening after a listing of its own: one right after another extension page finds the renderer warm.
    for (let run = 0; run < runs; run++) {
      const listing = await readListing(session, run);
      const turn = turns[run % turns.length]!;
      const measured = run >= turns.length;
      if (turn !== 'cold') await until(() => snapshotStored(session), 'the background did not rank the day again');
      if (turn === 'floor' || turn === 'dataFloor') {
        const firstRow = await openFloorPage(session, turn === 'floor' ? FLOOR_PAGE : DATA_FLOOR_PAGE);
        log(`popup: run ${run}, ${turn === 'floor' ? 'floor' : 'data floor'}: first row painted ${firstRow.painted.toFixed(0)} ms`);
        if (measured) (turn === 'floor' ? floor : dataFloor).push(firstRow);
      } else {
        // The searches, in the first warm opening to warm up (the index is built), measured in the last.
        const search =
          turn === 'popup' && (run === 1 || run >= runs - turns.length)
            ? async (page: Page) => {
                searched = await timeSearches(page, queries);
                heaps = { worker: await workerHeapMb(session, page), listing: await pageHeapMb(listing) };
              }
            : undefined;
        const { firstRow, freshRow } = await openPopup(session, search);
        if (search) log(`popup: run ${run}, searches ${searched.map((ms) => ms.toFixed(0)).join(', ')} ms`);
        log(`popup: run ${run}, ${turn === 'popup' ? `warm: first row inserted ${firstRow.inserted.toFixed(0)} ms, painted ${firstRow.painted.toFixed(0)} ms, fresh rows` : 'cold: rows'} ${freshRow.toFixed(0)} ms`);
        if (measured && turn === 'popup') (painted.push(firstRow), fresh.push(freshRow));
        else if (measured) cold.push(freshRow);
      }
      // The next listing's scan shows as its snapshot going: there must be one by then, also after a cold opening.
      await until(() => snapshotStored(session), 'the background did not rank the day again');
      await listing.close();
    }
    // Named by the store's size: 100k in a full run; --popup-store measures how the figures grow.
    const size = `${Math.round(sizes.popupStore / 1000)}k`;
    const disk = await storedMb(session);
    const previews: number[] = [];
    for (let run = 0; run <= sizes.browserRuns; run++) {
      const ms = await optionsPreviews(session, benchInterests().length);
      // The first opening warms up.
      if (run) previews.push(ms);
    }
    log(`options: every card's preview counted after ${previews.map((ms) => ms.toFixed(0)).join(', ')} ms`);
    // Last: a stopped worker leaves `session.worker` unusable.
    const coldSearched = await coldSearches(session, queries[1]!, sizes.browserRuns);
    log(`popup: searches on a worker just started ${coldSearched.map((ms) => ms.toFixed(0)).join(', ')} ms`);
    const shown = (openings: Opening['firstRow'][]) => median(openings.map((o) => o.painted));
    const afterFrame = (openings: Opening['firstRow'][]) => median(openings.map((o) => o.afterFrame)).toFixed(0);
    log(`popup: first row, the page's first task after its frame: popup ${afterFrame(painted)} ms, floor ${afterFrame(floor)} ms, data floor ${afterFrame(dataFloor)} ms`);
    return [
      { name: `popup.first_paint_${size}_ms`, value: shown(painted), unit: 'ms', baseline: shown(floor), goal: { ratio: 1.3 } },
      // How much of the 1.3× the least script that paints the stored snapshot already takes.
      { name: `popup.data_floor_${size}_ms`, value: shown(dataFloor), unit: 'ms', baseline: shown(floor), goal: {} },
      { name: `popup.fresh_ranking_${size}_ms`, value: median(fresh), unit: 'ms', goal: {} },
      { name: `popup.cold_ranking_${size}_ms`, value: median(cold), unit: 'ms', goal: {} },
      { name: `popup.search_${size}_ms`, value: median(searched), unit: 'ms', baseline: median(fresh), goal: { ratio: 1 } },
      // After a ranking and the searches; the baseline is the JS heap of the listing's tab, which is open alongside.
      { name: `popup.worker_heap_${size}_mb`, value: heaps.worker, unit: 'MB', baseline: heaps.listing, goal: {} },
      { name: `popup.store_disk_${size}_mb`, value: disk, unit: 'MB', goal: {} },
      { name: `popup.cold_search_${size}_ms`, value: median(coldSearched), unit: 'ms', baseline: median(searched), goal: {} },
      { name: `options.previews_${size}_ms`, value: median(previews), unit: 'ms', goal: {} },
    ];
  } finally {
    await session.close();
  }
}
