/**
 * One interest as a card: collapsed, a one-line summary of what it looks for and what it matches;
 * expanded, its fields, each explained where it is set. Controlled: changes go up through `onChange`.
 */
import { useRef } from 'preact/hooks';
import { INTEREST_DEFAULTS, type Interest } from '../lib/interests';
import { aboveThreshold, interestSummary, weightEffect, type InterestProblem } from '../lib/interests-edit';
import { t } from '../lib/i18n';
import { ExamplesField } from './ExamplesField';
import { InterestPreview, PreviewCount, usePreview, type PreviewState } from './InterestPreview';
import { ListField } from './ListField';

interface Props {
  interest: Interest;
  index: number;
  /** The colour shown when the interest has none of its own. */
  color: string;
  expanded: boolean;
  onToggle: () => void;
  problems: readonly InterestProblem[];
  onChange: (next: Interest) => void;
  onRemove: () => void;
  /** Changes when the background may have learned new example models (usePreview). */
  modelsVersion?: number;
}

/** The id of a field of the interest at `index`, so the page can move focus to it. */
export const fieldId = (index: number, field: string) => `interest-${index}-${field}`;

function Summary({ interest }: { interest: Interest }) {
  const s = interestSummary(interest);
  const parts = [
    s.terms.length ? s.terms.join(', ') + (s.more ? ` ${t('summaryMore', String(s.more))}` : '') : '',
    s.authors ? (s.authors === 1 ? t('summaryAuthorOne') : t('summaryAuthors', String(s.authors))) : '',
    s.examples ? (s.examples === 1 ? t('summaryExampleOne') : t('summaryExamples', String(s.examples))) : '',
    s.excluded ? t('summaryExcluded', String(s.excluded)) : '',
  ].filter(Boolean);
  return <span class="summary-what">{parts.length ? parts.join(' · ') : t('summaryNothing')}</span>;
}

function WeightHelp({ weight }: { weight: number | undefined }) {
  const w = String(weight ?? INTEREST_DEFAULTS.weight);
  const effect = weightEffect(weight);
  return <>{t(effect === 'stronger' ? 'weightStronger' : effect === 'weaker' ? 'weightWeaker' : 'weightSame', w)}</>;
}

function ThresholdHelp({ interest, preview }: { interest: Interest; preview: PreviewState }) {
  const threshold = interest.threshold ?? INTEREST_DEFAULTS.threshold;
  if (!(interest.notify ?? INTEREST_DEFAULTS.notify)) return <>{t('thresholdOff')}</>;
  const scores = preview.state === 'ready' ? preview.preview.scores : undefined;
  return (
    <>
      {t('thresholdHelp')}{' '}
      {scores && t('thresholdEffect', [String(aboveThreshold(scores, threshold)), String(scores.length), threshold.toFixed(2)])}
    </>
  );
}

