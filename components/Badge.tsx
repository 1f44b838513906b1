/**
 * The in-page badge on a matching entry: one chip per matched interest; activating it opens a
 * small panel saying which terms matched in which field. Lives in a shadow root (see
 * lib/content/decorate.ts), so page styles neither leak in nor get broken.
 */
import { useState } from 'preact/hooks';
import type { MatchView } from '../lib/messages';
import type { TermHit } from '../lib/match/types';

function describeTerm(t: TermHit): string {
  return `${t.term} — ${t.field}${t.exact ? '' : ', fuzzy'}`;
}

export function Badge({ matches }: { matches: MatchView[] }) {
  const [open, setOpen] = useState(false);
  const summary = matches.map((m) => `${m.label}: ${m.terms.map(describeTerm).join('; ')}`).join('\n');
  return (
    <span class="badge">
      <button
        type="button"
        class="chips"
        aria-expanded={open}
        aria-label={`Paperlight matches: ${matches.map((m) => m.label).join(', ')}`}
        title={summary}
        onClick={(e) => {
          // The badge may sit next to a link or inside a clickable card; it must not navigate.
          e.preventDefault();
          e.stopPropagation();
          setOpen(!open);
        }}
      >
        {matches.map((m) => (
          <span key={m.interest} class="chip" style={{ '--chip': m.color }}>
            {m.label}
          </span>
        ))}
      </button>
      {open && (
        <span class="panel" role="note">
          {matches.map((m) => (
            <span key={m.interest} class="row">
              <span class="label" style={{ '--chip': m.color }}>
                {m.label}
              </span>
              {m.terms.map((t) => (
                <span key={`${t.term}/${t.field}`} class={t.exact ? 'term' : 'term fuzzy'}>
                  {t.term} <em>{t.field}</em>
                </span>
              ))}
            </span>
          ))}
        </span>
      )}
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
.panel { position: absolute; z-index: 2147483647; top: calc(100% + 4px); left: 0; min-width: 16em; max-width: 28em;
  background: #fff; color: #111827; border: 1px solid #d1d5db; border-radius: 8px; padding: 6px 8px;
  box-shadow: 0 6px 20px rgba(0,0,0,.15); display: flex; flex-direction: column; gap: 4px; line-height: 1.4; }
.row { display: flex; flex-wrap: wrap; gap: 4px; align-items: center; }
.label { font-weight: 600; color: var(--chip); margin-right: 2px; }
.term { background: #f3f4f6; border-radius: 4px; padding: 0 4px; }
.term em { font-style: normal; color: #6b7280; }
.term.fuzzy { border: 1px dashed #9ca3af; }
@media (prefers-color-scheme: dark) {
  .panel { background: #1f2937; color: #f9fafb; border-color: #374151; }
  .term { background: #374151; }
  .term em { color: #d1d5db; }
}
`;
