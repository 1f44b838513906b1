/**
 * The options page as a researcher meets it: errors at the field, plain-text and malformed imports
 * with messages that say where and that nothing was imported, the limit stated with its numbers,
 * a 500-interest import that leaves the popup quick, and no accessibility violations in either theme.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { arxivListing } from '../bench/arxiv-listing';
import { fixturePages, readPage } from '../fixture-pages';
import { axeViolations, DEMO_INTERESTS, extensionPage, importInterests, launchExtension, waitForScan, type ExtensionSession } from './harness';

const LISTING = fixturePages().find((p) => p.file === 'arxiv/list-cs-new-2018-07-20-truncated.html')!;
/** A few weeks of reading: previews then match thousands of papers with abstracts each. */
const BIG_LISTING = { url: 'https://arxiv.org/list/math/new', papers: 1500 };
let session: ExtensionSession;
let options: Page;

const cards = () => options.locator('fieldset.interest');
const importText = (name: string, text: string) =>
  options.locator('input[data-paperlight-import]').setInputFiles({ name, mimeType: name.endsWith('.json') ? 'application/json' : 'text/plain', buffer: Buffer.from(text) });
const alertText = async () => {
  const alert = options.getByRole('alert').first();
  await alert.waitFor();
  return alert.innerText();
};
const manyInterests = (n: number) =>
  JSON.stringify({ interests: Array.from({ length: n }, (_, i) => ({ id: `topic-${i}`, label: `Topic ${i}`, terms: [`topic number ${i}`] })) });

/** How long the popup takes to show its first row from the worker's fresh ranking (not the snapshot painted first). */
async function firstRowMs(): Promise<number> {
  const popup = await session.context.newPage();
  const started = Date.now();
  await popup.goto(extensionPage(session, 'popup.html'));
  await popup.locator('section[aria-labelledby="main-list"][aria-busy="false"] li[data-paperlight-key]').first().waitFor({ timeout: 60_000 });
  const ms = Date.now() - started;
  await popup.close();
  return ms;
}

beforeAll(async () => {
  session = await launchExtension();
  session.serve(LISTING.url, readPage(LISTING.file));
  await importInterests(session, DEMO_INTERESTS);
  const listing = await session.context.newPage();
  await listing.goto(LISTING.url);
  await waitForScan(listing, LISTING.expected.length);
  session.serve(BIG_LISTING.url, arxivListing(BIG_LISTING.papers, { abstracts: true }).html);
  await listing.goto(BIG_LISTING.url);
  await waitForScan(listing, BIG_LISTING.papers);
  await listing.close();
}, 180_000);
beforeEach(async () => {
  options = await session.context.newPage();
  await options.goto(extensionPage(session, 'options.html'));
  await cards().first().waitFor();
});
afterEach(async () => {
  await options.close();
});
afterAll(async () => {
  await session?.close();
});

