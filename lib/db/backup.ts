/**
 * Full backup: every table, the interests and the settings as one JSON object. It wraps the
 * interests file (CONTRACT §3: `interests` at top level), so a backup is also a valid interests file.
 * Import checks the whole file before writing anything, then replaces the store in one transaction:
 * a bad or foreign file leaves the current data as it was.
 *
 * The options page runs export and import against the database itself (extension pages share the
 * service worker's IndexedDB): a year of papers with abstracts is larger than the 64 MiB a
 * runtime message may carry. Export writes the file in pieces, so no single string holds it all.
 */
import Dexie from 'dexie';
import { browser } from 'wxt/browser';
import { BACKUP_FORMAT, RETENTION_KEY, STORAGE_ERROR_KEY } from '../data-state';
import { LIMITS } from '../paper';
import { groupBy } from '../collections';
import { ID_KINDS } from '../ids';
import { InterestsFileError, MAX_INTERESTS, parseInterestsFile, type Interest } from '../interests';
import { REMATCH_STATE_KEY } from '../rematch-state';
import { parseSettings, SETTINGS_KEY } from '../settings';
import { parseRetention } from './retention';
import type { InterestMatch } from '../match/types';
import { markStar, MAX_SIGHTINGS, SCHEMA_HISTORY, withMatches, withoutKeys, withSightings, type PaperlightDB, type Sighting } from './schema';

/**
 * Bump when the file's shape changes, and keep reading the old shape. 2: sightings and matches
 * inside their paper's record (version 1 had `sightings` and `matches` tables; such files still restore).
 */
export const BACKUP_VERSION = 2;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  /** Database schema version it was exported from (for the record; tables are checked by content). */
  schema: number;
  exported: string;
  interests: Interest[];
  /** Every table but `interests`, by name. */
  tables: Record<string, Record<string, unknown>[]>;
  /** storage.local settings entries, by key. */
  settings: Record<string, unknown>;
}

export class BackupError extends Error {
  override name = 'BackupError';
}

/** Settings a backup carries, each checked by its owner's strict parser. */
const SETTING_PARSERS: Record<string, (raw: unknown) => unknown> = {
  [SETTINGS_KEY]: parseSettings,
  [RETENTION_KEY]: parseRetention,
};

const LATEST = SCHEMA_HISTORY[SCHEMA_HISTORY.length - 1]!;

/**
 * Every table a backup can hold, with its primary key path (`[a+b]` is compound), from the stores
 * strings: the latest schema's and the ones a later version deleted (an older file has them).
 */
/**
 * Tables a backup leaves out: derived data the extension rebuilds (the example models train again
 * from the interests' examples, the search index is built from the papers).
 */
export const DERIVED_TABLES: ReadonlySet<string> = new Set(['learned', 'paperLog', 'searchIndex']);

const TABLES: ReadonlyMap<string, string[]> = new Map(
  SCHEMA_HISTORY.flatMap((v) => Object.entries(v.stores))
    .filter((entry): entry is [string, string] => entry[1] !== null && !DERIVED_TABLES.has(entry[0]))
    .map(([name, stores]) => [name, stores.split(',')[0]!.trim().replace(/^(?:&|\+\+)/, '').replace(/^\[|\]$/g, '').split('+')]),
);

/**
 * Papers as the store keeps them, from any file: in a version-1 file each paper takes its
 * sightings and matches from their own tables, and in every file the index fields (`days`,
 * `interests`, `starredMark`) are derived again, never taken from it.
 */
function embedInPapers(tables: Record<string, Rec[]>): Record<string, Rec[]> {
  const { sightings = [], matches = [], ...rest } = tables;
  const byPaper = (records: Rec[]) => {
    const groups = groupBy(records as (Rec & { key: string })[], (r) => r.key);
    return (key: unknown) => withoutKeys(groups.get(key as string));
  };
  const [sightingsOf, matchesOf] = [byPaper(sightings), byPaper(matches)];
  const papers = (rest.papers ?? []).map((p) =>
    markStar({
      ...p,
      ...withSightings([...((p.sightings as Sighting[] | undefined) ?? []), ...(sightingsOf(p.key) as unknown as Sighting[])]),
      ...withMatches([...((p.matches as InterestMatch[] | undefined) ?? []), ...(matchesOf(p.key) as unknown as InterestMatch[])]),
    }),
  );
  // A sighting or match of no paper in the file has nothing to show; it is dropped.
  return { ...rest, papers };
}

// ---------- checks ----------

type Rec = Record<string, unknown>;
const isObject = (v: unknown): v is Rec => !!v && typeof v === 'object' && !Array.isArray(v);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function fail(where: string, what: string): never {
  throw new BackupError(`${where} ${what}`);
}

function text(r: Rec, field: string, where: string, max: number, optional = false): void {
  const v = r[field];
  if (optional && v === undefined) return;
  if (typeof v !== 'string' || v.length > max) fail(`${where}.${field}`, `must be a string of at most ${max} characters`);
}

