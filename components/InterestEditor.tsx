/** Editing one interest. Controlled: every change goes up through `onChange`. */
import { INTEREST_DEFAULTS, PALETTE, type Interest } from '../lib/interests';
import { InterestPreview } from './InterestPreview';
import { ListField } from './ListField';
import { t } from '../lib/i18n';

interface Props {
  interest: Interest;
  index: number;
  onChange: (next: Interest) => void;
  onRemove: () => void;
}

export function InterestEditor({ interest, index, onChange, onRemove }: Props) {
  const id = `interest-${index}`;
  const set = (patch: Partial<Interest>) => onChange({ ...interest, ...patch });
  const color = interest.color ?? PALETTE[index % PALETTE.length]!;
  return (
    <fieldset class="interest" data-interest-id={interest.id} style={{ '--chip': color }}>
      <legend>{interest.label || t('newInterestLabel')}</legend>
      <label for={`${id}-label`}>{t('fieldLabel')}</label>
      <input id={`${id}-label`} value={interest.label} onInput={(e) => set({ label: e.currentTarget.value })} />
      <label for={`${id}-terms`}>{t('fieldTerms')}</label>
      <ListField id={`${id}-terms`} rows={3} items={interest.terms} onItems={(terms) => set({ terms })} />
      <label for={`${id}-authors`}>{t('fieldAuthors')}</label>
      <ListField id={`${id}-authors`} rows={2} items={interest.authors ?? []} onItems={(authors) => set({ authors })} />
      <label for={`${id}-exclude`}>{t('fieldExclude')}</label>
      <ListField id={`${id}-exclude`} rows={2} items={interest.exclude ?? []} onItems={(exclude) => set({ exclude })} />
      <div class="row">
        <label>
          {t('fieldColor')} <input type="color" value={color} onInput={(e) => set({ color: e.currentTarget.value })} />
        </label>
        <label>
          {t('fieldWeight')}{' '}
          <input type="number" min={0.5} max={3} step={0.5} value={interest.weight ?? INTEREST_DEFAULTS.weight}
            onInput={(e) => set({ weight: Number(e.currentTarget.value) || INTEREST_DEFAULTS.weight })} />
        </label>
        <label>
          {t('fieldScope')}{' '}
          <select value={interest.scope ?? INTEREST_DEFAULTS.scope} onChange={(e) => set({ scope: e.currentTarget.value as Interest['scope'] })}>
            <option value="title+abstract">{t('scopeTitleAbstract')}</option>
            <option value="title">{t('scopeTitle')}</option>
          </select>
        </label>
        <label>
          <input type="checkbox" checked={interest.notify ?? INTEREST_DEFAULTS.notify} onChange={(e) => set({ notify: e.currentTarget.checked })} /> {t('fieldNotify')}
        </label>
        <label>
          {t('fieldThreshold')}{' '}
          <input type="number" min={0} max={1} step={0.05} value={interest.threshold ?? INTEREST_DEFAULTS.threshold}
            disabled={!(interest.notify ?? INTEREST_DEFAULTS.notify)}
            onInput={(e) => {
              const value = e.currentTarget.valueAsNumber;
              if (value >= 0 && value <= 1) set({ threshold: value });
            }} />
        </label>
        <button type="button" class="danger" onClick={onRemove}>
          {t('removeInterest')}
        </button>
      </div>
      <InterestPreview interest={interest} />
    </fieldset>
  );
}
