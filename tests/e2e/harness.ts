/**
 * Chromium with the built extension, driven by playwright-core. Real site URLs are answered
 * from saved pages by request routing, so the content script runs on its real match patterns;
 * every other web request is refused (the machines have no network, and the extension must not need one).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { Browser } from 'webextension-polyfill';

/** The extension APIs inside the service worker (`chrome.*` in MV3 returns promises, as the polyfill types say). */
export type WorkerGlobals = { chrome: Browser };

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
/** The sample interests the demo and the end-to-end tests import. */
export const DEMO_INTERESTS = join(ROOT, 'tests/fixtures/interests/demo.json');

/**
 * The saved pages a test serves at their real URLs, shared by the Chromium and the Firefox harness:
 * the request routing of either browser asks `answer` and refuses what it returns undefined for.
 */
export class SavedSites {
  private readonly pages = new Map<string, string>();
  /** Requests the browser tried to send to the network (anything not served). */
  readonly refused: string[] = [];

  /** Serve `html` at `url` (exact match, ignoring the fragment). */
  serve(url: string, html: string): void {
    this.pages.set(url, html);
  }

  /** The page saved for `url`, or undefined (recorded as refused). */
  answer(requestUrl: string): string | undefined {
    const url = new URL(requestUrl);
    url.hash = '';
    const html = this.pages.get(url.href);
    if (html === undefined) this.refused.push(url.href);
    return html;
  }
}

/** The saved 2018 arXiv listing the end-to-end tests read, served at its real URL. */
export const LIST_URL = 'https://arxiv.org/list/cs/new';
export const LIST_FILE = join(ROOT, 'tests/fixtures/pages/arxiv/list-cs-new-2018-07-20-truncated.html');
export const LIST_ENTRIES = 87;
/** Its entries that match DEMO_INTERESTS, with the interests' ids: hand-checked against the 87 titles and author lists. */
export const EXPECTED_MATCHES: Record<string, string> = {
  'arxiv:1804.07006': 'tracking gao',
  'arxiv:1804.07459': 'gao',
  'arxiv:1804.08208': 'tracking gao',
  'arxiv:1807.07525': 'gans',
  'arxiv:1805.09313': 'gans',
  'arxiv:1805.10627': 'rl',
  'arxiv:1806.03711': 'rl',
  'arxiv:1807.04821': 'proposals',
};

export interface ExtensionSession {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Serve `html` at `url` (exact match, ignoring the fragment). */
  serve(url: string, html: string): void;
  /** Requests the browser tried to send to the network (anything not served by `serve`). */
  refused: string[];
  close(): Promise<void>;
}

/** `alongside`: folders of other unpacked extensions to load too (the benchmark's floor scripts). */
export async function launchExtension(alongside: readonly string[] = []): Promise<ExtensionSession> {
  const profile = mkdtempSync(join(tmpdir(), 'paperlight-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
      `--disable-extensions-except=${[EXTENSION_DIR, ...alongside].join(',')}`, `--load-extension=${[EXTENSION_DIR, ...alongside].join(',')}`,
    ],
  });
  const sites = new SavedSites();
  await context.route(/^https?:\/\//, async (route) => {
    const html = sites.answer(route.request().url());
    if (html !== undefined) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    return route.fulfill({ status: 404, body: '' });
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return {
    context,
    worker,
    extensionId: new URL(worker.url()).host,
    serve: (url, html) => sites.serve(url, html),
    refused: sites.refused,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export function extensionPage(session: ExtensionSession, path: string): string {
  return `chrome-extension://${session.extensionId}/${path}`;
}

/** The welcome page the extension opened on install. */
export async function welcomePage(session: ExtensionSession): Promise<Page> {
  const url = extensionPage(session, 'welcome.html');
  const isWelcome = (p: Page) => p.url().startsWith(url);
  return session.context.pages().find(isWelcome) ?? (await session.context.waitForEvent('page', { predicate: isWelcome, timeout: 10_000 }));
}

/** Import an interests file through the options page, as a user would. */
export async function importInterests(session: ExtensionSession, file: string): Promise<void> {
  const options = await session.context.newPage();
  await options.goto(extensionPage(session, 'options.html'));
  await options.locator('input[data-paperlight-import]').setInputFiles(file);
  await options.getByRole('status').filter({ hasText: 'Imported' }).waitFor();
  await options.close();
}

/** The browser's tab id for a page (the popup is opened as a page with `?tab=`). */
export async function tabIdOf(session: ExtensionSession, page: Page): Promise<number> {
  const url = page.url();
  const id = await session.worker.evaluate(async (u) => {
    const tabs = await (globalThis as unknown as WorkerGlobals).chrome.tabs.query({});
    return tabs.find((t) => t.url === u)?.id;
  }, url);
  if (id === undefined) throw new Error(`no tab for ${url}`);
  return id;
}

/** Wait until the content script has marked `count` entries and stopped changing the page. */
export async function waitForScan(page: Page, count: number): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('[data-paperlight-key]').length >= n, count);
  await page.waitForTimeout(300);
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations on `page`, one line each (rule: elements). */
export async function axeViolations(page: Page): Promise<string[]> {
  // evaluate() is not subject to the page's CSP, which (rightly) forbids injected script tags.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return (await axe.run(document)).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}
