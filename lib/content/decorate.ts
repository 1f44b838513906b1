/**
 * Marking entries in the page. Idempotent and keyed by the entry element: decorating again
 * updates the one badge in place, never adds a second. Page text only ever goes in as text
 * (Preact text nodes); attributes are ours and overwrite anything the page forged.
 */
import { h, render } from 'preact';
import { Badge, BADGE_CSS, type BadgeProps } from '../../components/Badge';
import type { EntryMark, MatchView } from '../messages';
import { within } from '../adapters/dom';

export const KEY_ATTR = 'data-paperlight-key';
export const MATCH_ATTR = 'data-paperlight-match';
export const STATE_ATTR = 'data-paperlight-state';
const HOST_ATTR = 'data-paperlight-badge';
/** How a dismissed entry dims: still readable, clearly set aside. */
const DISMISSED_OPACITY = '0.45';

/** Each entry's badge host; `pending` while it is rendered but not yet placed (prepareBadge). */
const hosts = new WeakMap<Element, { host: HTMLElement; mount: HTMLElement; pending: boolean }>();
/** Entries whose match attribute we set; any other one on the page is forged or stale. */
const marked = new WeakSet<Element>();
/** Entries whose state attribute we set. */
const stated = new WeakSet<Element>();
/** Entries we dimmed, with the inline opacity the page had given them. */
const dimmedFrom = new WeakMap<Element, string>();
let sharedSheet: CSSStyleSheet | undefined;

/** One constructed stylesheet shared by every badge: cheaper than a <style> each, and not blocked by a page's style-src CSP. */
function styleShadowRoot(root: ShadowRoot): void {
  try {
    if (!sharedSheet) {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(BADGE_CSS);
    }
    root.adoptedStyleSheets = [sharedSheet];
  } catch {
    const style = root.ownerDocument.createElement('style');
    style.textContent = BADGE_CSS;
    root.append(style);
  }
}

/**
 * Match and state attributes under `root` that we did not set (forged by the page, or stale) go,
 * found by one query: per-entry checks cost 2,000-entry listings thousands of DOM calls for
 * attributes that are almost never there.
 */
export function clearForgedMarks(root: ParentNode): void {
  for (const element of within(root, `[${MATCH_ATTR}], [${STATE_ATTR}]`)) {
    if (!marked.has(element)) element.removeAttribute(MATCH_ATTR);
    if (!stated.has(element)) element.removeAttribute(STATE_ATTR);
  }
}

/** Mark detected entries with their keys. */
export function markEntries(entries: readonly { element: Element; key: string }[]): void {
  for (const { element, key } of entries) element.setAttribute(KEY_ATTR, key);
}

/**
 * Say on the entry what the reader did with it (CONTRACT §4) and dim a dismissed one. Dimmed through
 * the CSSOM, which a page's style-src CSP does not block.
 */
export function markState(element: Element, marks: readonly EntryMark[]): void {
  if (marks.length) {
    element.setAttribute(STATE_ATTR, marks.join(' '));
    stated.add(element);
  } else {
    element.removeAttribute(STATE_ATTR);
    stated.delete(element);
  }
  const style = (element as Partial<HTMLElement>).style;
  if (!style) return;
  const dim = marks.includes('dismissed');
  if (dim && !dimmedFrom.has(element)) {
    dimmedFrom.set(element, style.opacity);
    style.opacity = DISMISSED_OPACITY;
  } else if (!dim && dimmedFrom.has(element)) {
    style.opacity = dimmedFrom.get(element)!;
    dimmedFrom.delete(element);
  }
}

/** Say on the entry which interests it matches: an attribute, so no layout, at once for every entry. */
export function markMatches(element: Element, matches: readonly MatchView[]): void {
  if (matches.length) {
    element.setAttribute(MATCH_ATTR, matches.map((m) => m.interest).join(' '));
    marked.add(element);
  } else {
    element.removeAttribute(MATCH_ATTR);
    marked.delete(element);
  }
}

