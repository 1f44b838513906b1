/**
 * The content script's work on one page: detect entries, mark them, send them to the background
 * in batches, and decorate the matches — in per-frame batches so a 2,000-entry listing never
 * blocks the page. Entries added later (infinite scroll, tabs, SPA updates) are picked up by a
 * mutation observer whose callback only queues work.
 */
import type { SiteAdapter } from '../adapters/types';
import { detectInSlices, pageHealth, type Detection, type PageHealth } from '../detect';
import type { BadgeProps, PanelActions } from '../../components/Badge';
import type { EntryMark, EntryState, MatchView, PaperStateChanged, ScanRequest, ScanResponse } from '../messages';
import { clearForgedMarks, decorateEntry, hasBadge, isBadgeHost, KEY_ATTR, markEntries, markMatches, markState, prepareBadge, warmUpBadges } from './decorate';
import { LIMITS, pageOf, type DetectedPaper } from '../paper';

export const BATCH_SIZE = 500;
/**
 * A fresh page's first request holds its top entries only, those in view as it opens (a screen of
 * the most compact listing): the background answers it in a fraction of a full batch's time (on a
 * 2,000-entry listing a first request of 160–420 entries took 100–490 ms to store and match), so
 * the first badges come sooner. Most often the worker has just been started by it (Chrome stops an
 * idle one after 30 s), and then each paper costs several times what it does later: there the first
 * badge came ~620 ms after the first entry was read with 20, ~770 ms with 50 (the page's last badge no later).
 * The first badges are then drawn while the rest of a long listing is still being read, so the
 * layouts they cause count as ours: our share of the 2,000-entry listing's main thread went from
 * ~370 to ~450 ms, while the whole page's main thread against the page alone stayed at 1.2-1.3×.
 */
export const FIRST_BATCH_SIZE = 20;
/**
 * Badges per animation frame: all that came near the viewport since the last frame, up to a batch.
 * What badges cost is mostly the layout of the frame that shows them, so fuller frames cost less.
 */
const BADGES_PER_FRAME = BATCH_SIZE;
const SEND_ATTEMPTS = 4;
/** Reading the page pauses after this much work, so a long listing never makes one long task. */
const DETECT_SLICE_MS = 20;

export interface ScannerEnv {
  document: Document;
  /** The page's current URL (changes on SPA navigation). */
  url: () => URL;
  send: (request: ScanRequest) => Promise<ScanResponse>;
  /** Run `task` at the next good moment for DOM writes (an animation frame in the page). */
  nextSlice: (task: () => void) => void;
  /** Run `task` once `element` is near the viewport (lib/content/near-view.ts). */
  whenNear: (element: Element, task: () => void) => void;
  /** Timers tied to the page's life (WXT's ctx.setTimeout in the extension). */
  setTimeout: (task: () => void, ms: number) => unknown;
  /** The clock that slices reading (performance.now by default). */
  now?: () => number;
  /** What the badge panel's buttons ask the background. */
  panel: Omit<PanelActions, 'setState'> & { setState: (key: string, patch: Parameters<PanelActions['setState']>[1]) => Promise<PaperStateChanged> };
  signal: AbortSignal;
  onError?: (err: unknown) => void;
}

