import type { PaperIds } from '../ids';
import type { PublicationKind, Signals } from '../paper';
import type { SiteId } from './sites';

/** What an adapter reads off one entry; identity (key, id normalisation) is applied afterwards. */
export interface PaperCandidate {
  title: string;
  url?: string | null;
  ids?: Partial<Record<keyof PaperIds, string | null | undefined>>;
  authors?: string[];
  abstract?: string;
  signals?: Signals;
  section?: string;
  /** Journal, conference or proceedings as the page names it. */
  venue?: string;
  /** The paper's date as the page prints it; detection normalises it (lib/paper.ts normalizePublished). */
  published?: string;
  kind?: PublicationKind;
}

/** A candidate plus the element that shows it (where badges and `data-paperlight-*` go). */
export interface DetectedEntry {
  element: Element;
  paper: PaperCandidate;
  /** Where the badge goes (usually the title), at its end, or right after it if it is a link; defaults to `element`. Must not be inside a link. */
  anchor?: Element;
}

/**
 * One site. Adapters read the DOM and nothing else: no network, no storage, no mutation of the page.
 * They take the document and URL as arguments so tests and the CLI run them on saved pages.
 */
export interface SiteAdapter {
  /** Stable id, also the file name under lib/adapters/; its human name is in sites.ts. */
  id: SiteId;
  /** Match patterns (manifest syntax) the content script needs for this site. */
  hosts: readonly string[];
  /**
   * Runs only where the user granted the optional all-sites permission (the generic detector).
   * Opt-in adapters go last in the registry and add nothing to the manifest's host permissions.
   */
  optIn?: boolean;
  /** Does this adapter handle pages at this URL? */
  matches(url: URL): boolean;
  /**
   * Is this URL a page that should list papers? Used for the health check: a listing that
   * yields zero papers means the site changed its markup.
   */
  isListing?(url: URL): boolean;
  /**
   * Read every paper on the page (or under `root`, for content added later), in page order.
   * An adapter for very long pages may return a generator, so detection can pause between entries.
   */
  extract(doc: Document, url: URL, root?: ParentNode): Iterable<DetectedEntry>;
  /**
   * Is this page the site's robot check (a captcha or "unusual traffic" page) instead of its content?
   * The health check then names it, rather than reporting a changed layout.
   */
  isRobotCheck?(doc: Document, url: URL): boolean;
  /**
   * Element under which the site adds entries later (infinite scroll, tabs, SPA updates).
   * Observing a narrow container keeps mutation handling cheap. Omit for static pages.
   */
  dynamicRoot?(doc: Document): Element | null;
}

/** Manifest match patterns for the https pages of `hosts`. */
export function hostPatterns(hosts: readonly string[]): string[] {
  return hosts.map((h) => `https://${h}/*`);
}

/** `hosts` and `matches` of an adapter for exactly these host names. */
export function onHosts(hosts: readonly string[]): Pick<SiteAdapter, 'hosts' | 'matches'> {
  return { hosts: hostPatterns(hosts), matches: (url) => hosts.includes(url.hostname) };
}
