import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage, type BackgroundDeps } from '../../lib/background/handlers';
import { BACKUP_FORMAT, RETENTION_KEY, STORAGE_ERROR_KEY } from '../../lib/data-state';
import { BackupError, exportBackup, restoreBackup, type Backup } from '../../lib/db/backup';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../../lib/settings';
import { arxivPaper, DIFFUSION, HOPFIELD, testBackground } from '../factories';

const ORIGIN = 'chrome-extension://paperlight-test';
const fromTab = { id: 'paperlight-test', url: 'https://arxiv.org/list/cs/new', tab: { id: 7 } as never };
const fromOptions = { id: 'paperlight-test', url: `${ORIGIN}/options.html` };
const DAY = 86_400_000;
const START = new Date(2026, 9, 1, 10).getTime();

let deps: BackgroundDeps;
beforeEach(async () => {
  deps = testBackground(START);
  await deps.interests.set([DIFFUSION, HOPFIELD]);
});
afterEach(async () => {
  deps.db.close();
  await Dexie.delete(deps.db.name);
});

async function call<T>(message: unknown, sender: object = fromOptions): Promise<T> {
  const reply = await handleMessage(deps, message, sender);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as T;
}

/** `days` days of browsing, 300 papers a day (a third matching), some seen again later, some starred. */
async function browse(days: number): Promise<void> {
  const topics = ['Diffusion models for proteins', 'Hopfield networks revisited', 'Graph theory'];
  for (let d = 0; d < days; d++) {
    deps.now = () => START + d * DAY;
    const papers = Array.from({ length: 300 }, (_, i) => {
      const n = d * 250 + i; // 50 papers a day were already seen the day before
      return arxivPaper(`2409.${String(10000 + n)}`, `${topics[n % 3]} ${n}`, { abstract: `Abstract ${n}`, signals: { upvotes: n % 17 } });
    });
    for (let i = 0; i < papers.length; i += 100) await call({ type: 'scan', page: `https://arxiv.org/list/cs/new?d=${d}`, site: 'arxiv', listing: true, reset: i === 0, papers: papers.slice(i, i + 100) }, fromTab);
  }
  await call({ type: 'setPaperState', key: 'arxiv:2409.10003', patch: { starred: true } });
  await call({ type: 'setRetention', retention: { days: 90 } });
  await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, notifications: { ...DEFAULT_SETTINGS.notifications, maxPerHour: 3 } } });
}

/** A backup as the file would hold it (JSON), without the export time. */
async function exported(): Promise<Omit<Backup, 'exported'>> {
  const { parts } = await exportBackup(deps.db, deps.now());
  const { exported: _time, ...rest } = JSON.parse(parts.join('')) as Backup;
  return rest;
}

/** What the options page does with a backup file: restore it into the database, then tell the worker. */
async function restore(raw: unknown): Promise<{ counts: Record<string, number>; interests: unknown[] }> {
  const restored = await restoreBackup(deps.db, raw);
  await call({ type: 'dataReplaced' });
  return restored;
}

