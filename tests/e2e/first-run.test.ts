/**
 * A researcher's first minute: the welcome page opens on install, the empty popup points to it,
 * a template and a pasted arXiv id become interests, and the listing it points to shows badges.
 * Then co-authors suggested from the papers seen, and no accessibility violations in either theme.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePages, readPage } from '../fixture-pages';
import { axeViolations, extensionPage, launchExtension, waitForScan, welcomePage, type ExtensionSession } from './harness';

const LISTING = fixturePages().find((p) => p.file === 'arxiv/list-cs-new-2018-07-20-truncated.html')!;

let session: ExtensionSession;

beforeAll(async () => {
  session = await launchExtension();
  for (const page of fixturePages()) session.serve(page.url, readPage(page.file));
});
afterAll(async () => {
  await session?.close();
});

describe('the first run', () => {
  it('opens the welcome page on install, and the empty popup links to it', async () => {
    const welcome = await welcomePage(session);
    await welcome.getByRole('heading', { name: 'Welcome to Paperlight' }).waitFor();

    const popup = await session.context.newPage();
    await popup.goto(extensionPage(session, 'popup.html'));
    const start = popup.getByRole('link', { name: 'Open the welcome page' });
    await start.waitFor();
    expect(await popup.locator('main').innerText()).toContain('Paperlight has nothing to look for yet');
    expect(await start.getAttribute('href')).toBe(extensionPage(session, 'welcome.html'));
    await popup.close();
  });

  it('goes from a template and a pasted arXiv id to badges on the listing it points to', async () => {
    const welcome = await welcomePage(session);
    await welcome.locator('[data-paperlight-template="cs.CV"]').getByRole('checkbox').check();
    await welcome.getByRole('button', { name: 'Add the fields I ticked' }).click();
    await welcome.getByRole('status').filter({ hasText: 'Added: Computer vision.' }).waitFor();

    await welcome.getByLabel('Titles or arXiv ids, one per line').fill('https://arxiv.org/abs/1804.07459v1');
    await welcome.getByLabel('Name of the new interest').fill('Trackers');
    await welcome.getByRole('button', { name: 'Add these papers' }).click();
    await welcome.getByRole('status').filter({ hasText: 'Example papers of “Trackers”: 1.' }).waitFor();

    await welcome.getByRole('link', { name: 'arXiv cs: new submissions' }).click();
    await welcome.waitForURL(LISTING.url);
    await waitForScan(welcome, LISTING.expected.length);
    const tracked = welcome.locator('[data-paperlight-key="arxiv:1804.08208"]');
    expect((await tracked.getAttribute('data-paperlight-match'))?.split(' ')).toContain('computer-vision');
    await tracked.scrollIntoViewIfNeeded();
    await tracked.locator('[data-paperlight-badge]').waitFor();

    // The pasted paper was not in the store: it is kept by its id, and listed under its interest.
    const options = await session.context.newPage();
    await options.goto(extensionPage(session, 'options.html'));
    const card = options.locator('fieldset[data-interest-id="trackers"]');
    await card.getByRole('button', { name: /Trackers/ }).click();
    expect(await card.locator('[data-paperlight-examples="examples"] li').allInnerTexts()).toEqual([expect.stringContaining('arXiv:1804.07459')]);
    await options.close();
    await welcome.goBack();
  });

  it('suggests co-authors from the papers seen and follows them as an author interest', async () => {
    const welcome = await session.context.newPage();
    await welcome.goto(extensionPage(session, 'welcome.html'));
    await welcome.getByRole('button', { name: 'Suggest co-authors from papers I have seen' }).click();
    // No name yet: the field says so and has the focus.
    const name = welcome.getByLabel('Your name, as it appears on papers');
    await welcome.getByRole('alert').filter({ hasText: 'Type your name first.' }).waitFor();
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    expect(await name.evaluate((el) => el === document.activeElement)).toBe(true);

    await name.fill('Peng Gao');
    await welcome.getByRole('button', { name: 'Suggest co-authors from papers I have seen' }).click();
    await welcome.getByRole('status').filter({ hasText: /Found \d+ co-authors/ }).waitFor();
    const coauthors = (await welcome.getByLabel('Co-authors to follow (optional, one per line)').inputValue()).split('\n');
    expect(coauthors).toEqual(expect.arrayContaining(['Yipeng Ma', 'Ke Song']));
    // Another Gao is another person.
    expect(coauthors).not.toContain('Jiyang Gao');
    await welcome.getByRole('button', { name: 'Follow' }).click();
    await welcome.getByRole('status').filter({ hasText: 'Saved: “Peng Gao and co-authors” follows Peng Gao, Yipeng Ma' }).waitFor();
    await welcome.close();
  });

  it('has no accessibility violations (axe-core), in light and dark themes', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const welcome = await session.context.newPage();
      await welcome.emulateMedia({ colorScheme });
      await welcome.goto(extensionPage(session, 'welcome.html'));
      await welcome.getByRole('link', { name: /arXiv cs: new submissions/ }).waitFor();
      expect(await axeViolations(welcome), colorScheme).toEqual([]);
      await welcome.close();
    }
  });
});
