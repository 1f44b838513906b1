/** Pieces the popup's rows and the page's badge panel share: interest chips, marked text, "seen" marks, "More like this". */
import { useState } from 'preact/hooks';
import type { TextPart } from '../lib/highlight';
import { siteName } from '../lib/adapters/sites';
import { t } from '../lib/i18n';
import { likeExample } from './like-example';
import { dayLabel } from './dates';
import type { EntryState, MatchView } from '../lib/messages';

/** "seen 3 Dec on arXiv": the reader met this paper on an earlier day. */
export function seenLabel(seen: NonNullable<EntryState['seen']>): string {
  return t('seenBefore', [dayLabel(seen.day), siteName(seen.site)]);
}

export function Marked({ parts }: { parts: readonly TextPart[] }) {
  return <>{parts.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : p.text))}</>;
}

/** Interest chips with the matched terms and why; "like ‹example›" when the interest's examples brought it. */
export function MatchChips({ matches }: { matches: MatchView[] }) {
  return (
    <ul class="chips">
      {matches.map((m) => (
        <li
          key={m.interest}
          class="chip"
          style={{ '--chip': m.color }}
          title={m.terms.map((x) => `${x.term} — ${x.field}${x.exact ? '' : ', fuzzy'}`).join('\n')}
        >
          {m.label}
          <span class="terms">
            {m.terms.map((x) => x.term).filter((v, i, all) => all.indexOf(v) === i).join(', ')}
            {m.similar?.length ? `${m.terms.length ? ' · ' : ''}${likeExample(m.similar[0]!)}` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Which interest a paper should teach: a named one, the ones it matched (neither named), or a new one. */
export interface MoreLikeThisChoice {
  interest?: string;
  newInterest?: string;
}

/**
 * "More like this": offers the interests the paper matched, a picker of the others, and a new
 * interest from this paper. The other interests are asked for only when the menu opens.
 */
export function MoreLikeThis({
  matches,
  interests,
  onChoose,
}: {
  matches: readonly MatchView[];
  interests: () => Promise<{ id: string; label: string }[]>;
  onChoose: (choice: MoreLikeThisChoice) => void;
}) {
  const [open, setOpen] = useState(false);
  const [others, setOthers] = useState<{ id: string; label: string }[]>();
  const [name, setName] = useState('');
  const matched = new Set(matches.map((m) => m.interest));
  const choose = (choice: MoreLikeThisChoice) => {
    setOpen(false);
    onChoose(choice);
  };
  return (
    <span class="more-like-this">
      <button
        type="button"
        data-paperlight-action="more-like-this"
        aria-expanded={open}
        onClick={() => {
          setOpen(!open);
          if (!others) void interests().then((all) => setOthers(all.filter((i) => !matched.has(i.id))), () => setOthers([]));
        }}
      >
        {t('moreLikeThis')}
      </button>
      {open && (
        <span class="menu" role="group" aria-label={t('moreLikeThis')}>
          {matches.map((m) => (
            <button key={m.interest} type="button" onClick={() => choose({ interest: m.interest })}>
              {t('teachInterest', m.label)}
            </button>
          ))}
          {others && others.length > 0 && (
            <select aria-label={t('teachOther')} value="" onChange={(e) => e.currentTarget.value && choose({ interest: e.currentTarget.value })}>
              <option value="">{t('teachOther')}</option>
              {others.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.label}
                </option>
              ))}
            </select>
          )}
          <form
            class="new-interest"
            onSubmit={(e) => {
              e.preventDefault();
              if (name.trim()) choose({ newInterest: name.trim() });
            }}
          >
            <input type="text" aria-label={t('newInterestFromPaper')} placeholder={t('newInterestFromPaper')} value={name} maxLength={80} onInput={(e) => setName(e.currentTarget.value)} />
            <button type="submit" disabled={!name.trim()}>
              {t('newInterestCreate')}
            </button>
          </form>
        </span>
      )}
    </span>
  );
}
