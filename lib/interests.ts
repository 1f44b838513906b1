/**
 * The interest model and the interests file (CONTRACT §3). Validation returns clear, located
 * errors and never drops unknown fields, so files from newer versions survive a round trip.
 */
import type { PaperIds } from './ids';

export type FieldScope = 'title' | 'title+abstract';

/** A paper the user gave as an example (or counterexample) of an interest (CONTRACT §3). */
export interface ExamplePaper {
  title: string;
  key?: string;
  ids?: PaperIds;
  authors?: string[];
  abstract?: string;
}

export interface Interest {
  id: string;
  label: string;
  /** Keywords and phrases. */
  terms: string[];
  /** Author names, matched on the authors field only. */
  authors?: string[];
  /** Terms that veto a paper whatever field mentions them. */
  exclude?: string[];
  /** Badge and chip colour, `#rrggbb`. */
  color?: string;
  /** Relative importance in ranking, default 1. */
  weight?: number;
  /** Where terms are looked for, default title + abstract. */
  scope?: FieldScope;
  /** Notify about new matches, default true. */
  notify?: boolean;
  /** Minimum match score for a notification, default 0.5. */
  threshold?: number;
  /** Papers that show what the interest means: starred, "More like this", or pasted by the user. */
  examples?: ExamplePaper[];
  /** Papers the user said are not it ("Not interested" on a match). */
  counterexamples?: ExamplePaper[];
  /** Unknown fields are kept as they are. */
  [extra: string]: unknown;
}

export interface InterestsFile {
  interests: Interest[];
  [extra: string]: unknown;
}

export const INTEREST_DEFAULTS = { weight: 1, scope: 'title+abstract' as FieldScope, notify: true, threshold: 0.5 };

/** The interest is taught by example papers (and so matches, once learned, by resemblance too). */
export function hasExamples(interest: Interest): boolean {
  return !!interest.examples?.length;
}

/** The interest has words to match by: a keyword or an author. */
export function hasWords(interest: Interest): boolean {
  return interest.terms.length > 0 || (interest.authors?.length ?? 0) > 0;
}

/** The interest has something to match by: a keyword, an author or an example paper. */
export function canMatch(interest: Interest): boolean {
  return hasWords(interest) || hasExamples(interest);
}

/** What the matcher reads of an interest (lib/match/matcher.ts compileInterests, and the example model); label, colour and notification settings are not in it. */
function matchingDefinition(interest: Interest): string {
  return JSON.stringify([
    interest.terms,
    interest.authors ?? [],
    interest.exclude ?? [],
    interest.scope ?? INTEREST_DEFAULTS.scope,
    interest.weight ?? INTEREST_DEFAULTS.weight,
    interest.examples ?? [],
    interest.counterexamples ?? [],
  ]);
}

/** Which stored matches an edit of the interests list makes stale. */
export interface InterestChanges {
  /** Added, or changed in what the matcher reads: the store needs matching against these. */
  changed: string[];
  /** Gone: their matches are deleted, no paper needs matching. */
  removed: string[];
}

export function matchingChanges(before: readonly Interest[], after: readonly Interest[]): InterestChanges {
  const previous = new Map(before.map((i) => [i.id, matchingDefinition(i)]));
  const kept = new Set(after.map((i) => i.id));
  return {
    changed: after.filter((i) => previous.get(i.id) !== matchingDefinition(i)).map((i) => i.id),
    removed: before.filter((i) => !kept.has(i.id)).map((i) => i.id),
  };
}

/** A readable palette; new interests take the next colour. */
export const PALETTE = ['#2563eb', '#db2777', '#059669', '#d97706', '#7c3aed', '#0891b2', '#dc2626', '#4d7c0f'];

export class InterestsFileError extends Error {
  override name = 'InterestsFileError';
}

export const MAX_INTERESTS = 500;
const MAX_TERMS = 200;
const MAX_TERM_LENGTH = 200;

function stringList(value: unknown, where: string, required: boolean): string[] | undefined {
  if (value === undefined && !required) return undefined;
  if (!Array.isArray(value)) throw new InterestsFileError(`${where} must be a list of strings`);
  if (value.length > MAX_TERMS) throw new InterestsFileError(`${where} has more than ${MAX_TERMS} entries`);
  return value.map((v, i) => {
    if (typeof v !== 'string') throw new InterestsFileError(`${where}[${i}] must be a string`);
    if (v.length > MAX_TERM_LENGTH) throw new InterestsFileError(`${where}[${i}] is longer than ${MAX_TERM_LENGTH} characters`);
    return v.trim();
  }).filter(Boolean);
}

/** Examples (or counterexamples) an interest holds at most; the oldest go first when a new one would pass it. */
export const MAX_EXAMPLES = 200;
const MAX_TITLE_LENGTH = 1000;
const MAX_ABSTRACT_LENGTH = 20_000;

