/**
 * The interest matcher (PERF-BASELINE §7): interests are compiled once; each batch of papers gets
 * one word index that every interest shares. Pure and DOM-free: runs in the service worker.
 */
import { insertWithin } from '../collections';
import { INTEREST_DEFAULTS, type FieldScope, type Interest } from '../interests';
import { VectorArena, type SparseVector, type Vocabulary } from '../learn/features';
import type { LearnedModels } from '../learn/model';
import { compileLearning, marginsOf, type CompiledLearning, type CompiledModel } from '../learn/scoring';
import { AuthorIndex, parseName, type PersonName } from './authors';
import { SpellingLexicon } from './lexicon';
import { PaperIndex, type PaperWords } from './paper-index';
import { compileTerm, containsPhrase, findTerm, type CompiledTerm } from './phrase';
import type { InterestMatch, MatchablePaper, MatchField, SimilarPaper, TermHit } from './types';
import { SHORT_WORD_MAX, singular, textWords } from './words';

export interface CompiledAuthor {
  /** As the user wrote it, for explanations. */
  text: string;
  name: PersonName;
}

export interface CompiledInterest {
  id: string;
  weight: number;
  scope: FieldScope;
  terms: CompiledTerm[];
  authors: CompiledAuthor[];
  exclude: CompiledTerm[];
  /** Learned from the interest's examples, when a model fits them. */
  model?: CompiledModel;
  /** The terms' distinctive words: a paper close to the examples that uses one is a stronger candidate. */
  steering: Steering;
}

/** Idf of a word in a quarter of the store's papers: rarer words of a term say what it is about. */
const COMMON_WORD_IDF = 1 + Math.log(4);

/** Steering words as vocabulary numbers (the word itself, any inflection), and those long enough to be found inside compounds. */
interface Steering {
  ids: number[];
  /** 1 at each of `ids`, by feature number: a paper's features are checked against it one read each. */
  isSteering: Uint8Array;
  compounding: string[];
}

const NO_STEERING: Steering = { ids: [], isSteering: new Uint8Array(0), compounding: [] };

/**
 * The words of the terms that say what they are about: each term's rarest word in the store, and
 * its other words that are not common ("diffusion" of "diffusion models", both words of "quantum
 * computing"). A paper that uses one is on the subject; one that merely says "models" is not.
 * Those longer than an acronym also count inside a compound or derived word (isFormOf).
 */
function steeringOf(terms: readonly CompiledTerm[], vocabulary: Vocabulary): Steering {
  const ids = terms.flatMap((term) => {
    const known = term.contentWords.flatMap((word) => vocabulary.index.get(singular(word)) ?? []);
    if (!known.length) return [];
    const rarest = known.reduce((rarest, id) => (vocabulary.idf[id]! > vocabulary.idf[rarest]! ? id : rarest));
    return known.filter((id) => id === rarest || vocabulary.idf[id]! >= COMMON_WORD_IDF);
  });
  const unique = [...new Set(ids)];
  const isSteering = new Uint8Array(unique.length ? vocabulary.features.length : 0);
  for (const id of unique) isSteering[id] = 1;
  return { ids: unique, isSteering, compounding: unique.map((id) => vocabulary.features[id]!).filter((word) => word.length > SHORT_WORD_MAX) };
}

/**
 * Prefixes and endings that make a compound or a derived word of a steering word and keep its subject:
 * "hyperdiffusion", "cybersecurity", "robotics". A list, not any substring: "supervision", "division"
 * and "television" are not about vision.
 */
const COMPOUND_PREFIXES = new Set(['', 'hyper', 'cyber', 'multi', 'micro', 'nano', 'meta', 'neuro', 'bio', 'quasi', 'pseudo', 'self', 'semi', 'non', 'anti', 'auto', 'inter', 'intra', 'ultra', 'geo', 'photo', 'electro', 'thermo', 'hydro', 'astro', 'exo', 'cryo', 'opto']);
const DERIVED_ENDINGS = new Set(['', 's', 'es', 'ic', 'ics', 'ical', 'al', 'ed', 'ing', 'er', 'ers']);

