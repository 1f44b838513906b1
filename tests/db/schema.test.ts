import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, SCHEMA_HISTORY } from '../../lib/db/schema';

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
  it('upgrades a version-1 database with data to version 2 (the notification outbox) with nothing lost', async () => {
    const v1 = openAt(1);
    const paper = { key: 'arxiv:2401.00001', title: 'T', ids: { arxiv: '2401.00001' }, aliases: ['arxiv:2401.00001'], firstSeen: 1, lastSeen: 2, read: true };
    const sighting = { key: paper.key, day: '2026-11-22', page: 'https://arxiv.org/list/cs/new', site: 'arxiv', firstTime: 1, time: 2 };
    const match = { key: paper.key, interest: 'diffusion', score: 0.9, terms: [] };
    const interest = { id: 'diffusion', label: 'Diffusion', terms: ['diffusion'], order: 0 };
    await v1.table('papers').put(paper);
    await v1.table('sightings').put(sighting);
    await v1.table('matches').put(match);
    await v1.table('interests').put(interest);
    v1.close();

    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBe(2);
    expect(await db.papers.toArray()).toEqual([paper]);
    expect(await db.sightings.toArray()).toEqual([sighting]);
    expect(await db.matches.toArray()).toEqual([match]);
    expect(await db.interests.toArray()).toEqual([interest]);
    expect(await db.alerts.count()).toBe(0);
    expect(await db.papers.where('aliases').equals('arxiv:2401.00001').count()).toBe(1);
    db.close();
  });
});

/** One record per table, in the shape the table has had since it was added. A new table needs one here. */
const SEEDS: Record<string, Record<string, unknown>[]> = {
  papers: [
    { key: 'arxiv:2401.00001', title: 'T', ids: { arxiv: '2401.00001' }, aliases: ['arxiv:2401.00001', 'title:t/lovelace'], firstSeen: 1, lastSeen: 2, starred: true },
    { key: 'doi:10.1000/x', title: 'U', ids: { doi: '10.1000/x' }, aliases: ['doi:10.1000/x'], firstSeen: 3, lastSeen: 4 },
  ],
  sightings: [{ key: 'arxiv:2401.00001', day: '2026-11-22', page: 'https://arxiv.org/list/cs/new', site: 'arxiv', firstTime: 1, time: 2 }],
  matches: [{ key: 'arxiv:2401.00001', interest: 'diffusion', score: 0.9, terms: [{ term: 'diffusion', field: 'title', exact: true }] }],
  interests: [{ id: 'diffusion', label: 'Diffusion', terms: ['diffusion'], order: 0 }],
  alerts: [{ key: 'arxiv:2401.00001', time: 1, page: 'https://arxiv.org/list/cs/new', site: 'arxiv', interests: ['diffusion'], state: 'shown', shownAt: 2 }],
};

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

  it('has a seed record for every table, so the upgrade test below covers it', () => {
    expect(Object.keys(SEEDS).sort()).toEqual(tablesAt(LATEST).sort());
  });

  it.each(SCHEMA_HISTORY.map((s) => s.version))('opens a database created at version %i with every record kept', async (version) => {
    const old = openAt(version);
    for (const table of tablesAt(version)) await old.table(table).bulkAdd(SEEDS[table]!);
    old.close();

    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBe(LATEST);
    for (const table of tablesAt(version).filter((t) => tablesAt(LATEST).includes(t))) {
      // Upgrades may add fields; nothing seeded may go missing or change.
      const records = await db.table(table).toArray();
      expect(records, table).toHaveLength(SEEDS[table]!.length);
      SEEDS[table]!.forEach((seed, i) => expect(records[i], table).toMatchObject(seed));
    }
    expect(await db.papers.where('aliases').equals('title:t/lovelace').count()).toBe(1);
    db.close();
  });
});
