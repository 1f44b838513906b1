import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, loadSettings, parseSettings, readStored, saveSettings, SETTINGS_KEY, SETTINGS_VERSION } from '../../lib/settings';

describe('settings', () => {
  it('default when nothing is stored, and round-trip', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    const mine = parseSettings({ notifications: { ...DEFAULT_SETTINGS.notifications, maxPerHour: 3, digest: { enabled: false, time: '19:15' } } });
    await saveSettings(mine);
    expect(await loadSettings()).toEqual(mine);
    expect((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toMatchObject({ version: SETTINGS_VERSION });
  });

  it.each([
    [{}, 'notifications.enabled must be true or false'],
    [{ notifications: { ...DEFAULT_SETTINGS.notifications, maxPerHour: 0 } }, 'notifications.maxPerHour must be a whole number from 1 to 60'],
    [{ notifications: { ...DEFAULT_SETTINGS.notifications, quietHours: { enabled: true, start: '7:00', end: '08:00' } } }, 'notifications.quietHours.start must be a time HH:MM'],
  ])('are refused when incomplete or invalid: %j', (raw, error) => {
    expect(() => parseSettings(raw)).toThrow(error);
  });

  it('read leniently from storage: an older or damaged value keeps what is usable, field by field', () => {
    const stored = { notifications: { enabled: false, maxPerHour: 'lots', quietHours: { start: '23:00' }, future: 1 } };
    expect(readStored(stored)).toEqual({
      version: SETTINGS_VERSION,
      notifications: { ...DEFAULT_SETTINGS.notifications, enabled: false, quietHours: { ...DEFAULT_SETTINGS.notifications.quietHours, start: '23:00' } },
    });
    expect(readStored('garbage')).toEqual(DEFAULT_SETTINGS);
  });
});
