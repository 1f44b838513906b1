/**
 * The options page's sync section: one switch, kept in `storage.local` where the background's sync
 * (lib/sync/background.ts) watches it, and the last sync's report: when, what the quota left out,
 * which edits here lost to newer ones.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../lib/i18n';
import { SYNC_STATE_KEY, type SyncState } from '../lib/sync/engine';

async function readState(): Promise<SyncState> {
  const stored = (await browser.storage.local.get(SYNC_STATE_KEY))[SYNC_STATE_KEY] as SyncState | undefined;
  return stored ?? { enabled: false };
}

export function SyncSettings() {
  const [state, setState] = useState<SyncState>();

  useEffect(() => {
    void readState().then(setState);
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && changes[SYNC_STATE_KEY]) setState((changes[SYNC_STATE_KEY].newValue as SyncState | undefined) ?? { enabled: false });
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, []);

  async function toggle(enabled: boolean): Promise<void> {
    await browser.storage.local.set({ [SYNC_STATE_KEY]: { ...(await readState()), enabled } satisfies SyncState });
  }

  const report = state?.enabled ? state.report : undefined;
  return (
    <section aria-labelledby="sync-heading" data-paperlight-sync>
      <h2 id="sync-heading">{t('syncHeading')}</h2>
      <label>
        <input type="checkbox" name="sync" checked={state?.enabled ?? false} disabled={!state} onChange={(e) => void toggle(e.currentTarget.checked)} />{' '}
        {t('syncEnable')}
      </label>
      <p class="note">{t('syncHelp')}</p>
      {state?.enabled && !report && <p role="status">{t('syncWaiting')}</p>}
      {report && (
        <div role="status">
          {report.error ? <p class="warning">{report.error}</p> : <p class="ok">{t('syncLast', new Date(report.at).toLocaleString())}</p>}
          {report.leftOut.length > 0 && (
            <>
              <p class="warning">{t('syncLeftOut')}</p>
              <ul>
                {report.leftOut.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </>
          )}
          {report.replaced.length > 0 && <p class="warning">{t('syncReplaced', report.replaced.join(', '))}</p>}
          {report.unreadable.length > 0 && <p class="warning">{t('syncUnreadable', String(report.unreadable.length))}</p>}
        </div>
      )}
    </section>
  );
}