describe('backup', () => {
  it('export → wipe → import restores an identical store (10 days, 2,550 papers)', { timeout: 60_000 }, async () => {
    await browse(10);
    const before = await exported();
    // The starred paper became an example of the interest it matched; examples travel with the backup.
    const taught = [{ ...DIFFUSION, examples: [expect.objectContaining({ key: 'arxiv:2409.10003', title: 'Diffusion models for proteins 3' })] }, HOPFIELD];
    expect(before).toMatchObject({ format: BACKUP_FORMAT, version: 2, interests: taught });
    expect(before.tables.papers).toHaveLength(2550);
    expect(before.tables.papers!.flatMap((p) => p.sightings as unknown[])).toHaveLength(3000);
    expect(Object.keys(before.tables).sort()).toEqual(['alerts', 'papers']);
    expect(before.tables.papers!.flatMap((p) => p.matches as unknown[]).length).toBeGreaterThan(1500);
    expect(before.settings).toEqual({ [SETTINGS_KEY]: expect.objectContaining({ version: 1 }), [RETENTION_KEY]: { days: 90 } });

    await call({ type: 'wipe' });
    expect(await Promise.all(deps.db.tables.map((t) => t.count()))).toEqual(deps.db.tables.map(() => 0));
    expect(await call({ type: 'getInterests' })).toEqual({ interests: [] });
    await fakeBrowser.storage.local.remove([SETTINGS_KEY, RETENTION_KEY]);

    const { counts, interests } = await restore(before);
    expect(counts).toMatchObject({ papers: 2550, interests: 2 });
    expect(interests).toEqual(taught);
    expect(await exported()).toEqual(before);
    // The restored interests are the ones matching now (the cached set was dropped).
    deps.now = () => START + 20 * DAY;
    const scan = await call<{ matched: { key: string }[] }>(
      { type: 'scan', page: 'https://arxiv.org/list/cs/new', site: 'arxiv', listing: true, reset: true, papers: [arxivPaper('2409.99999', 'Hopfield networks again')] },
      fromTab,
    );
    expect(scan.matched.map((m) => m.key)).toEqual(['arxiv:2409.99999']);
  });

  it('writes the file in pieces, one record per line, paging every table by its primary key', async () => {
    await browse(10);
    const { parts, counts } = await exportBackup(deps.db, deps.now());
    expect(counts).toMatchObject({ interests: 2, papers: 2550 });
    // Each piece holds at most one page of records: no string grows with the store.
    expect(parts.length).toBeGreaterThan(6);
    expect(Math.max(...parts.map((p) => p.split('\n').length - 1))).toBeLessThanOrEqual(2000);
    const lines = parts.join('').split('\n');
    const paperLines = lines.filter((l) => l.startsWith('      {"key":"arxiv:'));
    expect(paperLines.length).toBe(2550 + counts.alerts!);
    expect(new Set(paperLines).size).toBe(paperLines.length);
  });

  it('an empty store exports a file that restores to an empty store', async () => {
    await deps.interests.set([]);
    const { parts } = await exportBackup(deps.db, deps.now());
    expect(JSON.parse(parts.join(''))).toMatchObject({ interests: [], tables: { papers: [], alerts: [] } });
    await restore(JSON.parse(parts.join('')));
    expect(await Promise.all(deps.db.tables.map((t) => t.count()))).toEqual(deps.db.tables.map(() => 0));
  });

  it('an interests file is a valid backup’s subset: the backup keeps `interests` at the top level (CONTRACT §3)', async () => {
    await browse(1);
    const backup = await exported();
    expect(Object.keys(backup)).toContain('interests');
    expect(backup.interests.map((i) => i.id)).toEqual(['diffusion', 'hopfield']);
  });

  const SIGHTING = { day: '2026-01-01', page: 'https://arxiv.org/list/cs/new', site: 'arxiv', firstTime: 1, time: 2 };
  const valid = (): Record<string, unknown> => ({
    format: BACKUP_FORMAT,
    version: 2,
    interests: [HOPFIELD],
    tables: {
      papers: [{ key: 'arxiv:2401.00001', title: 'T', ids: { arxiv: '2401.00001' }, aliases: ['arxiv:2401.00001'], firstSeen: 1, lastSeen: 2, sightings: [SIGHTING], days: ['2026-01-01'] }],
    },
    settings: {},
  });

  it('restores a version-1 file, whose sightings and matches come as tables of their own, into its papers', async () => {
    const later = { ...SIGHTING, day: '2026-01-02', firstTime: 3, time: 4 };
    const v1 = {
      ...valid(),
      version: 1,
      tables: {
        papers: [{ key: 'arxiv:2401.00001', title: 'T', ids: { arxiv: '2401.00001' }, aliases: ['arxiv:2401.00001'], firstSeen: 1, lastSeen: 4 }],
        sightings: [{ key: 'arxiv:2401.00001', ...later }, { key: 'arxiv:2401.00001', ...SIGHTING }, { key: 'arxiv:2409.00404', ...SIGHTING }],
        matches: [{ key: 'arxiv:2401.00001', interest: 'hopfield', score: 0.8, terms: [{ term: 'hopfield', field: 'title', exact: true }] }],
      },
    };
    const { counts } = await restore(v1);
    expect(counts).toEqual({ interests: 1, papers: 1 });
    expect(await deps.db.papers.get('arxiv:2401.00001')).toMatchObject({
      sightings: [SIGHTING, later],
      days: ['2026-01-01', '2026-01-02'],
      matches: [{ interest: 'hopfield', score: 0.8 }],
      interests: ['hopfield'],
    });
    expect(await deps.db.papers.where('days').equals('2026-01-02').primaryKeys()).toEqual(['arxiv:2401.00001']);
    expect(await deps.db.papers.where('interests').equals('hopfield').primaryKeys()).toEqual(['arxiv:2401.00001']);
  });

  it('derives the indexes from the sightings and matches, not from what the file says', async () => {
    await restore(withPaper({ days: ['1999-01-01'], interests: ['evil'] }));
    expect(await deps.db.papers.where('interests').equals('evil').count()).toBe(0);
    expect(await deps.db.papers.where('days').equals('1999-01-01').count()).toBe(0);
    expect(await deps.db.papers.where('days').equals('2026-01-01').count()).toBe(1);

    await restore(withPaper({ starredMark: 1 }));
    expect(await deps.db.papers.where('starredMark').equals(1).count()).toBe(0);
    await restore(withPaper({ starred: true }));
    expect(await deps.db.papers.where('starredMark').equals(1).primaryKeys()).toEqual(['arxiv:2401.00001']);
  });
  const withPaper = (patch: object) => {
    const b = valid();
    const tables = b.tables as Record<string, Record<string, unknown>[]>;
    tables.papers = [{ ...tables.papers![0], ...patch }];
    return b;
  };

  it.each([
    ['not JSON object', 'backup', /not a Paperlight backup/],
    ['an interests file', { interests: [HOPFIELD] }, /not a Paperlight backup/],
    ['another format', { ...valid(), format: 'zotero' }, /not a Paperlight backup/],
    ['a newer format version', { ...valid(), version: 9 }, /newer Paperlight/],
    ['a broken interest', { ...valid(), interests: [{ id: 'x', label: '', terms: [] }] }, /interests\[0\]\.label/],
    ['an unknown table', { ...valid(), tables: { evil: [] } }, /tables\.evil is not a Paperlight table/],
    ['a table that is not a list', { ...valid(), tables: { papers: {} } }, /tables\.papers must be a list/],
    ['a paper without a title', withPaper({ title: undefined }), /tables\.papers\[0\]\.title/],
    ['a javascript: link', withPaper({ url: 'javascript:alert(1)' }), /tables\.papers\[0\]\.url must be an http\(s\) URL/],
    ['a foreign id kind', withPaper({ ids: { isbn: '123' } }), /tables\.papers\[0\]\.ids/],
    ['a 1 MB title', withPaper({ title: 'x'.repeat(1 << 20) }), /title must be a string of at most 2000/],
    ['a bad time', withPaper({ lastSeen: 'yesterday' }), /lastSeen must be a time/],
    ['a sighting with a bad day', withPaper({ sightings: [{ ...SIGHTING, day: 'today' }] }), /tables\.papers\[0\]\.sightings\[0\]\.day must be YYYY-MM-DD/],
    ['sightings that are not a list', withPaper({ sightings: 'many' }), /tables\.papers\[0\]\.sightings must be a list/],
    ['a sighting of a javascript: page', withPaper({ sightings: [{ ...SIGHTING, page: 'javascript:alert(1)' }] }), /sightings\[0\]\.page must be an http\(s\) URL/],
    ['a repeated key', { ...valid(), tables: { papers: [...(valid().tables as { papers: unknown[] }).papers, ...(valid().tables as { papers: unknown[] }).papers] } }, /repeats the key/],
    ['a match score out of range', { ...valid(), tables: { matches: [{ key: 'k', interest: 'i', score: 2, terms: [] }] } }, /score must be a number in \(0, 1\]/],
    ['a paper’s match without terms', withPaper({ matches: [{ interest: 'i', score: 0.5 }] }), /tables\.papers\[0\]\.matches\[0\]\.terms must be a list/],
    ['bad settings', { ...valid(), settings: { [RETENTION_KEY]: { days: -1 } } }, /settings\.retention/],
  ])('rejects %s with a clear message and leaves the current data untouched', async (_, backup, error) => {
    await browse(1);
    const before = await exported();
    await expect(restore(backup)).rejects.toThrow(BackupError);
    await expect(restore(backup)).rejects.toThrow(error);
    expect(await exported()).toEqual(before);
  });

  it('a write failing half-way rolls the whole import back', async () => {
    await browse(1);
    const before = await exported();
    vi.spyOn(deps.db.table('papers'), 'bulkAdd').mockRejectedValueOnce(new Error('disk on fire'));
    await expect(restore(valid())).rejects.toThrow('disk on fire');
    expect(await exported()).toEqual(before);
  });

  it('wipe, prune and the data-replaced notice are refused from web pages', async () => {
    await browse(1);
    for (const message of [{ type: 'dataReplaced' }, { type: 'wipe' }, { type: 'prune', days: 1 }]) {
      expect(await handleMessage(deps, message, fromTab)).toEqual({ ok: false, error: `${message.type} is accepted from Paperlight’s own pages only` });
    }
    expect(await deps.db.papers.count()).toBe(300);
  });

  it('wipe keeps settings and clears a storage error report', async () => {
    await browse(1);
    await fakeBrowser.storage.local.set({ [STORAGE_ERROR_KEY]: { kind: 'quota', time: 1, message: 'full' } });
    await call({ type: 'wipe' });
    expect(await fakeBrowser.storage.local.get([RETENTION_KEY, STORAGE_ERROR_KEY])).toEqual({ [RETENTION_KEY]: { days: 90 } });
  });
});
