/**
 * The user's interests: stored in the database, compiled for the matcher (with the stored example
 * models, lib/learn) once per change.
 * The compiled form is cached in memory only as an optimisation; a restarted worker rebuilds it.
 */
import { INTEREST_DEFAULTS, interestIdFor, matchingChanges, PALETTE, type Interest, type InterestChanges } from '../interests';
import { addExample, examplePaperOf, removeExample } from '../learn/teach';
import type { LearnedModels } from '../learn/model';
import { compileInterests, matchPapers, type CompiledInterests } from '../match/matcher';
import type { InterestMatch, MatchablePaper } from '../match/types';
import type { MatchView, PaperStatePatch } from '../messages';
import type { PaperlightDB } from '../db/schema';
import { findPaper } from '../db/paper-state';

export interface InterestSet {
  interests: Interest[];
  byId: Map<string, Interest>;
  compiled: CompiledInterests;
  /** The stored example models the set was compiled with. */
  learned?: LearnedModels;
  match(papers: readonly MatchablePaper[]): InterestMatch[][];
}

export function interestColor(interest: Interest, index: number): string {
  return interest.color ?? PALETTE[index % PALETTE.length]!;
}

export function createInterestStore(db: PaperlightDB) {
  let cached: Promise<InterestSet> | undefined;

  async function load(): Promise<InterestSet> {
    const [records, learned] = await Promise.all([db.interests.orderBy('order').toArray(), db.learned.get('examples')]);
    const interests = records.map(({ order: _order, ...interest }) => interest as Interest);
    const compiled = compileInterests(interests, learned);
    return {
      interests,
      byId: new Map(interests.map((i) => [i.id, i])),
      compiled,
      ...(learned ? { learned } : {}),
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
      return [{ view: { interest: m.interest, label: interest.label, color: interestColor(interest, index), score: m.score, terms: m.terms, ...(m.similar ? { similar: m.similar } : {}) }, rank }];
    })
    .sort((a, b) => b.rank - a.rank)
    .map((x) => x.view);
}

/** Save an edit of the interests list and say what it changed (re-match, retrain); answers the saved set. */
export async function editInterests(store: InterestStore, edit: (interests: Interest[]) => Interest[], onChanged?: (changes: InterestChanges) => void): Promise<InterestSet> {
  const before = (await store.get()).interests;
  const after = edit(before);
  if (after.every((interest, i) => interest === before[i]) && after.length === before.length) return store.get();
  const set = await store.set(after);
  onChanged?.(matchingChanges(before, set.interests));
  return set;
}

/**
 * Star → the paper becomes an example of the interests it matched; "Not interested" → a
 * counterexample of them. Un-starring or un-dismissing takes it out again, from every interest.
 */
export async function learnFromPaperState(db: PaperlightDB, store: InterestStore, key: string, patch: PaperStatePatch, onChanged?: (changes: InterestChanges) => void): Promise<void> {
  if (patch.starred === undefined && patch.dismissed === undefined) return;
  const paper = await db.papers.get(key);
  if (!paper) return;
  const matched = new Set(paper.matches.map((m) => m.interest));
  await editInterests(
    store,
    (interests) => {
      let edited = interests;
      if (patch.starred !== undefined) edited = patch.starred ? addExample(edited, matched, examplePaperOf(paper), 'examples') : removeExample(edited, key, 'examples');
      if (patch.dismissed !== undefined) edited = patch.dismissed ? addExample(edited, matched, examplePaperOf(paper), 'counterexamples') : removeExample(edited, key, 'counterexamples');
      return edited;
    },
    onChanged,
  );
}

/**
 * "More like this": the paper becomes an example of `interest`, or of a new interest labelled
 * `newInterest`, or else of every interest it matched. Answers the interests it was added to, and their labels.
 */
export async function moreLikeThis(
  db: PaperlightDB,
  store: InterestStore,
  request: { key: string; interest?: string; newInterest?: string },
  onChanged?: (changes: InterestChanges) => void,
): Promise<{ interests: string[]; labels: string[] }> {
  const paper = await findPaper(db, request.key);
  if (!paper) throw new Error(`no stored paper ${request.key}`);
  const { interests } = await store.get();
  let targets: string[];
  let created: Interest | undefined;
  if (request.newInterest !== undefined) {
    created = { id: interestIdFor(request.newInterest, new Set(interests.map((i) => i.id))), label: request.newInterest, terms: [] };
    targets = [created.id];
  } else if (request.interest !== undefined) {
    if (!interests.some((i) => i.id === request.interest)) throw new Error(`no interest ${request.interest}`);
    targets = [request.interest];
  } else {
    targets = [...new Set(paper.matches.map((m) => m.interest))].filter((id) => interests.some((i) => i.id === id));
    if (!targets.length) throw new Error('the paper matches no interest: name one, or start a new one');
  }
  await editInterests(store, (list) => addExample(created ? [...list, created] : list, new Set(targets), examplePaperOf(paper), 'examples'), onChanged);
  const labels = new Map([...interests, ...(created ? [created] : [])].map((i) => [i.id, i.label]));
  return { interests: targets, labels: targets.map((id) => labels.get(id) ?? id) };
}