/** Is `word` a form of the steering word `wanted`: itself, an inflection, or (for a word longer than an acronym) a listed compound or derivation. */
export function isFormOf(word: string, wanted: string): boolean {
  if (wanted.length <= SHORT_WORD_MAX) return singular(word) === wanted;
  const at = word.indexOf(wanted);
  return at >= 0 && COMPOUND_PREFIXES.has(word.slice(0, at)) && DERIVED_ENDINGS.has(word.slice(at + wanted.length));
}

function usesSteeringWord(vector: SparseVector, { ids, isSteering }: Steering): boolean {
  if (!ids.length) return false;
  for (let i = 0; i < vector.ids.length; i++) if (isSteering[vector.ids[i]!]) return true;
  return false;
}

/** Does the paper use a steering word inside a compound or derived word; read from its own words, as one-off words are not in the vocabulary. */
function usesSteeringCompound(paperWords: readonly (readonly string[])[], steering: Steering): boolean {
  for (const words of paperWords) {
    for (const word of words) {
      for (const wanted of steering.compounding) if (word.length > wanted.length && isFormOf(word, wanted)) return true;
    }
  }
  return false;
}

/** Interests ready for matching; only interests that can match anything are kept. */
export interface CompiledInterests {
  readonly interests: readonly CompiledInterest[];
  /** How page words spell the interests' words; it learns as batches are matched, so reuse the compiled interests. */
  readonly lexicon: SpellingLexicon;
  /** The example models (lib/learn/model.ts) and the vocabulary they share. */
  readonly learning?: CompiledLearning;
}

function present<T>(value: T | null): value is T {
  return value !== null;
}

/** `learned`: the stored example models; those that do not fit an interest's current examples are ignored. */
export function compileInterests(interests: readonly Interest[], learned?: LearnedModels): CompiledInterests {
  const learning = compileLearning(learned, interests);
  const compiled = interests.map((interest): CompiledInterest => ({
    id: interest.id,
    weight: interest.weight ?? INTEREST_DEFAULTS.weight,
    scope: interest.scope ?? INTEREST_DEFAULTS.scope,
    terms: interest.terms.map(compileTerm).filter(present),
    authors: (interest.authors ?? [])
      .map((text) => {
        const name = parseName(text);
        return name && { text, name };
      })
      .filter(present),
    exclude: (interest.exclude ?? []).map(compileTerm).filter(present),
    ...(learning?.models.has(interest.id) ? { model: learning.models.get(interest.id)! } : {}),
    steering: NO_STEERING,
  }));
  if (learning) for (const interest of compiled) interest.steering = steeringOf(interest.terms, learning.vocabulary);
  // Without a positive part (empty, stop words only, or only exclusions) an interest matches nothing.
  const matchable = compiled.filter((interest) => interest.terms.length > 0 || interest.authors.length > 0 || interest.model);
  return {
    interests: matchable,
    lexicon: new SpellingLexicon(
      matchable.flatMap((interest) => interest.terms.flatMap((term) => term.contentWords)),
      learning?.vocabulary,
    ),
    ...(learning ? { learning } : {}),
  };
}

/** How much one term found in a field says, before typos: a title or author hit is strong, a mention in the abstract less so. */
const FIELD_EVIDENCE: Record<MatchField, number> = { title: 1, authors: 1, abstract: 0.4 };
/** A typo, an inflection or a gap weakens a hit. */
const INEXACT_FACTOR = 0.8;
/** A term found in a second field adds this share of that field's evidence. */
const REPEAT_SHARE = 0.25;
/** Evidence at which the score is one half: an abstract mention scores about 0.55, a title hit 0.75. */
const HALF_SCORE_EVIDENCE = 1 / 3;

/** A score in (0, 1) from evidence that only grows: it never reaches 1, so stronger matches always score higher (CONTRACT §2). */
export function evidenceScore(evidence: number): number {
  // Four decimals keep the output readable without merging scores a ranking must tell apart.
  return Math.max(0.0001, Math.round((evidence / (evidence + HALF_SCORE_EVIDENCE)) * 10_000) / 10_000);
}

/**
 * Our own score, not fuse.js's (which field length dominates): each distinct term counts by its best
 * field (title over abstract, exact over fuzzy), other fields add a little; the sum is scaled by the
 * interest's weight. Nothing saturates: more terms, title hits and weight always score higher.
 */
