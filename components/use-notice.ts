import { useEffect, useState } from 'preact/hooks';

/** How long a notice ("Starred · Undo", "Copied") stays; an undo is offered for as long as it is seen. */
const NOTICE_MS = 6000;

/** A notice that goes by itself NOTICE_MS after it was last set. */
export function useNotice<T>() {
  const [notice, setNotice] = useState<T>();
  useEffect(() => {
    if (notice === undefined) return;
    const timer = setTimeout(() => setNotice(undefined), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  return [notice, setNotice] as const;
}
