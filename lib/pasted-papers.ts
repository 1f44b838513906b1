/**
 * Pasted papers (arXiv ids or titles) as interest examples, filled in from the store when it knows
 * them: ids through getPapers, titles through the store search (exact title only). A paper the
 * store has never seen is kept by its id or title alone (issue 16 §2).
 */
import { exampleFrom, parsePastedPapers, type KnownPaper } from './interests-edit';
import type { ExamplePaper } from './interests';
import { request } from './messaging';

const foldTitle = (title: string) => title.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, ' ').trim();

export async function resolvePastedPapers(text: string): Promise<ExamplePaper[]> {
  const pasted = parsePastedPapers(text);
  const keys = pasted.flatMap((p) => ('arxiv' in p ? [`arxiv:${p.arxiv}`] : []));
  const byKey = new Map<string, KnownPaper>();
  if (keys.length) for (const paper of (await request<'getPapers'>({ type: 'getPapers', keys })).papers) byKey.set(paper.key, paper);
  const examples: ExamplePaper[] = [];
  // One search at a time: the background lets a page's newer search stop its older one.
  for (const item of pasted) {
    if ('arxiv' in item) {
      examples.push(exampleFrom(item, byKey.get(`arxiv:${item.arxiv}`)));
      continue;
    }
    const found = await request<'search'>({ type: 'search', query: item.title }).catch(() => ({ papers: [] }));
    examples.push(exampleFrom(item, found.papers.find((p) => foldTitle(p.title) === foldTitle(item.title))));
  }
  return examples;
}
