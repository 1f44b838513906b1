/**
 * The in-page badge on an entry: a star on starred papers, one chip per matched interest, and a
 * quiet "seen ‹date› on ‹site›" for a paper met on an earlier day. Activating the chips opens a
 * panel to act in: the matched words in context, why each interest matched, and the same actions
 * as the popup (star, not interested, more like this, BibTeX, open), each with an undo beside it.
 * One panel is open at a time; Escape or a click elsewhere closes it. Lives in a shadow root (see
 * lib/content/decorate.ts), so page styles neither leak in nor get broken.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { toBibtex } from '../lib/export';
import { excerpt, highlight } from '../lib/highlight';
import { t } from '../lib/i18n';
import { addedAsExample, likeExample } from './like-example';
import type { EntryState, MatchView, PaperStatePatch } from '../lib/messages';
import type { DetectedPaper } from '../lib/paper';
import { Marked, MoreLikeThis, seenLabel, type MoreLikeThisChoice } from './MatchChips';
import { safeHref } from './PaperRow';
import { useNotice } from './use-notice';

/** What the panel's buttons do, wired by the content script to the background. */
export interface PanelActions {
  setState(key: string, patch: PaperStatePatch): Promise<void>;
  /** Answers the labels of the interests the paper was added to. */
  moreLikeThis(key: string, choice: MoreLikeThisChoice): Promise<string[]>;
  interests(): Promise<{ id: string; label: string }[]>;
}

export interface BadgeProps {
  paper: DetectedPaper;
  matches: MatchView[];
  state: Omit<EntryState, 'key'>;
  actions: PanelActions;
}

/** Closes the panel open now, so opening another closes it. */
let closeOpenPanel: (() => void) | undefined;

/** The matched words in the title, else the abstract, with some context (the panel's snippet). */
function snippetOf(paper: DetectedPaper, matches: readonly MatchView[]) {
  const terms = matches.flatMap((m) => m.terms.filter((x) => x.field !== 'authors').map((x) => x.term));
  const inAbstract = matches.some((m) => m.terms.some((x) => x.field === 'abstract'));
  if (!inAbstract || !paper.abstract) return undefined;
  return excerpt(highlight(paper.abstract, terms), 200);
}