export function termEvidence(hits: readonly TermHit[]): number {
  const byTerm = new Map<string, number[]>();
  for (const hit of hits) {
    const strength = FIELD_EVIDENCE[hit.field] * (hit.exact ? 1 : INEXACT_FACTOR);
    const strengths = byTerm.get(hit.term);
    if (strengths) strengths.push(strength);
    else byTerm.set(hit.term, [strength]);
  }
  let evidence = 0;
  for (const strengths of byTerm.values()) {
    strengths.sort((a, b) => b - a);
    evidence += strengths[0]! + REPEAT_SHARE * strengths.slice(1).reduce((sum, s) => sum + s, 0);
  }
  return evidence;
}

/** Evidence of a clear resemblance (a title hit is 1); sharing the interest's words (or, where that decides the match, a compound of one) adds a fifth. */
const STEERED_BONUS = 0.2;
const SIMILAR_SHOWN = 3;
const SHARED_WORDS_SHOWN = 4;

/**
 * A batch's example vectors and their margins under every model, made for each paper on first use,
 * in shared arrays: two small typed arrays per paper cost more to allocate than to fill.
 */
class BatchVectors {
  private readonly vectors: (SparseVector | undefined)[];
  private readonly arena: VectorArena;
  /** Paper p's margin under slot s is margins[p · slots + s]. */
  private readonly margins: Float64Array;
  /** 1 where the paper's margins are in `margins`. */
  private readonly scored: Uint8Array;

  /** `split`: papers split beforehand, which keep their vectors for the next match under the same vocabulary. */
  constructor(
    private readonly learning: CompiledLearning,
    private readonly index: PaperIndex,
    papers: number,
    split?: PaperWords,
  ) {
    this.margins = new Float64Array(papers * learning.slots);
    this.scored = new Uint8Array(papers);
    const kept = split?.vectors?.vocabulary === learning.vocabulary ? split.vectors : { vocabulary: learning.vocabulary, vectors: [], arena: new VectorArena(papers) };
    if (split) split.vectors = kept;
    this.vectors = kept.vectors;
    this.arena = kept.arena;
  }

  vector(paper: number): SparseVector {
    let vector = this.vectors[paper];
    if (!vector) {
      const { vocabulary } = this.learning;
      const { codes } = this.index;
      vector = codes
        ? vocabulary.vectorizeCodes(codes.codes, codes.starts[2 * paper]!, codes.starts[2 * paper + 1]!, codes.starts[2 * paper + 2]!, this.arena)
        : vocabulary.vectorizeWords(this.index.titleWords[paper]!, this.index.abstractWords[paper]!, this.arena);
      this.vectors[paper] = vector;
    }
    if (!this.scored[paper]) {
      marginsOf(this.learning, vector, this.margins, paper * this.learning.slots);
      this.scored[paper] = 1;
    }
    return vector;
  }

  margin(paper: number, slot: number): number {
    this.vector(paper);
    return this.margins[paper * this.learning.slots + slot]!;
  }
}

/** The examples of positive cosine, closest first (ties in the examples' order), at most `limit`. */
function closestExamples(cosines: Float64Array, limit: number): number[] {
  const closest: number[] = [];
  for (let example = 0; example < cosines.length; example++) {
    const cosine = cosines[example]!;
    if (cosine <= 0) continue;
    let at = closest.length;
    while (at > 0 && cosines[closest[at - 1]!]! < cosine) at--;
    insertWithin(closest, at, example, limit);
  }
  return closest;
}