describe('the options page', () => {
  it('puts a save error at the field, marked and focused', async () => {
    await options.getByRole('button', { name: 'Add interest' }).click();
    await options.getByRole('button', { name: 'Save' }).click();
    const name = options.locator('fieldset.interest').last().getByLabel('Name');
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    expect(await name.evaluate((el) => el === document.activeElement)).toBe(true);
    const nameError = options.locator(`#${await name.getAttribute('aria-describedby')}`);
    expect(await nameError.innerText()).toBe('Give this interest a name.');

    await name.fill('Spectral methods');
    await options.getByRole('button', { name: 'Save' }).click();
    const terms = options.locator('fieldset.interest').last().getByLabel('Keywords and phrases (one per line)');
    expect(await terms.getAttribute('aria-invalid')).toBe('true');
    expect(await terms.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await options.getByRole('alert').innerText()).toBe('Not saved: fix the marked fields (1 interests).');
    await terms.fill('spectral clustering');
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    expect(await terms.getAttribute('aria-invalid')).toBeNull();
  });

  it('takes pasted papers as "not this interest": listed there, out of the examples, and saved', async () => {
    const card = cards().first();
    await card.getByRole('button', { name: /Edit/ }).click();
    const paste = card.getByLabel('Paste titles or arXiv ids, one per line');
    await paste.fill('1807.04821');
    await card.getByRole('button', { name: 'Add as examples' }).click();
    await card.locator('[data-paperlight-examples="examples"] li').first().waitFor();
    await paste.fill('arXiv:1807.04821');
    await card.getByRole('button', { name: 'Add as not this interest' }).click();
    const counter = card.locator('[data-paperlight-examples="counterexamples"] li');
    await counter.first().waitFor();
    // The paper is in the store: listed by its title, and no longer an example.
    expect(await counter.allInnerTexts()).toEqual([expect.stringContaining('Temporal Action Proposal')]);
    expect(await card.locator('[data-paperlight-examples="examples"] li').count()).toBe(0);
    // Without an example there is no model for them to steer: the card says so.
    expect(await card.locator('[data-paperlight-note="counterexamples-idle"]').count()).toBe(1);
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await options.reload();
    await cards().first().getByRole('button', { name: /Edit/ }).click();
    expect(await cards().first().locator('[data-paperlight-examples="counterexamples"] li').count()).toBe(1);
    // Leave the interests as the other tests expect them.
    await cards().first().locator('[data-paperlight-examples="counterexamples"] li button').click();
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  });

  it('imports a plain list of topics, one per line, each in a colour of its own', async () => {
    const before = await cards().count();
    await importText('topics.txt', 'graph neural networks\n\nprotein folding\n');
    await options.getByRole('status').filter({ hasText: 'Imported 2 interests.' }).waitFor();
    expect(await cards().count()).toBe(before + 2);
    const labels = await options.locator('.card-label').allInnerTexts();
    expect(labels.slice(-2)).toEqual(['graph neural networks', 'protein folding']);
    const colours = await cards().evaluateAll((els) => els.map((el) => getComputedStyle(el).getPropertyValue('--chip')));
    expect(new Set(colours).size).toBe(colours.length);
  });

  it('says on which line and column a malformed file breaks, and that nothing was imported', async () => {
    const before = await cards().count();
    await importText('broken.json', '{ "interests": [\n  { "id": "a", "label": "A", "terms": ["x"] }\n  { "id": "b", "label": "B", "terms": ["y"] }\n] }');
    expect(await alertText()).toMatch(/^The file is not valid JSON: line 3, column 3: .+\. Nothing was imported\.$/);
    expect(await cards().count()).toBe(before);
  });

  it('names the interest whose only term is empty', async () => {
    await importText('empty.json', JSON.stringify({ interests: [{ id: 'ok', label: 'Fine', terms: ['fine'] }, { id: 'blank', label: 'Blank one', terms: [''] }] }));
    expect(await alertText()).toBe('Interest 2 “Blank one” (id blank) has no keyword, author or example paper to match. Nothing was imported.');
  });

  it('has no accessibility violations (axe-core), in light and dark themes, with a card open', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme });
      await cards().first().getByRole('button', { name: /Edit/ }).click();
      await cards().first().getByRole('button', { name: /Remove interest/ }).waitFor();
      await expect.poll(() => cards().first().locator('.preview').innerText()).toMatch(/Matches/);
      expect(await axeViolations(options), colorScheme).toEqual([]);
      await options.reload();
      await cards().first().waitFor();
    }
  });

  it('states the limit with its numbers, then takes a file that fits without stalling the popup', async () => {
    const quiet = await firstRowMs();
    const mine = await cards().count();
    await importText('many.json', manyInterests(500));
    expect(await alertText()).toBe(
      `The file holds 500 interests (500 new); with your ${mine} that makes ${500 + mine}, and Paperlight keeps at most 500. Nothing was imported. Remove some interests first, or import a shorter file.`,
    );
    expect(await cards().count()).toBe(mine);

    await importText('fits.json', manyInterests(500 - mine));
    await options.getByRole('status').filter({ hasText: `Imported ${500 - mine} interests.` }).waitFor();
    expect(await cards().count()).toBe(500);
    // Previews of the cards on screen come first.
    const onScreen = cards().nth(0).locator('.summary');
    await expect.poll(() => onScreen.innerText()).toMatch(/Matches \d+ of your \d+ most recently seen papers/);

    // The popup shows its fresh ranking at once while the previews and the re-match run.
    const busy = await firstRowMs();
    const waiting = await options.getByText('Preview waiting…').count();
    console.info(`[options] popup's fresh first row: ${quiet} ms before, ${busy} ms right after a ${500 - mine}-interest import (${waiting} previews still queued)`);
    expect(busy).toBeLessThan(Math.max(3000, 2 * quiet));
    // A card scrolled into view goes before the hundreds still waiting.
    const far = cards().nth(400);
    await far.scrollIntoViewIfNeeded();
    await expect.poll(() => far.locator('.summary').innerText(), { timeout: 15_000 }).toMatch(/Matches \d+ of your/);
    expect(await options.getByText('Preview waiting…').count()).toBeGreaterThan(100);
  });

});
