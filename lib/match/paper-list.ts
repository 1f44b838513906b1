/** The papers list that `npm run match` reads (CONTRACT §2): shaped like `detect` output, only `title` required. */
import type { MatchablePaper } from './types';

export class PaperListError extends Error {
  override name = 'PaperListError';
}

function optionalString(entry: Record<string, unknown>, field: string, where: string): string | undefined {
  const value = entry[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new PaperListError(`${where}.${field} must be a string`);
  return value;
}

/** Validate a parsed papers list; a paper without `key` is keyed by its position ("0", "1", …). */
export function parsePaperList(raw: unknown): MatchablePaper[] {
  if (!Array.isArray(raw)) throw new PaperListError('the papers file must hold a JSON array of papers');
  return raw.map((item: unknown, i): MatchablePaper => {
    const where = `papers[${i}]`;
    if (!item || typeof item !== 'object' || Array.isArray(item)) throw new PaperListError(`${where} must be an object`);
    const entry = item as Record<string, unknown>;
    const title = entry.title;
    if (typeof title !== 'string') throw new PaperListError(`${where}.title must be a string`);
    const authors = entry.authors;
    if (authors !== undefined && !(Array.isArray(authors) && authors.every((a) => typeof a === 'string')))
      throw new PaperListError(`${where}.authors must be a list of strings`);
    const abstract = optionalString(entry, 'abstract', where);
    return {
      key: optionalString(entry, 'key', where) ?? String(i),
      title,
      ...(authors ? { authors: authors as string[] } : {}),
      ...(abstract !== undefined ? { abstract } : {}),
    };
  });
}