/** How the paper resembles the interest's examples: the evidence it adds, and the examples it is most like. */
function exampleResemblance(interest: CompiledInterest, learning: CompiledLearning, batch: BatchVectors, index: PaperIndex, paper: number, hasTermHits: boolean): { evidence: number; similar: SimilarPaper[] } | undefined {
  const model = interest.model!;
  const margin = batch.margin(paper, model.slot);
  const { thresholds } = model;
  // Most papers fall short of both thresholds: only the rest are checked for the interest's words.
  if (margin < Math.min(thresholds.steered, thresholds.alone)) return undefined;
  const vector = batch.vector(paper);
  // A compound is looked for only where it decides the match (the paper's words are many; a match above `alone` stands anyway).
  const steered =
    hasTermHits ||
    usesSteeringWord(vector, interest.steering) ||
    (margin >= thresholds.steered && margin < thresholds.alone && usesSteeringCompound([index.titleWords[paper]!, index.abstractWords[paper]!], interest.steering));
  if (margin < (steered ? thresholds.steered : thresholds.alone)) return undefined;
  // The closest example's shared words explain the match (badge, popup, CLI); the others are named
  // only, by the model's own objects (a copy each for thousands of matches is that much more garbage).
  const { cosines, words } = learning.vocabulary.compare(vector, model.exampleIndex, SHARED_WORDS_SHOWN);
  const similar = closestExamples(cosines, SIMILAR_SHOWN).map((i, rank): SimilarPaper => (rank === 0 && words.length ? { ...model.examples[i]!, words } : model.examples[i]!));
  // A paper that shares no word with any example is no like of them, however the margin came out (a
  // paper of words the model never saw scores its bias, which can stand above a store of one style).
  if (!similar.length) return undefined;
  // 0.73 at the threshold, growing with the margin, so closer papers score higher.
  const evidence = 1 / (1 + Math.exp(-(margin - thresholds.steered + 1)));
  return { evidence: evidence + (steered ? STEERED_BONUS : 0), similar };
}

/**
 * One result array per paper, same order; [] for no match. Results are sorted by score, strongest first.
 * `split`: the papers' words, split beforehand (paperWords), when the same papers are matched again and again.
 */
export function matchPapers(compiled: CompiledInterests, papers: readonly MatchablePaper[], split?: PaperWords): InterestMatch[][] {
  const results: InterestMatch[][] = papers.map(() => []);
  let paperIndex: PaperIndex | undefined;
  let authorIndex: AuthorIndex | undefined;
  const text = (): PaperIndex => (paperIndex ??= new PaperIndex(papers, compiled.lexicon, split));
  const authorWords = new Map<number, string[]>();
  const isVetoed = (interest: CompiledInterest, paper: number): boolean => {
    if (!interest.exclude.length) return false;
    let authors = authorWords.get(paper);
    if (!authors) authorWords.set(paper, (authors = textWords((papers[paper]?.authors ?? []).join(', '))));
    const fields = [text().titleWords[paper] as string[], text().abstractWords[paper] as string[], authors];
    return interest.exclude.some((term) => fields.some((words) => containsPhrase(words, term.words)));
  };

  const { learning } = compiled;
  let batch: BatchVectors | undefined;

  for (const interest of compiled.interests) {
    const hitsByPaper = new Map<number, TermHit[]>();
    const addHit = (paper: number, hit: TermHit): void => {
      const hits = hitsByPaper.get(paper);
      if (hits) hits.push(hit);
      else hitsByPaper.set(paper, [hit]);
    };
    for (const term of interest.terms) {
      for (const [paper, fieldHits] of findTerm(term, text(), interest.scope)) {
        for (const { field, exact } of fieldHits) addHit(paper, { term: term.text, field, exact });
      }
    }
    for (const author of interest.authors) {
      for (const [paper, exact] of (authorIndex ??= new AuthorIndex(papers)).find(author.name)) {
        addHit(paper, { term: author.text, field: 'authors', exact });
      }
    }
    if (interest.model && learning) {
      batch ??= new BatchVectors(learning, text(), papers.length, split);
      for (let paper = 0; paper < papers.length; paper++) {
        const hits = hitsByPaper.get(paper);
        const resemblance = exampleResemblance(interest, learning, batch, text(), paper, !!hits);
        if ((!hits && !resemblance) || isVetoed(interest, paper)) continue;
        const evidence = (hits ? termEvidence(hits) : 0) + (resemblance?.evidence ?? 0);
        results[paper]!.push({ interest: interest.id, score: evidenceScore(evidence * interest.weight), terms: hits ?? [], ...(resemblance?.similar.length ? { similar: resemblance.similar } : {}) });
      }
      continue;
    }
    for (const [paper, hits] of hitsByPaper) {
      if (!isVetoed(interest, paper)) results[paper]?.push({ interest: interest.id, score: evidenceScore(termEvidence(hits) * interest.weight), terms: hits });
    }
  }
  for (const matches of results) matches.sort((a, b) => b.score - a.score);
  return results;
}
