/** What the welcome page does to the interests list: templates, pasted example papers, an author interest. */
import type { ExamplePaper, Interest } from './interests';
import { addExamples, linesToList, newInterest } from './interests-edit';
import { parseName } from './match/authors';
import { interestFromTemplate, type Template } from './templates';

/** Templates added as interests; a template already added (same label) is not added twice. */
export function addTemplates(current: readonly Interest[], templates: readonly Template[]): Interest[] {
  const labels = new Set(current.map((i) => i.label.toLowerCase()));
  const next = [...current];
  for (const template of templates) if (!labels.has(template.label.toLowerCase())) next.push(interestFromTemplate(template, next));
  return next;
}

/** Papers added as examples of the interest `target` (an id), or of a new interest labelled `newLabel`. */
export function addExamplePapers(current: readonly Interest[], examples: readonly ExamplePaper[], target: { id: string } | { newLabel: string }): { interests: Interest[]; interest: Interest } {
  if ('id' in target) {
    const index = current.findIndex((i) => i.id === target.id);
    if (index < 0) throw new Error(`no interest ${target.id}`);
    const interest = { ...current[index]!, examples: addExamples(current[index]!.examples, examples) };
    return { interests: current.map((i, j) => (j === index ? interest : i)), interest };
  }
  const interest = { ...newInterest(current, target.newLabel.trim()), examples: [...examples] };
  return { interests: [...current, interest], interest };
}

/** An author interest: the user and the co-authors they follow, labelled by `label`. */
export function addAuthorInterest(current: readonly Interest[], name: string, coauthors: string, label: string): { interests: Interest[]; interest: Interest } {
  const seen = new Set<string>();
  const authors = [name.trim(), ...linesToList(coauthors)].filter((a) => {
    const folded = a.toLowerCase();
    if (seen.has(folded)) return false;
    seen.add(folded);
    return true;
  });
  const interest = { ...newInterest(current, label), authors };
  return { interests: [...current, interest], interest };
}

/** Surname and first initial: enough to tell the user's own name among a paper's authors. */
function personKey(raw: string): string | undefined {
  const name = parseName(raw);
  if (!name) return undefined;
  const surname = name.words.slice(name.words.length - name.surnameLength).join(' ');
  const first = name.words.length > name.surnameLength ? name.words[0]![0] : '';
  return `${surname}|${first}`;
}

/** The co-authors of `name` on `papers`, most frequent first (ties in order of appearance). */
export function coauthorsOf(papers: readonly { authors?: string[] }[], name: string, limit = 12): string[] {
  const me = personKey(name);
  if (!me) return [];
  const counts = new Map<string, { name: string; count: number }>();
  for (const paper of papers) {
    const authors = paper.authors ?? [];
    if (!authors.some((a) => personKey(a) === me)) continue;
    for (const author of authors) {
      const key = personKey(author);
      if (!key || key === me) continue;
      const entry = counts.get(key) ?? { name: author.trim(), count: 0 };
      entry.count++;
      counts.set(key, entry);
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count).slice(0, limit).map((e) => e.name);
}
