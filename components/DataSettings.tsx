/**
 * The options page's "Your data" section: generic detection on all sites (an optional permission),
 * how long sightings are kept, backup export, and deleting everything. A backup is imported through
 * the interests import button (OptionsApp), which recognises the backup format.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { dayOf } from '../lib/clock';
import { exportBackup } from '../lib/db/backup';
import { withDatabase } from '../lib/db/schema';
import { ALL_SITES, DEFAULT_RETENTION, RETENTION_CHOICES, RETENTION_KEY, type Retention } from '../lib/data-state';
import { t } from '../lib/i18n';
import { request } from '../lib/messaging';
import { downloadBlob } from './download';
import { useStored } from './use-stored';

export function DataSettings({ onWiped }: { onWiped: () => void }) {
  const [generic, setGeneric] = useState<boolean>();
  const retention = useStored<Retention>(RETENTION_KEY) ?? DEFAULT_RETENTION;
  const [confirmWipe, setConfirmWipe] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const fail = (err: unknown) => setMessage({ kind: 'error', text: t('errorPrefix', err instanceof Error ? err.message : String(err)) });

  useEffect(() => {
    browser.permissions.contains(ALL_SITES).then(setGeneric, fail);
  }, []);

  async function toggleGeneric(on: boolean): Promise<void> {
    try {
      // Requested from the click itself: browsers only show the permission prompt for a user gesture.
      setGeneric(on ? await browser.permissions.request(ALL_SITES) : !(await browser.permissions.remove(ALL_SITES)));
    } catch (err) {
      fail(err);
    }
  }

  async function exportAll(): Promise<void> {
    try {
      const { parts, counts } = await withDatabase((db) => exportBackup(db, Date.now()));
      downloadBlob(`paperlight-backup-${dayOf(Date.now())}.json`, new Blob(parts, { type: 'application/json' }));
      setMessage({ kind: 'ok', text: t('backupExported', String(counts.papers ?? 0)) });
    } catch (err) {
      fail(err);
    }
  }

  async function wipeAll(): Promise<void> {
    setConfirmWipe(false);
    try {
      await request<'wipe'>({ type: 'wipe' });
      setMessage({ kind: 'ok', text: t('wiped') });
      onWiped();
    } catch (err) {
      fail(err);
    }
  }

  return (
    <section aria-labelledby="data-heading" data-paperlight-data>
      <h2 id="data-heading">{t('dataHeading')}</h2>
      <p>
        <label>
          <input type="checkbox" name="generic" checked={!!generic} disabled={generic === undefined} onChange={(e) => void toggleGeneric(e.currentTarget.checked)} />{' '}
          {t('genericDetection')}
        </label>
      </p>
      <p class="note">{t('genericDetectionHelp')}</p>
      <p>
        <label>
          {t('retention')}{' '}
          <select
            name="retention"
            value={String(retention.days)}
            onChange={(e) => {
              const days = e.currentTarget.value === 'null' ? null : Number(e.currentTarget.value);
              request<'setRetention'>({ type: 'setRetention', retention: { days } }).then(() => setMessage({ kind: 'ok', text: t('saved') }), fail);
            }}
          >
            {RETENTION_CHOICES.map((days) => (
              <option key={String(days)} value={String(days)}>
                {days === null ? t('retentionForever') : t('retentionDays', String(days))}
              </option>
            ))}
          </select>
        </label>
      </p>
      <p class="note">{t('retentionHelp')}</p>
      <div class="toolbar">
        <button type="button" onClick={() => void exportAll()}>
          {t('exportBackup')}
        </button>
        {confirmWipe ? (
          <>
            <button type="button" class="danger" onClick={() => void wipeAll()}>
              {t('wipeConfirm')}
            </button>
            <button type="button" onClick={() => setConfirmWipe(false)}>
              {t('cancel')}
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirmWipe(true)}>
            {t('wipe')}
          </button>
        )}
      </div>
      <p class="note">{t('backupHelp')}</p>
      {message && (
        <p class={message.kind === 'ok' ? 'ok' : 'warning'} role="status">
          {message.text}
        </p>
      )}
    </section>
  );
}
