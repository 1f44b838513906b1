import { describe, expect, it } from 'vitest';
import { decodeGaps, GapWriter, lastOfGaps } from '../../lib/search/gaps';

function written(lists: readonly (readonly number[])[]): { bytes: Uint8Array; bounds: number[] } {
  const writer = new GapWriter(1);
  const bounds = [0];
  for (const list of lists) {
    writer.startList();
    for (const slot of list) writer.write(slot);
    bounds.push(writer.length);
  }
  return { bytes: writer.result(), bounds };
}

describe('posting lists as gaps', () => {
  const lists = [[0, 1, 2, 3], [5], [], [127, 128, 16_383, 16_384, 2_097_151, 2_097_152, 2 ** 28, 2 ** 32 - 1], [7, 1_000_000]];

  it('reads back every list as written, from slot 0 to the largest 32-bit slot', () => {
    const { bytes, bounds } = written(lists);
    lists.forEach((list, i) => {
      expect([...decodeGaps(bytes, bounds[i]!, bounds[i + 1]!)]).toEqual(list);
      expect(lastOfGaps(bytes, bounds[i]!, bounds[i + 1]!)).toBe(list.length ? list[list.length - 1] : 0);
    });
    // Small gaps take a byte each: a dense list costs a quarter of its 32-bit slots.
    expect(bounds[1]).toBe(4);
    expect(bytes.length).toBe(bytes.buffer.byteLength);
  });

  it('appends a list written already and goes on from its last slot', () => {
    const first = written([[3, 40, 300]]);
    const writer = new GapWriter(0);
    writer.startList();
    writer.copyList(first.bytes, 300);
    writer.write(301);
    writer.write(70_000);
    expect([...decodeGaps(writer.result(), 0, writer.length)]).toEqual([3, 40, 300, 301, 70_000]);
  });

  it('tells a list cut short', () => {
    const { bytes, bounds } = written([[200]]);
    expect(lastOfGaps(bytes, 0, bounds[1]! - 1)).toBe(-1);
  });
});
