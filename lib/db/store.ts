/**
 * Writing what a page showed: papers (one record per paper across sites, with its sightings and
 * matches), in one transaction so a page's papers land together or not at all.
 * Writes are idempotent: storing the same batch twice leaves the same store.
 */
import { dayOf } from '../clock';
import { groupBy } from '../collections';
import { aliasKeys, ID_KINDS, paperKey, type PaperIds } from '../ids';
import type { InterestMatch, MatchablePaper } from '../match/types';
import { fillPublication, type DetectedPaper } from '../paper';
import type { EntryState } from '../messages';
import { entryState } from './paper-state';
import { markStar, withMatches, withSightings, type PaperlightDB, type PaperRecord, type Sighting } from './schema';

export interface ScanWrite {
  /** Page URL (fragment removed by the caller). */
  page: string;
  /** Adapter id. */
  site: string;
  time: number;
  papers: readonly DetectedPaper[];
}

export interface StoredPaper {
  /** Key the page used (and the content script decorated with). */
  pageKey: string;
  /** Key of the stored record; differs when the paper was already known under a stronger id. */
  key: string;
  matches: InterestMatch[];
  /** No record of this paper existed before this scan (under any of its keys). */
  isNew: boolean;
  /** Its record was written: something about it is new, or its last sighting here is older than QUIET_REVISIT_MS. */
  written: boolean;
  /** The reader's marks on it and whether it was seen on an earlier day, for the page's entry. */
  state: Omit<EntryState, 'key'>;
}

export type Matcher = (papers: readonly MatchablePaper[]) => InterestMatch[][];

function mergeIds(a: PaperIds, b: PaperIds): PaperIds {
  const ids: PaperIds = { ...a };
  for (const kind of ID_KINDS) if (!ids[kind] && b[kind]) ids[kind] = b[kind];
  return ids;
}

/** Fold a page's view of a paper (with its `aliases`) into what we knew: newest title, longest author list and abstract, all ids and aliases. */
function merge(known: PaperRecord | undefined, seen: DetectedPaper, aliases: readonly string[], time: number): PaperRecord {
  if (!known) {
    return {
      key: seen.key,
      title: seen.title,
      ...(seen.url ? { url: seen.url } : {}),
      ids: seen.ids,
      ...(seen.authors ? { authors: seen.authors } : {}),
      ...(seen.abstract ? { abstract: seen.abstract } : {}),
      ...fillPublication(seen),
      aliases: [...aliases],
      firstSeen: time,
      lastSeen: time,
      ...(seen.signals ? { signals: seen.signals } : {}),
      sightings: [],
      days: [],
      matches: [],
      interests: [],
    };
  }
  const ids = mergeIds(known.ids, seen.ids);
  const authors = longer(known.authors, seen.authors);
  const abstract = longer(known.abstract, seen.abstract);
  return {
    ...known,
    // The fingerprint stays on the first title so a title-keyed record keeps its key; the shown title follows revisions.
    key: paperKey(ids, known.title, known.authors),
    title: seen.title,
    url: known.url ?? seen.url,
    ids,
    ...(authors ? { authors } : {}),
    ...(abstract ? { abstract } : {}),
    ...fillPublication(known, seen),
    aliases: [...new Set([...known.aliases, ...aliases])],
    lastSeen: Math.max(known.lastSeen, time),
    ...(seen.signals ? { signals: { ...known.signals, ...seen.signals } } : {}),
  };
}

/** The longer of two lists or texts, the first on a tie. */
function longer<T extends { length: number }>(a: T | undefined, b: T | undefined): T | undefined {
  return (b?.length ?? 0) > (a?.length ?? 0) ? b : a;
}

/**
 * Fold into `record` what other stored records of the same paper knew, once a page shows they are
 * one: their sightings, ids and aliases (so the paper is still found under them), the longer
 * author list and abstract, the earliest first sighting, and the reader's star, read and
 * dismissed marks. The record's own title, URL and latest signals stay.
 */