export function createScanner(adapter: SiteAdapter, env: ScannerEnv) {
  /** Entry element → key it was sent with; keyed by element so re-scans skip what is done. */
  let sent = new WeakMap<Element, string>();
  /** Papers sent since the page was (re)loaded: a page that keeps adding entries stops at LIMITS.entries. */
  let sentCount = 0;
  const writes: (() => void)[] = [];
  let writing = false;
  /** What each sent entry shows: its paper, where its badge goes, its matches and the reader's marks. */
  const views = new WeakMap<Element, { paper: DetectedPaper; anchor: Element; matches: MatchView[]; state: Omit<EntryState, 'key'> }>();
  /** A badge drawn, or waiting to come near the viewport. */
  const badged = new WeakSet<Element>();
  const actions: PanelActions = {
    setState: async (key, patch) => applyState(await env.panel.setState(key, patch)),
    moreLikeThis: env.panel.moreLikeThis,
    interests: env.panel.interests,
  };

  function queueWrites(tasks: (() => void)[]): void {
    writes.push(...tasks);
    if (!writing) {
      writing = true;
      env.nextSlice(runSlice);
    }
  }

  function runSlice(): void {
    if (env.signal.aborted) return;
    for (const write of writes.splice(0, BADGES_PER_FRAME)) write();
    if (writes.length) env.nextSlice(runSlice);
    else writing = false;
  }

  async function sendWithRetry(request: ScanRequest): Promise<ScanResponse> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await env.send(request);
      } catch (err) {
        // A service worker being restarted drops messages; the background stores idempotently, so resend.
        if (attempt >= SEND_ATTEMPTS || env.signal.aborted) throw err;
        await new Promise((resolve) => env.setTimeout(() => resolve(undefined), 200 * 2 ** attempt));
      }
    }
  }

  function badgeOf(element: Element): BadgeProps | undefined {
    const view = views.get(element);
    return view && { ...view, actions };
  }

  /** Draw (or redraw) the entry's badge when it is near the viewport; one that is drawn already follows at once. */
  function showBadge(element: Element): void {
    const view = views.get(element);
    if (!view) return;
    if (badged.has(element)) {
      queueWrites([() => decorateEntry(element, view.anchor, badgeOf(element)!)]);
      return;
    }
    if (!hasBadge(view)) return;
    badged.add(element);
    env.whenNear(element, () => queueWrites([prepareBadge(element, views.get(element)!.anchor, badgeOf(element)!)]));
  }

  /**
   * Every match and mark is set on its entry at once; its badge is drawn when the entry nears the viewport.
   */
  function decorateBatch(batch: Detection[], response: ScanResponse): void {
    // In the task that receives the matches, not in the frame that draws them.
    if (response.matched.length || response.states?.length) warmUpBadges(env.document);
    const matchesByKey = new Map<string, MatchView[]>(response.matched.map((m) => [m.key, m.matches]));
    const statesByKey = new Map((response.states ?? []).map(({ key, ...state }) => [key, state]));
    for (const d of batch) {
      const matches = matchesByKey.get(d.paper.key) ?? [];
      const state = statesByKey.get(d.paper.key) ?? { marks: [] };
      views.set(d.element, { paper: d.paper, anchor: d.anchor, matches, state });
      if (matches.length) markMatches(d.element, matches);
      if (state.marks.length) markState(d.element, state.marks);
      showBadge(d.element);
    }
  }

  /** A paper's marks changed (here, in the popup or in another tab): its entries on this page follow. */
  function applyState(change: PaperStateChanged): void {
    const keys = new Set(change.keys);
    const marks: EntryMark[] = [];
    if (change.starred) marks.push('starred');
    if (change.dismissed) marks.push('dismissed');
    if (change.read) marks.push('read');
    for (const element of env.document.querySelectorAll(`[${KEY_ATTR}]`)) {
      const view = views.get(element);
      if (!view || !keys.has(element.getAttribute(KEY_ATTR)!)) continue;
      const state = { ...view.state, marks: [...marks, ...(view.state.marks.includes('seen') ? (['seen'] as const) : [])] };
      views.set(element, { ...view, state });
      markState(element, state.marks);
      showBadge(element);
    }
  }

  /** Not sent yet, or sent under another key (the entry's paper changed in place). */
  const isUnsent = (d: Detection): boolean => sent.get(d.element) !== d.paper.key;

  /** Give the page the main thread back: the rest runs in a task of its own. */
  const pause = (): Promise<void> => new Promise((resolve) => env.setTimeout(() => resolve(), 0));

  /**
   * Send entries in batches and decorate each batch as its answer comes; only the first request says `reset` (and `health`),
   * and holds FIRST_BATCH_SIZE entries at most. A fresh page with no entries still sends one (empty) request.
   */
  async function sendBatches(fresh: readonly Detection[], target: Pick<ScanRequest, 'page' | 'listing'>, reset: boolean, health?: PageHealth): Promise<void> {
    let start = 0;
    do {
      const first = reset && start === 0;
      // Each request in a task of its own: chained after an answer, writing 500 papers into a message
      // came on top of decorating the answered 500 (one task of 40-60 ms on a 2,000-entry listing).
      if (!first) await pause();
      const batch = fresh.slice(start, start + (first ? FIRST_BATCH_SIZE : BATCH_SIZE));
      start += batch.length;
      const request: ScanRequest = { type: 'scan', ...target, site: adapter.id, reset: first, ...(first && health ? { health } : {}), papers: batch.map((d) => d.paper) };
      try {
        decorateBatch(batch, await sendWithRetry(request));
      } catch (err) {
        // Let a later scan try these entries again.
        for (const d of batch) sent.delete(d.element);
        sentCount = Math.max(0, sentCount - batch.length);
        env.onError?.(err);
      }
    } while (start < fresh.length);
  }

  /**
   * Detect under `root` (whole page by default) and process what is new. `reset` marks a fresh
   * page (load or SPA navigation): the background then starts the tab's count over and a page
   * that should list papers but shows none is reported.
   */
  async function scan(options: { reset: boolean; root?: ParentNode }): Promise<number> {
    const url = env.url();
    // A fresh page counts every entry again, including ones an SPA kept in the DOM.
    if (options.reset) {
      sent = new WeakMap();
      sentCount = 0;
    }
    const target = { page: pageOf(url), listing: adapter.isListing?.(url) ?? false };
    const root = options.root ?? env.document;
    let reset = options.reset;
    let sending = Promise.resolve();
    let count = 0;
    /**
     * Mark what is new of `found` at once and queue its sending after what is queued; the scan's first
     * request says `reset`, and the page's health as `found` shows it.
     */
    const process = (found: readonly Detection[]): void => {
      const fresh = found.filter(isUnsent).slice(0, LIMITS.entries - sentCount);
      if (!fresh.length && !reset) return;
      const health = reset ? pageHealth(adapter, env.document, url, found) : undefined;
      for (const d of fresh) sent.set(d.element, d.paper.key);
      sentCount += fresh.length;
      // Attributes only: cheap, and marking at once lets the page (and tests) see every entry detected.
      if (!count) clearForgedMarks(root);
      count += fresh.length;
      markEntries(fresh.map((d) => ({ element: d.element, key: d.paper.key })));
      const first = reset;
      reset = false;
      sending = sending.then(() => sendBatches(fresh, target, first, health));
    };
    let early = false;
    const detected = await detectInSlices(adapter, env.document, url, options.root, {
      budgetMs: DETECT_SLICE_MS,
      pause,
      ...(env.now ? { now: env.now } : {}),
      // A long listing: the entries of the first slice (the top of the page, in view) go at once and
      // get their badges while the rest is read. The adapter found them, so the page reads fine.
      beforePause: (found) => {
        if (early) return;
        early = true;
        process(found);
      },
    });
    // Marking a long listing's entries, a batch a slice: after the last slice of reading, 2,000 made one long task.
    // A fresh page none of which has gone yet starts with its top entries, as its first request does.
    const unsent = detected.filter(isUnsent);
    let at = 0;
    do {
      if (detected.length > BATCH_SIZE) await pause();
      const size = reset ? FIRST_BATCH_SIZE : BATCH_SIZE;
      process(unsent.slice(at, at + size));
      at += size;
    } while (at < unsent.length);
    await sending;
    return count;
  }

  /** Watch the adapter's dynamic container; mutations are queued and scanned after a quiet spell. */
  function watch(): void {
    const root = adapter.dynamicRoot?.(env.document);
    if (!root) return;
    let pending = false;
    let delay = 250;
    const observer = new MutationObserver((records) => {
      if (pending) return;
      const relevant = records.some((r) => Array.from(r.addedNodes).some((n) => n.nodeType === 1 && !isBadgeHost(n)));
      if (!relevant) return;
      pending = true;
      env.setTimeout(() => {
        pending = false;
        void scan({ reset: false, root }).then((found) => {
          // A page that keeps mutating without new papers is watched less and less often.
          delay = found ? 250 : Math.min(delay * 2, 8000);
        });
      }, delay);
    });
    observer.observe(root, { childList: true, subtree: true });
    env.signal.addEventListener('abort', () => observer.disconnect());
  }

  return { scan, watch, applyState };
}
