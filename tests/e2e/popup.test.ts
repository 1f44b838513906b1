/**
 * The popup as a researcher uses it in the morning: two listings visited, today's ranked matches
 * and the popular section, star/dismiss that persist, search for an older paper, keyboard
 * control, and no accessibility violations (axe-core).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePages, readPage } from '../fixture-pages';
import { DEMO_INTERESTS, extensionPage, importInterests, launchExtension, waitForScan, type ExtensionSession } from './harness';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const DOUBLE_MATCHES = ['arxiv:1804.07006', 'arxiv:1804.08208'];

let session: ExtensionSession;

async function openPopup(): Promise<Page> {
  const popup = await session.context.newPage();
  await popup.goto(extensionPage(session, 'popup.html'));
  // The fresh ranking, not the snapshot painted first.
  await popup.locator('section[aria-labelledby="main-list"][aria-busy="false"] li[data-paperlight-key]').first().waitFor();
  return popup;
}

const listKeys = (popup: Page, section: string) =>
  popup.locator(`section:has(> h2#${section}) > ol > li`).evaluateAll((els) => els.map((e) => e.getAttribute('data-paperlight-key')));

beforeAll(async () => {
  session = await launchExtension();
  for (const page of fixturePages()) session.serve(page.url, readPage(page.file));
  await importInterests(session, DEMO_INTERESTS);
  for (const file of ['arxiv/list-cs-new-2018-07-20-truncated.html', 'huggingface/daily-papers-2024-08-01.html']) {
    const fixture = fixturePages().find((p) => p.file === file)!;
    const page = await session.context.newPage();
    await page.goto(fixture.url);
    await waitForScan(page, fixture.expected.length);
    await page.close();
  }
});
afterAll(async () => {
  await session?.close();
});

describe('the popup', () => {
  it('ranks today’s matches (two interests first) and shows popular papers by upvotes', async () => {
    const popup = await openPopup();
    const today = await listKeys(popup, 'main-list');
    expect(today).toHaveLength(8);
    expect(new Set(today.slice(0, 2))).toEqual(new Set(DOUBLE_MATCHES));
    const popular = await listKeys(popup, 'popular');
    expect(popular[0]).toBe('arxiv:2407.21783');
    const upvotes = await popup.locator('section:has(> h2#popular) li .meta span:first-child').allInnerTexts();
    const numbers = upvotes.map((s) => Number(s.replace(/\D/g, '')));
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    await popup.close();
  });

  it('keeps a star and a dismissal across reopening', async () => {
    let popup = await openPopup();
    const [first, , third] = await listKeys(popup, 'main-list');
    await popup.locator(`#main-list ~ ol li[data-paperlight-key="${third}"]`).getByRole('button', { name: /Star/ }).click();
    await popup.locator(`#main-list ~ ol li[data-paperlight-key="${first}"]`).getByRole('button', { name: 'Not interested' }).click();
    await expect.poll(() => popup.locator(`#main-list ~ ol li[data-paperlight-key="${first}"]`).count()).toBe(0);
    await popup.close();

    popup = await openPopup();
    const today = await listKeys(popup, 'main-list');
    expect(today).not.toContain(first);
    expect(await popup.locator(`#main-list ~ ol li[data-paperlight-key="${third}"]`).getByRole('button', { name: /Unstar/ }).getAttribute('aria-pressed')).toBe('true');
    await popup.close();
  });

  it('finds an unmatched paper seen earlier by searching, typo and all', async () => {
    const popup = await openPopup();
    await popup.keyboard.press('/');
    await popup.keyboard.type('spectral clusterng');
    const row = popup.locator('#main-list ~ ol li[data-paperlight-key="arxiv:1807.07122"]');
    await row.waitFor();
    expect(await popup.locator('#main-list').textContent()).toBe('Search results');
    await popup.keyboard.press('Escape');
    await expect.poll(() => popup.locator('#main-list').textContent()).toBe('Today');
    await popup.close();
  });

  it('moves with j/k and arrows, stars with s', async () => {
    const popup = await openPopup();
    await popup.locator('h1').click();
    await popup.keyboard.press('j');
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('k');
    await popup.keyboard.press('j');
    const current = popup.locator('#main-list ~ ol li[aria-current="true"]');
    const keys = await listKeys(popup, 'main-list');
    expect(await current.getAttribute('data-paperlight-key')).toBe(keys[1]);
    const wasStarred = (await current.getByRole('button', { name: /Star|Unstar/ }).getAttribute('aria-pressed')) === 'true';
    await popup.keyboard.press('s');
    await expect.poll(() => current.getByRole('button', { name: /Star|Unstar/ }).getAttribute('aria-pressed')).toBe(String(!wasStarred));
    await popup.close();
  });

  it('has no accessibility violations (axe-core), in light and dark themes', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const popup = await session.context.newPage();
      await popup.emulateMedia({ colorScheme });
      await popup.goto(extensionPage(session, 'popup.html'));
      await popup.locator('#main-list ~ ol li').first().waitFor();
      await popup.locator('figure.chart').waitFor();
      // evaluate() is not subject to the page's CSP, which (rightly) forbids injected script tags.
      await popup.evaluate(axeSource);
      const violations = await popup.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
        return (await axe.run(document)).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      expect(violations, colorScheme).toEqual([]);
      await popup.close();
    }
  });
});
