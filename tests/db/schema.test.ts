import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, SCHEMA_HISTORY } from '../../lib/db/schema';
import { WordIndex } from '../../lib/search/word-index';

const name = `schema-${Math.random()}`;
afterEach(async () => {
  await Dexie.delete(name);
});

/** A database as a given released version created it. */
function openAt(version: number): Dexie {
  const db = new Dexie(name);
  for (const v of SCHEMA_HISTORY.filter((s) => s.version <= version)) db.version(v.version).stores(v.stores);
  return db;
}

describe('the schema history', () => {
  it('upgrades a version-1 database with data to the latest, each paper taking its sightings and matches, with nothing lost', async () => {
    const v1 = openAt(1);
    const paper = { key: 'arxiv:2401.00001', title: 'T', ids: { arxiv: '2401.00001' }, aliases: ['arxiv:2401.00001'], firstSeen: 1, lastSeen: 2, read: true };
    const unseen = { key: 'arxiv:2401.00002', title: 'U', ids: { arxiv: '2401.00002' }, aliases: ['arxiv:2401.00002'], firstSeen: 1, lastSeen: 1 };
    const later = { day: '2026-11-23', page: 'https://arxiv.org/list/cs/recent', site: 'arxiv', firstTime: 5, time: 6 };
    const earlier = { day: '2026-11-22', page: 'https://arxiv.org/list/cs/new', site: 'arxiv', firstTime: 1, time: 2, signals: { citations: 3 } };
    const match = { interest: 'diffusion', score: 0.9, terms: [] };
    const stronger = { interest: 'hopfield', score: 0.95, terms: [] };
    const interest = { id: 'diffusion', label: 'Diffusion', terms: ['diffusion'], order: 0 };
    await v1.table('papers').bulkPut([paper, unseen]);
    await v1.table('sightings').bulkPut([{ key: paper.key, ...later }, { key: paper.key, ...earlier }]);
    await v1.table('matches').bulkPut([{ key: paper.key, ...match }, { key: paper.key, ...stronger }]);
    await v1.table('interests').put(interest);
    v1.close();

    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBe(LATEST);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['alerts', 'interests', 'learned', 'paperLog', 'papers', 'searchIndex']);
    expect(await db.papers.toArray()).toEqual([
      { ...paper, sightings: [earlier, later], days: ['2026-11-22', '2026-11-23'], matches: [stronger, match], interests: ['hopfield', 'diffusion'] },
      { ...unseen, sightings: [], days: [], matches: [], interests: [] },
    ]);
    expect(await db.papers.where('days').equals('2026-11-23').primaryKeys()).toEqual([paper.key]);
    expect(await db.papers.where('interests').equals('diffusion').primaryKeys()).toEqual([paper.key]);
    expect(await db.interests.toArray()).toEqual([interest]);
    expect(await db.alerts.count()).toBe(0);
    expect(await db.learned.count()).toBe(0);
    expect(await db.papers.where('aliases').equals('arxiv:2401.00001').count()).toBe(1);
    db.close();
  });
});

const SIGHTING = { day: '2026-11-22', page: 'https://arxiv.org/list/cs/new', site: 'arxiv', firstTime: 1, time: 2 };
const MATCH = { interest: 'diffusion', score: 0.9, terms: [{ term: 'diffusion', field: 'title', exact: true }] };
const PAPERS = [
  { key: 'arxiv:2401.00001', title: 'T', ids: { arxiv: '2401.00001' }, aliases: ['arxiv:2401.00001', 'title:t/lovelace'], firstSeen: 1, lastSeen: 2, starred: true },
  { key: 'doi:10.1000/x', title: 'U', ids: { doi: '10.1000/x' }, aliases: ['doi:10.1000/x'], firstSeen: 3, lastSeen: 4 },
];

/** One record per table, in the shape the table has at `version`. A new table or shape needs one here. */
function seedsAt(version: number): Record<string, Record<string, unknown>[]> {
  const all: Record<string, Record<string, unknown>[]> = {
    papers:
      version >= 3
        ? [
            { ...PAPERS[0], sightings: [SIGHTING], days: [SIGHTING.day], matches: [MATCH], interests: [MATCH.interest], ...(version >= 5 ? { starredMark: 1 } : {}) },
            { ...PAPERS[1], sightings: [], days: [], matches: [], interests: [] },
          ]
        : PAPERS,
    sightings: [{ key: 'arxiv:2401.00001', ...SIGHTING }],
    matches: [{ key: 'arxiv:2401.00001', ...MATCH }],
    interests: [{ id: 'diffusion', label: 'Diffusion', terms: ['diffusion'], order: 0 }],
    alerts: [{ key: 'arxiv:2401.00001', time: 1, page: 'https://arxiv.org/list/cs/new', site: 'arxiv', interests: ['diffusion'], state: 'shown', shownAt: 2 }],
    learned: [{ id: 'examples', features: ['diffusion'], idf: new Float64Array([1.5]), docs: 2, models: [] }],
    paperLog: [{ seq: 1, keys: ['arxiv:2401.00001'] }],
    searchIndex: [{ id: 'words', seq: 1, format: 1, ...new WordIndex().snapshot() }],
  };
  return Object.fromEntries(tablesAt(version).map((t) => [t, all[t]!]));
}

/** Tables as they stand at `version` (a `null` store deletes a table). */
function tablesAt(version: number): string[] {
  const stores = Object.assign({}, ...SCHEMA_HISTORY.filter((s) => s.version <= version).map((s) => s.stores)) as Record<string, string | null>;
  return Object.keys(stores).filter((t) => stores[t] !== null);
}

const LATEST = SCHEMA_HISTORY[SCHEMA_HISTORY.length - 1]!.version;

describe('every version of the schema history', () => {
  it('is appended in order, and every upgrade is a named function', () => {
    const versions = SCHEMA_HISTORY.map((s) => s.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    for (const { upgrade } of SCHEMA_HISTORY) if (upgrade) expect(upgrade.name).not.toMatch(/^(upgrade)?$/);
  });

  it.each(SCHEMA_HISTORY.map((s) => s.version))('has a seed record for every table of version %i, so the upgrade test below covers it', (version) => {
    const seeds = seedsAt(version);
    expect(tablesAt(version).filter((t) => !seeds[t]?.length)).toEqual([]);
  });

  it.each(SCHEMA_HISTORY.map((s) => s.version))('opens a database created at version %i with every record kept', async (version) => {
    const old = openAt(version);
    const seeds = seedsAt(version);
    for (const table of tablesAt(version)) await old.table(table).bulkAdd(seeds[table]!);
    old.close();

    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBe(LATEST);
    const latest = seedsAt(LATEST);
    for (const table of tablesAt(version).filter((t) => tablesAt(LATEST).includes(t))) {
      // Upgrades may add fields; nothing seeded may go missing or change.
      const records = await db.table(table).toArray();
      expect(records, table).toHaveLength(latest[table]!.length);
      latest[table]!.forEach((seed, i) => expect(records[i], table).toMatchObject(seed));
    }
    expect(await db.papers.where('aliases').equals('title:t/lovelace').count()).toBe(1);
    expect(await db.papers.where('starredMark').equals(1).primaryKeys()).toEqual(['arxiv:2401.00001']);
    db.close();
  });
});
