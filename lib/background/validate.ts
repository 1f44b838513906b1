/**
 * Shape and size checks for every message the background receives. Content scripts run in
 * pages we do not control, so nothing they send is trusted: papers are re-identified here.
 */
import { isSiteId } from '../adapters/sites';
import { ID_KINDS } from '../ids';
import { parseInterest, parseInterestsFile } from '../interests';
import type { AnyRequest, ScanRequest } from '../messages';
import { parseSettings } from '../settings';
import { parseRetention } from '../db/retention';
import { isPublished, LIMITS, PUBLICATION_KINDS, type DetectedPaper } from '../paper';
import { PAGE_HEALTH, toPaper } from '../detect';

export class InvalidMessage extends Error {
  override name = 'InvalidMessage';
}

/** Papers per scan message; the content script sends larger pages in batches. */
export const MAX_PAPERS_PER_MESSAGE = 1000;
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isString = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= LIMITS.count;

function fail(what: string): never {
  throw new InvalidMessage(what);
}

function checkPaper(raw: unknown, i: number): DetectedPaper {
  const where = `papers[${i}]`;
  if (!isObject(raw)) fail(`${where} is not an object`);
  const { key, title, url, ids, authors, abstract, signals, section, venue, published, kind } = raw;
  if (!isString(key, LIMITS.key)) fail(`${where}.key is not a string`);
  if (!isString(title, LIMITS.title)) fail(`${where}.title is not a string of at most ${LIMITS.title} characters`);
  if (url !== undefined && !isString(url, LIMITS.url)) fail(`${where}.url is not a string`);
  if (!isObject(ids) || Object.entries(ids).some(([k, v]) => !ID_KINDS.includes(k as never) || !isString(v, LIMITS.id)))
    fail(`${where}.ids is malformed`);
  if (authors !== undefined && (!Array.isArray(authors) || authors.length > LIMITS.authors || !authors.every((a) => isString(a, LIMITS.author))))
    fail(`${where}.authors is malformed`);
  if (abstract !== undefined && !isString(abstract, LIMITS.abstract)) fail(`${where}.abstract is too long`);
  if (section !== undefined && !isString(section, LIMITS.section)) fail(`${where}.section is malformed`);
  if (venue !== undefined && !isString(venue, LIMITS.venue)) fail(`${where}.venue is not a string of at most ${LIMITS.venue} characters`);
  if (published !== undefined && !isPublished(published)) fail(`${where}.published is not YYYY, YYYY-MM or YYYY-MM-DD`);
  if (kind !== undefined && !PUBLICATION_KINDS.includes(kind as never)) fail(`${where}.kind is not one of ${PUBLICATION_KINDS.join(', ')}`);
  if (signals !== undefined && (!isObject(signals) || !Object.entries(signals).every(([k, v]) => ['upvotes', 'comments', 'citations'].includes(k) && isCount(v))))
    fail(`${where}.signals is malformed`);
  const paper = toPaper(raw as never);
  // The key must be the one our own identity rules give; anything else is forged or stale.
  if (!paper || paper.key !== key) fail(`${where}.key does not match its ids and title`);
  return paper;
}

function checkDays(raw: unknown, where: string): string[] {
  if (!Array.isArray(raw) || raw.length < 1 || raw.length > 31 || !raw.every((d) => isString(d, 10) && /^\d{4}-\d{2}-\d{2}$/.test(d)))
    fail(`${where} must be 1 to 31 days as YYYY-MM-DD`);
  return raw as string[];
}

