/**
 * A larger proxy for example matching than the hand labels: the 200 papers (with abstracts) of a
 * saved arXiv search page, labelled by their arXiv categories. Each proxy interest is a researcher's
 * own words for a field; a paper is relevant when arXiv files it under one of the field's categories
 * (primary or cross-listed). Categories are the authors' choice, not a judge's: a labelled paper
 * may never touch the words, and an unlabelled one may well belong, so read the figures as a proxy.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPage } from '../../lib/cli/page';
import { detect } from '../../lib/detect';
import type { Interest } from '../../lib/interests';
import type { TrainingPaper } from '../../lib/learn/model';
import { crossValidate, ROOT, type ExampleScore, type LabelledCase } from './match';

const PAGE = 'arxiv/search-abstract-distributed-systems-2025-12.html';

/** Fields with enough papers on the page to give examples to some folds and be scored on others. */
const PROXY_INTERESTS: { interest: Interest; categories: RegExp }[] = [
  { interest: { id: 'quantum', label: 'Quantum computing', terms: ['quantum computing'] }, categories: /^quant-ph$/ },
  { interest: { id: 'robotics', label: 'Robotics', terms: ['robot'] }, categories: /^cs\.RO$/ },
  { interest: { id: 'vision', label: 'Computer vision', terms: ['computer vision'] }, categories: /^cs\.CV$/ },
  { interest: { id: 'control', label: 'Control', terms: ['control systems'] }, categories: /^(eess\.SY|cs\.SY|math\.OC)$/ },
  { interest: { id: 'astro', label: 'Astrophysics', terms: ['stars'] }, categories: /^astro-ph/ },
  { interest: { id: 'security', label: 'Security', terms: ['security'] }, categories: /^cs\.CR$/ },
];

interface ProxyPaper extends TrainingPaper {
  categories: string[];
}

/** The page's papers as the extension detects them, with each one's arXiv categories read from its entry. */
export function proxyPapers(): ProxyPaper[] {
  const fixtures = join(ROOT, 'tests', 'fixtures', 'pages');
  const url = (JSON.parse(readFileSync(join(fixtures, 'urls.json'), 'utf8')) as { pages: Record<string, string> }).pages[PAGE]!;
  const page = loadPage(readFileSync(join(fixtures, PAGE), 'utf8'), url);
  try {
    const categories = new Map<string, string[]>();
    for (const entry of page.document.querySelectorAll('li.arxiv-result')) {
      const id = entry.querySelector('.list-title a')?.textContent?.replace(/^arXiv:/, '').trim();
      if (id) categories.set(`arxiv:${id}`, [...entry.querySelectorAll('.tags .tag')].map((tag) => tag.textContent!.trim()));
    }
    return detect(page.document, new URL(url)).detections.map(({ paper }) => ({
      key: paper.key,
      title: paper.title,
      ...(paper.abstract ? { abstract: paper.abstract } : {}),
      categories: categories.get(paper.key) ?? [],
    }));
  } finally {
    page.close();
  }
}

/** Each proxy interest with the page's papers, relevant when arXiv files them under one of its categories. */
export function proxyCases(): LabelledCase[] {
  const papers = proxyPapers();
  return PROXY_INTERESTS.map(({ interest, categories }) => {
    const relevant = new Set(papers.filter((p) => p.categories.some((c) => categories.test(c))).map((p) => p.key));
    return { interest, papers, judge: (key: string) => relevant.has(key) };
  });
}

/** `scoredInStore`: as crossValidate's. */
export function evaluateProxy(scoredInStore = true): ExampleScore[] {
  return proxyCases().map(({ interest, papers, judge }) => crossValidate(interest, papers, judge, scoredInStore));
}
