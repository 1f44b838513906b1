/** The user's marks on papers (read, dismissed, starred), written one way from wherever they are set. */
import type { EntryMark, EntryState } from '../messages';
import { markStar, type PaperlightDB, type PaperRecord } from './schema';

export type PaperMarks = Partial<Pick<PaperRecord, 'read' | 'dismissed' | 'starred'>>;

/** Set marks on the stored papers among `keys`; unknown keys are skipped. Returns how many changed. */
export async function markPapers(db: PaperlightDB, keys: readonly string[], marks: PaperMarks): Promise<number> {
  return db.papers.where(':id').anyOf([...keys]).modify((paper) => void markStar(Object.assign(paper, marks)));
}

/** The paper known by `key`: its stored key, or any key a page knows it by (the badge panel sends the page's). */
export async function findPaper(db: PaperlightDB, key: string): Promise<PaperRecord | undefined> {
  return (await db.papers.get(key)) ?? (await db.papers.where('aliases').equals(key).first());
}

/** Set marks on one paper known by `key` (see findPaper). Returns the record as stored, or undefined for an unknown paper. */
export async function markPaper(db: PaperlightDB, key: string, marks: PaperMarks): Promise<PaperRecord | undefined> {
  return db.transaction('rw', db.papers, async () => {
    const record = await findPaper(db, key);
    if (!record) return undefined;
    const next = markStar({ ...record, ...marks });
    await db.papers.put(next);
    return next;
  });
}

/** The marks a page shows on a stored paper's entry (CONTRACT §4), `seen` when it was seen on a day before `today`. */
export function entryState(record: PaperRecord, today: string): Omit<EntryState, 'key'> {
  const marks: EntryMark[] = [];
  if (record.starred) marks.push('starred');
  if (record.dismissed) marks.push('dismissed');
  if (record.read) marks.push('read');
  // Sightings are oldest first: the last one before today is when the reader last met it.
  const earlier = record.sightings.findLast((s) => s.day < today);
  if (!earlier) return { marks };
  marks.push('seen');
  return { marks, seen: { day: earlier.day, site: earlier.site } };
}
