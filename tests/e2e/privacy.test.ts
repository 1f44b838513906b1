/**
 * The extension makes no network requests of its own. Recorded while a user imports interests,
 * reads a listing, opens the popup, exports a backup and changes settings:
 *   - the service worker: the DevTools Network domain on its target (every request that reaches the
 *     network stack, whatever API made it);
 *   - the popup and options pages: Playwright's request events for their frames;
 *   - the content script: the listing page has no subresources, so any request from that tab other
 *     than the page itself (and the browser's own favicon probe) would be the content script's.
 * Not covered: requests the browser makes for itself (updates, safe browsing), which the launch flags
 * switch off, and Chromium-internal extension traffic. The CSP (`connect-src 'none'`) is checked too:
 * a deliberate fetch from the worker and from an extension page fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession } from 'playwright-core';
import { arxivListing } from '../bench/arxiv-listing';
import { DEMO_INTERESTS, extensionPage, importInterests, launchExtension, tabIdOf, waitForScan, type ExtensionSession } from './harness';

const LIST_URL = 'https://arxiv.org/list/cs/new';

let session: ExtensionSession;
let browserCdp: CDPSession;
/** URLs the service worker requested, from Network.requestWillBeSent on its target(s). */
const workerRequests: string[] = [];
/** URLs requested by extension pages and by the listing tab, from Playwright's request events. */
const pageRequests: { from: string; url: string }[] = [];
const NAVIGATION = 'navigation';
const WORKER = 'worker';

/** Attach (non-flat, so one browser session carries it) to a worker target and switch its Network domain on. */
async function watchWorker(targetId: string): Promise<void> {
  const { sessionId } = await browserCdp.send('Target.attachToTarget', { targetId, flatten: false });
  await browserCdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Network.enable' }) });
}

beforeAll(async () => {
  session = await launchExtension();
  browserCdp = await session.context.browser()!.newBrowserCDPSession();
  browserCdp.on('Target.receivedMessageFromTarget', ({ message }) => {
    const m = JSON.parse(message) as { method?: string; params?: { request?: { url: string } } };
    if (m.method === 'Network.requestWillBeSent') workerRequests.push(m.params!.request!.url);
  });
  // A worker stopped and started again is a new target: watch every one of ours.
  browserCdp.on('Target.targetCreated', ({ targetInfo }) => {
    if (targetInfo.type === 'service_worker' && targetInfo.url.startsWith(`chrome-extension://${session.extensionId}/`)) void watchWorker(targetInfo.targetId);
  });
  await browserCdp.send('Target.setDiscoverTargets', { discover: true });
  const { targetInfos } = await browserCdp.send('Target.getTargets');
  for (const t of targetInfos) if (t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${session.extensionId}/`)) await watchWorker(t.targetId);
  // Playwright throws for the frame of a navigation that opens a new page, and of a worker's request: those are told apart instead.
  session.context.on('request', (r) => pageRequests.push({ from: r.isNavigationRequest() ? NAVIGATION : r.serviceWorker() ? WORKER : r.frame().url(), url: r.url() }));
});
afterAll(async () => {
  await session?.close();
});

describe('privacy', () => {
  it('makes no network request from the worker, the extension pages or the content script', async () => {
    await importInterests(session, DEMO_INTERESTS);
    session.serve(LIST_URL, arxivListing(300, { abstracts: true }).html);
    const page = await session.context.newPage();
    await page.goto(LIST_URL);
    await waitForScan(page, 300);

    const popup = await session.context.newPage();
    await popup.goto(extensionPage(session, `popup.html?tab=${await tabIdOf(session, page)}`));
    await popup.getByRole('heading').first().waitFor();
    await popup.waitForTimeout(500);
    await popup.close();

    const options = await session.context.newPage();
    await options.goto(extensionPage(session, 'options.html'));
    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export backup' }).click();
    expect(JSON.parse(await (await (await download).createReadStream()).toArray().then((c) => Buffer.concat(c).toString()))).toMatchObject({ format: 'paperlight-backup' });
    await options.locator('select[name=retention]').selectOption('90');
    await options.getByRole('status').filter({ hasText: 'Saved' }).waitFor();

    // The CSP refuses connections even if code tried.
    expect(await options.evaluate(() => fetch('https://example.org/probe').then(() => 'sent', () => 'blocked'))).toBe('blocked');
    const worker = session.context.serviceWorkers().at(-1)!;
    expect(await worker.evaluate(() => fetch('https://example.org/probe').then(() => 'sent', () => 'blocked'))).toBe('blocked');
    await options.close();
    await page.close();

    const extensionOrigin = `chrome-extension://${session.extensionId}/`;
    expect(workerRequests.filter((u) => !u.startsWith(extensionOrigin))).toEqual([]);
    expect(pageRequests.filter((r) => (r.from === WORKER || r.from.startsWith(extensionOrigin)) && !r.url.startsWith(extensionOrigin))).toEqual([]);
    expect(pageRequests.filter((r) => r.from.startsWith('https://') && r.url !== LIST_URL && !r.url.endsWith('/favicon.ico'))).toEqual([]);
    // Pages are opened only where the test opens them: the listing and the extension's own pages.
    expect(pageRequests.filter((r) => r.from === NAVIGATION && r.url !== LIST_URL && !r.url.startsWith(extensionOrigin))).toEqual([]);
    expect(pageRequests.filter((r) => r.from === NAVIGATION).map((r) => r.url)).toContain(LIST_URL);
    expect(session.refused.filter((u) => !u.endsWith('/favicon.ico'))).toEqual([]);
    // The recording itself works: the pages loaded their own files through it, and a request the worker is allowed to make shows.
    expect(pageRequests.some((r) => r.from.startsWith(extensionOrigin))).toBe(true);
    await worker.evaluate(() => fetch('/manifest.json').then((r) => r.status));
    await expect.poll(() => workerRequests.includes(`${extensionOrigin}manifest.json`)).toBe(true);
    console.info(`[privacy] recorded ${workerRequests.length} worker and ${pageRequests.length} page requests; 0 left the extension`);
  });
});
