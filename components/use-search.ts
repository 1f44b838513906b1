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
  const text = query.trim();
  // The query the results answer: until the answer for the current one is in, the search is under
  // way, from the very render that shows the new query (an effect would leave one render in between).
  const [answer, setAnswer] = useState<{ query: string; results?: PopupPaper[] }>({ query: '' });
  useEffect(() => {
    if (!text) return;
    let current = true;
    const timer = setTimeout(() => {
      search(text).then(
        (results) => current && setAnswer({ query: text, results }),
        (err: unknown) => {
          if (!current) return;
          setAnswer((a) => ({ query: text, results: a.results }));
          onError(err);
        },
      );
    }, SEARCH_PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text]);
  /** Apply a change (a star, a dismissal) to the results on screen. */
  const updateResults = (update: (results: PopupPaper[]) => PopupPaper[]) => setAnswer((a) => (a.results ? { ...a, results: update(a.results) } : a));
  const state: Search = text ? { results: answer.results, searching: answer.query !== text } : { searching: false };
  return { ...state, updateResults };
}