export function InterestEditor({ interest, index, color, expanded, onToggle, problems, onChange, onRemove, modelsVersion }: Props) {
  const card = useRef<HTMLFieldSetElement>(null);
  const preview = usePreview(interest, card, modelsVersion);
  const id = (field: string) => fieldId(index, field);
  const set = (patch: Partial<Interest>) => onChange({ ...interest, ...patch });
  const problem = (field: InterestProblem['field']) => problems.find((p) => p.field === field);
  const labelProblem = problem('label');
  const termsProblem = problem('terms');
  const notify = interest.notify ?? INTEREST_DEFAULTS.notify;
  const name = interest.label || t('newInterestLabel');

  return (
    <fieldset ref={card} class={`interest${expanded ? ' expanded' : ''}${problems.length ? ' invalid' : ''}`} data-interest-id={interest.id} style={{ '--chip': color }}>
      <legend class="visually-hidden">{name}</legend>
      <div class="card-head">
        <button type="button" class="card-toggle" aria-expanded={expanded} aria-controls={id('body')} onClick={onToggle}>
          <span class="swatch" aria-hidden="true" />
          <span class="card-label">{name}</span>
          <span class="card-action">{expanded ? t('collapseInterest') : t('editInterest')}</span>
        </button>
        <p class="summary">
          <Summary interest={interest} />
          <br />
          <PreviewCount preview={preview} />
          {' · '}
          {t('summaryWeight', String(interest.weight ?? INTEREST_DEFAULTS.weight))}
          {' · '}
          {notify ? t('summaryNotify', (interest.threshold ?? INTEREST_DEFAULTS.threshold).toFixed(2)) : t('summaryNoNotify')}
        </p>
        {problems.length > 0 && !expanded && <p class="field-error">{problems.map((p) => t(p.code === 'noLabel' ? 'problemNoLabel' : 'problemNothingToMatch')).join(' ')}</p>}
      </div>
      {expanded && (
        <div id={id('body')} class="card-body">
          <label for={id('label')}>{t('fieldLabel')}</label>
          <input id={id('label')} value={interest.label} aria-invalid={!!labelProblem} aria-describedby={labelProblem ? id('label-error') : undefined}
            onInput={(e) => set({ label: e.currentTarget.value })} />
          {labelProblem && <p id={id('label-error')} class="field-error">{t('problemNoLabel')}</p>}

          <label for={id('terms')}>{t('fieldTerms')}</label>
          <p class="help" id={id('terms-help')}>{t('termsHelp')}</p>
          <ListField id={id('terms')} rows={3} items={interest.terms} onItems={(terms) => set({ terms })}
            invalid={!!termsProblem} describedBy={termsProblem ? `${id('terms-error')} ${id('terms-help')}` : id('terms-help')} />
          {termsProblem && <p id={id('terms-error')} class="field-error">{t('problemNothingToMatch')}</p>}

          <label for={id('authors')}>{t('fieldAuthors')}</label>
          <ListField id={id('authors')} rows={2} items={interest.authors ?? []} onItems={(authors) => set({ authors })} />
          <label for={id('exclude')}>{t('fieldExclude')}</label>
          <ListField id={id('exclude')} rows={2} items={interest.exclude ?? []} onItems={(exclude) => set({ exclude })} />

          <ExamplesField id={id('examples')} interest={interest} onChange={(patch) => set(patch)} />

          <div class="settings-grid">
            <label for={id('scope')}>{t('fieldScope')}</label>
            <select id={id('scope')} value={interest.scope ?? INTEREST_DEFAULTS.scope} onChange={(e) => set({ scope: e.currentTarget.value as Interest['scope'] })}>
              <option value="title+abstract">{t('scopeTitleAbstract')}</option>
              <option value="title">{t('scopeTitle')}</option>
            </select>
            <span />

            <label for={id('weight')}>{t('fieldWeight')}</label>
            <input id={id('weight')} type="number" min={0.5} max={3} step={0.5} value={interest.weight ?? INTEREST_DEFAULTS.weight} aria-describedby={id('weight-help')}
              onInput={(e) => set({ weight: Number(e.currentTarget.value) || INTEREST_DEFAULTS.weight })} />
            <p class="help" id={id('weight-help')}><WeightHelp weight={interest.weight} /></p>

            <span />
            <label class="inline">
              <input type="checkbox" checked={notify} onChange={(e) => set({ notify: e.currentTarget.checked })} /> {t('fieldNotify')}
            </label>

            <label for={id('threshold')}>{t('fieldThreshold')}</label>
            <input id={id('threshold')} type="number" min={0} max={1} step={0.05} value={interest.threshold ?? INTEREST_DEFAULTS.threshold}
              disabled={!notify} aria-describedby={id('threshold-help')}
              onInput={(e) => {
                const value = e.currentTarget.valueAsNumber;
                if (value >= 0 && value <= 1) set({ threshold: value });
              }} />
            <p class="help" id={id('threshold-help')} aria-live="polite"><ThresholdHelp interest={interest} preview={preview} /></p>

            <label for={id('color')}>{t('fieldColor')}</label>
            <input id={id('color')} type="color" value={color} onInput={(e) => set({ color: e.currentTarget.value })} />
            <span />
          </div>
          <InterestPreview preview={preview} />
          <div class="toolbar">
            <button type="button" class="danger" onClick={onRemove}>
              {t('removeNamedInterest', name)}
            </button>
          </div>
        </div>
      )}
    </fieldset>
  );
}
