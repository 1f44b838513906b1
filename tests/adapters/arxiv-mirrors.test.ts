import { describe, expect, it } from 'vitest';
import { arxivMirrors } from '../../lib/adapters/arxiv-mirrors';
import { adapterFor } from '../../lib/adapters';

describe('arxiv-mirrors: URLs', () => {
  it.each([
    ['https://www.alphaxiv.org/abs/2407.21783', true, true],
    ['https://alphaxiv.org/abs/2407.21783v2', true, true],
    ['https://www.alphaxiv.org/overview/2407.21783', true, true],
    ['https://ar5iv.labs.arxiv.org/html/1706.03762', true, true],
    ['https://ar5iv.org/abs/1706.03762', true, true],
    ['https://ar5iv.org/html/hep-th/9901001', true, true],
    ['https://www.alphaxiv.org/explore', true, false],
    ['https://ar5iv.labs.arxiv.org/', true, false],
    ['https://arxiv.org/abs/1706.03762', false, false],
  ])('%s: matches %s, listing %s', (href, matches, listing) => {
    const url = new URL(href);
    expect(arxivMirrors.matches(url)).toBe(matches);
    // The health check asks only for URLs the adapter handles.
    expect(arxivMirrors.matches(url) && arxivMirrors.isListing!(url)).toBe(listing);
  });

  it('is the adapter for the mirrors, while arxiv.org keeps its own', () => {
    expect(adapterFor(new URL('https://ar5iv.labs.arxiv.org/html/1706.03762'))?.id).toBe('arxiv-mirrors');
    expect(adapterFor(new URL('https://arxiv.org/abs/1706.03762'))?.id).toBe('arxiv');
  });
});
