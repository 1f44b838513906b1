/** Progress of re-matching the store, shared between the background (writer) and the options page (reader). */
export const REMATCH_STATE_KEY = 'rematch';

export interface RematchState {
  /** Bumped on every interests change; a running pass stops when it is outdated. */
  generation: number;
  done: number;
  total: number;
  /** Papers seen since this time (ms) are re-matched first, then skipped by the pass in key order. */
  recentSince?: number;
  /** The recent papers are done. */
  recentDone?: boolean;
  /** Primary key of the last paper re-matched; the next chunk starts after it. */
  after?: string;
  /** The interests being re-matched; absent: all of them (and every stored match of a paper is replaced). */
  interests?: string[];
  finished: boolean;
}