/** Does the entry show a badge: matched, starred, or seen on an earlier day. */
export function hasBadge(props: Pick<BadgeProps, 'matches' | 'state'>): boolean {
  return props.matches.length > 0 || props.state.marks.some((m) => m === 'starred' || m === 'seen');
}

/**
 * The badge goes at the end of its anchor; an anchor that is a link (a title link, on sites whose
 * titles are bare links) gets it right after, since a badge inside a link would navigate on a click.
 */
function placeBadge(host: Element, anchor: Element): void {
  if (anchor.localName === 'a') {
    if (host.previousSibling !== anchor) anchor.after(host);
  } else if (host.parentNode !== anchor) anchor.append(host);
}

/**
 * Render the entry's badge, off the page if it is new, and answer the step that puts it in place: the
 * rendering runs in the task that asks for it, so the frame that shows a screenful of new badges only
 * inserts them. With nothing to show, the badge goes at once.
 */
export function prepareBadge(element: Element, anchor: Element, props: BadgeProps): () => void {
  let badge = hosts.get(element);
  markMatches(element, props.matches);
  if (!hasBadge(props)) {
    if (badge) {
      render(null, badge.mount);
      badge.host.remove();
      hosts.delete(element);
    }
    return () => undefined;
  }
  // A host rendered but not yet placed is reused: placing a second one would show two badges.
  if (!badge || (!badge.pending && !badge.host.isConnected)) {
    const host = element.ownerDocument.createElement('span');
    host.setAttribute(HOST_ATTR, '');
    const root = host.attachShadow({ mode: 'open' });
    styleShadowRoot(root);
    const mount = element.ownerDocument.createElement('span');
    root.append(mount);
    badge = { host, mount, pending: true };
    hosts.set(element, badge);
  }
  render(h(Badge, props), badge.mount);
  const placed = badge;
  return () => {
    placeBadge(placed.host, anchor);
    placed.pending = false;
  };
}

/** Show the badge on the entry now (or remove it when there is nothing to show). */
export function decorateEntry(element: Element, anchor: Element, props: BadgeProps): void {
  prepareBadge(element, anchor, props)();
}

let warmedUp = false;

/**
 * Draw one badge out of sight, once, before the first real one: the first render compiles the badge
 * code, and the first badge in the page builds the badge stylesheet's rules and loads its font; all
 * of it otherwise lands in the frame that draws the first badges, already the page's longest task
 * (a 2,000-entry listing lays out for 40-55 ms).
 */
export function warmUpBadges(doc: Document): void {
  if (warmedUp) return;
  warmedUp = true;
  const offPage = doc.createElement('span');
  // Ours, so the scanner's mutation observer passes it by; fixed and hidden, so the page neither moves nor shows it.
  offPage.setAttribute(HOST_ATTR, '');
  offPage.style.cssText = 'position:fixed;top:0;left:0;visibility:hidden;pointer-events:none';
  const props: BadgeProps = {
    paper: { key: 'warm-up', title: 'warm-up', ids: {} },
    matches: [{ interest: 'warm-up', label: 'warm-up', color: '#000', score: 1, terms: [{ term: 'warm-up', field: 'title', exact: true }] }],
    state: { marks: [] },
    actions: { setState: async () => undefined, moreLikeThis: async () => [], interests: async () => [] },
  };
  decorateEntry(offPage, offPage, props);
  (doc.body ?? doc.documentElement).append(offPage);
  offPage.getBoundingClientRect();
  offPage.remove();
  decorateEntry(offPage, offPage, { ...props, matches: [] });
}

/** Our own badge hosts, so the mutation observer can ignore the changes we make. */
export function isBadgeHost(node: Node): boolean {
  return node.nodeType === 1 && (node as Element).hasAttribute(HOST_ATTR);
}
