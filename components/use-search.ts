import { useEffect, useState } from 'preact/hooks';
import type { PopupPaper } from '../lib/messages';

/**
 * Typing pauses this long before the store is searched: a search of the index costs milliseconds,
 * so results follow the typing; the pause only spares the keystrokes of a burst (a paste, fast typing).
 */
export const SEARCH_PAUSE_MS = 50;

export interface Search {
  /** Results for the current query; undefined while there is none. */
  results?: PopupPaper[];
  /** A search for the current query is on its way (longer the first time, while the worker builds its index). */
  searching: boolean;
}

/**
 * Search the store for `query` once typing pauses. The answer for an older query is dropped: a
 * search can wait for the worker's index, and an answer arriving after a newer one must not replace it.
 */
export function useSearch(query: string, search: (text: string) => Promise<PopupPaper[]>, onError: (err: unknown) => void) {
  const [state, setState] = useState<Search>({ searching: false });
  useEffect(() => {
    const text = query.trim();
    if (!text) {
      setState({ searching: false });
      return;
    }
    let current = true;
    setState((s) => ({ ...s, searching: true }));
    const timer = setTimeout(() => {
      search(text).then(
        (results) => current && setState({ results, searching: false }),
        (err: unknown) => {
          if (!current) return;
          setState((s) => ({ ...s, searching: false }));
          onError(err);
        },
      );
    }, SEARCH_PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);
  /** Apply a change (a star, a dismissal) to the results on screen. */
  const updateResults = (update: (results: PopupPaper[]) => PopupPaper[]) => setState((s) => (s.results ? { ...s, results: update(s.results) } : s));
  return { ...state, updateResults };
}
