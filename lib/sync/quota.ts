/**
 * The limits of `storage.sync` (Chrome's; Firefox's are the same or looser) and the one way this
 * code measures an item against them, with the chunking that keeps every item under the per-item one.
 */
export const SYNC_QUOTA = {
  /** All items together: keys plus JSON values, in UTF-8 bytes. */
  bytes: 102_400,
  /** One item: its key plus its JSON value. */
  bytesPerItem: 8_192,
  items: 512,
} as const;

const encoder = new TextEncoder();

/** What an item costs against the quotas, as Chrome counts it. */
export function itemBytes(key: string, value: unknown): number {
  return encoder.encode(key).length + encoder.encode(JSON.stringify(value)).length;
}

export function totalBytes(items: Readonly<Record<string, unknown>>): number {
  let total = 0;
  for (const [key, value] of Object.entries(items)) total += itemBytes(key, value);
  return total;
}

/** `json` under `key`: one string item if it fits, else a count under `key` and parts under `key#1…n`. */
export function chunked(key: string, json: string): Record<string, unknown> {
  if (itemBytes(key, json) <= SYNC_QUOTA.bytesPerItem) return { [key]: json };
  const parts: string[] = [];
  let rest = json;
  while (rest) {
    const partKey = `${key}#${parts.length + 1}`;
    // Escapes and multi-byte characters make bytes outnumber characters: shrink until it fits.
    let length = Math.min(rest.length, SYNC_QUOTA.bytesPerItem);
    while (itemBytes(partKey, rest.slice(0, length)) > SYNC_QUOTA.bytesPerItem) length = Math.floor(length * 0.9);
    // Never split a surrogate pair.
    if (/[\uD800-\uDBFF]/.test(rest.charAt(length - 1))) length--;
    parts.push(rest.slice(0, length));
    rest = rest.slice(length);
  }
  return Object.fromEntries([[key, { parts: parts.length }], ...parts.map((part, i) => [`${key}#${i + 1}`, part])]);
}

/** The JSON text stored under `key` by `chunked`, or undefined when it is missing or incomplete. */
export function unchunked(items: Readonly<Record<string, unknown>>, key: string): string | undefined {
  const head = items[key];
  if (typeof head === 'string') return head;
  if (typeof head !== 'object' || head === null || typeof (head as { parts?: unknown }).parts !== 'number') return undefined;
  const parts: string[] = [];
  for (let i = 1; i <= (head as { parts: number }).parts; i++) {
    const part = items[`${key}#${i}`];
    if (typeof part !== 'string') return undefined;
    parts.push(part);
  }
  return parts.join('');
}
