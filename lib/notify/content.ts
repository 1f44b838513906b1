/** The words of each notification, from the papers in it. Pure apart from the i18n lookup. */
import { t } from '../i18n';

export interface NotifiedPaper {
  key: string;
  title: string;
  url?: string;
  /** Labels of the interests it is notified for, strongest first. */
  interests: string[];
  /** Page it was first seen on. */
  page: string;
}

export interface NotificationText {
  title: string;
  message: string;
  contextMessage: string;
}

/** Titles shown in the body of a grouped notification or a digest. */
const LISTED = 3;

/** `arxiv.org/list/cs/new`: enough to recognise the page. */
export function whereSeen(page: string): string {
  try {
    const url = new URL(page);
    return (url.host + url.pathname).replace(/\/$/, '');
  } catch {
    return page;
  }
}

/** Labels in order of how many papers carry them, each once. */
function labelsOf(papers: readonly NotifiedPaper[]): string[] {
  const counts = new Map<string, number>();
  for (const p of papers) for (const label of p.interests) counts.set(label, (counts.get(label) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([label]) => label);
}

function titleList(papers: readonly NotifiedPaper[]): string {
  const lines = papers.slice(0, LISTED).map((p) => `• ${p.title}`);
  if (papers.length > LISTED) lines.push(t('notifyMore', String(papers.length - LISTED)));
  return lines.join('\n');
}

/** One paper: its title, what it matched and where. Several: "5 new papers on Diffusion models". */
export function papersText(papers: readonly NotifiedPaper[]): NotificationText {
  const where = [...new Set(papers.map((p) => whereSeen(p.page)))].join(', ');
  if (papers.length === 1) {
    const [paper] = papers as [NotifiedPaper];
    return { title: paper.title, message: t('notifyMatches', paper.interests.join(', ')), contextMessage: t('notifySeenOn', where) };
  }
  return {
    title: t('notifyGroupTitle', [String(papers.length), labelsOf(papers).join(', ')]),
    message: titleList(papers),
    contextMessage: t('notifySeenOn', where),
  };
}

/** The digest: how many new papers, the top few by rank (already ordered), their interests. */
export function digestText(ranked: readonly NotifiedPaper[]): NotificationText {
  return {
    title: ranked.length === 1 ? t('digestTitleOne') : t('digestTitle', String(ranked.length)),
    message: titleList(ranked),
    contextMessage: t('notifyMatches', labelsOf(ranked).join(', ')),
  };
}