function Panel({ paper, matches, state, actions, onClose }: BadgeProps & { onClose(): void }) {
  const [notice, setNotice] = useNotice<{ text: string; undo?: PaperStatePatch }>();
  const marks = new Set(state.marks);
  const starred = marks.has('starred');
  const dismissed = marks.has('dismissed');
  const snippet = snippetOf(paper, matches);
  const href = safeHref(paper.url);
  const panel = useRef<HTMLSpanElement>(null);
  // A badge near the right edge (after a long title) opens its panel leftwards, inside the window.
  useLayoutEffect(() => {
    const el = panel.current!;
    const room = el.ownerDocument.documentElement.clientWidth - 8;
    const box = el.getBoundingClientRect();
    if (box.right > room) el.style.left = `${-Math.min(box.right - room, box.left - 8)}px`;
  }, []);

  async function act(patch: PaperStatePatch, text: string, undo: PaperStatePatch): Promise<void> {
    try {
      await actions.setState(paper.key, patch);
      setNotice({ text, undo });
    } catch (err) {
      setNotice({ text: t('errorPrefix', err instanceof Error ? err.message : String(err)) });
    }
  }

  return (
    <span class="panel" ref={panel} role="dialog" aria-label={t('badgePanelLabel', paper.title)} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      {snippet && (
        <span class="snippet">
          <Marked parts={snippet} />
        </span>
      )}
      {matches.map((m) => (
        <span key={m.interest} class="row">
          <span class="label" style={{ '--chip': m.color }}>
            {m.label}
          </span>
          {m.terms.map((x) => (
            <span key={`${x.term}/${x.field}`} class={x.exact ? 'term' : 'term fuzzy'}>
              {x.term} <em>{t(x.field === 'title' ? 'hitInTitle' : x.field === 'abstract' ? 'hitInAbstract' : 'hitInAuthors')}{x.exact ? '' : `, ${t('fuzzy')}`}</em>
            </span>
          ))}
          {m.similar?.length ? <span class="term">{likeExample(m.similar[0]!)}</span> : null}
        </span>
      ))}
      {state.seen && <span class="seen-line">{seenLabel(state.seen)}</span>}
      <span class="actions">
        <button
          type="button"
          data-paperlight-action="star"
          aria-pressed={starred}
          onClick={() => void act({ starred: !starred }, starred ? t('unstarred') : t('starred'), { starred })}
        >
          {starred ? `★ ${t('unstar')}` : `☆ ${t('star')}`}
        </button>
        <button
          type="button"
          data-paperlight-action="dismiss"
          aria-pressed={dismissed}
          onClick={() => void act({ dismissed: !dismissed }, dismissed ? t('restored') : t('dismissed'), { dismissed })}
        >
          {dismissed ? t('restore') : t('dismiss')}
        </button>
        <MoreLikeThis
          matches={matches}
          interests={actions.interests}
          onChoose={(choice) =>
            actions.moreLikeThis(paper.key, choice).then(
              (labels) => setNotice({ text: addedAsExample(labels) }),
              (err: unknown) => setNotice({ text: t('errorPrefix', err instanceof Error ? err.message : String(err)) }),
            )
          }
        />
        <button
          type="button"
          onClick={() =>
            void navigator.clipboard.writeText(toBibtex(paper)).then(
              () => setNotice({ text: t('copied') }),
              () => setNotice({ text: t('copyFailed') }),
            )
          }
        >
          {t('copyBibtex')}
        </button>
        {href && (
          <a class="open" href={href} target="_blank" rel="noopener noreferrer" onClick={() => void actions.setState(paper.key, { read: true })}>
            {t('open')}
          </a>
        )}
      </span>
      {notice && (
        <span class="notice" role="status">
          {notice.text}
          {notice.undo && (
            <button
              type="button"
              data-paperlight-action="undo"
              onClick={() => {
                const undo = notice.undo!;
                setNotice(undefined);
                void actions.setState(paper.key, undo);
              }}
            >
              {t('undo')}
            </button>
          )}
        </span>
      )}
    </span>
  );
}

export function Badge(props: BadgeProps) {
  const { matches, state } = props;
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLSpanElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const starred = state.marks.includes('starred');

  // A layout effect: the outside-click and Escape listeners are in place as soon as the panel is drawn,
  // not after the next paint (late in a busy or background tab), so a quick click away still closes it.
  useLayoutEffect(() => {
    if (!open) return;
    const close = () => setOpen(false);
    closeOpenPanel?.();
    closeOpenPanel = close;
    const doc = root.current!.ownerDocument;
    // Clicks inside the shadow root reach the document retargeted to the host: the composed path still names them.
    const onPointer = (e: Event) => {
      if (!e.composedPath().includes(root.current!)) close();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      close();
      toggle.current?.focus();
    };
    doc.addEventListener('pointerdown', onPointer, true);
    doc.addEventListener('keydown', onKey, true);
    return () => {
      if (closeOpenPanel === close) closeOpenPanel = undefined;
      doc.removeEventListener('pointerdown', onPointer, true);
      doc.removeEventListener('keydown', onKey, true);
    };
  }, [open]);

  const seen = state.seen && <span class="seen">{seenLabel(state.seen)}</span>;
  if (!matches.length && !starred) return seen || null;
  return (
    <span class="badge" ref={root}>
      <button
        ref={toggle}
        type="button"
        class="chips"
        aria-expanded={open}
        aria-label={t('badgeLabel', [starred ? `★ ${t('starred')}` : '', matches.map((m) => m.label).join(', ')].filter(Boolean).join(' · '))}
        onClick={(e) => {
          // The badge may sit next to a link or inside a clickable card; it must not navigate.
          e.preventDefault();
          e.stopPropagation();
          setOpen(!open);
        }}
      >
        {starred && <span class="star">★</span>}
        {matches.map((m) => (
          <span key={m.interest} class="chip" style={{ '--chip': m.color }}>
            {m.label}
          </span>
        ))}
      </button>
      {seen}
      {open && <Panel {...props} onClose={() => setOpen(false)} />}
    </span>
  );
}

