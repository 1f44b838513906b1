/**
 * Which stored models are current: a model is trained again when what it learned from changes
 * (the interest's examples and counterexamples, its words while it learns from them, the way of
 * training), and dropped when its interest has no examples left.
 */
import { hasExamples, hasWords, type Interest } from '../interests';
import type { LearnedModels } from './model';

/**
 * How models are trained: part of their fingerprint, so models stored by an earlier way of training are
 * trained again when the worker starts. 2: thresholds set on held-out papers. 3: an interest with one or
 * two examples also learns from the papers its words match.
 */
const TRAINING_VERSION = 3;

/**
 * An interest with fewer examples than this also learns from the papers its words (keywords,
 * authors, exclusions) match: one or two papers say little of what a subject's papers share, the
 * interest's own words say more. From this many on, its examples alone teach it.
 */
const WORDS_TEACH_BELOW = 3;

/** Whether the interest's model also learns from the papers its words match (lib/learn/model.ts). */
export function learnsFromWords(interest: Interest): boolean {
  return hasWords(interest) && (interest.examples?.length ?? 0) < WORDS_TEACH_BELOW;
}

/** FNV-1a of what the model learns from an interest, so a change of examples (or of the training) retrains it. */
export function examplesFingerprint(interest: Interest): string {
  const lists = [interest.examples ?? [], interest.counterexamples ?? []].map((list) => list.map((p) => [p.key ?? '', p.title, p.abstract ?? '']));
  const words = learnsFromWords(interest) ? [interest.terms, interest.authors ?? [], interest.exclude ?? [], interest.scope ?? ''] : [];
  const text = JSON.stringify([TRAINING_VERSION, ...lists, ...words]);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}

/** Interests whose stored model is missing or stale, or models of interests that lost their examples: training is due. */
export function needsTraining(learned: LearnedModels | undefined, interests: readonly Interest[]): boolean {
  const taught = interests.filter(hasExamples);
  const models = new Map((learned?.models ?? []).map((m) => [m.interest, m.fingerprint]));
  return models.size !== taught.length || taught.some((i) => models.get(i.id) !== examplesFingerprint(i));
}