function absorb(record: PaperRecord, others: readonly PaperRecord[]): PaperRecord {
  let joined = record;
  for (const other of others) {
    if (other.key === joined.key) continue;
    const authors = longer(joined.authors, other.authors);
    const abstract = longer(joined.abstract, other.abstract);
    joined = markStar({
      ...joined,
      sightings: unionSightings([joined.sightings, other.sightings]),
      ids: mergeIds(joined.ids, other.ids),
      ...(authors ? { authors } : {}),
      ...(abstract ? { abstract } : {}),
      ...fillPublication(joined, other),
      url: joined.url ?? other.url,
      aliases: [...new Set([...joined.aliases, ...other.aliases])],
      firstSeen: Math.min(joined.firstSeen, other.firstSeen),
      lastSeen: Math.max(joined.lastSeen, other.lastSeen),
      ...(other.signals ? { signals: { ...other.signals, ...joined.signals } } : {}),
      ...(joined.starred || other.starred ? { starred: true } : {}),
      ...(joined.read || other.read ? { read: true } : {}),
      ...(joined.dismissed || other.dismissed ? { dismissed: true } : {}),
    });
  }
  return joined;
}

/** One sighting per page and day, whichever records they come from: the first time, the latest time and its signals. */
function unionSightings(lists: readonly (readonly Sighting[])[]): Sighting[] {
  const byVisit = new Map<string, Sighting>();
  for (const s of lists.flat()) {
    const id = `${s.day} ${s.page}`;
    const other = byVisit.get(id);
    if (!other) byVisit.set(id, s);
    else {
      const [older, newer] = other.time <= s.time ? [other, s] : [s, other];
      byVisit.set(id, { ...newer, firstTime: Math.min(older.firstTime, newer.firstTime) });
    }
  }
  return [...byVisit.values()];
}

/**
 * A page seen again this soon that shows nothing new is not written again: only its sighting's
 * last time and the paper's lastSeen would move, and a 2,000-entry listing costs 2,000 puts
 * (reloads, back and forward, and pages that load more entries re-scan).
 */
export const QUIET_REVISIT_MS = 30 * 60_000;

/** `next` differs from `known` only by the times a revisit within QUIET_REVISIT_MS moves. */
function onlyTimesMoved(known: PaperRecord | undefined, next: PaperRecord, day: string, page: string, time: number): boolean {
  const before = known?.sightings.find((s) => s.day === day && s.page === page);
  if (!known || !before || time - before.time > QUIET_REVISIT_MS) return false;
  const asBefore: PaperRecord = {
    ...next,
    lastSeen: known.lastSeen,
    sightings: next.sightings.map((s) => (s.day === day && s.page === page ? { ...s, time: before.time } : s)),
  };
  return JSON.stringify(asBefore) === JSON.stringify(known);
}

/** No id kind on which the two disagree (versions are already stripped, DOIs lower-cased). */
function sameIdentity(a: PaperIds, b: PaperIds): boolean {
  return ID_KINDS.every((kind) => !a[kind] || !b[kind] || a[kind] === b[kind]);
}

/**
 * Aliases up to which recordScan looks each up on its own (a page's first batch, whose badges the
 * reader waits for); more are read by one cursor.
 */
const POINT_LOOKUPS_MAX = 256;

/**
 * The stored papers with any of these aliases; a paper found under two of them comes back twice.
 * Few aliases: one request each, all sent at once, which IndexedDB answers together. anyOf walks
 * a cursor that waits for the worker between steps: in Chromium, on a 2,000-paper store while a
 * 2,000-entry listing loads, a first batch's 100 aliases took 95-145 ms that way and 28-64 ms this
 * way (the first badge ~50 ms sooner; 12 ms either way when all is quiet). Each request costs
 * ~0.1 ms of its own, so many aliases (2,000 papers into an empty store: 400 vs 800 ms) take the cursor.
 */
