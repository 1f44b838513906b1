/**
 * User settings in storage.local, versioned and validated. The background is the only writer
 * (the options page saves through a message); reading never fails: a stored value that is
 * missing, from an older version or partly invalid gives defaults for what cannot be used.
 */
import { browser } from 'wxt/browser';

export const SETTINGS_KEY = 'settings';
/** Bump when the stored shape changes, and teach `readStored` the old shape. */
export const SETTINGS_VERSION = 1;

/** A local wall-clock time, `HH:MM` (what `<input type="time">` gives). */
export type ClockTime = string;

export interface NotificationSettings {
  /** Master switch: no notification and no digest when off. */
  enabled: boolean;
  /** New-paper notifications per rolling hour; more wait for the digest. */
  maxPerHour: number;
  /** During these hours new matches wait for the digest. `start` after `end` spans midnight. */
  quietHours: { enabled: boolean; start: ClockTime; end: ClockTime };
  digest: { enabled: boolean; time: ClockTime };
}

export interface Settings {
  version: typeof SETTINGS_VERSION;
  notifications: NotificationSettings;
}

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  notifications: {
    enabled: true,
    maxPerHour: 6,
    quietHours: { enabled: true, start: '22:00', end: '07:00' },
    digest: { enabled: true, time: '08:00' },
  },
};

export const MAX_PER_HOUR = 60;

export class SettingsError extends Error {
  override name = 'SettingsError';
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isClockTime = (v: unknown): v is ClockTime => typeof v === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(v);

const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
const isRate = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= MAX_PER_HOUR;

/** One definition of every field's check, for both the strict and the lenient reading. */
function read(raw: unknown, onInvalid: (where: string, rule: string) => void): Settings {
  const d = DEFAULT_SETTINGS.notifications;
  const n = isObject(raw) ? raw : {};
  const quiet = isObject(n.quietHours) ? n.quietHours : {};
  const digest = isObject(n.digest) ? n.digest : {};
  const field = <T>(where: string, value: unknown, ok: (v: unknown) => v is T, fallback: T, rule: string): T => {
    if (ok(value)) return value;
    onInvalid(`notifications.${where}`, rule);
    return fallback;
  };
  const bool = 'true or false';
  const time = 'a time HH:MM';
  return {
    version: SETTINGS_VERSION,
    notifications: {
      enabled: field('enabled', n.enabled, isBoolean, d.enabled, bool),
      maxPerHour: field('maxPerHour', n.maxPerHour, isRate, d.maxPerHour, `a whole number from 1 to ${MAX_PER_HOUR}`),
      quietHours: {
        enabled: field('quietHours.enabled', quiet.enabled, isBoolean, d.quietHours.enabled, bool),
        start: field('quietHours.start', quiet.start, isClockTime, d.quietHours.start, time),
        end: field('quietHours.end', quiet.end, isClockTime, d.quietHours.end, time),
      },
      digest: {
        enabled: field('digest.enabled', digest.enabled, isBoolean, d.digest.enabled, bool),
        time: field('digest.time', digest.time, isClockTime, d.digest.time, time),
      },
    },
  };
}

/** Strict: what the options page sends must be complete and valid. Throws SettingsError. */
export function parseSettings(raw: unknown): Settings {
  if (!isObject(raw)) throw new SettingsError('settings must be an object');
  return read(raw.notifications, (where, rule) => {
    throw new SettingsError(`${where} must be ${rule}`);
  });
}

/** Lenient: whatever is stored becomes usable settings, field by field. */
export function readStored(raw: unknown): Settings {
  return read(isObject(raw) ? raw.notifications : undefined, () => {});
}

export async function loadSettings(): Promise<Settings> {
  return readStored((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
}

/** Store settings already checked by `parseSettings`. */
export async function saveSettings(settings: Settings): Promise<Settings> {
  await browser.storage.local.set({ [SETTINGS_KEY]: settings });
  return settings;
}
