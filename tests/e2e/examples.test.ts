/**
 * Interests taught by example, end to end in Chromium: "More like this" sent from the popup page as
 * its button sends it, the model trained in the worker and stored, and on another listing a paper
 * that shares none of the interest's terms but resembles the example is matched, saying why
 * (`similar`); after a worker restart the stored model still matches without training again.
 */
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { renderListing, type ListingEntry } from '../bench/arxiv-listing';
import { extensionPage, importInterests, launchExtension, waitForScan, type ExtensionSession } from './harness';

const OTHER_TOPICS = ['galaxy redshift surveys', 'surface codes for logical qubits', 'register allocation in compilers', 'ocean circulation projections', 'tactile robot grippers', 'collaborative filtering of ratings', 'speech recognition lattices', 'turbulent channel flow'];
const entry = (id: string, title: string, abstract: string): ListingEntry => ({ id, title, abstract, authors: ['Ada Lovelace'], subjects: ['Machine Learning (cs.LG)'] });
const listing = (entries: ListingEntry[]) => renderListing([{ heading: `New submissions (showing ${entries.length} of ${entries.length} entries)`, kind: 'new', entries }]);

const FIRST = 'https://arxiv.org/list/cs/new';
const SECOND = 'https://arxiv.org/list/q-bio/new';
const THIRD = 'https://arxiv.org/list/physics/new';
const EXAMPLE = entry('2604.00001', 'Protein folding from residue contact maps', 'Residue contact maps and amino acid distances predict the chain structure of folded molecules.');
const LIKE = entry('2604.00100', 'Residue contact maps predict amino acid chain structure', 'Amino acid residue distances and contact maps predict chain structure.');
const LIKE_AGAIN = entry('2604.00200', 'Amino acid chain structure from residue contact maps', 'Contact maps of residue distances predict amino acid chain structure.');

let session: ExtensionSession;
let popup: Page;

beforeAll(async () => {
  session = await launchExtension();
  const dir = mkdtempSync(join(tmpdir(), 'paperlight-examples-'));
  const interests = join(dir, 'interests.json');
  writeFileSync(interests, JSON.stringify({ interests: [{ id: 'folding', label: 'Protein folding', terms: ['protein folding'] }] }));
  await importInterests(session, interests);
  const others = OTHER_TOPICS.flatMap((topic, t) => [0, 1, 2].map((i) => entry(`2604.0${t + 1}00${i}`, `A study of ${topic} ${i}`, `We examine ${topic} in experiment ${i}.`)));
  session.serve(FIRST, listing([EXAMPLE, ...others]));
  session.serve(SECOND, listing([LIKE, entry('2604.00101', 'Policy gradients for simulated agents', 'Agents maximise reward.')]));
  session.serve(THIRD, listing([LIKE_AGAIN]));
  popup = await session.context.newPage();
  await popup.goto(extensionPage(session, 'popup.html'));
}, 120_000);
afterAll(async () => {
  await session?.close();
});

/** What the popup's runtime messaging answers (the popup page's own `chrome.runtime.sendMessage`). */
function send<T>(message: object): Promise<T> {
  return popup.evaluate(async (m) => {
    const reply = (await (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value?: unknown; error?: string }> } } }).chrome.runtime.sendMessage(m));
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  }, message) as Promise<T>;
}

/** The stored models' interests, read with raw IndexedDB in the popup page. */
function learnedInterests(): Promise<string[]> {
  return popup.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('paperlight');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('learned').objectStore('learned').get('examples');
          request.onsuccess = () => (open.result.close(), resolve(((request.result as { models?: { interest: string }[] } | undefined)?.models ?? []).map((m) => m.interest)));
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

async function visit(url: string, entries: number): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(url);
  await waitForScan(page, entries);
  return page;
}

type Matched = { papers: { matches: { interest: string; terms: unknown[]; similar?: { key?: string; title: string }[] }[] }[] };

describe('More like this', () => {
  it('teaches the interest, so a paper sharing none of its terms is matched and says which example it resembles', { timeout: 180_000 }, async () => {
    await (await visit(FIRST, 25)).close();
    expect(await send({ type: 'moreLikeThis', key: `arxiv:${EXAMPLE.id}` })).toEqual({ interests: ['folding'], labels: ['Protein folding'] });
    await expect.poll(learnedInterests, { timeout: 60_000 }).toEqual(['folding']);

    const page = await visit(SECOND, 2);
    await expect.poll(() => page.locator(`[data-paperlight-key="arxiv:${LIKE.id}"]`).getAttribute('data-paperlight-match')).toBe('folding');
    expect(await page.locator('[data-paperlight-key="arxiv:2604.00101"]').getAttribute('data-paperlight-match')).toBeNull();
    const { papers } = await send<Matched>({ type: 'getPapers', keys: [`arxiv:${LIKE.id}`] });
    expect(papers[0]!.matches).toEqual([expect.objectContaining({ interest: 'folding', terms: [], similar: [expect.objectContaining({ key: `arxiv:${EXAMPLE.id}`, title: EXAMPLE.title })] })]);
    // The badge says why: the example it is like, and the words it shares with it.
    const badge = page.locator(`[data-paperlight-key="arxiv:${LIKE.id}"] [data-paperlight-badge]`);
    await badge.getByRole('button').click();
    expect(await badge.getByRole('dialog').innerText()).toMatch(new RegExp(`like “${EXAMPLE.title}” \\(shares [a-z, ]*residue`));
  });

  it('previews the taught interest in the options page with the papers like its examples, and says when new ones are not learned yet', { timeout: 120_000 }, async () => {
    const options = await session.context.newPage();
    await options.goto(extensionPage(session, 'options.html'));
    const card = options.locator('[data-interest-id="folding"]');
    const summary = card.locator('.summary');
    // The term finds the example itself; the paper like it, read on the second listing, shares no term.
    await expect.poll(() => summary.innerText(), { timeout: 30_000 }).toMatch(/Matches 2 of your 27 most recently seen papers, by its words or its examples/);
    await card.getByRole('button', { name: 'Edit' }).click();
    await card.getByLabel('Paste titles or arXiv ids, one per line').fill('Ocean circulation projections');
    await card.getByRole('button', { name: 'Add as examples' }).click();
    await expect.poll(() => summary.innerText(), { timeout: 30_000 }).toMatch(/Matches 1 of your \d+ most recently seen papers · Papers like its examples count once Paperlight has learned them/);
    // Saved: once the background has learned the new example, the preview counts by examples again, unasked,
    // now with the three papers like the new one.
    await options.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => summary.innerText(), { timeout: 60_000 }).toMatch(/Matches 5 of your 27 most recently seen papers, by its words or its examples ·/);
    await options.close();
  });

  it('keeps the model across a worker restart', { timeout: 120_000 }, async () => {
    const cdp = await session.context.newCDPSession(popup);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const page = await visit(THIRD, 1);
    await expect.poll(() => page.locator(`[data-paperlight-key="arxiv:${LIKE_AGAIN.id}"]`).getAttribute('data-paperlight-match')).toBe('folding');
    expect(await learnedInterests()).toEqual(['folding']);
  });
});