function papersWithAliases(db: PaperlightDB, aliases: readonly string[]): Promise<PaperRecord[]> {
  if (aliases.length > POINT_LOOKUPS_MAX) return db.papers.where('aliases').anyOf(aliases).toArray();
  return Promise.all(aliases.map((alias) => db.papers.where('aliases').equals(alias).toArray())).then((lists) => lists.flat());
}

/**
 * Store one page's papers and their sightings, matching the merged records (so an abstract seen
 * on another site still counts), and replace each paper's matches. Returns, per input paper,
 * the stored key and its matches.
 */
export async function recordScan(db: PaperlightDB, scan: ScanWrite, match: Matcher): Promise<StoredPaper[]> {
  const day = dayOf(scan.time);
  return db.transaction('rw', db.papers, async () => {
    const aliasesOf = scan.papers.map((p) => aliasKeys(p.ids, p.title, p.authors));
    const found = await papersWithAliases(db, [...new Set(aliasesOf.flat())]);
    const knownByKey = new Map(found.map((r) => [r.key, r]));
    const known = [...knownByKey.values()];
    const byAlias = new Map<string, PaperRecord>();
    for (const record of known) for (const alias of record.aliases) byAlias.set(alias, record);

    // Papers that are one record (same page twice, or two entries sharing an id) merge in order.
    const merged = new Map<string, PaperRecord>();
    const recordOf: PaperRecord[] = [];
    scan.papers.forEach((paper, i) => {
      // A shared title fingerprint must not join two papers whose ids say they are different.
      const previous = aliasesOf[i]!.map((a) => byAlias.get(a)).find((r) => r && sameIdentity(r.ids, paper.ids));
      const record = merge(previous, paper, aliasesOf[i]!, scan.time);
      if (previous && previous.key !== record.key) merged.delete(previous.key);
      merged.set(record.key, record);
      for (const alias of record.aliases) byAlias.set(alias, record);
      recordOf.push(record);
    });
    // Resolve chains: a later entry may have re-keyed a record an earlier entry pointed to.
    const finalRecord = (r: PaperRecord): PaperRecord => byAlias.get(r.key) ?? r;

    // Stored records by the key they end under: two known records can become one.
    const knownUnder = groupBy(known, (r) => finalRecord(r).key);
    // A record known under a weaker key (a stronger id became known) lives on under the new one.
    await db.papers.bulkDelete(known.filter((r) => finalRecord(r).key !== r.key).map((r) => r.key));

    const signalsByKey = new Map<string, DetectedPaper['signals']>();
    scan.papers.forEach((p, i) => p.signals && signalsByKey.set(finalRecord(recordOf[i]!).key, p.signals));
    const records = [...merged.values()].map(finalRecord);
    const unique = [...new Map(records.map((r) => [r.key, r])).values()].map((r) => absorb(r, knownUnder.get(r.key) ?? []));
    // Matched as merged, so an abstract seen on another site still counts.
    const results = match(unique);
    const stored = unique.map((record, i): PaperRecord => {
      const signals = signalsByKey.get(record.key);
      const seen: Sighting = { day, page: scan.page, site: scan.site, firstTime: scan.time, time: scan.time, ...(signals ? { signals } : {}) };
      return { ...record, ...withSightings(unionSightings([record.sightings, [seen]])), ...withMatches(results[i] ?? []) };
    });
    const changed = stored.filter((r) => !onlyTimesMoved(knownByKey.get(r.key), r, day, scan.page, scan.time));
    await db.papers.bulkPut(changed);
    const written = new Set(changed.map((r) => r.key));
    const storedByKey = new Map(stored.map((r) => [r.key, r]));

    return scan.papers.map((paper, i) => {
      const key = finalRecord(recordOf[i]!).key;
      const record = storedByKey.get(key)!;
      return { pageKey: paper.key, key, matches: record.matches, isNew: !knownUnder.has(key), written: written.has(key), state: entryState(record, day) };
    });
  });
}