function texts(r: Rec, field: string, where: string, maxItems: number, maxLength: number, optional = false): void {
  const v = r[field];
  if (optional && v === undefined) return;
  if (!Array.isArray(v) || v.length > maxItems || !v.every((s) => typeof s === 'string' && s.length <= maxLength))
    fail(`${where}.${field}`, `must be a list of at most ${maxItems} strings`);
}

function time(r: Rec, field: string, where: string): void {
  if (!isTime(r[field])) fail(`${where}.${field}`, 'must be a time in milliseconds');
}

function flag(r: Rec, field: string, where: string): void {
  if (r[field] !== undefined && typeof r[field] !== 'boolean') fail(`${where}.${field}`, 'must be true or false');
}

function link(r: Rec, field: string, where: string, optional: boolean): void {
  text(r, field, where, LIMITS.url, optional);
  // Links the extension renders are http(s) only, whoever wrote the file.
  if (r[field] !== undefined && !/^https?:\/\//i.test(r[field] as string)) fail(`${where}.${field}`, 'must be an http(s) URL');
}

function matchFields(r: Rec, where: string): void {
  text(r, 'interest', where, 200);
  if (typeof r.score !== 'number' || !(r.score > 0 && r.score <= 1)) fail(`${where}.score`, 'must be a number in (0, 1]');
  if (!Array.isArray(r.terms) || !r.terms.every((t) => isObject(t) && typeof t.term === 'string' && ['title', 'abstract', 'authors'].includes(t.field as string) && typeof t.exact === 'boolean'))
    fail(`${where}.terms`, 'must be a list of {term, field, exact}');
}

/** An optional list of at most `max` objects, each checked by `check`. */
function list(r: Rec, field: string, where: string, max: number, check: (item: Rec, where: string) => void): void {
  const v = r[field];
  if (v === undefined) return;
  if (!Array.isArray(v) || v.length > max) fail(`${where}.${field}`, `must be a list of at most ${max} ${field}`);
  v.forEach((item, i) => (isObject(item) ? check(item, `${where}.${field}[${i}]`) : fail(`${where}.${field}[${i}]`, 'must be an object')));
}

function sightingFields(r: Rec, where: string): void {
  if (typeof r.day !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(r.day)) fail(`${where}.day`, 'must be YYYY-MM-DD');
  link(r, 'page', where, false);
  text(r, 'site', where, 100);
  time(r, 'firstTime', where);
  time(r, 'time', where);
  signals(r, where);
}

function signals(r: Rec, where: string): void {
  const s = r.signals;
  if (s === undefined) return;
  if (!isObject(s) || !Object.entries(s).every(([k, v]) => ['upvotes', 'comments', 'citations'].includes(k) && typeof v === 'number' && Number.isFinite(v) && v >= 0))
    fail(`${where}.signals`, 'must hold counts of upvotes, comments and citations');
}

const RECORD_CHECKS: Record<string, (r: Rec, where: string) => void> = {
  papers(r, where) {
    text(r, 'key', where, LIMITS.key);
    text(r, 'title', where, LIMITS.title);
    link(r, 'url', where, true);
    if (!isObject(r.ids) || !Object.entries(r.ids).every(([k, v]) => ID_KINDS.includes(k as never) && typeof v === 'string' && v.length <= LIMITS.id))
      fail(`${where}.ids`, `must map ${ID_KINDS.join(', ')} to identifiers`);
    texts(r, 'authors', where, LIMITS.authors, LIMITS.author, true);
    text(r, 'abstract', where, LIMITS.abstract, true);
    texts(r, 'aliases', where, 50, LIMITS.key);
    time(r, 'firstSeen', where);
    time(r, 'lastSeen', where);
    signals(r, where);
    for (const f of ['starred', 'dismissed', 'read']) flag(r, f, where);
    // Absent in version-1 files, whose sightings and matches come as tables of their own.
    list(r, 'sightings', where, MAX_SIGHTINGS, sightingFields);
    // A paper matches each interest once at most.
    list(r, 'matches', where, MAX_INTERESTS, matchFields);
  },
  sightings(r, where) {
    text(r, 'key', where, LIMITS.key);
    sightingFields(r, where);
  },
  matches(r, where) {
    text(r, 'key', where, LIMITS.key);
    matchFields(r, where);
  },
};

const isKeyPart = (v: unknown) => (typeof v === 'string' && v.length <= LIMITS.key) || (typeof v === 'number' && Number.isFinite(v));

function checkTable(name: string, raw: unknown): Rec[] {
  const keyPath = TABLES.get(name);
  if (!keyPath || name === 'interests') fail(`tables.${name}`, 'is not a Paperlight table');
  if (!Array.isArray(raw)) fail(`tables.${name}`, 'must be a list');
  const seen = new Set<string>();
  return raw.map((r, i) => {
    const where = `tables.${name}[${i}]`;
    if (!isObject(r)) fail(where, 'must be an object');
    RECORD_CHECKS[name]?.(r, where);
    if (!keyPath.every((part) => isKeyPart(r[part]))) fail(where, `has no valid ${keyPath.join('+')}`);
    const id = JSON.stringify(keyPath.map((part) => r[part]));
    if (seen.has(id)) fail(where, `repeats the ${keyPath.join('+')} of an earlier record`);
    seen.add(id);
    return r;
  });
}

/** The backup, fully checked; throws BackupError naming the first problem. */
export function parseBackup(raw: unknown): Backup {
  if (!isObject(raw) || raw.format !== BACKUP_FORMAT) throw new BackupError(`not a Paperlight backup (no "format": "${BACKUP_FORMAT}")`);
  if (!Number.isInteger(raw.version) || (raw.version as number) < 1) fail('version', 'must be a whole number');
  if ((raw.version as number) > BACKUP_VERSION) throw new BackupError(`the backup is from a newer Paperlight (format version ${String(raw.version)}); update Paperlight first`);
  let interests: Interest[];
  try {
    interests = parseInterestsFile(raw).interests;
  } catch (err) {
    if (err instanceof InterestsFileError) throw new BackupError(err.message);
    throw err;
  }
  if (!isObject(raw.tables)) fail('tables', 'must be an object of tables');
  const tables = embedInPapers(Object.fromEntries(Object.entries(raw.tables).map(([name, records]) => [name, checkTable(name, records)])));
  if (raw.settings !== undefined && !isObject(raw.settings)) fail('settings', 'must be an object');
  const settings: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw.settings ?? {})) {
    const parse = SETTING_PARSERS[key];
    if (!parse) continue;
    try {
      settings[key] = parse(value);
    } catch (err) {
      fail(`settings.${key}:`, err instanceof Error ? err.message : String(err));
    }
  }
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    schema: typeof raw.schema === 'number' ? raw.schema : LATEST.version,
    exported: typeof raw.exported === 'string' ? raw.exported : '',
    interests,
    tables,
    settings,
  };
}

