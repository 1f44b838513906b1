/**
 * Live preview of an interest being edited: how many recent papers it matches, and the best few.
 * Previews go through one queue (lib/task-queue.ts), one at a time, cards on screen first, so a
 * page of 500 imported interests never keeps the service worker (and the popup) waiting.
 */
import type { RefObject } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { canMatch, hasExamples, type Interest } from '../lib/interests';
import { t } from '../lib/i18n';
import type { InterestPreview as Preview } from '../lib/messages';
import { request } from '../lib/messaging';
import { createTaskQueue } from '../lib/task-queue';
import { safeHref } from './PaperRow';

const DEBOUNCE_MS = 250;
const previews = createTaskQueue(1);

export type PreviewState = { state: 'empty' } | { state: 'loading' } | { state: 'ready'; preview: Preview } | { state: 'failed' };

/** Whether `ref`'s element is on screen (or close to it). */
function useVisible(ref: RefObject<Element | null>): boolean {
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new IntersectionObserver(([entry]) => setVisible(!!entry?.isIntersecting), { rootMargin: '200px 0px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref.current]);
  return visible;
}

const exampleIds = (papers: Interest['examples']) => (papers ?? []).map((p) => p.key ?? p.title);

/**
 * The preview of `interest`, queued; `cardRef` is the element whose visibility gives it priority.
 * `modelsVersion` changes when the background may have learned new example models (each re-match
 * of the store, which follows a training): an interest with examples is previewed again then.
 */
export function usePreview(interest: Interest, cardRef: RefObject<Element | null>, modelsVersion?: number): PreviewState {
  const [state, setState] = useState<PreviewState>(canMatch(interest) ? { state: 'loading' } : { state: 'empty' });
  const visible = useVisible(cardRef);
  const [task, setTask] = useState<{ setVisible(v: boolean): void }>();
  const taught = hasExamples(interest);
  const signature = JSON.stringify([
    interest.terms,
    interest.authors,
    interest.exclude,
    interest.scope,
    ...(taught ? [exampleIds(interest.examples), exampleIds(interest.counterexamples), modelsVersion] : []),
  ]);

  useEffect(() => {
    if (!canMatch(interest)) {
      setState({ state: 'empty' });
      return;
    }
    setState((s) => (s.state === 'ready' ? s : { state: 'loading' }));
    let current = true;
    let queued: ReturnType<typeof previews.add> | undefined;
    const timer = setTimeout(() => {
      queued = previews.add(
        // A label is required by validation but irrelevant to what matches.
        () =>
          request<'previewInterest'>({ type: 'previewInterest', interest: { ...interest, label: interest.label || interest.id } }).then(
            (preview) => current && setState({ state: 'ready', preview }),
            () => current && setState({ state: 'failed' }),
          ),
        visible,
      );
      setTask(queued);
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
      queued?.cancel();
    };
  }, [signature]);

  useEffect(() => task?.setVisible(visible), [visible, task]);
  return state;
}

/** "Matches 12 of your 340 most recently seen papers", for a card's summary line. */
export function PreviewCount({ preview }: { preview: PreviewState }) {
  if (preview.state === 'empty') return <span class="note">{t('previewEmpty')}</span>;
  if (preview.state === 'failed') return <span class="note">{t('previewFailed')}</span>;
  if (preview.state === 'loading') return <span class="note">{t('previewQueued')}</span>;
  const { matched, scanned, examples } = preview.preview;
  const pending = examples === 'pending' && <span class="note">{t('previewExamplesPending')}</span>;
  // Nothing but examples, not learned yet: there is no count to give.
  if (pending && !scanned) return pending;
  return (
    <span>
      {t(examples === 'learned' ? 'previewCountWithExamples' : 'previewCount', [String(matched), String(scanned)])}
      {pending && <> · {pending}</>}
    </span>
  );
}

export function InterestPreview({ preview }: { preview: PreviewState }) {
  const top = preview.state === 'ready' ? preview.preview.top : [];
  return (
    <div class="preview" aria-live="polite">
      <strong>{t('previewHeading')}: </strong>
      <PreviewCount preview={preview} />
      {top.length > 0 && (
        <ul>
          {top.map((p) => {
            const href = safeHref(p.url);
            return <li key={p.key}>{href ? <a href={href} target="_blank" rel="noopener noreferrer">{p.title}</a> : p.title}</li>;
          })}
        </ul>
      )}
    </div>
  );
}
