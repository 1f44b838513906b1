/** Composition root of the content script: pick the page's adapter, scan, watch, follow SPA navigation. */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { adapterFor } from '../adapters';
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
    signal: ctx.signal,
    onError: (err) => console.warn('[paperlight]', err),
  });
  // In a task of its own: the script's start-up and the first slice of reading would make one long task.
  ctx.setTimeout(() => void scanner.scan({ reset: true }), 0);
  scanner.watch();
  // The event comes before the URL commits (Navigation API) and before the SPA renders the new
  // list; scan once both have happened.
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    ctx.setTimeout(() => void scanner.scan({ reset: true }), SPA_SETTLE_MS);
  });
}