// ---------- export, import, wipe ----------

/** Records read per query and serialised per piece while exporting. */
const EXPORT_PAGE = 2000;

export interface BackupText {
  /** The backup's JSON text in pieces, one record per line; join them (or make a Blob) for the file. */
  parts: string[];
  /** Records per table, `interests` included. */
  counts: Record<string, number>;
}

/** The whole store as backup JSON, read in one transaction so the file is one consistent moment. */
export async function exportBackup(db: PaperlightDB, now: number): Promise<BackupText> {
  const settings = await browser.storage.local.get(Object.keys(SETTING_PARSERS));
  return db.transaction('r', db.tables, async () => {
    const interests = (await db.interests.orderBy('order').toArray()).map(({ order: _order, ...i }) => i as Interest);
    const head = { format: BACKUP_FORMAT, version: BACKUP_VERSION, schema: LATEST.version, exported: new Date(now).toISOString(), interests, settings };
    const parts = [`${JSON.stringify(head, null, 2).slice(0, -2)},\n  "tables": {`];
    const counts: Record<string, number> = { interests: interests.length };
    for (const table of db.tables.filter((t) => t.name !== 'interests' && !DERIVED_TABLES.has(t.name))) {
      parts.push(`${Object.keys(counts).length > 1 ? ',' : ''}\n    ${JSON.stringify(table.name)}: [`);
      let count = 0;
      let last: unknown;
      // Paged by primary key: only one page of records is alive at a time.
      for (;;) {
        const from = last === undefined ? table.orderBy(':id') : table.where(':id').above(last);
        const page = await from.limit(EXPORT_PAGE).toArray();
        if (!page.length) break;
        parts.push(page.map((record, i) => `${count + i ? ',' : ''}\n      ${JSON.stringify(record)}`).join(''));
        count += page.length;
        last = Dexie.getByKeyPath(page[page.length - 1], table.schema.primKey.keyPath as string | string[]);
      }
      parts.push(count ? '\n    ]' : ']');
      counts[table.name] = count;
    }
    parts.push('\n  }\n}\n');
    return { parts, counts };
  });
}

/** Replace the whole store with a checked backup. Returns how many records each table now holds. */
async function importBackup(db: PaperlightDB, backup: Backup): Promise<Record<string, number>> {
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear();
    await db.interests.bulkAdd(backup.interests.map((interest, order) => ({ ...interest, order })));
    for (const [name, records] of Object.entries(backup.tables)) await db.table(name).bulkAdd(records);
  });
  await browser.storage.local.remove([REMATCH_STATE_KEY, STORAGE_ERROR_KEY]);
  if (Object.keys(backup.settings).length) await browser.storage.local.set(backup.settings);
  return Object.fromEntries([['interests', backup.interests.length], ...Object.entries(backup.tables).map(([name, r]) => [name, r.length])]);
}

/** Check a backup file's parsed JSON in full, then replace the store with it (nothing is written if the check fails). */
export async function restoreBackup(db: PaperlightDB, raw: unknown): Promise<{ counts: Record<string, number>; interests: Interest[] }> {
  const backup = parseBackup(raw);
  return { counts: await importBackup(db, backup), interests: backup.interests };
}

/** Delete every paper, sighting, match and interest (settings stay). */
export async function wipe(db: PaperlightDB): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear();
  });
  await browser.storage.local.remove([REMATCH_STATE_KEY, STORAGE_ERROR_KEY]);
}
