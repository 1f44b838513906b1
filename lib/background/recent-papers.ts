/**
 * The most recently seen papers, which the options page's live previews match an interest being
 * edited against (popup-handlers.ts previewInterest). Reading them takes ~0.3 s whatever the
 * store's size (5,000 records with abstracts), and the options page asks for a preview per
 * interest card and per pause in typing: read once per change of the store, with their words
 * split once (paperWords), they are kept while previews keep coming, and let go after a quiet
 * spell, since only that page needs them.
 */
import type { PaperlightDB } from '../db/schema';
import { paperWords, type PaperWords } from '../match/paper-index';
import type { MatchablePaper } from '../match/types';

/** Papers the live preview looks at: the most recent, so the first answer comes within a fraction of a second. */
const PREVIEW_SAMPLE = 5000;
/** Kept this long after the last preview: a reader pausing between edits finds them still there. */
const KEEP_MS = 60_000;

export interface RecentPaper extends MatchablePaper {
  url?: string;
}

/** The most recently seen papers, newest first, with their words split once for all the previews (paperWords). */
export type RecentPapers = () => Promise<{ papers: RecentPaper[]; words: PaperWords }>;

/** `generation`: a count that moves whenever the store changes (SnapshotKeeper.generation). */
export function createRecentPapers(db: PaperlightDB, generation: () => number, keepMs = KEEP_MS): RecentPapers {
  let kept: { generation: number; sample: ReturnType<RecentPapers> } | undefined;
  let expiry: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(expiry);
    expiry = setTimeout(() => (kept = undefined), keepMs);
    if (kept?.generation !== generation()) {
      // Only what matching and the preview's list need: sightings and matches would double the memory held.
      const sample = db.papers
        .orderBy('lastSeen')
        .reverse()
        .limit(PREVIEW_SAMPLE)
        .toArray()
        .then((records) => {
          const papers = records.map(({ key, title, authors, abstract, url }): RecentPaper => ({ key, title, ...(authors ? { authors } : {}), ...(abstract ? { abstract } : {}), ...(url ? { url } : {}) }));
          return { papers, words: paperWords(papers) };
        });
      const entry = { generation: generation(), sample };
      kept = entry;
      // A failed read is not kept: the next preview reads again.
      sample.catch(() => kept === entry && (kept = undefined));
    }
    return kept!.sample;
  };
}
