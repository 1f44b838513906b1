/** Live preview under an interest being edited: how many recent papers it matches, and the best few. */
import { useEffect, useState } from 'preact/hooks';
import type { Interest } from '../lib/interests';
import { t } from '../lib/i18n';
import type { InterestPreview as Preview } from '../lib/messages';
import { request } from '../lib/messaging';
import { safeHref } from './PaperRow';

const DEBOUNCE_MS = 250;

export function InterestPreview({ interest }: { interest: Interest }) {
  const [preview, setPreview] = useState<Preview>();
  const matchable = interest.terms.length > 0 || (interest.authors?.length ?? 0) > 0;
  const signature = JSON.stringify([interest.terms, interest.authors, interest.exclude, interest.scope]);

  useEffect(() => {
    if (!matchable) {
      setPreview(undefined);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      // A label is required by validation but irrelevant to what matches.
      request<'previewInterest'>({ type: 'previewInterest', interest: { ...interest, label: interest.label || interest.id } }).then(
        (p) => current && setPreview(p),
        () => current && setPreview(undefined),
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [signature]);

  return (
    <div class="preview" aria-live="polite">
      <strong>{t('previewHeading')}: </strong>
      {!matchable ? (
        <span class="note">{t('previewEmpty')}</span>
      ) : !preview ? (
        <span class="note">{t('loading')}</span>
      ) : (
        <>
          <span>{t('previewCount', [String(preview.matched), String(preview.scanned)])}</span>
          {preview.top.length > 0 && (
            <ul>
              {preview.top.map((p) => {
                const href = safeHref(p.url);
                return <li key={p.key}>{href ? <a href={href} target="_blank" rel="noopener noreferrer">{p.title}</a> : p.title}</li>;
              })}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
