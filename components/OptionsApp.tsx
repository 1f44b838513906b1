/** The options page: interests (edit, import, export), re-match progress, notifications, your data. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { REMATCH_STATE_KEY, type RematchState } from '../lib/rematch-state';
import { restoreBackup } from '../lib/db/backup';
import { withDatabase } from '../lib/db/schema';
import { MAX_INTERESTS, PALETTE, type Interest } from '../lib/interests';
import { interestProblems, mergeImported, newInterest, type InterestProblem } from '../lib/interests-edit';
import { ImportError, parseImport, withinLimit } from '../lib/interests-import';
import { t } from '../lib/i18n';
import { request } from '../lib/messaging';
import { fieldId, InterestEditor } from './InterestEditor';
import { NotificationSettings } from './NotificationSettings';
import { DataSettings } from './DataSettings';
import { SyncSettings } from './SyncSettings';
import { downloadJson } from './download';
import { StorageWarning } from './StorageWarning';
import { useStored } from './use-stored';

type Message = { kind: 'ok' | 'error'; text: string };

export function OptionsApp() {
  const [interests, setInterests] = useState<Interest[] | undefined>();
  const [dirty, setDirty] = useState(false);
  const [message, setMessage] = useState<Message>();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [problems, setProblems] = useState<ReadonlyMap<string, InterestProblem[]>>(new Map());
  /** The field to focus once it is rendered (a card expands first). */
  const [focusTarget, setFocusTarget] = useState<string>();
  const rematch = useStored<RematchState>(REMATCH_STATE_KEY);

  useEffect(() => {
    request<'getInterests'>({ type: 'getInterests' }).then(
      (r) => setInterests(r.interests),
      (err: unknown) => setMessage({ kind: 'error', text: t('errorPrefix', String(err)) }),
    );
  }, []);

  useEffect(() => {
    if (!focusTarget) return;
    document.getElementById(focusTarget)?.focus();
    setFocusTarget(undefined);
  }, [focusTarget]);

  const toggle = (id: string, open = !expanded.has(id)) => {
    const next = new Set(expanded);
    if (open) next.add(id);
    else next.delete(id);
    setExpanded(next);
  };

  /** Save, or mark the fields that keep it from saving and move focus to the first. */
  async function save(next: Interest[]): Promise<boolean> {
    const found = new Map(next.map((i) => [i.id, interestProblems(i)] as const).filter(([, p]) => p.length));
    setProblems(found);
    const firstBad = next.findIndex((i) => found.has(i.id));
    if (firstBad >= 0) {
      const interest = next[firstBad]!;
      toggle(interest.id, true);
      setFocusTarget(fieldId(firstBad, found.get(interest.id)![0]!.field));
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

  /** An interests file or a topic list is merged into the list; a full backup (CONTRACT §3 wrapped) replaces all data. */
  async function importFile(file: File): Promise<void> {
    const current = interests ?? [];
    try {
      const parsed = parseImport(await file.text(), current, file.name);
      if (parsed.kind === 'backup') {
        const restored = await withDatabase((db) => restoreBackup(db, parsed.file));
        await request<'dataReplaced'>({ type: 'dataReplaced' });
        setInterests(restored.interests);
        setDirty(false);
        setMessage({ kind: 'ok', text: t('backupImported', [String(restored.counts.papers ?? 0), String(restored.interests.length)]) });
        return;
      }
      const merged = mergeImported(current, parsed.interests);
      withinLimit(current, parsed.interests, merged);
      if (await save(merged)) setMessage({ kind: 'ok', text: t('imported', String(parsed.interests.length)) });
    } catch (err) {
      const text = err instanceof ImportError ? err.message : t('importFailed', err instanceof Error ? err.message : String(err));
      setMessage({ kind: 'error', text });
    }
  }

  const edit = (next: Interest[]) => {
    setInterests(next);
    setDirty(true);
    setMessage(undefined);
    // A fixed field stops being marked as the user types.
    if (problems.size) setProblems(new Map(next.map((i) => [i.id, interestProblems(i)] as const).filter(([id, p]) => p.length && problems.has(id))));
  };

  function addInterest(list: Interest[]) {
    const added = newInterest(list, '');
    edit([...list, added]);
    toggle(added.id, true);
    setFocusTarget(fieldId(list.length, 'label'));
  }

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
              accept="application/json,.json,text/plain,.txt"
              data-paperlight-import
              aria-describedby="import-help"
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
          <a class="button" href={browser.runtime.getURL('/welcome.html')}>{t('openWelcome')}</a>
        </div>
        <p class="help" id="import-help">{t('importHelp', String(MAX_INTERESTS))}</p>
        {message && (
          <p class={message.kind === 'ok' ? 'ok' : 'warning'} role={message.kind === 'ok' ? 'status' : 'alert'}>
            {message.text}
          </p>
        )}
        {rematch && !rematch.finished && <p role="status">{t('rematchProgress', [String(rematch.done), String(rematch.total)])}</p>}
        {rematch?.finished && !dirty && <p class="note">{t('rematchDone')}</p>}
        {interests === undefined ? (
          <p>{t('loading')}</p>
        ) : (
          <>
            {!interests.length && (
              <p class="note">
                {t('noInterests')} <a href={browser.runtime.getURL('/welcome.html')}>{t('startFromWelcome')}</a>
              </p>
            )}
            {interests.length > 1 && (
              <div class="toolbar">
                <button type="button" class="link" onClick={() => setExpanded(new Set(interests.map((i) => i.id)))}>{t('expandAll')}</button>
                <button type="button" class="link" onClick={() => setExpanded(new Set())}>{t('collapseAll')}</button>
              </div>
            )}
            {interests.map((interest, i) => (
              <InterestEditor
                key={interest.id}
                interest={interest}
                index={i}
                color={interest.color ?? PALETTE[i % PALETTE.length]!}
                expanded={expanded.has(interest.id)}
                onToggle={() => toggle(interest.id)}
                problems={problems.get(interest.id) ?? []}
                onChange={(next) => edit(interests.map((x, j) => (j === i ? next : x)))}
                onRemove={() => edit(interests.filter((_, j) => j !== i))}
                modelsVersion={rematch?.generation}
              />
            ))}
            <div class="toolbar save-bar">
              <button type="button" onClick={() => addInterest(interests)}>
                {t('addInterest')}
              </button>
              <button type="button" class="primary" disabled={!dirty} onClick={() => void save(interests).then((ok) => ok && setMessage({ kind: 'ok', text: t('saved') }))}>
                {t('save')}
              </button>
              {problems.size > 0 ? (
                <span class="field-error" role="alert">{t('interestsNotSaved', String(problems.size))}</span>
              ) : (
                dirty && <span class="note">{t('unsavedChanges')}</span>
              )}
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
