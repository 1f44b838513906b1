/** One paper in the popup: title (link), authors, interests and terms, signals, where seen, actions. */
import { ADAPTERS } from '../lib/adapters';
import { highlight, type TextPart } from '../lib/highlight';
import { t } from '../lib/i18n';
import type { PaperStatePatch, PopupPaper } from '../lib/messages';
import { MatchChips } from './MatchChips';

const siteNames = new Map(ADAPTERS.map((a) => [a.id, a.name]));

/** "A. Author, B. Author, … Z. Last" style shortening for long author lists. */
export function shortAuthors(authors: readonly string[] | undefined, max = 3): string {
  if (!authors?.length) return '';
  return authors.length <= max ? authors.join(', ') : `${authors.slice(0, max - 1).join(', ')}, … ${authors[authors.length - 1]}`;
}

/** Only http(s) links are rendered; anything else shows as plain text. */
export function safeHref(url: string | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

function Marked({ parts }: { parts: TextPart[] }) {
  return <>{parts.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : p.text))}</>;
}

const fmt = (n: number) => n.toFixed(2);

export interface RowActions {
  open(paper: PopupPaper): void;
  setState(paper: PopupPaper, patch: PaperStatePatch): void;
  copyBibtex(paper: PopupPaper): void;
}

interface Props {
  paper: PopupPaper;
  actions: RowActions;
  selected?: boolean;
  now: number;
}

export function PaperRow({ paper, actions, selected = false, now }: Props) {
  const href = safeHref(paper.url);
  const terms = paper.matches.flatMap((m) => m.terms.filter((x) => x.field !== 'authors').map((x) => x.term));
  const sites = [...new Set(paper.seen.map((s) => siteNames.get(s.site) ?? s.site))];
  const abstractHit = paper.matches.some((m) => m.terms.some((x) => x.field === 'abstract'));
  const rank = paper.rank;
  const isNew = now - paper.firstSeen < 86_400_000;
  return (
    <li
      class={`paper${selected ? ' selected' : ''}${paper.read ? ' read' : ''}`}
      data-paperlight-key={paper.key}
      aria-current={selected ? 'true' : undefined}
      title={rank ? t('whyRank', [fmt(rank.score), fmt(rank.parts.personal), fmt(rank.parts.popular), fmt(rank.parts.breadth), fmt(rank.parts.velocity), fmt(rank.parts.novelty)]) : undefined}
    >
      {href ? (
        <a class="title" href={href} target="_blank" rel="noopener noreferrer" onClick={() => actions.setState(paper, { read: true })}>
          <Marked parts={highlight(paper.title, terms)} />
        </a>
      ) : (
        <span class="title">
          <Marked parts={highlight(paper.title, terms)} />
        </span>
      )}
      {paper.authors?.length ? <div class="authors">{shortAuthors(paper.authors)}</div> : null}
      {abstractHit && paper.abstract ? (
        <p class="excerpt">
          <Marked parts={highlight(paper.abstract, terms)} />
        </p>
      ) : null}
      <MatchChips matches={paper.matches} />
      <div class="meta">
        {paper.signals?.upvotes !== undefined && <span aria-label={t('upvotesLabel', String(paper.signals.upvotes))}>{t('upvotes', String(paper.signals.upvotes))}</span>}
        {rank && rank.upvotesPerDay >= 1 && <span>{t('velocity', String(Math.round(rank.upvotesPerDay)))}</span>}
        {paper.signals?.comments !== undefined && <span>{t('comments', String(paper.signals.comments))}</span>}
        {paper.signals?.citations !== undefined && <span>{t('citations', String(paper.signals.citations))}</span>}
        <span>{t('seenOn', sites.join(', '))}</span>
        <span>{isNew ? t('newToday') : t('firstSeen', new Date(paper.firstSeen).toLocaleDateString())}</span>
      </div>
      <div class="actions">
        <button type="button" aria-pressed={paper.starred} onClick={() => actions.setState(paper, { starred: !paper.starred })}>
          {paper.starred ? `★ ${t('unstar')}` : `☆ ${t('star')}`}
        </button>
        <button type="button" onClick={() => actions.setState(paper, { dismissed: true })}>
          {t('dismiss')}
        </button>
        <button type="button" onClick={() => actions.copyBibtex(paper)}>
          {t('copyBibtex')}
        </button>
      </div>
    </li>
  );
}
