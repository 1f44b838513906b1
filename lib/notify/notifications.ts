/** A thin adapter over browser.notifications and browser.alarms: the only place that calls them. */
import { browser } from 'wxt/browser';
import { t } from '../i18n';
import type { NotificationText } from './content';

export const DIGEST_ALARM = 'paperlight-digest';

/**
 * Show (or replace: same id) a notification. Open and Dismiss buttons where the browser has
 * them; Firefox rejects the `buttons` option, so it gets the notification without them.
 */
export async function showNotification(id: string, text: NotificationText): Promise<void> {
  const options = { type: 'basic' as const, iconUrl: browser.runtime.getURL('/icon/128.png'), ...text };
  try {
    await browser.notifications.create(id, { ...options, buttons: [{ title: t('notifyOpen') }, { title: t('notifyDismiss') }] });
  } catch {
    await browser.notifications.create(id, options);
  }
}

/**
 * Change a notification on screen in place: `notifications.update` does not pop it up again.
 * Firefox has no `update`; creating with the same id replaces it there.
 */
export async function updateNotification(id: string, text: NotificationText): Promise<void> {
  const { update } = browser.notifications as { update?: (id: string, options: NotificationText) => Promise<boolean> };
  if (update) await update(id, text);
  else await showNotification(id, text);
}

export async function clearNotification(id: string): Promise<void> {
  await browser.notifications.clear(id);
}

/** Ids of the notifications still on screen. */
export async function displayedNotifications(): Promise<Set<string>> {
  return new Set(Object.keys(await browser.notifications.getAll()));
}

export async function scheduleDigestAlarm(when: number | undefined): Promise<void> {
  if (when === undefined) await browser.alarms.clear(DIGEST_ALARM);
  else await browser.alarms.create(DIGEST_ALARM, { when });
}

export async function openTab(url: string): Promise<void> {
  await browser.tabs.create({ url });
}
