import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

/** A storage.local value, kept current as the background changes it. */
export function useStored<T>(key: string): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    void browser.storage.local.get(key).then((s) => setValue(s[key] as T | undefined));
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && changes[key]) setValue(changes[key].newValue as T | undefined);
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, [key]);
  return value;
}
