/** `npm run -s detect -- --url <page URL> <file.html>`: CONTRACT §1. */
import { detect } from '../detect';
import { parseArgs, readText, runCli, UsageError } from './args';
import { loadPage } from './page';

const USAGE = 'detect --url <page URL> <file.html>';

runCli('detect', () => {
  const { options, positional } = parseArgs(process.argv.slice(2), ['url'], USAGE);
  const pageUrl = options.get('url');
  if (!pageUrl) throw new UsageError(`missing --url; usage: ${USAGE}`);
  if (positional.length !== 1) throw new UsageError(`expected one HTML file; usage: ${USAGE}`);
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    throw new UsageError(`invalid --url: ${pageUrl}`);
  }
  const html = readText(positional[0] as string);
  const page = loadPage(html, url.href);
  try {
    return detect(page.document, url).detections.map((d) => d.paper);
  } finally {
    page.close();
  }
});
