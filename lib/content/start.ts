/** Composition root of the content script: pick the page's adapter, scan, watch, follow SPA navigation. */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { adapterFor } from '../adapters';
import { request } from '../messaging';
import { createScanner } from './scanner';

export function startContentScript(ctx: ContentScriptContext): void {
  const adapter = adapterFor(new URL(location.href));
  if (!adapter) return;
  const scanner = createScanner(adapter, {
    document,
    url: () => new URL(location.href),
    send: (scan) => request<'scan'>(scan),
    nextSlice: (task) => ctx.requestAnimationFrame(task),
    setTimeout: (task, ms) => ctx.setTimeout(task, ms),
    signal: ctx.signal,
    onError: (err) => console.warn('[paperlight]', err),
  });
  void scanner.scan({ reset: true });
  scanner.watch();
  ctx.addEventListener(window, 'wxt:locationchange', () => void scanner.scan({ reset: true }));
}