function checkScan(m: Record<string, unknown>): ScanRequest {
  if (!isString(m.page, LIMITS.url) || !/^https?:\/\//.test(m.page)) fail('scan.page must be an http(s) URL');
  if (typeof m.site !== 'string' || !isSiteId(m.site)) fail('scan.site is not a known site');
  if (typeof m.listing !== 'boolean' || typeof m.reset !== 'boolean') fail('scan.listing and scan.reset must be booleans');
  if (!Array.isArray(m.papers) || m.papers.length > MAX_PAPERS_PER_MESSAGE)
    fail(`scan.papers must be a list of at most ${MAX_PAPERS_PER_MESSAGE} papers`);
  if (m.health !== undefined && !PAGE_HEALTH.includes(m.health as never)) fail(`scan.health must be one of ${PAGE_HEALTH.join(', ')}`);
  const health = m.health as ScanRequest['health'];
  return { type: 'scan', page: m.page, site: m.site, listing: m.listing, reset: m.reset, ...(health ? { health } : {}), papers: m.papers.map(checkPaper) };
}

/** The message, checked and normalised, or an InvalidMessage error naming what is wrong. */
export function validateRequest(raw: unknown): AnyRequest {
  if (!isObject(raw) || typeof raw.type !== 'string') fail('message has no type');
  switch (raw.type) {
    case 'scan':
      return checkScan(raw);
    case 'getTrending':
      if (typeof raw.blend !== 'number' || !(raw.blend >= 0 && raw.blend <= 1)) fail('getTrending.blend must be a number in [0, 1]');
      return { type: 'getTrending', days: checkDays(raw.days, 'getTrending.days'), blend: raw.blend };
    case 'getChart':
      return { type: 'getChart', days: checkDays(raw.days, 'getChart.days') };
    case 'getPapers':
      if (!Array.isArray(raw.keys) || raw.keys.length > 5000 || !raw.keys.every((k) => isString(k, LIMITS.key)))
        fail('getPapers.keys must be a list of keys');
      if (raw.blend !== undefined && (typeof raw.blend !== 'number' || !(raw.blend >= 0 && raw.blend <= 1))) fail('getPapers.blend must be a number in [0, 1]');
      return { type: 'getPapers', keys: raw.keys as string[], ...(raw.blend !== undefined ? { blend: raw.blend } : {}) };
    case 'previewInterest':
      return { type: 'previewInterest', interest: parseInterest(raw.interest) };
    case 'getStarred':
      return { type: 'getStarred' };
    case 'getDismissed':
      return { type: 'getDismissed' };
    case 'search':
      if (!isString(raw.query, 200)) fail('search.query must be text of at most 200 characters');
      return { type: 'search', query: raw.query };
    case 'setPaperState': {
      if (!isString(raw.key, LIMITS.key)) fail('setPaperState.key must be a key');
      const patch = raw.patch;
      if (!isObject(patch) || !Object.entries(patch).every(([k, v]) => ['starred', 'dismissed', 'read'].includes(k) && typeof v === 'boolean'))
        fail('setPaperState.patch may only set starred, dismissed and read to true or false');
      return { type: 'setPaperState', key: raw.key, patch };
    }
    case 'moreLikeThis': {
      if (!isString(raw.key, LIMITS.key)) fail('moreLikeThis.key must be a key');
      if (raw.interest !== undefined && !isString(raw.interest, LIMITS.key)) fail('moreLikeThis.interest must be an interest id');
      if (raw.newInterest !== undefined && !(isString(raw.newInterest, 200) && raw.newInterest.trim()))
        fail('moreLikeThis.newInterest must be a label of at most 200 characters');
      if (raw.interest !== undefined && raw.newInterest !== undefined) fail('moreLikeThis takes an interest or a newInterest, not both');
      return {
        type: 'moreLikeThis',
        key: raw.key,
        ...(raw.interest !== undefined ? { interest: raw.interest as string } : {}),
        ...(raw.newInterest !== undefined ? { newInterest: (raw.newInterest as string).trim() } : {}),
      };
    }
    case 'getInterests':
      return { type: 'getInterests' };
    case 'getInterestLabels':
      return { type: 'getInterestLabels' };
    case 'setInterests':
      return { type: 'setInterests', interests: parseInterestsFile({ interests: raw.interests }).interests };
    case 'getSettings':
      return { type: 'getSettings' };
    case 'setSettings':
      return { type: 'setSettings', settings: parseSettings(raw.settings) };
    case 'testNotification':
      return { type: 'testNotification' };
    case 'dataReplaced':
      return { type: 'dataReplaced' };
    case 'wipe':
      return { type: 'wipe' };
    case 'prune':
      if (!Number.isInteger(raw.days) || (raw.days as number) < 1 || (raw.days as number) > 36_500) fail('prune.days must be a whole number of days');
      return { type: 'prune', days: raw.days as number };
    case 'setRetention':
      try {
        return { type: 'setRetention', retention: parseRetention(raw.retention) };
      } catch (err) {
        fail((err as Error).message);
      }
    default:
      fail(`unknown message type ${JSON.stringify(raw.type).slice(0, 40)}`);
  }
}
