import { ADAPTERS } from '../lib/adapters';
import type { PopupPaper } from '../lib/messages';
import { t } from '../lib/i18n';
import { MatchChips } from './MatchChips';

const siteNames = new Map(ADAPTERS.map((a) => [a.id, a.name]));

/** "A. Author, B. Author, … C. Last" style shortening for long author lists. */
export function shortAuthors(authors: readonly string[] | undefined, max = 3): string {
  if (!authors?.length) return '';
  return authors.length <= max ? authors.join(', ') : `${authors.slice(0, max - 1).join(', ')}, … ${authors[authors.length - 1]}`;
}

/** Only http(s) links are rendered; anything else shows as plain text. */
export function safeHref(url: string | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

export function PaperRow({ paper }: { paper: PopupPaper }) {
  const sites = [...new Set(paper.seen.map((s) => siteNames.get(s.site) ?? s.site))];
  const href = safeHref(paper.url);
  return (
    <li class="paper" data-paperlight-key={paper.key}>
      {href ? (
        <a class="title" href={href} target="_blank" rel="noopener noreferrer">
          {paper.title}
        </a>
      ) : (
        <span class="title">{paper.title}</span>
      )}
      {paper.authors?.length ? <div class="authors">{shortAuthors(paper.authors)}</div> : null}
      <MatchChips matches={paper.matches} />
      <div class="meta">{t('seenOn', sites.join(', '))}</div>
    </li>
  );
}
