/**
 * Firefox ESR with the built Firefox extension (`.output/firefox-mv2`), driven by puppeteer-core over
 * WebDriver BiDi. Real site URLs are answered from saved pages by request interception (the same
 * `SavedSites` as the Chromium harness); every other web request is refused and recorded.
 *
 * WebDriver BiDi refuses to navigate a tab to a `moz-extension://` URL (or to `about:addons`), so the
 * options page and the popup are opened the way a user types an address: Firefox is started with
 * `--remote-allow-system-access`, which lets BiDi evaluate script in the browser window itself, and
 * the address is loaded into the selected tab with the system principal, as the address bar does.
 * Everything inside the page is then driven over BiDi as usual. The extension's pinned UUID
 * (`extensions.webextensions.uuids`) makes its page addresses known before it is installed.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { join } from 'node:path';
import { ROOT, SavedSites } from '../e2e/harness';

export const FIREFOX_EXTENSION_DIR = join(ROOT, '.output/firefox-mv2');
const ADDON_ID = 'paperlight@paperlight.dev';
const UUID = '5e0c1f3a-7a41-4c2b-9a55-0d2f6c1b9e11';
export const EXTENSION_ORIGIN = `moz-extension://${UUID}`;

export interface FirefoxSession {
  browser: Browser;
  sites: SavedSites;
  /** A new tab whose http(s) requests are answered by `sites`. */
  newPage(): Promise<Page>;
  /** A new tab showing the extension page `path` (e.g. `options.html`), opened as from the address bar. */
  openExtensionPage(path: string): Promise<Page>;
  /** Evaluate `expression` in the browser window (privileged chrome code); awaits a returned promise. */
  inBrowserWindow<T>(expression: string): Promise<T>;
  /** Reload the add-on, as an update or a browser restart does: the background page starts again. */
  restartBackground(): Promise<void>;
  close(): Promise<void>;
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}

export async function launchFirefox(): Promise<FirefoxSession> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }),
      // Headless, with no desktop notification service, system notifications close at once (and
      // notifications.getAll() is empty): Firefox's own notification windows stay until cleared.
      'alerts.useSystemBackend': false,
    },
  });
  await browser.installExtension(FIREFOX_EXTENSION_DIR);
  const sites = new SavedSites();
  const connection = (browser as unknown as { connection: BidiConnection }).connection;

  async function inBrowserWindow<T>(expression: string): Promise<T> {
    const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
    const [window] = tree.result.contexts as { context: string; url: string }[];
    if (!window?.url.endsWith('browser.xhtml')) throw new Error('no browser window to evaluate in');
    const { result } = await connection.send('script.evaluate', {
      expression: `(async () => JSON.stringify(await (${expression})))()`,
      target: { context: window.context },
      awaitPromise: true,
    });
    if (result.type === 'exception') throw new Error(`in the browser window: ${JSON.stringify(result.exceptionDetails)}`);
    const value = (result.result as { value?: string }).value;
    return (value === undefined ? undefined : JSON.parse(value)) as T;
  }

  async function newPage(): Promise<Page> {
    const page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (!/^https?:/.test(request.url())) return void request.continue();
      const html = sites.answer(request.url());
      void (html === undefined
        ? request.respond({ status: 404, body: '' })
        : request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    });
    return page;
  }

  async function openExtensionPage(path: string): Promise<Page> {
    const url = `${EXTENSION_ORIGIN}/${path}`;
    const page = await newPage();
    await page.bringToFront();
    await inBrowserWindow(`gBrowser.selectedBrowser.fixupAndLoadURIString(${JSON.stringify(url)}, {
      triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() })`);
    // BiDi does not report this navigation to puppeteer (page.url() stays about:blank): ask the page.
    const deadline = Date.now() + 15_000;
    for (;;) {
      const at = await page.evaluate(() => document.readyState === 'complete' && location.href).catch(() => false);
      if (at === url) return page;
      if (Date.now() > deadline) throw new Error(`${url} did not open (at ${String(at)})`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  return {
    browser,
    sites,
    newPage,
    openExtensionPage,
    inBrowserWindow,
    async restartBackground() {
      await inBrowserWindow(`(async () => {
        const { AddonManager } = ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
        await (await AddonManager.getAddonByID(${JSON.stringify(ADDON_ID)})).reload();
      })()`);
    },
    close: () => browser.close(),
  };
}

/** The WebExtension APIs in an extension page (`globalThis.browser` in Firefox). */
export type ExtensionGlobals = { browser: import('webextension-polyfill').Browser };
