/**
 * Reading a file the user imports into the options page: an interests file (CONTRACT §3), a full
 * backup, or a plain list of topics, one per line. Every failure says where (line and column, or
 * which interest by number, name and id), states limits with their numbers, and that nothing was
 * imported, so the user can fix the file and try again. Validation itself is parseInterestsFile's.
 */
import { InterestsFileError, MAX_INTERESTS, parseInterestsFile, type Interest, type InterestsFile } from './interests';
import { interestProblems, newInterest } from './interests-edit';
import { isBackupObject } from './data-state';

export class ImportError extends Error {
  override name = 'ImportError';
}

const NOTHING = 'Nothing was imported.';

/** The longest topic line a plain-text import accepts (the interests file's limit on a term). */
export const MAX_TOPIC_LENGTH = 200;

export type ParsedImport = { kind: 'backup'; file: InterestsFile } | { kind: 'interests'; interests: Interest[]; format: 'json' | 'text' };

/** Line and column (1-based) of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * Where JSON.parse stopped, from its message: V8 says "at position N" (newer versions add
 * "(line L column C)"), Firefox "at line L column C of the JSON data".
 */
function jsonErrorAt(text: string, message: string): { line: number; column: number; reason: string } | undefined {
  const reason = message
    .replace(/^JSON\.parse: /, '')
    .replace(/,? ?(in JSON )?at (position \d+|line \d+ column \d+)( of the JSON data)?/, '')
    .replace(/ ?\(line \d+ column \d+\)/, '')
    .trim();
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]), reason };
  const position = /position (\d+)/.exec(message);
  if (position) return { ...lineAndColumn(text, Number(position[1])), reason };
  // "Unexpected end of JSON input" carries no position: it is the end.
  if (/end of (JSON|data)/i.test(message)) return { ...lineAndColumn(text, text.length), reason };
  return undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    const at = jsonErrorAt(text, message);
    throw new ImportError(
      at
        ? `The file is not valid JSON: line ${at.line}, column ${at.column}: ${at.reason}. ${NOTHING}`
        : `The file is not valid JSON (${message}). ${NOTHING}`,
    );
  }
}

/** "interest 3, “Diffusion models” (id diffusion)" for the item at `index` of the raw file. */
export function nameInterest(raw: unknown, index: number): string {
  const r = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const label = typeof r.label === 'string' && r.label.trim() ? ` “${r.label.trim()}”` : '';
  const id = typeof r.id === 'string' && r.id.trim() ? ` (id ${r.id.trim()})` : '';
  return `interest ${index + 1}${label}${id}`;
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** parseInterestsFile's located messages (`interests[3].terms[0] …`) with the interest named. */
function validated(raw: unknown): InterestsFile {
  const list = raw && typeof raw === 'object' ? (raw as { interests?: unknown }).interests : undefined;
  if (Array.isArray(list) && list.length > MAX_INTERESTS)
    throw new ImportError(`The file holds ${list.length} interests; Paperlight keeps at most ${MAX_INTERESTS}. ${NOTHING}`);
  try {
    return parseInterestsFile(raw);
  } catch (err) {
    if (!(err instanceof InterestsFileError)) throw err;
    const located = /^interests\[(\d+)\]\.?(.*)$/.exec(err.message);
    if (!located || !Array.isArray(list)) throw new ImportError(`${capitalised(err.message)}. ${NOTHING}`);
    const index = Number(located[1]);
    throw new ImportError(`${capitalised(nameInterest(list[index], index))}: ${located[2]}. ${NOTHING}`);
  }
}

/** Every interest must be able to match something; the first that cannot is named. */
function checkUsable(interests: readonly Interest[]): void {
  interests.forEach((interest, index) => {
    const [problem] = interestProblems(interest);
    if (problem) throw new ImportError(`${capitalised(nameInterest(interest, index))} ${problem.message}. ${NOTHING}`);
  });
}

/** One topic per line: each becomes an interest named by it, with it as its only term. Blank lines and `#` comments are skipped. */
export function parseTopicLines(text: string, existing: readonly Interest[]): Interest[] {
  const interests: Interest[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((line, i) => {
    const topic = line.trim();
    if (!topic || topic.startsWith('#')) return;
    if (topic.length > MAX_TOPIC_LENGTH)
      throw new ImportError(`Line ${i + 1} is ${topic.length} characters long; a topic may have at most ${MAX_TOPIC_LENGTH}. ${NOTHING}`);
    const folded = topic.toLowerCase();
    if (seen.has(folded)) return;
    seen.add(folded);
    if (interests.length === MAX_INTERESTS)
      throw new ImportError(`The file lists more than ${MAX_INTERESTS} topics; Paperlight keeps at most ${MAX_INTERESTS} interests. ${NOTHING}`);
    interests.push({ ...newInterest([...existing, ...interests], topic), terms: [topic] });
  });
  if (!interests.length) throw new ImportError(`The file lists no topics: write one topic per line. ${NOTHING}`);
  return interests;
}

/**
 * Read an imported file. JSON when it starts with `{` or `[` (or the name ends in .json), else a
 * plain list of topics. `existing` are the user's interests, for fresh ids and colours.
 */
export function parseImport(text: string, existing: readonly Interest[], fileName = ''): ParsedImport {
  const body = text.replace(/^\uFEFF/, '');
  const trimmed = body.trimStart();
  if (/\.json$/i.test(fileName) || trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const raw = parseJson(body);
    const file = validated(raw);
    if (isBackupObject(file)) return { kind: 'backup', file };
    checkUsable(file.interests);
    return { kind: 'interests', interests: file.interests, format: 'json' };
  }
  return { kind: 'interests', interests: parseTopicLines(body, existing), format: 'text' };
}

/** The list after an import, or an error with the numbers when it would hold too many interests. */
export function withinLimit(current: readonly Interest[], imported: readonly Interest[], merged: readonly Interest[]): void {
  if (merged.length <= MAX_INTERESTS) return;
  const added = merged.length - current.length;
  throw new ImportError(
    `The file holds ${imported.length} interests (${added} new); with your ${current.length} that makes ${merged.length}, ` +
      `and Paperlight keeps at most ${MAX_INTERESTS}. ${NOTHING} Remove some interests first, or import a shorter file.`,
  );
}
