/**
 * Data-safety state shared by the background (writer) and the extension pages (readers), kept
 * free of Dexie so the popup bundle stays small: the backup format tag, the retention setting, the
 * storage-error report, and the optional permission generic detection needs.
 */

/** The optional permission the options page requests for generic detection on every site. */
export const ALL_SITES = { origins: ['<all_urls>'] };

/** The `format` of a full backup file; an interests file has none (CONTRACT §3). */
export const BACKUP_FORMAT = 'paperlight-backup';

export function isBackupObject(raw: unknown): boolean {
  return !!raw && typeof raw === 'object' && (raw as { format?: unknown }).format === BACKUP_FORMAT;
}

/** How long sightings of unstarred papers are kept; `null` keeps everything. */
export const RETENTION_KEY = 'retention';
export interface Retention {
  days: number | null;
}
export const RETENTION_CHOICES = [null, 30, 90, 180, 365] as const;
export const DEFAULT_RETENTION: Retention = { days: null };

/** What "free space" removes when storage is full: sightings older than this, starred papers kept. */
export const FREE_SPACE_DAYS = 30;

/** Set when a write failed because storage is full; cleared when space is made (prune, wipe, import). */
export const STORAGE_ERROR_KEY = 'storageError';
export interface StorageError {
  kind: 'quota';
  time: number;
  message: string;
}
