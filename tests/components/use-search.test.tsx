import { act, cleanup, renderHook } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SEARCH_PAUSE_MS, useSearch } from '../../components/use-search';
import type { PopupPaper } from '../../lib/messages';

const paper = (key: string) => ({ key, title: key }) as PopupPaper;

/** A search whose answers the test releases, one per query, in any order. */
function slowSearch() {
  const pending = new Map<string, { resolve: (papers: PopupPaper[]) => void; reject: (err: Error) => void }>();
  const search = vi.fn((text: string) => new Promise<PopupPaper[]>((resolve, reject) => void pending.set(text, { resolve, reject })));
  return { search, pending };
}

/** Let the pause before a search pass, with its effects applied. */
const typingPause = () =>
  act(async () => {
    await vi.advanceTimersByTimeAsync(SEARCH_PAUSE_MS);
  });

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('useSearch', () => {
  it('says it is searching until the answer for the current query arrives, and drops an older query’s answer', async () => {
    const { search, pending } = slowSearch();
    const onError = vi.fn();
    const { result, rerender } = renderHook(({ query }) => useSearch(query, search, onError), { initialProps: { query: 'diff' } });
    expect([result.current.results, result.current.searching]).toEqual([undefined, true]);
    await typingPause();
    rerender({ query: 'diffusion' });
    await typingPause();
    expect(search.mock.calls.map(([text]) => text)).toEqual(['diff', 'diffusion']);

    await act(async () => pending.get('diffusion')!.resolve([paper('new')]));
    expect(result.current).toMatchObject({ results: [paper('new')], searching: false });
    // The slower answer to the older query arrives last and changes nothing.
    await act(async () => pending.get('diff')!.resolve([paper('old')]));
    expect(result.current).toMatchObject({ results: [paper('new')], searching: false });
    expect(onError).not.toHaveBeenCalled();
  });

  it('searches only once typing pauses, and clears the results with the query', async () => {
    const { search, pending } = slowSearch();
    const renders: { query: string; searching: boolean }[] = [];
    const { result, rerender } = renderHook(
      ({ query }) => {
        const state = useSearch(query, search, vi.fn());
        renders.push({ query, searching: state.searching });
        return state;
      },
      { initialProps: { query: 's' } },
    );
    rerender({ query: 'sp' });
    rerender({ query: 'spectral' });
    await typingPause();
    expect(search.mock.calls.map(([text]) => text)).toEqual(['spectral']);
    await act(async () => pending.get('spectral')!.resolve([paper('a')]));
    act(() => result.current.updateResults((papers) => papers.map((p) => ({ ...p, starred: true }))));
    expect(result.current.results).toEqual([{ ...paper('a'), starred: true }]);
    // From the render that shows a new query, the older results on screen are not its answer.
    renders.length = 0;
    rerender({ query: 'spectral clustering' });
    expect(renders).not.toContainEqual({ query: 'spectral clustering', searching: false });
    expect(renders.length).toBeGreaterThan(0);

    rerender({ query: '  ' });
    expect([result.current.results, result.current.searching]).toEqual([undefined, false]);
  });

  it('reports a failed search for the current query, and stops saying it is searching', async () => {
    const { search, pending } = slowSearch();
    const onError = vi.fn();
    const { result } = renderHook(() => useSearch('x', search, onError));
    await typingPause();
    await act(async () => pending.get('x')!.reject(new Error('store closed')));
    expect(onError).toHaveBeenCalledWith(new Error('store closed'));
    expect(result.current.searching).toBe(false);
  });
});