/** Styles for the badge's shadow root. `all: initial` stops the page's inherited styles. */
export const BADGE_CSS = `
/* Line height 1: a badge no taller than the page's line leaves the entries below where they were, and
   the browser re-paints only the badges; a taller line moves every entry after it (npm run bench). */
:host { all: initial; display: inline-block; vertical-align: middle; margin-left: .4em; position: relative;
  font: 12px/1 system-ui, -apple-system, "Segoe UI", sans-serif; color: #111827; }
.chips { all: unset; cursor: pointer; display: inline-flex; gap: 3px; flex-wrap: wrap; border-radius: 999px; }
.chips:focus-visible { outline: 2px solid #2563eb; outline-offset: 2px; }
.chip { background: var(--chip); color: #fff; border-radius: 999px; padding: 1px .6em; font-weight: 600; white-space: nowrap; }
.star { color: #b45309; font-size: 13px; }
.seen { color: #6b7280; margin-left: .5em; white-space: nowrap; }
.panel { position: absolute; z-index: 2147483647; top: calc(100% + 4px); left: 0; width: max-content; min-width: 18em; max-width: 30em;
  background: #fff; color: #111827; border: 1px solid #d1d5db; border-radius: 8px; padding: 8px 10px;
  box-shadow: 0 6px 20px rgba(0,0,0,.18); display: flex; flex-direction: column; gap: 6px; line-height: 1.4; white-space: normal; }
.snippet { color: #374151; }
mark { background: #fde68a; color: #111827; border-radius: 2px; }
.row { display: flex; flex-wrap: wrap; gap: 4px; align-items: center; }
.label { font-weight: 600; color: var(--chip); margin-right: 2px; }
.term { background: #f3f4f6; border-radius: 4px; padding: 0 4px; }
.term em { font-style: normal; color: #4b5563; }
.term.fuzzy { border: 1px dashed #9ca3af; }
.seen-line { color: #4b5563; }
.actions { display: flex; flex-wrap: wrap; gap: 4px; align-items: center; }
.more-like-this { position: relative; display: inline-flex; }
.menu { position: absolute; top: calc(100% + 2px); left: 0; z-index: 1; display: flex; flex-direction: column; gap: 3px; padding: 6px; min-width: 16em;
  background: #fff; border: 1px solid #d1d5db; border-radius: 6px; box-shadow: 0 4px 14px rgba(0,0,0,.15); }
.menu button { text-align: left; }
.new-interest { display: flex; gap: 3px; }
input { font: inherit; flex: 1; padding: 2px 6px; border: 1px solid #d1d5db; border-radius: 4px; background: transparent; color: inherit; }
button, select, .open { font: inherit; padding: 2px 8px; border-radius: 6px; border: 1px solid #d1d5db; background: transparent; color: inherit; cursor: pointer; text-decoration: none; }
button:focus-visible, select:focus-visible, .open:focus-visible { outline: 2px solid #2563eb; outline-offset: 1px; }
.open { color: #1d4ed8; }
.notice { color: #15803d; display: flex; gap: 6px; align-items: center; animation: fade 6s forwards; }
@keyframes fade { 0%, 75% { opacity: 1; } 100% { opacity: 0; } }
@media (prefers-color-scheme: dark) {
  .panel, .menu { background: #1f2937; color: #f9fafb; border-color: #374151; }
  .snippet, .seen-line { color: #d1d5db; }
  .term { background: #374151; }
  .term em { color: #d1d5db; }
  .seen { color: #9ca3af; }
  button, select, .open { border-color: #4b5563; }
  .open { color: #93c5fd; }
  .notice { color: #86efac; }
}
`;
