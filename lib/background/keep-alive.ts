/**
 * Chrome stops an extension's service worker after 30 s without extension events or API calls,
 * and a long IndexedDB operation (the schema upgrade of a large store: about 45 s for 100,000
 * papers on a slow machine) makes neither: stopped half-way, the upgrade rolls back and starts
 * over next time. An API call every 20 s while the work runs keeps the worker up, the pattern
 * Chrome's documentation gives for long operations.
 */
import { browser } from 'wxt/browser';

export const KEEP_ALIVE_MS = 20_000;

export async function keepAliveWhile<T>(work: Promise<T>, ping: () => unknown = () => browser.runtime.getPlatformInfo()): Promise<T> {
  const timer = setInterval(() => void ping(), KEEP_ALIVE_MS);
  try {
    return await work;
  } finally {
    clearInterval(timer);
  }
}
