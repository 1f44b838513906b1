/** Shown in the popup and the options page when storage filled up and papers could not be saved, with a way out. */
import { useState } from 'preact/hooks';
import { FREE_SPACE_DAYS, STORAGE_ERROR_KEY, type StorageError } from '../lib/data-state';
import { t } from '../lib/i18n';
import { request } from '../lib/messaging';
import { useStored } from './use-stored';

export function StorageWarning() {
  const error = useStored<StorageError>(STORAGE_ERROR_KEY);
  const [result, setResult] = useState<string>();
  if (!error) return result ? <p class="ok" role="status">{result}</p> : null;

  async function freeSpace(): Promise<void> {
    try {
      const { pruned } = await request<'prune'>({ type: 'prune', days: FREE_SPACE_DAYS });
      setResult(t('freedSpace', [String(pruned.sightings), String(pruned.papers)]));
    } catch (err) {
      setResult(t('errorPrefix', err instanceof Error ? err.message : String(err)));
    }
  }

  return (
    <div class="warning" role="alert" data-paperlight-storage-error>
      <p>{t('storageFull')}</p>
      <button type="button" onClick={() => void freeSpace()}>
        {t('freeSpace', String(FREE_SPACE_DAYS))}
      </button>
      {result && <p role="status">{result}</p>}
    </div>
  );
}
