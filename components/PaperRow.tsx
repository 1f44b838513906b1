/**
 * One paper in the popup, compact for scanning: the title, then one line with the interests it
 * matched, shortened authors, venue or site, the paper's own date and signals. Expanded (by its
 * button, a click on the row, or j/k), it shows the excerpt with the matched words, why it matched,
 * where and when it was first seen, and the actions, with a short-lived notice (and Undo) beside them.
 */
import type { ComponentChildren } from 'preact';
import { siteName } from '../lib/adapters/sites';
import { highlight } from '../lib/highlight';
import { t } from '../lib/i18n';
import type { PaperStatePatch, PopupPaper } from '../lib/messages';
import { Marked, MatchChips, MoreLikeThis, type MoreLikeThisChoice } from './MatchChips';
import { dayLabel, paperDateLabel } from './dates';
import { dayOf } from '../lib/clock';

/** Collapsed rows of a long list all have this height (ui.css `.paper`), so it can render only the rows in view; a short list's rows fit their titles. */
export const ROW_HEIGHT = 56;

/** "A. Author, B. Author, … Z. Last" style shortening for long author lists. */
export function shortAuthors(authors: readonly string[] | undefined, max = 3): string {
  if (!authors?.length) return '';
  return authors.length <= max ? authors.join(', ') : `${authors.slice(0, max - 1).join(', ')}, … ${authors[authors.length - 1]}`;
}

/** Only http(s) links are rendered; anything else shows as plain text. */
export function safeHref(url: string | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

const fmt = (n: number) => n.toFixed(2);

export interface RowActions {
  open(paper: PopupPaper): void;
  setState(paper: PopupPaper, patch: PaperStatePatch): void;
  copyBibtex(paper: PopupPaper): void;
  moreLikeThis(paper: PopupPaper, choice: MoreLikeThisChoice): void;
  interests(): Promise<{ id: string; label: string }[]>;
  toggle(paper: PopupPaper): void;
}

/** A short-lived message shown beside the button that caused it, with an undo when the action can be undone. */
export interface RowNotice {
  key: string;
  text: string;
  undo?: () => void;
}

interface Props {
  paper: PopupPaper;
  actions: RowActions;
  selected?: boolean;
  expanded?: boolean;
  notice?: RowNotice;
  /** Words searched for, marked in the title and excerpt as well as the matched terms. */
  searched?: readonly string[];
  now: number;
}

export function NoticeLine({ notice }: { notice: RowNotice | undefined }) {
  if (!notice) return null;
  return (
    <span class="notice" role="status">
      {notice.text}
      {notice.undo && (
        <button type="button" class="link" data-paperlight-action="undo" onClick={notice.undo}>
          {t('undo')}
        </button>
      )}
    </span>
  );
}

function Signals({ paper }: { paper: PopupPaper }) {
  const rank = paper.rank;
  const parts: ComponentChildren[] = [];
  if (paper.signals?.upvotes !== undefined)
    parts.push(<span key="u" aria-label={t('upvotesLabel', String(paper.signals.upvotes))}>{t('upvotes', String(paper.signals.upvotes))}</span>);
  if (rank && rank.upvotesPerDay >= 1) parts.push(<span key="v">{t('velocity', String(Math.round(rank.upvotesPerDay)))}</span>);
  if (paper.signals?.comments !== undefined) parts.push(<span key="c">{t('comments', String(paper.signals.comments))}</span>);
  if (paper.signals?.citations !== undefined) parts.push(<span key="ci">{t('citations', String(paper.signals.citations))}</span>);
  return <>{parts}</>;
}

export function PaperRow({ paper, actions, selected = false, expanded = false, notice, searched = [], now }: Props) {
  const href = safeHref(paper.url);
  const terms = [...paper.matches.flatMap((m) => m.terms.filter((x) => x.field !== 'authors').map((x) => x.term)), ...searched];
  const sites = [...new Set(paper.seen.map((s) => siteName(s.site)))];
  const rank = paper.rank;
  const date = paperDateLabel(paper);
  const where = paper.venue ?? sites[0];
  const title = <Marked parts={highlight(paper.title, terms)} />;
  const state = [paper.starred && 'starred', paper.dismissed && 'dismissed', paper.read && 'read'].filter(Boolean).join(' ');
  return (
    <li
      class={`paper${selected ? ' selected' : ''}${paper.read ? ' read' : ''}${expanded ? ' expanded' : ''}`}
      data-paperlight-key={paper.key}
      data-paperlight-state={state || undefined}
      aria-current={selected ? 'true' : undefined}
      title={rank ? t('whyRank', [fmt(rank.score), fmt(rank.parts.personal), fmt(rank.parts.popular), fmt(rank.parts.breadth), fmt(rank.parts.velocity), fmt(rank.parts.novelty)]) : undefined}
      onClick={(e) => {
        // A click on the row's free space expands it; links and buttons do their own thing.
        if (!(e.target as Element).closest('a, button, select, input, form')) actions.toggle(paper);
      }}
    >
      <div class="head">
        {paper.starred && (
          <span class="star" aria-label={t('starred')}>
            ★
          </span>
        )}
        {href ? (
          <a class="title" href={href} target="_blank" rel="noopener noreferrer" onClick={() => actions.setState(paper, { read: true })}>
            {title}
          </a>
        ) : (
          <span class="title">{title}</span>
        )}
        <button type="button" class="expand" aria-expanded={expanded} aria-label={t('showDetails', paper.title)} onClick={() => actions.toggle(paper)}>
          {expanded ? '▴' : '▾'}
        </button>
      </div>
      <div class="meta">
        {paper.matches.map((m) => (
          <span key={m.interest} class="dot" style={{ '--chip': m.color }}>
            {m.label}
          </span>
        ))}
        {paper.authors?.length ? <span class="authors">{shortAuthors(paper.authors, 2)}</span> : null}
        {where && <span>{where}</span>}
        {date && <span>{date}</span>}
        <Signals paper={paper} />
      </div>
      {expanded && (
        <div class="details">
          {paper.abstract ? (
            <p class="excerpt">
              <Marked parts={highlight(paper.abstract, terms)} />
            </p>
          ) : null}
          {paper.matches.length > 0 && <MatchChips matches={paper.matches} />}
          <p class="seen-on">
            {t('seenOn', sites.join(', '))} · {dayOf(paper.firstSeen) === dayOf(now) ? t('firstSeenToday') : t('firstSeen', dayLabel(dayOf(paper.firstSeen), now))}
          </p>
          <div class="actions">
            <button type="button" data-paperlight-action="star" aria-pressed={paper.starred} onClick={() => actions.setState(paper, { starred: !paper.starred })}>
              {paper.starred ? `★ ${t('unstar')}` : `☆ ${t('star')}`}
            </button>
            <button type="button" data-paperlight-action="dismiss" aria-pressed={!!paper.dismissed} onClick={() => actions.setState(paper, { dismissed: !paper.dismissed })}>
              {paper.dismissed ? t('restore') : t('dismiss')}
            </button>
            <MoreLikeThis matches={paper.matches} interests={actions.interests} onChoose={(choice) => actions.moreLikeThis(paper, choice)} />
            <button type="button" onClick={() => actions.copyBibtex(paper)}>
              {t('copyBibtex')}
            </button>
            <NoticeLine notice={notice} />
          </div>
        </div>
      )}
    </li>
  );
}
