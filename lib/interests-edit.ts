/** Pure helpers behind the options page's interest editor. */
import { interestIdFor, PALETTE, type Interest } from './interests';

/** Lines of a textarea as a clean list. */
export function linesToList(text: string): string[] {
  return text.split('\n').map((s) => s.trim()).filter(Boolean);
}

export function newInterest(existing: readonly Interest[], label: string): Interest {
  const id = interestIdFor(label, new Set(existing.map((i) => i.id)));
  return { id, label, terms: [], color: PALETTE[existing.length % PALETTE.length]! };
}

/** An interest that can match something: a name and at least one term or author. */
export function isUsable(interest: Interest): boolean {
  return !!interest.label.trim() && (interest.terms.length > 0 || (interest.authors?.length ?? 0) > 0);
}

/** Imported interests replace those with the same id and come after the others otherwise. */
export function mergeImported(current: readonly Interest[], imported: readonly Interest[]): Interest[] {
  const byId = new Map(imported.map((i) => [i.id, i]));
  const kept = current.map((i) => byId.get(i.id) ?? i);
  const keptIds = new Set(current.map((i) => i.id));
  return [...kept, ...imported.filter((i) => !keptIds.has(i.id))];
}
