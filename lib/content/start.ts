/** Composition root of the content script: pick the page's adapter, scan, watch, follow SPA navigation. */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import { adapterFor } from '../adapters';
import type { PaperStateChanged } from '../messages';
import { request } from '../messaging';
import { createNearView } from './near-view';
import { createScanner } from './scanner';

const SPA_SETTLE_MS = 400;

export function startContentScript(ctx: ContentScriptContext): void {
  const adapter = adapterFor(new URL(location.href));
  if (!adapter) return;
  const scanner = createScanner(adapter, {
    document,
    url: () => new URL(location.href),
    send: (scan) => request<'scan'>(scan),
    nextSlice: (task) => ctx.requestAnimationFrame(task),
    whenNear: createNearView(window, ctx.signal),
    setTimeout: (task, ms) => ctx.setTimeout(task, ms),
    panel: {
      setState: (key, patch) => request<'setPaperState'>({ type: 'setPaperState', key, patch }),
      moreLikeThis: async (key, choice) => (await request<'moreLikeThis'>({ type: 'moreLikeThis', key, ...choice })).labels,
      interests: async () => (await request<'getInterestLabels'>({ type: 'getInterestLabels' })).interests,
    },
    signal: ctx.signal,
    onError: (err) => console.warn('[paperlight]', err),
  });
  // In a task of its own: the script's start-up and the first slice of reading would make one long task.
  ctx.setTimeout(() => void scanner.scan({ reset: true }), 0);
  scanner.watch();
  // A paper starred or dismissed anywhere (popup, another tab) changes here at once.
  const onMessage = (message: unknown, sender: { id?: string }) => {
    if (sender.id === browser.runtime.id && (message as PaperStateChanged | undefined)?.type === 'paperStateChanged') scanner.applyState(message as PaperStateChanged);
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  // The event comes before the URL commits (Navigation API) and before the SPA renders the new
  // list; scan once both have happened.
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    ctx.setTimeout(() => void scanner.scan({ reset: true }), SPA_SETTLE_MS);
  });
}
