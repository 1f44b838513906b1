import { useEffect, useState } from 'preact/hooks';

export type Load<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; error: string };

/** Run `load` once on mount and expose its state; errors become a message to show, not a blank page. */
export function useLoad<T>(load: () => Promise<T>): Load<T> {
  const [result, setResult] = useState<Load<T>>({ state: 'loading' });
  useEffect(() => {
    load().then(
      (value) => setResult({ state: 'ready', value }),
      (err: unknown) => setResult({ state: 'error', error: err instanceof Error ? err.message : String(err) }),
    );
  }, []);
  return result;
}
