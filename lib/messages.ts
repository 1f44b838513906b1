/**
 * The message contract between the content script, the extension pages and the background.
 * One typed map per direction; the background validates every incoming message against it
 * (lib/background/validate.ts) and checks who sent it.
 */
import type { Interest } from './interests';
import type { TermHit } from './match/types';
import type { DetectedPaper, Signals } from './paper';

/** How a matched interest is shown on a badge or chip. */
export interface MatchView {
  interest: string;
  label: string;
  color: string;
  score: number;
  terms: TermHit[];
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
  papers: DetectedPaper[];
}

export interface ScanResponse {
  matched: PaperMatches[];
}

/** Content script → background. */
export interface ContentRequests {
  scan: { request: ScanRequest; response: ScanResponse };
}

export interface PopupPaper {
  key: string;
  title: string;
  url?: string;
  authors?: string[];
  matches: MatchView[];
  /** Where it was seen today: site ids and pages. */
  seen: { site: string; page: string }[];
  firstSeen: number;
  lastSeen: number;
  signals?: Signals;
}

export interface TabStatus {
  site: string;
  page: string;
  papers: number;
  matched: string[];
  listing: boolean;
}

/** Extension pages (popup, options) → background. */
export interface PageRequests {
  getDay: { request: { type: 'getDay'; day: string }; response: { papers: PopupPaper[] } };
  getTabStatus: { request: { type: 'getTabStatus'; tabId: number }; response: { status: TabStatus | null } };
  getInterests: { request: { type: 'getInterests' }; response: { interests: Interest[] } };
  setInterests: { request: { type: 'setInterests'; interests: Interest[] }; response: { interests: Interest[] } };
}

export type ContentRequest = ContentRequests[keyof ContentRequests]['request'];
export type PageRequest = PageRequests[keyof PageRequests]['request'];
export type AnyRequest = ContentRequest | PageRequest;

type AllRequests = ContentRequests & PageRequests;
export type RequestOf<T extends keyof AllRequests> = AllRequests[T]['request'];
export type ResponseOf<T extends keyof AllRequests> = AllRequests[T]['response'];

/** Failures travel as values: a rejected sendMessage loses the reason across contexts in some browsers. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };
