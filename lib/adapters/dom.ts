/** Small read-only DOM helpers shared by adapters. */
import { collapseWhitespace } from '../text';

export function text(node: Node | null | undefined): string {
  return node ? collapseWhitespace(node.textContent ?? '') : '';
}

/** Text of `root` without the elements matched by `skip` (e.g. a "Title:" descriptor span). */
export function textWithout(root: Element | null | undefined, skip: string): string {
  if (!root) return '';
  let out = '';
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out += child.nodeValue ?? '';
      else if (child.nodeType === 1 && !(child as Element).matches(skip)) walk(child);
    }
  };
  walk(root);
  return collapseWhitespace(out);
}

/** Absolute http(s) URL, or undefined for anything else (javascript:, data:, malformed). */
export function absoluteUrl(href: string | null | undefined, base: URL | string): string | undefined {
  if (!href) return undefined;
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** Integer shown as text ("1,234", "12k" is not expanded), or undefined. */
export function count(s: string | null | undefined): number | undefined {
  const m = /\d[\d,]*/.exec(s ?? '');
  if (!m) return undefined;
  const n = Number(m[0].replace(/,/g, ''));
  return Number.isFinite(n) ? n : undefined;
}

/** Match-pattern test used by adapters' `matches`: host in a set, path by regex. */
export function hostIs(url: URL, ...hosts: string[]): boolean {
  return hosts.includes(url.hostname);
}
