/** Reads for the popup; every one goes through an index, never a scan of the whole store. */
import Dexie from 'dexie';
import type { MatchRecord, PaperlightDB, PaperRecord, SightingRecord } from './schema';

export interface DayPaper {
  paper: PaperRecord;
  matches: MatchRecord[];
  sightings: SightingRecord[];
}

/** Papers seen on `day` that match at least one interest, most recently seen first. */
export async function matchedPapersOfDay(db: PaperlightDB, day: string): Promise<DayPaper[]> {
  return db.transaction('r', [db.papers, db.sightings, db.matches], async () => {
    const sightings = await db.sightings
      .where('[day+time]')
      .between([day, Dexie.minKey], [day, Dexie.maxKey])
      .reverse()
      .toArray();
    const sightingsByKey = new Map<string, SightingRecord[]>();
    for (const s of sightings) {
      const list = sightingsByKey.get(s.key);
      if (list) list.push(s);
      else sightingsByKey.set(s.key, [s]);
    }
    const keys = [...sightingsByKey.keys()];
    if (!keys.length) return [];
    const matches = await db.matches
      .where('[key+interest]')
      .inAnyRange(keys.map((k) => [[k, Dexie.minKey], [k, Dexie.maxKey]]))
      .toArray();
    const matchesByKey = new Map<string, MatchRecord[]>();
    for (const m of matches) {
      const list = matchesByKey.get(m.key);
      if (list) list.push(m);
      else matchesByKey.set(m.key, [m]);
    }
    const matchedKeys = keys.filter((k) => matchesByKey.has(k));
    const papers = await db.papers.bulkGet(matchedKeys);
    return papers.flatMap((paper, i) => {
      const key = matchedKeys[i]!;
      return paper ? [{ paper, matches: matchesByKey.get(key)!, sightings: sightingsByKey.get(key)! }] : [];
    });
  });
}
