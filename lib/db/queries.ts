/** Reads for the popup; every one goes through an index, never a scan of the whole store. */
import type { MatchRecord, PaperlightDB, PaperRecord, SightingRecord } from './schema';

export interface PaperView {
  paper: PaperRecord;
  matches: MatchRecord[];
  /** Every sighting of the paper, any day, newest first (breadth and velocity need the history). */
  sightings: SightingRecord[];
}

function viewOf(paper: PaperRecord): PaperView {
  const sightings = paper.sightings.map((s): SightingRecord => ({ key: paper.key, ...s })).reverse();
  return { paper, matches: paper.matches.map((m) => ({ key: paper.key, ...m })), sightings };
}

/** Papers, matches and sighting history for `keys`, in the order of `keys`; unknown keys are skipped. */
export async function papersByKeys(db: PaperlightDB, keys: readonly string[]): Promise<PaperView[]> {
  if (!keys.length) return [];
  return (await db.papers.bulkGet([...keys])).flatMap((paper) => (paper ? [viewOf(paper)] : []));
}

/** Starred papers, most recently seen first, through the `starredMark` index. */
export async function starredPapers(db: PaperlightDB): Promise<PaperView[]> {
  const papers = await db.papers.where('starredMark').equals(1).toArray();
  return papers.sort((a, b) => b.lastSeen - a.lastSeen).map(viewOf);
}

/** Papers seen on any of `days`, through the `days` index; each paper once. */
async function papersSeenOn(db: PaperlightDB, days: readonly string[]): Promise<PaperRecord[]> {
  const papers = (await Promise.all(days.map((day) => db.papers.where('days').equals(day).toArray()))).flat();
  return [...new Map(papers.map((p) => [p.key, p])).values()];
}

/**
 * The papers seen on any of `days` that can rank: those matching an interest and those a page
 * showed popularity numbers for on those days. Most recently seen first.
 */
export async function rankablePapersOf(db: PaperlightDB, days: readonly string[]): Promise<PaperView[]> {
  const wanted = new Set(days);
  const seen = (await papersSeenOn(db, days)).flatMap((paper) => rankableOn(paper, wanted) ?? []);
  return seen.sort((a, b) => b.time - a.time).map((s) => s.view);
}

/** The paper's view if it can rank on the days `wanted` (seen on one, matching an interest or shown with popularity numbers then), with its latest sighting then. */
export function rankableOn(paper: PaperRecord, wanted: ReadonlySet<string>): { view: PaperView; time: number } | undefined {
  const within = paper.sightings.filter((s) => wanted.has(s.day));
  if (!within.length) return undefined;
  const popular = within.some((s) => s.signals && Object.keys(s.signals).length);
  return paper.matches.length || popular ? { view: viewOf(paper), time: Math.max(...within.map((s) => s.time)) } : undefined;
}
