/** Collection helpers (lib/collections.ts). */
import { describe, expect, it } from 'vitest';
import { insertWithin } from '../../lib/collections';

describe('insertWithin', () => {
  it('inserts in place while the list is short, drops the last item once it is full, and ignores a place past the limit', () => {
    const list: string[] = [];
    insertWithin(list, 0, 'b', 3);
    insertWithin(list, 0, 'a', 3);
    insertWithin(list, 2, 'd', 3);
    expect(list).toEqual(['a', 'b', 'd']);
    insertWithin(list, 2, 'c', 3);
    expect(list).toEqual(['a', 'b', 'c']);
    insertWithin(list, 0, 'z', 3);
    expect(list).toEqual(['z', 'a', 'b']);
    insertWithin(list, 3, 'y', 3);
    expect(list).toEqual(['z', 'a', 'b']);
  });
});