function optionalText(r: Record<string, unknown>, field: string, where: string, max: number): string | undefined {
  const value = r[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new InterestsFileError(`${where}.${field} must be a string`);
  if (value.length > max) throw new InterestsFileError(`${where}.${field} is longer than ${max} characters`);
  return value;
}

/** A paper shaped like `detect` output (CONTRACT §3): title required; key, ids, authors, abstract optional. */
function parseExample(raw: unknown, where: string): ExamplePaper {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new InterestsFileError(`${where} must be an object with a "title"`);
  const r = raw as Record<string, unknown>;
  const title = optionalText(r, 'title', where, MAX_TITLE_LENGTH)?.trim();
  if (!title) throw new InterestsFileError(`${where}.title must be a non-empty string`);
  const key = optionalText(r, 'key', where, MAX_TITLE_LENGTH);
  const abstract = optionalText(r, 'abstract', where, MAX_ABSTRACT_LENGTH);
  const authors = stringList(r.authors, `${where}.authors`, false);
  if (r.ids !== undefined && (!r.ids || typeof r.ids !== 'object' || Array.isArray(r.ids) || !Object.values(r.ids).every((v) => typeof v === 'string')))
    throw new InterestsFileError(`${where}.ids must be an object of strings`);
  return { ...r, title, ...(key !== undefined ? { key } : {}), ...(abstract !== undefined ? { abstract } : {}), ...(authors ? { authors } : {}) } as ExamplePaper;
}

function exampleList(value: unknown, where: string): ExamplePaper[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new InterestsFileError(`${where} must be a list of papers`);
  if (value.length > MAX_EXAMPLES) throw new InterestsFileError(`${where} has more than ${MAX_EXAMPLES} papers`);
  return value.map((item, i) => parseExample(item, `${where}[${i}]`));
}

/** Validate one interest; `where` names it in error messages. */
export function parseInterest(raw: unknown, where = 'interest'): Interest {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new InterestsFileError(`${where} must be an object`);
  const r = raw as Record<string, unknown>;
  if (typeof r.id !== 'string' || !r.id.trim()) throw new InterestsFileError(`${where}.id must be a non-empty string`);
  if (typeof r.label !== 'string' || !r.label.trim()) throw new InterestsFileError(`${where}.label must be a non-empty string`);
  const terms = stringList(r.terms, `${where}.terms`, true) as string[];
  const authors = stringList(r.authors, `${where}.authors`, false);
  const exclude = stringList(r.exclude, `${where}.exclude`, false);
  if (r.color !== undefined && (typeof r.color !== 'string' || !/^#[0-9a-f]{6}$/i.test(r.color)))
    throw new InterestsFileError(`${where}.color must look like #1a2b3c`);
  if (r.weight !== undefined && (typeof r.weight !== 'number' || !(r.weight > 0) || r.weight > 10))
    throw new InterestsFileError(`${where}.weight must be a number in (0, 10]`);
  if (r.scope !== undefined && r.scope !== 'title' && r.scope !== 'title+abstract')
    throw new InterestsFileError(`${where}.scope must be "title" or "title+abstract"`);
  if (r.notify !== undefined && typeof r.notify !== 'boolean') throw new InterestsFileError(`${where}.notify must be true or false`);
  if (r.threshold !== undefined && (typeof r.threshold !== 'number' || r.threshold < 0 || r.threshold > 1))
    throw new InterestsFileError(`${where}.threshold must be a number between 0 and 1`);
  const examples = exampleList(r.examples, `${where}.examples`);
  const counterexamples = exampleList(r.counterexamples, `${where}.counterexamples`);
  return {
    ...r,
    id: r.id.trim(),
    label: r.label.trim(),
    terms,
    ...(authors ? { authors } : {}),
    ...(exclude ? { exclude } : {}),
    ...(examples ? { examples } : {}),
    ...(counterexamples ? { counterexamples } : {}),
  } as Interest;
}

/** Validate an interests file (or a full backup, which wraps it). Throws InterestsFileError. */
export function parseInterestsFile(raw: unknown): InterestsFile {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new InterestsFileError('the file must hold a JSON object with an "interests" list');
  const r = raw as Record<string, unknown>;
  if (!Array.isArray(r.interests)) throw new InterestsFileError('"interests" must be a list');
  if (r.interests.length > MAX_INTERESTS) throw new InterestsFileError(`more than ${MAX_INTERESTS} interests`);
  const seen = new Set<string>();
  const interests = r.interests.map((item, i) => {
    const interest = parseInterest(item, `interests[${i}]`);
    if (seen.has(interest.id)) throw new InterestsFileError(`interests[${i}].id "${interest.id}" is used twice`);
    seen.add(interest.id);
    return interest;
  });
  return { ...r, interests };
}

/** Parse file text; JSON syntax errors become InterestsFileError too. */
export function parseInterestsText(text: string): InterestsFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new InterestsFileError(`not valid JSON: ${(err as Error).message}`);
  }
  return parseInterestsFile(raw);
}

/** A fresh id from a label: `Diffusion models` → `diffusion-models`, made unique among `taken`. */
export function interestIdFor(label: string, taken: ReadonlySet<string>): string {
  const base = label.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'interest';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}
