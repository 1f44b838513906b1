/**
 * The message contract between the content script, the extension pages and the background.
 * One typed map per direction; the background validates every incoming message against it
 * (lib/background/validate.ts) and checks who sent it.
 */
import type { Found } from './search/word-index';
import type { PaperIds } from './ids';
import type { Interest } from './interests';
import type { SimilarPaper, TermHit } from './match/types';
import type { PageHealth } from './detect';
import type { DetectedPaper, Publication, Signals } from './paper';
import type { Settings } from './settings';
import type { Retention } from './data-state';
import type { Pruned } from './db/retention';
import type { ScoreParts } from './rank/trending';

/** How a matched interest is shown on a badge or chip. */
export interface MatchView {
  interest: string;
  label: string;
  color: string;
  score: number;
  terms: TermHit[];
  similar?: SimilarPaper[];
}

export interface PaperMatches {
  /** The key the content script used for the entry. */
  key: string;
  matches: MatchView[];
}

export interface ScanRequest {
  type: 'scan';
  /** Page URL without fragment. */
  page: string;
  /** Adapter id. */
  site: string;
  /** The adapter considers this URL a paper listing (health check). */
  listing: boolean;
  /** A fresh page load or SPA navigation (true) or entries added later (false). */
  reset: boolean;
  /** How reading the page went (lib/detect.ts pageHealth); sent with a fresh page's first batch. */
  health?: PageHealth;
  papers: DetectedPaper[];
}

/** The reader's marks on an entry (CONTRACT §4 `data-paperlight-state`); `seen`: seen on an earlier day. */
export type EntryMark = 'starred' | 'dismissed' | 'read' | 'seen';

/** What the reader did with a paper before, as the page's entry shows it. */
export interface EntryState {
  /** The key the content script used for the entry. */
  key: string;
  marks: EntryMark[];
  /** The latest sighting on an earlier day (with `seen`). */
  seen?: { day: string; site: string };
}

export interface ScanResponse {
  matched: PaperMatches[];
  /** Entries the reader starred, dismissed, read or saw on an earlier day (others are left out). */
  states?: EntryState[];
}

/**
 * Background → content scripts and extension pages, after a paper's marks changed anywhere:
 * `keys` are every key the paper is known by, so each page finds its entry under the key it used.
 */
export interface PaperStateChanged {
  type: 'paperStateChanged';
  key: string;
  keys: string[];
  starred: boolean;
  dismissed: boolean;
  read: boolean;
}

/** Content script → background. The badge panel's actions (setPaperState, moreLikeThis, getInterestLabels) are page requests it may send too. */
export interface ContentRequests {
  scan: { request: ScanRequest; response: ScanResponse };
}

/** A paper as the popup shows it. Page text stays text: the popup renders it with Preact text nodes. */
export interface PopupPaper extends Publication {
  key: string;
  title: string;
  url?: string;
  authors?: string[];
  ids: PaperIds;
  /** The part of the abstract around a matched term (only when the abstract matched). */
  abstract?: string;
  matches: MatchView[];
  /** Distinct sites and pages it was seen on (within the requested days, else ever). */
  seen: { site: string; page: string }[];
  /** The paper's own date (lib/rank/paper-date.ts paperDate): the page's, else its arXiv id's month; not when it was first seen. */
  date?: string;
  firstSeen: number;
  lastSeen: number;
  signals?: Signals;
  starred: boolean;
  read: boolean;
  dismissed?: boolean;
  /** Why it ranks where it does (trending lists only). */
  rank?: { score: number; parts: ScoreParts; upvotesPerDay: number };
  /** Where a search found it, with the paper's words that matched (search results only; highlight them). */
  found?: Found[];
}

export interface PaperStatePatch {
  starred?: boolean;
  dismissed?: boolean;
  read?: boolean;
}

/** How an interest being edited would match the most recently seen papers. */
export interface InterestPreview {
  /** Papers looked at (the most recently seen ones). */
  scanned: number;
  matched: number;
  top: { key: string; title: string; url?: string }[];
  /** Every matched paper's score, strongest first: the options page previews a notification threshold with them. */
  scores?: number[];
  /**
   * For an interest with examples: whether papers like them are in the preview ('learned': the stored
   * model was trained on these very examples) or not yet ('pending': examples not saved, or still in training).
   */
  examples?: 'learned' | 'pending';
}

