/**
 * `npm run demo`: the built extension in headless Chromium on the bundled sample pages, served at
 * their real URLs. Imports the sample interests through the options page, then writes screenshots
 * of the decorated listing, an open badge, the popup, the welcome page and the options page to .output/demo/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fixturePages, readPage } from '../fixture-pages';
import { DEMO_INTERESTS, extensionPage, importInterests, launchExtension, ROOT, tabIdOf, waitForScan, welcomePage, type ExtensionSession } from './harness';

const OUT = join(ROOT, '.output/demo');
const LISTING = 'arxiv/list-cs-new-2018-07-20-truncated.html';

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const session = await launchExtension();
  try {
    for (const page of fixturePages()) session.serve(page.url, readPage(page.file));
    const interestsFile = DEMO_INTERESTS;
    await importInterests(session, interestsFile);
    console.error(`imported ${interestsFile}`);

    const listing = fixturePages().find((p) => p.file === LISTING)!;
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.goto(listing.url);
    await waitForScan(page, listing.expected.length);
    // A matched entry with an abstract hit, near the top of the screen with room below for its panel.
    const first = page.locator('[data-paperlight-match]').first();
    await first.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 120));
    await first.locator('[data-paperlight-badge]').waitFor();
    await page.waitForTimeout(200);
    await page.screenshot({ path: join(OUT, 'listing.png') });
    await first.locator('[data-paperlight-badge]').getByRole('button').first().click();
    await first.locator('[data-paperlight-badge] [role="dialog"]').waitFor();
    await page.screenshot({ path: join(OUT, 'badge-open.png') });

    const popup = await session.context.newPage();
    await popup.setViewportSize({ width: 440, height: 600 });
    await popup.goto(extensionPage(session, `popup.html?tab=${await tabIdOf(session, page)}`));
    await popup.locator('section[aria-busy="false"] li[data-paperlight-key]').first().waitFor();
    await popup.screenshot({ path: join(OUT, 'popup.png') });
    // The first row expanded (j), as a reader scanning with the keyboard sees it.
    await popup.keyboard.press('j');
    await popup.locator('li.paper.expanded').waitFor();
    await popup.screenshot({ path: join(OUT, 'popup-expanded.png') });
    // Today's ranking with the two weeks' chart open, in the dark theme.
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.getByRole('tab', { name: /^Today/ }).click();
    await popup.locator('details.chart-box summary').click();
    await popup.locator('figure.chart').waitFor();
    await popup.screenshot({ path: join(OUT, 'popup-today-dark.png') });

    const matched = await page.locator('[data-paperlight-match]').count();
    console.log(`Paperlight demo: ${matched} of ${listing.expected.length} papers on ${listing.url} match the sample interests.`);
    await firstRunScreenshots(session);
    console.log(`Screenshots in ${OUT}: listing.png, badge-open.png, popup.png, popup-expanded.png, popup-today-dark.png, welcome.png, options.png`);
  } finally {
    await session.close();
  }
}

/** The welcome page the install opened, and the options page with its previews loaded. */
async function firstRunScreenshots(session: ExtensionSession): Promise<void> {
  const welcome = await welcomePage(session);
  await welcome.setViewportSize({ width: 1000, height: 900 });
  await welcome.reload();
  await welcome.locator('[data-paperlight-template="cs.CV"] input').check();
  await welcome.screenshot({ path: join(OUT, 'welcome.png'), fullPage: true });

  const options = await session.context.newPage();
  await options.setViewportSize({ width: 900, height: 1100 });
  await options.goto(extensionPage(session, 'options.html'));
  const first = options.locator('fieldset.interest').first();
  await first.getByRole('button', { name: /Edit/ }).click();
  await options.waitForFunction(() => !document.body.textContent?.includes('Preview waiting…'), undefined, { timeout: 30_000 });
  // The page's height as the viewport: the sticky save bar then sits at the bottom, as on a screen.
  await options.setViewportSize({ width: 900, height: await options.evaluate(() => document.documentElement.scrollHeight) });
  await options.screenshot({ path: join(OUT, 'options.png') });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
