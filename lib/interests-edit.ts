/** Pure helpers behind the options page's interest editor and the welcome page. */
import { parseArxivId, paperKey } from './ids';
import { canMatch, INTEREST_DEFAULTS, interestIdFor, PALETTE, type ExamplePaper, type Interest } from './interests';

/** Lines of a textarea as a clean list. */
export function linesToList(text: string): string[] {
  return text.split('\n').map((s) => s.trim()).filter(Boolean);
}

/** The first palette colour no interest uses yet; once all are taken, the least used one. */
export function unusedColor(existing: readonly Interest[]): string {
  const uses = new Map<string, number>(PALETTE.map((c) => [c, 0]));
  for (const interest of existing) {
    const color = interest.color?.toLowerCase();
    if (color && uses.has(color)) uses.set(color, uses.get(color)! + 1);
  }
  const fewest = Math.min(...uses.values());
  return PALETTE.find((c) => uses.get(c) === fewest)!;
}

export function newInterest(existing: readonly Interest[], label: string): Interest {
  const id = interestIdFor(label, new Set(existing.map((i) => i.id)));
  return { id, label, terms: [], color: unusedColor(existing) };
}

/** What keeps an interest from being saved, by the field the user must fix. */
export interface InterestProblem {
  field: 'label' | 'terms';
  code: 'noLabel' | 'nothingToMatch';
  /** The same in English, for import messages ("… has no name"). */
  message: string;
}

export function interestProblems(interest: Interest): InterestProblem[] {
  const problems: InterestProblem[] = [];
  if (!interest.label.trim()) problems.push({ field: 'label', code: 'noLabel', message: 'has no name' });
  if (!canMatch(interest)) problems.push({ field: 'terms', code: 'nothingToMatch', message: 'has no keyword, author or example paper to match' });
  return problems;
}

/** An interest that can match something: a name and at least one term, author or example. */
export function isUsable(interest: Interest): boolean {
  return interestProblems(interest).length === 0;
}

/** Imported interests replace those with the same id and come after the others otherwise. */
export function mergeImported(current: readonly Interest[], imported: readonly Interest[]): Interest[] {
  const byId = new Map(imported.map((i) => [i.id, i]));
  const kept = current.map((i) => byId.get(i.id) ?? i);
  const keptIds = new Set(current.map((i) => i.id));
  return [...kept, ...imported.filter((i) => !keptIds.has(i.id))];
}

/** One line of pasted papers: an arXiv id (or arXiv URL), else a title. */
export type PastedPaper = { arxiv: string } | { title: string };

/** Pasted lines as papers; blank lines and repeats are skipped. */
export function parsePastedPapers(text: string): PastedPaper[] {
  const seen = new Set<string>();
  const out: PastedPaper[] = [];
  for (const line of linesToList(text)) {
    const arxiv = parseArxivId(line);
    const item: PastedPaper = arxiv ? { arxiv } : { title: line.replace(/\s+/g, ' ') };
    const key = 'arxiv' in item ? `arxiv:${item.arxiv}` : item.title.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(item);
  }
  return out;
}

/** What the store knows of a pasted paper (getPapers or a search), if anything. */
export interface KnownPaper {
  key: string;
  title: string;
  authors?: string[];
  abstract?: string;
  ids?: ExamplePaper['ids'];
}

/** A pasted paper as an example: what the store knows of it, else its title or id alone. */
export function exampleFrom(pasted: PastedPaper, known?: KnownPaper): ExamplePaper {
  if (known) {
    return {
      key: known.key,
      title: known.title,
      ...(known.ids && Object.keys(known.ids).length ? { ids: known.ids } : {}),
      ...(known.authors?.length ? { authors: known.authors } : {}),
      ...(known.abstract ? { abstract: known.abstract } : {}),
    };
  }
  if ('arxiv' in pasted) return { key: `arxiv:${pasted.arxiv}`, title: `arXiv:${pasted.arxiv}`, ids: { arxiv: pasted.arxiv } };
  return { key: paperKey({}, pasted.title), title: pasted.title };
}

/** Examples added to a list, skipping papers it holds already (same key). */
export function addExamples(current: readonly ExamplePaper[] | undefined, added: readonly ExamplePaper[]): ExamplePaper[] {
  const keys = new Set((current ?? []).map((e) => e.key ?? e.title.toLowerCase()));
  return [...(current ?? []), ...added.filter((e) => !keys.has(e.key ?? e.title.toLowerCase()))];
}

/** The one line a collapsed interest card shows: what it looks for, in a few words. */
export function interestSummary(interest: Interest, maxTerms = 4): { terms: string[]; more: number; authors: number; examples: number; excluded: number } {
  return {
    terms: interest.terms.slice(0, maxTerms),
    more: Math.max(0, interest.terms.length - maxTerms),
    authors: interest.authors?.length ?? 0,
    examples: interest.examples?.length ?? 0,
    excluded: interest.exclude?.length ?? 0,
  };
}

/** How a weight changes ranking, for the sentence next to the weight field. */
export function weightEffect(weight: number | undefined): 'stronger' | 'same' | 'weaker' {
  const w = weight ?? INTEREST_DEFAULTS.weight;
  return w > 1 ? 'stronger' : w < 1 ? 'weaker' : 'same';
}

/** Of the match scores a preview found, how many clear a notification threshold (strictly, as lib/notify/plan.ts). */
export function aboveThreshold(scores: readonly number[], threshold: number | undefined): number {
  const t = threshold ?? INTEREST_DEFAULTS.threshold;
  return scores.filter((s) => s > t).length;
}
