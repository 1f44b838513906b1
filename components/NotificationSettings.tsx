/** The options page's notifications section: every change is saved at once through the background. */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import { request } from '../lib/messaging';
import { MAX_PER_HOUR, type NotificationSettings as Prefs, type Settings } from '../lib/settings';

export function NotificationSettings() {
  const [settings, setSettings] = useState<Settings>();
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string }>();

  const fail = (err: unknown) => setMessage({ kind: 'error', text: t('errorPrefix', err instanceof Error ? err.message : String(err)) });

  useEffect(() => {
    request<'getSettings'>({ type: 'getSettings' }).then((r) => setSettings(r.settings), fail);
  }, []);

  async function change(patch: Partial<Prefs>): Promise<void> {
    if (!settings) return;
    try {
      const saved = await request<'setSettings'>({ type: 'setSettings', settings: { ...settings, notifications: { ...settings.notifications, ...patch } } });
      setSettings(saved.settings);
      setMessage({ kind: 'ok', text: t('saved') });
    } catch (err) {
      fail(err);
    }
  }

  async function test(): Promise<void> {
    try {
      await request<'testNotification'>({ type: 'testNotification' });
      setMessage({ kind: 'ok', text: t('testNotificationSent') });
    } catch (err) {
      fail(err);
    }
  }

  const n = settings?.notifications;
  return (
    <section aria-labelledby="notifications-heading" data-paperlight-notifications>
      <h2 id="notifications-heading">{t('notificationsHeading')}</h2>
      <p class="help">{t('notificationsHelp')}</p>
      {!n ? (
        <p>{t('loading')}</p>
      ) : (
        <>
          <label>
            <input type="checkbox" name="enabled" checked={n.enabled} onChange={(e) => void change({ enabled: e.currentTarget.checked })} /> {t('notifyEnabled')}
          </label>
          <fieldset disabled={!n.enabled}>
            <p>
              <label>
                {t('notifyMaxPerHour')}{' '}
                <input type="number" name="maxPerHour" min={1} max={MAX_PER_HOUR} step={1} value={n.maxPerHour}
                  onChange={(e) => {
                    const value = Number(e.currentTarget.value);
                    if (Number.isInteger(value) && value >= 1 && value <= MAX_PER_HOUR) void change({ maxPerHour: value });
                  }} />
              </label>
            </p>
            <p>
              <label>
                <input type="checkbox" name="quietHours" checked={n.quietHours.enabled} onChange={(e) => void change({ quietHours: { ...n.quietHours, enabled: e.currentTarget.checked } })} />{' '}
                {t('quietHoursEnabled')}
              </label>
              <input type="time" name="quietStart" aria-label={t('quietHoursEnabled')} value={n.quietHours.start} required
                onChange={(e) => e.currentTarget.value && void change({ quietHours: { ...n.quietHours, start: e.currentTarget.value } })} />
              <label>
                {t('quietHoursTo')}{' '}
                <input type="time" name="quietEnd" value={n.quietHours.end} required
                  onChange={(e) => e.currentTarget.value && void change({ quietHours: { ...n.quietHours, end: e.currentTarget.value } })} />
              </label>
            </p>
            <p class="note">{t('quietHoursHelp')}</p>
            <p>
              <label>
                <input type="checkbox" name="digest" checked={n.digest.enabled} onChange={(e) => void change({ digest: { ...n.digest, enabled: e.currentTarget.checked } })} />{' '}
                {t('digestEnabled')}
              </label>
              <input type="time" name="digestTime" aria-label={t('digestEnabled')} value={n.digest.time} required
                onChange={(e) => e.currentTarget.value && void change({ digest: { ...n.digest, time: e.currentTarget.value } })} />
            </p>
          </fieldset>
          <div class="toolbar">
            <button type="button" onClick={() => void test()}>
              {t('sendTestNotification')}
            </button>
          </div>
        </>
      )}
      {message && (
        <p class={message.kind === 'ok' ? 'ok' : 'warning'} role="status">
          {message.text}
        </p>
      )}
    </section>
  );
}
