/**
 * How the user's actions teach interests: a starred paper or "More like this" becomes an example,
 * "Not interested" a counterexample; undoing the action takes the paper out again. Pure edits of
 * the interests list; the background saves them and retrains (lib/learn/trainer.ts).
 */
import { MAX_EXAMPLES, type ExamplePaper, type Interest } from '../interests';
import type { PaperRecord } from '../db/schema';

export type ExampleKind = 'examples' | 'counterexamples';
const OPPOSITE: Record<ExampleKind, ExampleKind> = { examples: 'counterexamples', counterexamples: 'examples' };

/** What an interest keeps of a stored paper: what the model reads and what the user recognises it by. */
export function examplePaperOf(paper: Pick<PaperRecord, 'key' | 'title' | 'ids' | 'authors' | 'abstract'>): ExamplePaper {
  return {
    key: paper.key,
    title: paper.title,
    ids: paper.ids,
    ...(paper.authors?.length ? { authors: paper.authors } : {}),
    ...(paper.abstract ? { abstract: paper.abstract } : {}),
  };
}

const without = (list: readonly ExamplePaper[] | undefined, key: string | undefined) => (list ?? []).filter((p) => key === undefined || p.key !== key);

/** `paper` added to the interest's `kind` (and out of the opposite list); the oldest go past MAX_EXAMPLES. */
export function withExample(interest: Interest, paper: ExamplePaper, kind: ExampleKind): Interest {
  const list = [...without(interest[kind], paper.key), paper].slice(-MAX_EXAMPLES);
  const opposite = without(interest[OPPOSITE[kind]], paper.key);
  const { [OPPOSITE[kind]]: _dropped, ...rest } = interest;
  return { ...rest, [kind]: list, ...(opposite.length ? { [OPPOSITE[kind]]: opposite } : {}) } as Interest;
}

/** `paper` added to `kind` of the interests `ids` (withExample). */
export function addExample(interests: readonly Interest[], ids: ReadonlySet<string>, paper: ExamplePaper, kind: ExampleKind): Interest[] {
  return interests.map((interest) => (ids.has(interest.id) ? withExample(interest, paper, kind) : interest));
}

/** The paper `key` taken out of every interest's `kind`. */
export function removeExample(interests: readonly Interest[], key: string, kind: ExampleKind): Interest[] {
  return interests.map((interest) => {
    if (!interest[kind]?.some((p) => p.key === key)) return interest;
    const list = without(interest[kind], key);
    const { [kind]: _dropped, ...rest } = interest;
    return (list.length ? { ...rest, [kind]: list } : rest) as Interest;
  });
}
