import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import messages from '../public/_locales/en/messages.json';

type Catalog = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** browser.i18n as Chrome does it, over the real English catalogue (the fake browser has none). */
function getMessage(name: string, substitutions?: string | string[]): string {
  const entry = (messages as Catalog)[name];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const fill = (s: string) => s.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (whole, ph: string) => {
    const content = entry.placeholders?.[ph.toLowerCase()]?.content;
    return content === undefined ? whole : fill(content);
  });
}

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
});
