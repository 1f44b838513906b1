/**
 * What Paperlight keeps in the browser's sync storage, and the pure rules for it: stamping this
 * device's edits, merging two devices' versions, and fitting the result in the quotas.
 *
 * - Interests: one entry each, with the time of its last edit; the newer edit of an interest wins
 *   (a deletion is a stamped tombstone, so another device does not bring it back).
 * - Stars and dismissals: per paper key and mark, the newer change wins, so both devices' marks merge.
 * - Settings: the newer wins.
 * A device's edit that loses to a newer one from another device is reported, never dropped silently.
 */
import { parseInterest, type ExamplePaper, type Interest } from '../interests';
import { readStored, type Settings } from '../settings';
import { chunked, SYNC_QUOTA, totalBytes, unchunked } from './quota';

/** How much of an interest's examples went to the sync area: all, key and title only, none. */
export type Reduction = 0 | 1 | 2;

export interface SyncedInterest {
  /** When it was last edited (ms); 0 for what a device had before it first joined. */
  t: number;
  /** Its place in the list. */
  o: number;
  /** The interest, or null once deleted. */
  d: Interest | null;
  /** Set when the quota made its examples smaller. */
  r?: Reduction;
}

/** A mark on a paper: on (1) or off (0), and when it was set. */
export type Mark = [on: 0 | 1, t: number];

export interface SyncDoc {
  interests: Record<string, SyncedInterest>;
  stars: Record<string, Mark>;
  dismissals: Record<string, Mark>;
  settings: { t: number; d: Settings } | null;
}

/** What this device has now. */
export interface LocalData {
  interests: readonly Interest[];
  settings: Settings;
  starred: ReadonlySet<string>;
  dismissed: ReadonlySet<string>;
}

export const EMPTY_DOC: SyncDoc = { interests: {}, stars: {}, dismissals: {}, settings: null };

