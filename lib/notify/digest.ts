/** Which papers the daily digest names, best first. */
import { INTEREST_DEFAULTS, type Interest } from '../interests';
import type { MatchRecord } from '../db/schema';

export interface DigestCandidate {
  key: string;
  matches: readonly MatchRecord[];
}

/**
 * The one ranking call of the digest: best match score × interest weight. Swap this for the
 * trending ranking when it is ready.
 */
export function rankForDigest<T extends DigestCandidate>(papers: readonly T[], byId: ReadonlyMap<string, Interest>): T[] {
  const score = (p: DigestCandidate) =>
    Math.max(0, ...p.matches.map((m) => m.score * (byId.get(m.interest)?.weight ?? INTEREST_DEFAULTS.weight)));
  return papers
    .map((paper) => ({ paper, score: score(paper) }))
    .sort((a, b) => b.score - a.score)
    .map((x) => x.paper);
}
