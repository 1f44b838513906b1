/**
 * An interest's example papers and counterexamples: listed with a remove button each, and a box to
 * paste titles or arXiv ids of papers that show what the interest means, or what it does not.
 */
import { useState } from 'preact/hooks';
import type { ExamplePaper, Interest } from '../lib/interests';
import { learnsFromWords } from '../lib/learn/fingerprint';
import { withExample, type ExampleKind } from '../lib/learn/teach';
import { resolvePastedPapers } from '../lib/pasted-papers';
import { t } from '../lib/i18n';

/**
 * Below this many examples the card says that more would find more: in npm run eval:match's learning
 * curve, one example (with the interest's words) found 9 % of the relevant papers the words miss, two
 * 15 %, three 16 %, five 35 %, ten 64 %; each finds mostly papers very close to itself.
 */
const FEW_EXAMPLES = 5;

/** What a few examples find: while the interest learns from its words too, it says so. */
function fewExamplesNote(interest: Interest): string {
  if (learnsFromWords(interest)) return t('examplesFewWords');
  const count = interest.examples?.length ?? 0;
  return count === 1 ? t('examplesFewOne') : t('examplesFew', String(count));
}

interface Props {
  id: string;
  interest: Interest;
  onChange: (patch: Pick<Interest, 'examples' | 'counterexamples'>) => void;
}

function PaperList({ papers, kind, onRemove }: { papers: ExamplePaper[]; kind: ExampleKind; onRemove: (index: number) => void }) {
  return (
    <ul class="examples" data-paperlight-examples={kind}>
      {papers.map((paper, i) => (
        <li key={paper.key ?? paper.title}>
          <span class="example-title">{paper.title}</span>
          {paper.authors?.length ? <span class="note"> — {paper.authors.slice(0, 3).join(', ')}{paper.authors.length > 3 ? ' …' : ''}</span> : null}
          <button type="button" class="link danger" aria-label={t('removeExample', paper.title)} onClick={() => onRemove(i)}>
            {t('removeInterest')}
          </button>
        </li>
      ))}
    </ul>
  );
}

export function ExamplesField({ id, interest, onChange }: Props) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string>();
  const examples = interest.examples ?? [];
  const counterexamples = interest.counterexamples ?? [];

  async function add(kind: ExampleKind): Promise<void> {
    setBusy(true);
    try {
      const found = await resolvePastedPapers(text);
      // As a star or "Not interested" teaches it: a paper is an example or a counterexample, not both.
      const next = found.reduce((edited, paper) => withExample(edited, paper, kind), interest);
      onChange({ examples: next.examples ?? [], counterexamples: next.counterexamples ?? [] });
      setText('');
      const before = (kind === 'examples' ? examples : counterexamples).length;
      setNote(t('examplesAdded', [String((next[kind]?.length ?? 0) - before), String(found.filter((e) => e.abstract || e.authors).length)]));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="examples-field">
      <h3 id={`${id}-examples-heading`}>{t('examplesHeading')}</h3>
      <p class="help">{t('examplesHelp')}</p>
      {examples.length ? (
        <>
          <PaperList papers={examples} kind="examples" onRemove={(i) => onChange({ examples: examples.filter((_, j) => j !== i), counterexamples })} />
          {examples.length < FEW_EXAMPLES && (
            <p class="note" data-paperlight-note="few-examples">{fewExamplesNote(interest)}</p>
          )}
        </>
      ) : (
        <p class="note">{t('examplesNone')}</p>
      )}
      <label for={`${id}-paste`}>{t('examplesPaste')}</label>
      <textarea id={`${id}-paste`} rows={2} value={text} placeholder={t('examplesPlaceholder')} onInput={(e) => setText(e.currentTarget.value)} />
      <div class="toolbar">
        <button type="button" disabled={busy || !text.trim()} onClick={() => void add('examples')}>
          {t('examplesAdd')}
        </button>
        <button type="button" disabled={busy || !text.trim()} onClick={() => void add('counterexamples')}>
          {t('counterexamplesAdd')}
        </button>
        {note && <span class="note" role="status">{note}</span>}
      </div>
      {counterexamples.length > 0 && (
        <>
          <h3>{t('counterexamplesHeading')}</h3>
          <p class="help">{t('counterexamplesHelp')}</p>
          {!examples.length && <p class="note" data-paperlight-note="counterexamples-idle">{t('counterexamplesIdle')}</p>}
          <PaperList papers={counterexamples} kind="counterexamples" onRemove={(i) => onChange({ examples, counterexamples: counterexamples.filter((_, j) => j !== i) })} />
        </>
      )}
    </div>
  );
}
