import type { MatchView } from '../lib/messages';

/** Interest chips with the matched terms in their tooltip, as in the page badge. */
export function MatchChips({ matches }: { matches: MatchView[] }) {
  return (
    <ul class="chips">
      {matches.map((m) => (
        <li
          key={m.interest}
          class="chip"
          style={{ '--chip': m.color }}
          title={m.terms.map((t) => `${t.term} — ${t.field}${t.exact ? '' : ', fuzzy'}`).join('\n')}
        >
          {m.label}
          <span class="terms">{m.terms.map((t) => t.term).filter((v, i, all) => all.indexOf(v) === i).join(', ')}</span>
        </li>
      ))}
    </ul>
  );
}
