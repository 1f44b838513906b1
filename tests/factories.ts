/** Test data builders. */
import { createPaperSearch } from '../lib/search/paper-search';
import type { BackgroundDeps } from '../lib/background/handlers';
import { createInterestStore } from '../lib/background/interests';
import { createRecentPapers } from '../lib/background/recent-papers';
import { createSnapshotKeeper } from '../lib/background/snapshot';
import { openDatabase, type MatchRecord, type PaperlightDB } from '../lib/db/schema';
import { toPaper } from '../lib/detect';
import type { PaperCandidate } from '../lib/adapters/types';
import type { Interest } from '../lib/interests';
import type { DetectedPaper } from '../lib/paper';

export function paper(candidate: PaperCandidate): DetectedPaper {
  const p = toPaper(candidate);
  if (!p) throw new Error('test paper needs a title');
  return p;
}

export function arxivPaper(id: string, title: string, extra: Partial<PaperCandidate> = {}): DetectedPaper {
  return paper({ title, url: `https://arxiv.org/abs/${id}`, ids: { arxiv: id }, authors: ['Ada Lovelace'], ...extra });
}

export const DIFFUSION: Interest = { id: 'diffusion', label: 'Diffusion models', terms: ['diffusion model'], color: '#2563eb' };
export const HOPFIELD: Interest = { id: 'hopfield', label: 'Hopfield', terms: ['Hopfield network'], color: '#db2777' };

/**
 * The background over a database of its own, wired as lib/background/index.ts wires it (tests may
 * replace `now`); over database `name`, a worker started again.
 */
export function testBackground(now: number, name = `test-${Math.random()}`): BackgroundDeps {
  const db = openDatabase(name);
  const interests = createInterestStore(db);
  const deps: BackgroundDeps = {
    db,
    interests,
    extensionId: 'paperlight-test',
    extensionOrigin: 'chrome-extension://paperlight-test',
    now: () => now,
    snapshot: createSnapshotKeeper(db, interests, () => deps.now()),
    search: createPaperSearch(db),
    recentPapers: createRecentPapers(db, () => deps.snapshot.generation),
  };
  return deps;
}

/** Every stored match with its paper's key (matches live inside the paper records), optionally of one interest. */
export async function storedMatches(db: PaperlightDB, interest?: string): Promise<MatchRecord[]> {
  const papers = await (interest === undefined ? db.papers.toArray() : db.papers.where('interests').equals(interest).toArray());
  return papers.flatMap((p) => p.matches.filter((m) => interest === undefined || m.interest === interest).map((m) => ({ key: p.key, ...m })));
}
