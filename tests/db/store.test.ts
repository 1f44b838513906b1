import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_SIGHTINGS, openDatabase, type PaperlightDB } from '../../lib/db/schema';
import { QUIET_REVISIT_MS, recordScan, type Matcher } from '../../lib/db/store';
import { arxivPaper, paper } from '../factories';

const noMatches: Matcher = (papers) => papers.map(() => []);
const DAY1 = new Date(2026, 10, 20, 9).getTime();
const DAY2 = new Date(2026, 10, 21, 9).getTime();

let db: PaperlightDB;
beforeEach(() => {
  db = openDatabase(`test-${Math.random()}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('recordScan', () => {
  it('keeps one record per paper and one sighting per paper, day and page', async () => {
    const papers = [arxivPaper('2401.00001', 'First'), arxivPaper('2401.00002', 'Second')];
    await recordScan(db, { page: 'https://arxiv.org/list/cs/new', site: 'arxiv', time: DAY1, papers }, noMatches);
    await recordScan(db, { page: 'https://arxiv.org/list/cs/new', site: 'arxiv', time: DAY1 + QUIET_REVISIT_MS + 1000, papers }, noMatches);
    await recordScan(db, { page: 'https://arxiv.org/list/cs/recent', site: 'arxiv', time: DAY2, papers: papers.slice(0, 1) }, noMatches);

    expect(await db.papers.count()).toBe(2);
    const first = await db.papers.get('arxiv:2401.00001');
    expect(first?.sightings.map((s) => [s.day, s.page])).toEqual([
      ['2026-11-20', 'https://arxiv.org/list/cs/new'],
      ['2026-11-21', 'https://arxiv.org/list/cs/recent'],
    ]);
    expect(first?.sightings[0]).toMatchObject({ firstTime: DAY1, time: DAY1 + QUIET_REVISIT_MS + 1000 });
    expect(first).toMatchObject({ firstSeen: DAY1, lastSeen: DAY2, days: ['2026-11-20', '2026-11-21'] });
    expect(await db.papers.where('days').equals('2026-11-21').primaryKeys()).toEqual(['arxiv:2401.00001']);
    expect((await db.papers.where('days').equals('2026-11-20').primaryKeys()).sort()).toEqual(['arxiv:2401.00001', 'arxiv:2401.00002']);
  });

  it('writes nothing for a page seen again soon that shows nothing new; new upvotes or a new abstract are written', async () => {
    const page = 'https://huggingface.co/papers';
    const seen = (upvotes: number, extra = {}) => [arxivPaper('2401.00001', 'First', { signals: { upvotes }, ...extra })];
    await recordScan(db, { page, site: 'huggingface', time: DAY1, papers: seen(10) }, noMatches);
    const before = await db.papers.get('arxiv:2401.00001');
    const writes = vi.spyOn(db.papers, 'bulkPut');
    const [again] = await recordScan(db, { page, site: 'huggingface', time: DAY1 + 60_000, papers: seen(10) }, noMatches);
    expect(again).toMatchObject({ key: 'arxiv:2401.00001', isNew: false });
    expect(writes.mock.calls.at(-1)?.[0]).toEqual([]);
    expect(await db.papers.get('arxiv:2401.00001')).toEqual(before);

    await recordScan(db, { page, site: 'huggingface', time: DAY1 + 120_000, papers: seen(25) }, noMatches);
    expect((await db.papers.get('arxiv:2401.00001'))?.sightings).toEqual([{ day: '2026-11-20', page, site: 'huggingface', firstTime: DAY1, time: DAY1 + 120_000, signals: { upvotes: 25 } }]);
    await recordScan(db, { page, site: 'huggingface', time: DAY1 + 180_000, papers: seen(25, { abstract: 'Now with an abstract.' }) }, noMatches);
    expect(await db.papers.get('arxiv:2401.00001')).toMatchObject({ abstract: 'Now with an abstract.', lastSeen: DAY1 + 180_000 });
  });

  it('treats versions and arXiv’s own DOI as the same paper', async () => {
    await recordScan(db, { page: 'https://a.example/', site: 'arxiv', time: DAY1, papers: [arxivPaper('2401.00001v2', 'T')] }, noMatches);
    await recordScan(db, { page: 'https://b.example/', site: 'arxiv', time: DAY1, papers: [paper({ title: 'T', ids: { doi: '10.48550/arXiv.2401.00001' } })] }, noMatches);
    expect((await db.papers.toArray()).map((p) => p.key)).toEqual(['arxiv:2401.00001']);
  });

  it('joins a DOI-only record to the arXiv record once a page shows both ids, moving its sightings', async () => {
    const doiOnly = paper({ title: 'Score-based models', ids: { doi: '10.1000/XYZ.1' }, authors: ['Yang Song'] });
    await recordScan(db, { page: 'https://publisher.example/x', site: 'arxiv', time: DAY1, papers: [doiOnly] }, noMatches);
    const both = paper({ title: 'Score-based models', ids: { arxiv: '2011.13456', doi: '10.1000/xyz.1' }, abstract: 'We model scores.' });
    const [stored] = await recordScan(db, { page: 'https://arxiv.org/abs/2011.13456', site: 'arxiv', time: DAY2, papers: [both] }, noMatches);

    expect(stored?.key).toBe('arxiv:2011.13456');
    const records = await db.papers.toArray();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ key: 'arxiv:2011.13456', ids: { arxiv: '2011.13456', doi: '10.1000/xyz.1' }, abstract: 'We model scores.', authors: ['Yang Song'], firstSeen: DAY1 });
    expect(records[0]?.sightings.map((s) => s.page)).toEqual(['https://publisher.example/x', 'https://arxiv.org/abs/2011.13456']);
  });

  it('finds the stored records of a small first batch and of a large page alike (aliases looked up one by one, or by one cursor)', async () => {
    const doiOnly = (i: number) => paper({ title: `Paper number ${i}`, ids: { doi: `10.1000/p.${i}` } });
    const both = (i: number) => paper({ title: `Paper number ${i}`, ids: { arxiv: `2401.${String(10000 + i)}`, doi: `10.1000/p.${i}` } });
    const all = Array.from({ length: 300 }, (_, i) => i);
    await recordScan(db, { page: 'https://publisher.example/', site: 'arxiv', time: DAY1, papers: all.map(doiOnly) }, noMatches);
    await recordScan(db, { page: 'https://arxiv.org/list/cs/new', site: 'arxiv', time: DAY2, papers: [0, 1, 2].map(both) }, noMatches);
    await recordScan(db, { page: 'https://arxiv.org/list/cs/pastweek', site: 'arxiv', time: DAY2, papers: all.map(both) }, noMatches);

    const records = await db.papers.toArray();
    expect(records).toHaveLength(300);
    expect(records.every((r) => r.key.startsWith('arxiv:'))).toBe(true);
    const pages = (key: string) => records.find((r) => r.key === key)?.sightings.map((s) => s.page);
    expect(pages('arxiv:2401.10001')).toEqual(['https://publisher.example/', 'https://arxiv.org/list/cs/new', 'https://arxiv.org/list/cs/pastweek']);
    expect(pages('arxiv:2401.10299')).toEqual(['https://publisher.example/', 'https://arxiv.org/list/cs/pastweek']);
  });

  it('keeps the sightings of both records when a page shows that two stored records are one paper', async () => {
    const doiOnly = paper({ title: 'Score-based models', ids: { doi: '10.1000/xyz.1' }, authors: ['Yang Song'] });
    await recordScan(db, { page: 'https://publisher.example/x', site: 'arxiv', time: DAY1, papers: [doiOnly] }, noMatches);
    await recordScan(db, { page: 'https://arxiv.org/list/cs/new', site: 'arxiv', time: DAY1 + 1000, papers: [arxivPaper('2011.13456', 'Score-based models')] }, noMatches);
    const both = paper({ title: 'Score-based models', ids: { arxiv: '2011.13456', doi: '10.1000/xyz.1' } });
    await recordScan(db, { page: 'https://arxiv.org/abs/2011.13456', site: 'arxiv', time: DAY2, papers: [both] }, noMatches);

    const records = await db.papers.toArray();
    expect(records.map((r) => r.key)).toEqual(['arxiv:2011.13456']);
    expect(records[0]?.sightings.map((s) => s.page)).toEqual(['https://publisher.example/x', 'https://arxiv.org/list/cs/new', 'https://arxiv.org/abs/2011.13456']);
  });

  it('keeps what either record knew when a page shows that two stored records are one paper: star, flags, ids, abstract', async () => {
    const matcher = vi.fn<Matcher>((papers) => papers.map(() => []));
    const fromPubMed = paper({ title: 'Score-based models', ids: { doi: '10.1000/xyz.1', pmid: '31234567' }, authors: ['Yang Song', 'Stefano Ermon'], abstract: 'We model scores.' });
    await recordScan(db, { page: 'https://pubmed.ncbi.nlm.nih.gov/?term=score', site: 'pubmed', time: DAY1, papers: [fromPubMed] }, noMatches);
    await db.papers.update('doi:10.1000/xyz.1', { starred: true, read: true });
    await recordScan(db, { page: 'https://arxiv.org/list/cs/new', site: 'arxiv', time: DAY1 + 1000, papers: [arxivPaper('2011.13456', 'Score-based models')] }, noMatches);
    await db.papers.update('arxiv:2011.13456', { dismissed: true });
    const both = paper({ title: 'Score-based models', ids: { arxiv: '2011.13456', doi: '10.1000/xyz.1' } });
    await recordScan(db, { page: 'https://arxiv.org/abs/2011.13456', site: 'arxiv', time: DAY2, papers: [both] }, matcher);

    const records = await db.papers.toArray();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      key: 'arxiv:2011.13456',
      ids: { arxiv: '2011.13456', doi: '10.1000/xyz.1', pmid: '31234567' },
      authors: ['Yang Song', 'Stefano Ermon'],
      abstract: 'We model scores.',
      starred: true,
      read: true,
      dismissed: true,
      firstSeen: DAY1,
      lastSeen: DAY2,
    });
    expect(await db.papers.where('starredMark').equals(1).primaryKeys()).toEqual(['arxiv:2011.13456']);
    // Seen later under its PubMed id alone, it still finds this record.
    expect(records[0]?.aliases).toContain('pmid:31234567');
    expect(matcher.mock.calls[0]?.[0][0]).toMatchObject({ abstract: 'We model scores.' });
  });

  it('keeps a paper’s latest sightings only, up to the bound', async () => {
    const p = [arxivPaper('2401.00001', 'T')];
    for (let i = 0; i < MAX_SIGHTINGS + 3; i++) await recordScan(db, { page: `https://scholar.google.com/scholar?q=${i}`, site: 'scholar', time: DAY1 + i, papers: p }, noMatches);
    const { sightings } = (await db.papers.get('arxiv:2401.00001'))!;
    expect(sightings).toHaveLength(MAX_SIGHTINGS);
    expect(sightings[0]?.page).toBe('https://scholar.google.com/scholar?q=3');
    expect(sightings.at(-1)?.page).toBe(`https://scholar.google.com/scholar?q=${MAX_SIGHTINGS + 2}`);
  });

  it('keeps two arXiv papers apart even when title and first author coincide', async () => {
    const papers = [arxivPaper('2401.00001', 'Notes'), arxivPaper('2402.00002', 'Notes')];
    await recordScan(db, { page: 'https://arxiv.org/list/cs/new', site: 'arxiv', time: DAY1, papers }, noMatches);
    expect((await db.papers.toArray()).map((p) => p.key).sort()).toEqual(['arxiv:2401.00001', 'arxiv:2402.00002']);
  });

  it('matches the merged record, so an abstract seen elsewhere still counts', async () => {
    const seenWith: string[] = [];
    const spy: Matcher = (papers) => papers.map((p) => (seenWith.push(p.abstract ?? ''), []));
    await recordScan(db, { page: 'https://arxiv.org/list/cs/new', site: 'arxiv', time: DAY1, papers: [arxivPaper('2401.00001', 'T', { abstract: 'Long abstract.' })] }, spy);
    await recordScan(db, { page: 'https://arxiv.org/list/cs/recent', site: 'arxiv', time: DAY2, papers: [arxivPaper('2401.00001', 'T')] }, spy);
    expect(seenWith).toEqual(['Long abstract.', 'Long abstract.']);
  });

  it('replaces a paper’s matches with the current ones', async () => {
    const p = [arxivPaper('2401.00001', 'T')];
    const scan = { page: 'https://arxiv.org/list/cs/new', site: 'arxiv', time: DAY1, papers: p };
    await recordScan(db, scan, () => [[{ interest: 'a', score: 1, terms: [] }, { interest: 'b', score: 0.5, terms: [] }]]);
    await recordScan(db, scan, () => [[{ interest: 'b', score: 0.7, terms: [] }]]);
    expect(await db.papers.get('arxiv:2401.00001')).toMatchObject({ matches: [{ interest: 'b', score: 0.7, terms: [] }], interests: ['b'] });
    expect(await db.papers.where('interests').equals('a').count()).toBe(0);
  });

  it('stores nothing from a batch whose matching fails', async () => {
    const boom: Matcher = () => {
      throw new Error('boom');
    };
    await expect(recordScan(db, { page: 'https://x.example/', site: 'arxiv', time: DAY1, papers: [arxivPaper('2401.00001', 'T')] }, boom)).rejects.toThrow('boom');
    expect(await db.papers.count()).toBe(0);
  });
});
