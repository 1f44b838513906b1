/**
 * Posting lists as the saved search index holds them: each list's increasing slots as the gaps
 * between them (the first from 0), each gap a LEB128 varint, seven bits a byte. Most gaps are
 * small, so a list takes about a quarter of the bytes of 32-bit slots; in Chromium, writing and
 * reading the saved index in IndexedDB costs about 10 ms of the worker's thread per megabyte.
 */

const LOW_BITS = 0x7f;
const MORE = 0x80;
/** Bytes of the longest varint of a 32-bit number. */
const MAX_VARINT = 5;

/** Appends lists of gaps to one growing byte array. */
export class GapWriter {
  private bytes: Uint8Array;
  length = 0;
  /** The last slot written to the list being written. */
  private last = 0;

  constructor(capacity: number) {
    this.bytes = new Uint8Array(Math.max(16, capacity));
  }

  /** Start a list: its first gap counts from slot 0. */
  startList(): void {
    this.last = 0;
  }

  /** Append `slot`, which must exceed the list's last slot (slot 0 may open a list). */
  write(slot: number): void {
    if (this.length + MAX_VARINT > this.bytes.length) this.grow(MAX_VARINT);
    let gap = slot - this.last;
    this.last = slot;
    while (gap >= MORE) {
      this.bytes[this.length++] = (gap & LOW_BITS) | MORE;
      gap >>>= 7;
    }
    this.bytes[this.length++] = gap;
  }

  /** Append a list encoded already (`bytes`, from its start) whose last slot is `last`. */
  copyList(bytes: Uint8Array, last: number): void {
    if (this.length + bytes.length > this.bytes.length) this.grow(bytes.length);
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
    this.last = last;
  }

  /** The bytes written, in an array of their own (a view would store the whole buffer behind it). */
  result(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }

  private grow(needed: number): void {
    const grown = new Uint8Array(Math.max(2 * this.bytes.length, this.length + needed));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
}

/** Reads the list in `bytes[start..end)`, into `slots` if given; returns its last slot. */
function readGaps(bytes: Uint8Array, start: number, end: number, slots?: Uint32Array): number {
  let slot = 0;
  let gap = 0;
  let scale = 1;
  let n = 0;
  for (let i = start; i < end; i++) {
    const byte = bytes[i]!;
    // Multiplied, not shifted: a fifth byte's bits would overflow a 32-bit shift.
    gap += (byte & LOW_BITS) * scale;
    if (byte < MORE) {
      slot += gap;
      if (slots) slots[n++] = slot;
      gap = 0;
      scale = 1;
    } else scale *= MORE;
  }
  return slot;
}

/** The slots of the list in `bytes[start..end)`. */
export function decodeGaps(bytes: Uint8Array, start: number, end: number): Uint32Array {
  let count = 0;
  for (let i = start; i < end; i++) if (bytes[i]! < MORE) count++;
  const slots = new Uint32Array(count);
  readGaps(bytes, start, end, slots);
  return slots;
}

/**
 * The last slot of the list in `bytes[start..end)` without keeping the others, or -1 when the list
 * is cut short (its last byte says more follows): what checking a saved index needs.
 */
export function lastOfGaps(bytes: Uint8Array, start: number, end: number): number {
  return end > start && bytes[end - 1]! >= MORE ? -1 : readGaps(bytes, start, end);
}