/** `interest` with its examples made smaller, as `reduction` says. */
export function reduceInterest(interest: Interest, reduction: Reduction): Interest {
  if (reduction === 0) return interest;
  const { examples, counterexamples, ...rest } = interest;
  if (reduction === 2) return rest;
  const keyAndTitle = (list: ExamplePaper[] | undefined) => list?.map(({ key, title }) => (key === undefined ? { title } : { key, title }));
  return { ...rest, ...(examples && { examples: keyAndTitle(examples) }), ...(counterexamples && { counterexamples: keyAndTitle(counterexamples) }) };
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The sync document as this device sees it: `previous` (what it last synced) with a new stamp on
 * every interest, mark and setting that changed here since. A device joining for the first time
 * (`previous` null) stamps what it has with 0, so the synced versions win over its defaults.
 * `present` holds the marked keys this device's store had at the last sync: a star on a paper
 * it had not seen then is not taken for an unstar.
 */
export function stampLocal(previous: SyncDoc | null, local: LocalData, present: ReadonlySet<string>, now: number): SyncDoc {
  const t = previous ? now : 0;
  const interests: Record<string, SyncedInterest> = {};
  for (const [id, entry] of Object.entries(previous?.interests ?? {})) interests[id] = entry.d ? { t: now, o: entry.o, d: null } : entry;
  local.interests.forEach((interest, o) => {
    const before = previous?.interests[interest.id];
    const unchanged = before?.d && before.o === o && sameJson(reduceInterest(interest, before.r ?? 0), before.d);
    interests[interest.id] = unchanged ? before : { t, o, d: interest };
  });
  const marks = (before: Record<string, Mark>, on: ReadonlySet<string>): Record<string, Mark> => {
    const result = { ...before };
    for (const key of on) if (result[key]?.[0] !== 1) result[key] = [1, t];
    for (const [key, [state]] of Object.entries(before)) if (state === 1 && !on.has(key) && present.has(key)) result[key] = [0, now];
    return result;
  };
  const settings = previous?.settings && sameJson(previous.settings.d, local.settings) ? previous.settings : { t, d: local.settings };
  return {
    interests,
    stars: marks(previous?.stars ?? {}, local.starred),
    dismissals: marks(previous?.dismissals ?? {}, local.dismissed),
    settings,
  };
}

/** The newer of this device's and the synced value; on equal stamps the synced one, so a device joining with its defaults (stamp 0) takes what is there. */
function newer<T extends { t: number }>(mine: T, synced: T): T {
  return mine.t > synced.t ? mine : synced;
}

function mergeMarks(a: Record<string, Mark>, b: Record<string, Mark>): Record<string, Mark> {
  const result = { ...a };
  for (const [key, mark] of Object.entries(b)) {
    const mine = result[key];
    result[key] = !mine || mark[1] >= mine[1] ? mark : mine;
  }
  return result;
}

/** This device's version (`a`) and the synced one (`b`) in one. */
export function merge(a: SyncDoc, b: SyncDoc): SyncDoc {
  const interests = { ...a.interests };
  for (const [id, entry] of Object.entries(b.interests)) interests[id] = interests[id] ? newer(interests[id], entry) : entry;
  return {
    interests,
    stars: mergeMarks(a.stars, b.stars),
    dismissals: mergeMarks(a.dismissals, b.dismissals),
    settings: a.settings && b.settings ? newer(a.settings, b.settings) : (a.settings ?? b.settings),
  };
}

/** Labels of the interests this device edited (`local` differs from `previous`) that `merged` replaced with another device's edit. */
export function overruled(previous: SyncDoc | null, local: SyncDoc, merged: SyncDoc): string[] {
  const labels: string[] = [];
  for (const [id, entry] of Object.entries(local.interests)) {
    const editedHere = entry.t > 0 && entry !== previous?.interests[id];
    if (editedHere && merged.interests[id] !== entry) labels.push(entry.d?.label ?? merged.interests[id]?.d?.label ?? id);
  }
  return labels;
}

/** The interests a synced document lists, in order. */
export function interestsOf(doc: SyncDoc): Interest[] {
  return Object.values(doc.interests)
    .filter((e): e is SyncedInterest & { d: Interest } => e.d !== null)
    .sort((a, b) => a.o - b.o || (a.d.id < b.d.id ? -1 : 1))
    .map((e) => e.d);
}

/** Items for the sync area, and what the quotas left out (one sentence each, for the user). */
export interface Encoded {
  items: Record<string, unknown>;
  leftOut: string[];
}

export class SyncQuotaError extends Error {}

const INTEREST_PREFIX = 'i:';

/**
 * `doc` as sync-area items within the quotas. When they do not fit, examples are cut first (the
 * biggest interest's first: to key and title, then left out), then the oldest marks.
 */
export function encode(doc: SyncDoc): Encoded {
  const reduction = new Map<string, Reduction>(Object.entries(doc.interests).map(([id, e]) => [id, e.r ?? 0]));
  const stars = { ...doc.stars };
  const dismissals = { ...doc.dismissals };
  const build = () => {
    const items: Record<string, unknown> = { v: 1 };
    if (doc.settings) Object.assign(items, chunked('s', JSON.stringify(doc.settings)));
    Object.assign(items, chunked('m', JSON.stringify({ s: stars, x: dismissals })));
    for (const [id, entry] of Object.entries(doc.interests)) {
      const r = reduction.get(id) ?? 0;
      const stored = entry.d ? { ...entry, d: reduceInterest(entry.d, r), ...(r ? { r } : {}) } : entry;
      Object.assign(items, chunked(`${INTEREST_PREFIX}${id}`, JSON.stringify(stored)));
    }
    return items;
  };
  const fits = (items: Record<string, unknown>) => totalBytes(items) <= SYNC_QUOTA.bytes && Object.keys(items).length <= SYNC_QUOTA.items;

  let items = build();
  while (!fits(items)) {
    const candidates = Object.entries(doc.interests).filter(([id, e]) => e.d && (e.d.examples?.length || e.d.counterexamples?.length) && (reduction.get(id) ?? 0) < 2);
    if (!candidates.length) break;
    const size = ([id, e]: [string, SyncedInterest]) => JSON.stringify(reduceInterest(e.d!, reduction.get(id) ?? 0)).length;
    const [id] = candidates.reduce((a, b) => (size(b) > size(a) ? b : a));
    reduction.set(id, ((reduction.get(id) ?? 0) + 1) as Reduction);
    items = build();
  }
  let marksLeftOut = 0;
  while (!fits(items)) {
    const oldest = [...Object.entries(stars).map(([k, m]) => ['s', k, m] as const), ...Object.entries(dismissals).map(([k, m]) => ['x', k, m] as const)]
      // Marks that are off go first, then the oldest.
      .sort((a, b) => a[2][0] - b[2][0] || a[2][1] - b[2][1])
      .slice(0, 50);
    if (!oldest.length) throw new SyncQuotaError(`the interests alone need more than the ${SYNC_QUOTA.bytes / 1024} KB the browser's sync storage holds`);
    for (const [kind, key] of oldest) delete (kind === 's' ? stars : dismissals)[key];
    marksLeftOut += oldest.length;
    items = build();
  }

  const leftOut: string[] = [];
  for (const [id, entry] of Object.entries(doc.interests)) {
    const r = reduction.get(id) ?? 0;
    if (!entry.d || r === (entry.r ?? 0)) continue;
    leftOut.push(r === 1 ? `Examples of “${entry.d.label}” kept by key and title only` : `Examples of “${entry.d.label}” left out`);
  }
  if (marksLeftOut) leftOut.push(`${marksLeftOut} of the oldest stars and dismissals left out`);
  return { items, leftOut };
}

/** What another device wrote: the document, and the items that could not be read. */
export function decode(items: Readonly<Record<string, unknown>>): { doc: SyncDoc; unreadable: string[] } {
  const unreadable: string[] = [];
  const read = <T>(key: string, check: (raw: unknown) => T): T | undefined => {
    const json = unchunked(items, key);
    if (json === undefined) return undefined;
    try {
      return check(JSON.parse(json));
    } catch {
      unreadable.push(key);
      return undefined;
    }
  };
  const isStamp = (raw: unknown): raw is { t: number } => typeof raw === 'object' && raw !== null && typeof (raw as { t?: unknown }).t === 'number';
  const marks = (raw: unknown): Record<string, Mark> =>
    Object.fromEntries(Object.entries(raw && typeof raw === 'object' ? raw : {}).filter(([, m]) => Array.isArray(m) && (m[0] === 0 || m[0] === 1) && typeof m[1] === 'number')) as Record<string, Mark>;

  const doc: SyncDoc = { interests: {}, stars: {}, dismissals: {}, settings: null };
  const settings = read('s', (raw) => {
    if (!isStamp(raw)) throw new Error('no stamp');
    return { t: raw.t, d: readStored((raw as { d?: unknown }).d) };
  });
  if (settings) doc.settings = settings;
  const m = read('m', (raw) => raw as { s?: unknown; x?: unknown });
  doc.stars = marks(m?.s);
  doc.dismissals = marks(m?.x);
  for (const key of Object.keys(items)) {
    if (!key.startsWith(INTEREST_PREFIX) || key.includes('#')) continue;
    const entry = read(key, (raw): SyncedInterest => {
      if (!isStamp(raw)) throw new Error('no stamp');
      const { o, d, r } = raw as { o?: unknown; d?: unknown; r?: unknown };
      return { t: raw.t, o: typeof o === 'number' ? o : 0, d: d === null ? null : parseInterest(d), ...(r === 1 || r === 2 ? { r } : {}) };
    });
    if (entry && (entry.d === null || entry.d.id === key.slice(INTEREST_PREFIX.length))) doc.interests[key.slice(INTEREST_PREFIX.length)] = entry;
    else if (entry) unreadable.push(key);
  }
  return { doc, unreadable };
}

/**
 * The interest to keep on this device for a synced one whose examples the quota made smaller:
 * the examples this device still has in full come back (by key, or all of them when none were synced).
 */
export function restoreExamples(synced: SyncedInterest & { d: Interest }, mine: Interest | undefined): Interest {
  if (!synced.r || !mine) return synced.d;
  const restore = (list: ExamplePaper[] | undefined, full: ExamplePaper[] | undefined) => {
    if (synced.r === 2) return full;
    const byKey = new Map((full ?? []).map((e) => [e.key ?? e.title, e]));
    return list?.map((e) => byKey.get(e.key ?? e.title) ?? e);
  };
  const examples = restore(synced.d.examples, mine.examples);
  const counterexamples = restore(synced.d.counterexamples, mine.counterexamples);
  return { ...synced.d, ...(examples && { examples }), ...(counterexamples && { counterexamples }) };
}