export interface ChartData {
  days: string[];
  interests: { id: string; label: string; color: string }[];
  /** counts[d][i]: papers matching interest i seen on day d. */
  counts: number[][];
  /** papers[d]: matched papers seen on day d, each once (a paper matching two interests is in two counts). */
  papers: number[];
}

export interface TabStatus {
  site: string;
  page: string;
  papers: number;
  matched: string[];
  /** Matched papers the reader dismissed: the toolbar counts the others. */
  dismissed?: string[];
  listing: boolean;
  /** How reading the page went: the popup names a robot check, or a paper read from the page's metadata. */
  health?: PageHealth;
}

/** Extension pages (popup, options) → background. */
export interface PageRequests {
  getTrending: {
    request: { type: 'getTrending'; days: string[]; blend: number };
    response: { today: PopupPaper[]; popular: PopupPaper[]; /** Papers in `today` before the cut to the first rows. */ total: number };
  };
  /** Papers by key (any key they are known by); with `blend`, ranked as the day's list is, best first. */
  getPapers: { request: { type: 'getPapers'; keys: string[]; blend?: number }; response: { papers: PopupPaper[] } };
  getStarred: { request: { type: 'getStarred' }; response: { papers: PopupPaper[] } };
  /** Papers dismissed lately, most recent first, for the popup's Dismissed view (restore). */
  getDismissed: { request: { type: 'getDismissed' }; response: { papers: PopupPaper[] } };
  search: { request: { type: 'search'; query: string }; response: { papers: PopupPaper[] } };
  /** Accepted from the badge panel too; every open page hears the result (PaperStateChanged). */
  setPaperState: { request: { type: 'setPaperState'; key: string; patch: PaperStatePatch }; response: PaperStateChanged };
  /**
   * "More like this": the paper becomes an example of `interest`, or of the interests it matched when
   * none is named, or of a new interest labelled `newInterest`. Answers the interests it was added to.
   */
  moreLikeThis: { request: { type: 'moreLikeThis'; key: string; interest?: string; newInterest?: string }; response: { interests: string[]; /** Their labels, in the same order. */ labels: string[] } };
  getChart: { request: { type: 'getChart'; days: string[] }; response: ChartData };
  previewInterest: { request: { type: 'previewInterest'; interest: Interest }; response: InterestPreview };
  getInterests: { request: { type: 'getInterests' }; response: { interests: Interest[] } };
  /** Only the interests' ids and labels (the badge panel's "More like this" picker: a page is told no terms). */
  getInterestLabels: { request: { type: 'getInterestLabels' }; response: { interests: { id: string; label: string }[] } };
  setInterests: { request: { type: 'setInterests'; interests: Interest[] }; response: { interests: Interest[] } };
  getSettings: { request: { type: 'getSettings' }; response: { settings: Settings } };
  setSettings: { request: { type: 'setSettings'; settings: Settings }; response: { settings: Settings } };
  /** Show a sample notification now (the options page's "send a test notification"). */
  testNotification: { request: { type: 'testNotification' }; response: Record<string, never> };
  /**
   * Data safety (lib/db/backup.ts, lib/db/retention.ts). The options page restores a backup into the
   * database itself (no message could carry a large one), then says so: cached interests and the
   * popup's snapshot are dropped.
   */
  dataReplaced: { request: { type: 'dataReplaced' }; response: Record<string, never> };
  wipe: { request: { type: 'wipe' }; response: Record<string, never> };
  prune: { request: { type: 'prune'; days: number }; response: { pruned: Pruned } };
  setRetention: { request: { type: 'setRetention'; retention: Retention }; response: { retention: Retention } };
}

export type ContentRequest = ContentRequests[keyof ContentRequests]['request'];
export type PageRequest = PageRequests[keyof PageRequests]['request'];
export type AnyRequest = ContentRequest | PageRequest;

type AllRequests = ContentRequests & PageRequests;
export type RequestOf<T extends keyof AllRequests> = AllRequests[T]['request'];
export type ResponseOf<T extends keyof AllRequests> = AllRequests[T]['response'];

/** Failures travel as values: a rejected sendMessage loses the reason across contexts in some browsers. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };
