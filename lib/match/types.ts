/** What the matcher takes and gives (CONTRACT §2 shape). */

export type MatchField = 'title' | 'abstract' | 'authors';

export interface MatchablePaper {
  key: string;
  title: string;
  authors?: readonly string[];
  abstract?: string;
}

/** One interest term (or author) found in one field. */
export interface TermHit {
  term: string;
  field: MatchField;
  /** false when found with a typo or spelling variant. */
  exact: boolean;
}

/** An example of the interest that a paper resembles (CONTRACT §2 `similar`). */
export interface SimilarPaper {
  title: string;
  key?: string;
  /** Words the matched paper shares with this example, most telling first (folded, singular). */
  words?: string[];
}

export interface InterestMatch {
  /** Interest id. */
  interest: string;
  /** In (0, 1], higher is stronger. */
  score: number;
  /** May be empty when the paper matched by resembling the interest's examples only. */
  terms: TermHit[];
  /** The interest's examples this paper resembles most, strongest first. */
  similar?: SimilarPaper[];
}
