/**
 * The user's interests: stored in the database, compiled for the matcher once per change.
 * The compiled form is cached in memory only as an optimisation; a restarted worker rebuilds it.
 */
import { INTEREST_DEFAULTS, PALETTE, type Interest } from '../interests';
import { compileInterests, matchPapers, type CompiledInterests } from '../match/matcher';
import type { InterestMatch, MatchablePaper } from '../match/types';
import type { MatchView } from '../messages';
import type { PaperlightDB } from '../db/schema';

export interface InterestSet {
  interests: Interest[];
  byId: Map<string, Interest>;
  compiled: CompiledInterests;
  match(papers: readonly MatchablePaper[]): InterestMatch[][];
}

export function interestColor(interest: Interest, index: number): string {
  return interest.color ?? PALETTE[index % PALETTE.length]!;
}

export function createInterestStore(db: PaperlightDB) {
  let cached: Promise<InterestSet> | undefined;

  async function load(): Promise<InterestSet> {
    const records = await db.interests.orderBy('order').toArray();
    const interests = records.map(({ order: _order, ...interest }) => interest as Interest);
    const compiled = compileInterests(interests);
    return {
      interests,
      byId: new Map(interests.map((i) => [i.id, i])),
      compiled,
      match: (papers) => matchPapers(compiled, papers),
    };
  }

  return {
    get(): Promise<InterestSet> {
      cached ??= load().catch((err: unknown) => {
        cached = undefined;
        throw err;
      });
      return cached;
    },
    /** Forget the cached set after the interests table was written directly (backup import, wipe). */
    invalidate(): void {
      cached = undefined;
    },
    /** Replace the whole list (the options page saves it as one). */
    async set(interests: Interest[]): Promise<InterestSet> {
      await db.transaction('rw', db.interests, async () => {
        await db.interests.clear();
        await db.interests.bulkPut(interests.map((interest, order) => ({ ...interest, order })));
      });
      cached = undefined;
      return this.get();
    },
  };
}

export type InterestStore = ReturnType<typeof createInterestStore>;

/** Matches as the badge and popup show them: label and colour joined in, strongest first. */
export function viewMatches(set: InterestSet, matches: readonly InterestMatch[]): MatchView[] {
  return matches
    .flatMap((m) => {
      const index = set.interests.findIndex((i) => i.id === m.interest);
      const interest = set.interests[index];
      if (!interest) return [];
      const rank = m.score * (interest.weight ?? INTEREST_DEFAULTS.weight);
      return [{ view: { interest: m.interest, label: interest.label, color: interestColor(interest, index), score: m.score, terms: m.terms }, rank }];
    })
    .sort((a, b) => b.rank - a.rank)
    .map((x) => x.view);
}
