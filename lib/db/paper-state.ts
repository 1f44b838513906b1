/** The user's marks on papers (read, dismissed, starred), written one way from wherever they are set. */
import { markStar, type PaperlightDB, type PaperRecord } from './schema';

export type PaperMarks = Partial<Pick<PaperRecord, 'read' | 'dismissed' | 'starred'>>;

/** Set marks on the stored papers among `keys`; unknown keys are skipped. Returns how many changed. */
export async function markPapers(db: PaperlightDB, keys: readonly string[], marks: PaperMarks): Promise<number> {
  return db.papers.where(':id').anyOf([...keys]).modify((paper) => void markStar(Object.assign(paper, marks)));
}
