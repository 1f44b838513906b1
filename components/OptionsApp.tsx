/** The options page: interests (edit, import, export), re-match progress, notifications, your data. */
import { useEffect, useState } from 'preact/hooks';
import { REMATCH_STATE_KEY, type RematchState } from '../lib/rematch-state';
import { isBackupObject } from '../lib/data-state';
import { restoreBackup } from '../lib/db/backup';
import { withDatabase } from '../lib/db/schema';
import { parseInterestsText, type Interest } from '../lib/interests';
import { isUsable, mergeImported, newInterest } from '../lib/interests-edit';
import { t } from '../lib/i18n';
import { request } from '../lib/messaging';
import { InterestEditor } from './InterestEditor';
import { NotificationSettings } from './NotificationSettings';
import { DataSettings } from './DataSettings';
import { SyncSettings } from './SyncSettings';
import { downloadJson } from './download';
import { StorageWarning } from './StorageWarning';
import { useStored } from './use-stored';

export function OptionsApp() {
  const [interests, setInterests] = useState<Interest[] | undefined>();
  const [dirty, setDirty] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const rematch = useStored<RematchState>(REMATCH_STATE_KEY);

  useEffect(() => {
    request<'getInterests'>({ type: 'getInterests' }).then(
      (r) => setInterests(r.interests),
      (err: unknown) => setMessage({ kind: 'error', text: t('errorPrefix', String(err)) }),
    );
  }, []);

  async function save(next: Interest[]): Promise<boolean> {
    if (!next.every(isUsable)) {
      setMessage({ kind: 'error', text: t('interestInvalid') });
      return false;
    }
    try {
      const saved = await request<'setInterests'>({ type: 'setInterests', interests: next });
      setInterests(saved.interests);
      setDirty(false);
      return true;
    } catch (err) {
      setMessage({ kind: 'error', text: t('errorPrefix', err instanceof Error ? err.message : String(err)) });
      return false;
    }
  }

  /** An interests file is merged into the list; a full backup (CONTRACT §3 wrapped) replaces all data. */
  async function importFile(file: File): Promise<void> {
    try {
      const parsed = parseInterestsText(await file.text());
      if (isBackupObject(parsed)) {
        const restored = await withDatabase((db) => restoreBackup(db, parsed));
        await request<'dataReplaced'>({ type: 'dataReplaced' });
        setInterests(restored.interests);
        setDirty(false);
        setMessage({ kind: 'ok', text: t('backupImported', [String(restored.counts.papers ?? 0), String(restored.interests.length)]) });
        return;
      }
      const imported = parsed.interests;
      if (await save(mergeImported(interests ?? [], imported))) setMessage({ kind: 'ok', text: t('imported', String(imported.length)) });
    } catch (err) {
      setMessage({ kind: 'error', text: t('importFailed', err instanceof Error ? err.message : String(err)) });
    }
  }

  const edit = (next: Interest[]) => {
    setInterests(next);
    setDirty(true);
    setMessage(undefined);
  };

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <StorageWarning />
      <section aria-labelledby="interests-heading">
        <h2 id="interests-heading">{t('interestsHeading')}</h2>
        <p class="help">{t('interestsHelp')}</p>
        <div class="toolbar">
          <label class="button">
            {t('importInterests')}
            <input
              type="file"
              accept="application/json,.json"
              data-paperlight-import
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                e.currentTarget.value = '';
                if (file) void importFile(file);
              }}
            />
          </label>
          <button type="button" disabled={!interests} onClick={() => downloadJson('paperlight-interests.json', { interests })}>
            {t('exportInterests')}
          </button>
        </div>
        {message && (
          <p class={message.kind === 'ok' ? 'ok' : 'warning'} role="status">
            {message.text}
          </p>
        )}
        {rematch && !rematch.finished && <p role="status">{t('rematchProgress', [String(rematch.done), String(rematch.total)])}</p>}
        {rematch?.finished && !dirty && <p class="note">{t('rematchDone')}</p>}
        {interests === undefined ? (
          <p>{t('loading')}</p>
        ) : (
          <>
            {!interests.length && <p class="note">{t('noInterests')}</p>}
            {interests.map((interest, i) => (
              <InterestEditor
                key={interest.id}
                interest={interest}
                index={i}
                onChange={(next) => edit(interests.map((x, j) => (j === i ? next : x)))}
                onRemove={() => edit(interests.filter((_, j) => j !== i))}
              />
            ))}
            <div class="toolbar">
              <button type="button" onClick={() => edit([...interests, newInterest(interests, '')])}>
                {t('addInterest')}
              </button>
              <button type="button" class="primary" disabled={!dirty} onClick={() => void save(interests).then((ok) => ok && setMessage({ kind: 'ok', text: t('saved') }))}>
                {t('save')}
              </button>
              {dirty && <span class="note">{t('unsavedChanges')}</span>}
            </div>
          </>
        )}
      </section>
      <NotificationSettings />
      <SyncSettings />
      <DataSettings
        onWiped={() => {
          setInterests([]);
          setDirty(false);
        }}
      />
    </main>
  );
}
