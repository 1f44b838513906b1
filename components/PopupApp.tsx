/**
 * The toolbar popup: what this tab shows, then the day's trending subset (personal ↔ popular
 * blend), a day picker, interest filter, search over every stored paper, exports (BibTeX, RIS, CSL-JSON), a small
 * chart of the last two weeks, and keyboard control.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { toBibtex } from '../lib/export';
import { addDays, dayOf } from '../lib/clock';
import { t } from '../lib/i18n';
import type { ChartData, PaperStatePatch, PopupPaper, TabStatus } from '../lib/messages';
import { request } from '../lib/messaging';
import { BarChart } from './BarChart';
import { PaperRow, type RowActions } from './PaperRow';
import { BLEND_KEY, type PopupStart } from '../lib/trending-snapshot';
import { useLoad } from './use-load';
import { useSearch } from './use-search';
import { ExportButtons } from './ExportButtons';
import { StorageWarning } from './StorageWarning';

const PAGE = 50;
const CHART_DAYS = 14;

type DayChoice = 'today' | 'yesterday' | 'week' | string;

function daysFor(choice: DayChoice, today: string): string[] {
  if (choice === 'today') return [today];
  if (choice === 'yesterday') return [addDays(today, -1)];
  if (choice === 'week') return Array.from({ length: 7 }, (_, i) => addDays(today, -i));
  return [choice];
}

/** The tab the popup is about: the active tab, or `?tab=<id>` when the popup is opened as a page. */
async function activeTabId(): Promise<number | undefined> {
  const fromQuery = new URLSearchParams(location.search).get('tab');
  if (fromQuery) return Number(fromQuery);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

function TabSection({ status, papers, actions, now }: { status: TabStatus | null; papers: PopupPaper[]; actions: RowActions; now: number }) {
  if (!status) return <p class="note">{t('pageNotSupported')}</p>;
  if (status.listing && status.papers === 0) return <p class="warning" role="status">{t('healthNoPapers')}</p>;
  const summary = t('pageSummary', [String(status.matched.length), String(status.papers)]);
  if (!papers.length) return <p class="note">{summary}</p>;
  // A long page's matches fold away so the day's ranking stays in view.
  return (
    <details class="on-page" open={papers.length <= 3}>
      <summary>{summary}</summary>
      <ol class="papers" aria-label={t('onThisPageMatches')}>
        {papers.map((p) => (
          <PaperRow key={p.key} paper={p} actions={actions} now={now} />
        ))}
      </ol>
    </details>
  );
}

/**
 * `start` is read by the entrypoint before the first render (readPopupStart for the day of `now`), so
 * the snapshot is in the first paint: state set in an effect would wait for a frame of an empty list.
 */
export function PopupApp({ now, start }: { now: number; start: PopupStart }) {
  const today = dayOf(now);
  const [choice, setChoice] = useState<DayChoice>('today');
  const [blend, setBlend] = useState(start.blend);
  const [filter, setFilter] = useState('');
  const [query, setQuery] = useState('');
  const [lists, setLists] = useState<{ today: PopupPaper[]; popular: PopupPaper[]; total: number } | undefined>(start.snapshot?.lists);
  /** The lists on screen come from the fresh ranking (not the snapshot, nor another day's). */
  const [fresh, setFresh] = useState(false);
  const [error, setError] = useState<string>();
  const [limit, setLimit] = useState(PAGE);
  const [selected, setSelected] = useState(-1);
  const [chart, setChart] = useState<ChartData>();
  const [notice, setNotice] = useState<string>();
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLOListElement>(null);

  const tab = useLoad(async () => {
    const tabId = await activeTabId();
    const status = tabId === undefined ? null : (await request<'getTabStatus'>({ type: 'getTabStatus', tabId })).status;
    const papers = status?.matched.length ? (await request<'getPapers'>({ type: 'getPapers', keys: status.matched })).papers : [];
    return { status, papers };
  });
  const interests = useLoad(() => request<'getInterests'>({ type: 'getInterests' }).then((r) => r.interests));
  // A notification opens the popup on its papers: popup.html?key=…&key=…
  const notified = useLoad(() => {
    const keys = new URLSearchParams(location.search).getAll('key');
    return keys.length ? request<'getPapers'>({ type: 'getPapers', keys }).then((r) => r.papers) : Promise.resolve([]);
  });

  // Effects run after the first paint, so the ranking (in the same extension process) does not delay the snapshot's.
  useEffect(() => {
    setFresh(false);
    request<'getTrending'>({ type: 'getTrending', days: daysFor(choice, today), blend }).then(
      (r) => {
        setLists(r);
        setFresh(true);
        setError(undefined);
      },
      (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
    );
  }, [choice, blend]);

  useEffect(() => {
    // The chart is extra: asked for after the fresh ranking, so it never competes with it in the background.
    if (!fresh || chart) return;
    const days = Array.from({ length: CHART_DAYS }, (_, i) => addDays(today, i - CHART_DAYS + 1));
    void request<'getChart'>({ type: 'getChart', days }).then(setChart, () => undefined);
  }, [fresh]);

  const { results, searching, updateResults } = useSearch(
    query,
    (text) => request<'search'>({ type: 'search', query: text }).then((r) => r.papers),
    (err) => setError(String(err)),
  );

  const byFilter = (papers: PopupPaper[]) => (filter ? papers.filter((p) => p.matches.some((m) => m.interest === filter)) : papers);
  const main = byFilter(results ?? lists?.today ?? []);
  const visible = main.slice(0, limit);

  function patchEverywhere(key: string, patch: PaperStatePatch): void {
    const apply = (papers: PopupPaper[]) =>
      patch.dismissed ? papers.filter((p) => p.key !== key) : papers.map((p) => (p.key === key ? { ...p, ...patch } : p));
    setLists((l) => l && { ...l, today: apply(l.today), popular: apply(l.popular) });
    updateResults(apply);
  }

  const actions: RowActions = {
    open(paper) {
      if (!paper.url) return;
      void browser.tabs.create({ url: paper.url });
      actions.setState(paper, { read: true });
    },
    setState(paper, patch) {
      request<'setPaperState'>({ type: 'setPaperState', key: paper.key, patch }).then(
        () => patchEverywhere(paper.key, patch),
        (err: unknown) => setError(String(err)),
      );
    },
    copyBibtex(paper) {
      void navigator.clipboard.writeText(toBibtex({ ...paper })).then(() => setNotice(t('copied')), (err: unknown) => setError(String(err)));
    },
  };

  function onKeyDown(e: KeyboardEvent): void {
    const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement;
    if (e.key === 'Escape') {
      setQuery('');
      setFilter('');
      setSelected(-1);
      searchRef.current?.blur();
      return;
    }
    if (typing) return;
    const paper = visible[selected];
    if (e.key === '/') {
      e.preventDefault();
      searchRef.current?.focus();
    } else if (e.key === 'ArrowDown' || e.key === 'j') {
      e.preventDefault();
      setSelected((i) => Math.min(visible.length - 1, i + 1));
    } else if (e.key === 'ArrowUp' || e.key === 'k') {
      e.preventDefault();
      setSelected((i) => Math.max(0, i - 1));
    } else if (paper && e.key === 'Enter' && !(e.target instanceof HTMLButtonElement || e.target instanceof HTMLAnchorElement)) {
      actions.open(paper);
    } else if (paper && e.key === 's') {
      actions.setState(paper, { starred: !paper.starred });
    } else if (paper && e.key === 'd') {
      actions.setState(paper, { dismissed: true });
    }
  }

  useEffect(() => {
    listRef.current?.querySelector('[aria-current="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  // On the document, not <main>: with nothing focused, keys go to <body>.
  useEffect(() => {
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  });

  const dayLabel = choice === 'today' ? t('today') : choice === 'week' ? t('weekHeading') : t('dayHeading', daysFor(choice, today)[0]!);

  return (
    <main class="popup">
      <header>
        <h1>{t('popupTitle')}</h1>
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('openOptions')}
        </button>
      </header>
      <StorageWarning />
      <input
        ref={searchRef}
        type="search"
        class="search"
        aria-label={t('searchLabel')}
        placeholder={t('searchPlaceholder')}
        value={query}
        onInput={(e) => {
          setQuery(e.currentTarget.value);
          setSelected(-1);
        }}
      />
      {error && <p class="warning" role="alert">{t('errorPrefix', error)}</p>}
      {notice && <p class="ok" role="status">{notice}</p>}

      {!results && notified.state === 'ready' && notified.value.length > 0 && (
        <section aria-labelledby="notified">
          <h2 id="notified">{t('fromNotification')}</h2>
          <ol class="papers">
            {notified.value.map((p) => (
              <PaperRow key={p.key} paper={p} actions={actions} now={now} />
            ))}
          </ol>
        </section>
      )}

      {!results && (
        <section aria-labelledby="on-this-page">
          <h2 id="on-this-page">{t('onThisPage')}</h2>
          {tab.state === 'ready' && <TabSection status={tab.value.status} papers={tab.value.papers} actions={actions} now={now} />}
        </section>
      )}

      <div class="controls">
        <div role="group" aria-label={t('dayPick')} class="days">
          {(['today', 'yesterday', 'week'] as const).map((c) => (
            <button key={c} type="button" aria-pressed={choice === c} onClick={() => setChoice(c)}>
              {t(c === 'today' ? 'dayToday' : c === 'yesterday' ? 'dayYesterday' : 'dayWeek')}
            </button>
          ))}
          <input type="date" aria-label={t('dayPick')} max={today} value={/\d/.test(choice) ? choice : ''} onChange={(e) => e.currentTarget.value && setChoice(e.currentTarget.value)} />
        </div>
        <label class="blend">
          <span>{t('blendLabel')}</span>
          <input
            type="range"
            min={0}
            max={1}
            step={0.05}
            value={blend}
            aria-valuetext={`${Math.round((1 - blend) * 100)}% ${t('blendPersonal')}`}
            onChange={(e) => {
              const value = Number(e.currentTarget.value);
              setBlend(value);
              void browser.storage.local.set({ [BLEND_KEY]: value });
            }}
          />
        </label>
        <label>
          <span>{t('filterInterest')} </span>
          <select value={filter} onChange={(e) => setFilter(e.currentTarget.value)}>
            <option value="">{t('filterAll')}</option>
            {interests.state === 'ready' && interests.value.map((i) => <option key={i.id} value={i.id}>{i.label}</option>)}
          </select>
        </label>
      </div>

      <section aria-labelledby="main-list" aria-busy={searching || (!fresh && !results)}>
        <h2 id="main-list">{results ? t('searchResults') : dayLabel}</h2>
        {!lists && !results && !error && !searching && <p class="note">{t('loading')}</p>}
        {searching && <p class="note" role="status">{t('searching')}</p>}
        {results && !results.length && !searching && <p class="note">{t('searchNone', query.trim())}</p>}
        {lists && !results && !main.length && <p class="note">{choice === 'today' ? t('noMatchesToday') : t('noMatchesDay')}</p>}
        {visible.length > 0 && (
          <ol class="papers" ref={listRef}>
            {visible.map((p, i) => (
              <PaperRow key={p.key} paper={p} actions={actions} selected={i === selected} now={now} />
            ))}
          </ol>
        )}
        {!results && lists && lists.total > lists.today.length && main.length <= limit && (
          <p class="note">{t('topOf', [String(lists.today.length), String(lists.total)])}</p>
        )}
        {main.length > limit && (
          <button type="button" onClick={() => setLimit(limit + PAGE)}>
            {t('showMore')}
          </button>
        )}
        <ExportButtons name={`paperlight-${choice}`} papers={main} onError={setError} />
      </section>

      {!results && lists && (
        <section aria-labelledby="popular">
          <h2 id="popular">{t('popularToday')}</h2>
          {lists.popular.length ? (
            <ol class="papers">
              {byFilter(lists.popular).slice(0, 20).map((p) => (
                <PaperRow key={p.key} paper={p} actions={actions} now={now} />
              ))}
            </ol>
          ) : (
            <p class="note">{t('noPopular')}</p>
          )}
        </section>
      )}

      {chart && <BarChart data={chart} />}
      <p class="note keys">{t('keyboardHelp')}</p>
    </main>
  );
}
