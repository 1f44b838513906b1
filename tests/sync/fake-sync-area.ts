/**
 * An in-memory `storage.sync` that enforces Chrome's quotas the way Chrome does: a `set` that
 * would exceed one of them fails whole and changes nothing. Several devices share one instance.
 */
import { itemBytes, SYNC_QUOTA, totalBytes } from '../../lib/sync/quota';
import type { StorageAreaLike } from '../../lib/sync/engine';

export class FakeSyncArea implements StorageAreaLike {
  readonly items: Record<string, unknown> = {};
  writes = 0;

  /** `enforceQuotas` false makes it a `storage.local` (no such quotas). */
  constructor(private readonly enforceQuotas = true) {}

  async get(keys?: string | string[] | null): Promise<Record<string, unknown>> {
    const wanted = keys == null ? Object.keys(this.items) : typeof keys === 'string' ? [keys] : keys;
    return structuredClone(Object.fromEntries(wanted.filter((k) => k in this.items).map((k) => [k, this.items[k]])));
  }

  async set(items: Record<string, unknown>): Promise<void> {
    if (this.enforceQuotas) this.checkQuotas(items);
    Object.assign(this.items, structuredClone(items));
    this.writes++;
  }

  private checkQuotas(items: Record<string, unknown>): void {
    for (const [key, value] of Object.entries(items)) {
      if (itemBytes(key, value) > SYNC_QUOTA.bytesPerItem) throw new Error(`QUOTA_BYTES_PER_ITEM quota exceeded (${key})`);
    }
    const after = { ...this.items, ...structuredClone(items) };
    if (totalBytes(after) > SYNC_QUOTA.bytes) throw new Error('QUOTA_BYTES quota exceeded');
    if (Object.keys(after).length > SYNC_QUOTA.items) throw new Error('MAX_ITEMS quota exceeded');
  }

  async remove(keys: string | string[]): Promise<void> {
    for (const key of typeof keys === 'string' ? [keys] : keys) delete this.items[key];
  }
}
