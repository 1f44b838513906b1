/**
 * The toolbar popup, for scanning: tabs This page · Today · Popular · Starred · Dismissed (and the
 * papers of a notification), compact rows of which only those in view are rendered, search over
 * every stored paper, and one triage model: a star, a dismissal or a "more like this" acts the
 * same from every list, with an undo where it happened, and every list, count and open page
 * follows at once (the background tells them: PaperStateChanged). Exports (BibTeX, RIS, CSL-JSON)
 * of the list on screen or of the starred papers, and a chart of the last two weeks.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { toBibtex } from '../lib/export';
import { addDays, dayOf } from '../lib/clock';
import { t } from '../lib/i18n';
import type { ChartData, PaperStateChanged, PaperStatePatch, PopupPaper, TabStatus } from '../lib/messages';
import { request } from '../lib/messaging';
import { BarChart } from './BarChart';
import { PaperRow, ROW_HEIGHT, type RowActions, type RowNotice } from './PaperRow';
import { BLEND_KEY, type PopupStart } from '../lib/trending-snapshot';
import { useLoad, type Load } from './use-load';
import { useNotice } from './use-notice';
import { useSearch } from './use-search';
import { ExportButtons } from './ExportButtons';
import { addedAsExample } from './like-example';
import { StorageWarning } from './StorageWarning';

const CHART_DAYS = 14;
/** Lists longer than this render only the rows in view (and a few around them). */
const WINDOW_FROM = 40;
const OVERSCAN = 6;

type DayChoice = 'today' | 'yesterday' | 'week' | string;
type Tab = 'notified' | 'page' | 'today' | 'popular' | 'starred' | 'dismissed';

function daysFor(choice: DayChoice, today: string): string[] {
  if (choice === 'today') return [today];
  if (choice === 'yesterday') return [addDays(today, -1)];
  if (choice === 'week') return Array.from({ length: 7 }, (_, i) => addDays(today, -i));
  return [choice];
}

type Marks = Pick<PaperStateChanged, 'starred' | 'dismissed' | 'read'>;

/** What this tab's page shows, above its ranked matches (or why there are none). */
function PageSummary({ status, matched }: { status: TabStatus | null; matched: number }) {
  if (!status) return <p class="note">{t('pageNotSupported')}</p>;
  if (status.health === 'robot-check') return <p class="warning" role="status">{t('healthRobotCheck')}</p>;
  if (status.listing && status.papers === 0) return <p class="warning" role="status">{t('healthNoPapers')}</p>;
  const fromMetadata = status.health === 'metadata' ? ` ${t('healthFromMetadata')}` : '';
  return <p class="note summary">{t('pageSummary', [String(matched), String(status.papers)]) + fromMetadata}</p>;
}

/**
 * The rows of a long list that are in view: collapsed rows are ROW_HEIGHT tall, the expanded one is
 * measured. Short lists render whole (`whole`), each row as tall as its title needs.
 */
function useWindow(count: number, scroller: { current: HTMLElement | null }, expanded: number, expandedHeight: number) {
  const [view, setView] = useState({ top: 0, height: 480 });
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const update = () => setView({ top: el.scrollTop, height: el.clientHeight });
    update();
    el.addEventListener('scroll', update, { passive: true });
    return () => el.removeEventListener('scroll', update);
  }, [scroller.current]);
  const extra = expanded >= 0 ? Math.max(0, expandedHeight - ROW_HEIGHT) : 0;
  const offset = (i: number) => i * ROW_HEIGHT + (expanded >= 0 && i > expanded ? extra : 0);
  if (count <= WINDOW_FROM) return { whole: true, start: 0, end: count, padTop: 0, padBottom: 0, offset };
  const start = Math.max(0, Math.floor(view.top / ROW_HEIGHT) - OVERSCAN);
  const end = Math.min(count, Math.ceil((view.top + view.height) / ROW_HEIGHT) + OVERSCAN);
  return { whole: false, start, end, padTop: offset(start), padBottom: offset(count) - offset(end), offset };
}

/**
 * `start` is read by the entrypoint before the first render (readPopupStart for the day of `now`), so
 * the snapshot is in the first paint: state set in an effect would wait for a frame of an empty list.
 */
export function PopupApp({ now, start }: { now: number; start: PopupStart }) {
  const today = dayOf(now);
  const notifiedKeys = useMemo(() => new URLSearchParams(location.search).getAll('key'), []);
  const [tab, setTab] = useState<Tab | undefined>(notifiedKeys.length ? 'notified' : undefined);
  const [choice, setChoice] = useState<DayChoice>('today');
  const [blend, setBlend] = useState(start.blend);
  const [filter, setFilter] = useState('');
  const [query, setQuery] = useState('');
  const [lists, setLists] = useState<{ today: PopupPaper[]; popular: PopupPaper[]; total: number } | undefined>(start.snapshot?.lists);
  /** The lists on screen come from the fresh ranking (not the snapshot, nor another day's). */
  const [fresh, setFresh] = useState(false);
  const [error, setError] = useState<string>();
  const [selected, setSelected] = useState(-1);
  const [expandedKey, setExpandedKey] = useState<string>();
  const [expandedHeight, setExpandedHeight] = useState(ROW_HEIGHT);
  /** Asked for when the reader opens it: at 100,000 papers it reads ~0.5 s of index keys, which a search typed at once would queue behind. */
  const [chart, setChart] = useState<Load<ChartData>>();
  const [notice, setNotice] = useNotice<RowNotice>();
  /** Marks set since the lists were read, by key: every list shows them at once. */
  const [marks, setMarks] = useState<ReadonlyMap<string, Marks>>(new Map());
  /** Papers dismissed from a list while it is on screen: they stay in place as an undo line. */
  const [setAside, setSetAside] = useState<ReadonlySet<string>>(new Set());
  const [starred, setStarred] = useState<PopupPaper[]>();
  const [dismissed, setDismissed] = useState<PopupPaper[]>();
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLOListElement>(null);

  const page = useLoad(async () => {
    const status = start.tab;
    // Ranked as the day's list is: the best of this page first.
    const papers = status?.matched.length ? (await request<'getPapers'>({ type: 'getPapers', keys: status.matched, blend: start.blend })).papers : [];
    return { status, papers };
  });
  const interests = useLoad(() => request<'getInterests'>({ type: 'getInterests' }).then((r) => r.interests));
  // A notification opens the popup on its papers: popup.html?key=…&key=…
  const notified = useLoad(() => (notifiedKeys.length ? request<'getPapers'>({ type: 'getPapers', keys: notifiedKeys }).then((r) => r.papers) : Promise.resolve([])));

  // Opened on a page with matches, that page's matches come first.
  // A tab without matches leaves the day's list (the snapshot) in the first paint, not a "loading" page tab.
  const pageFirst = page.state === 'ready' ? page.value.papers.length > 0 : page.state === 'loading' && !!start.tab?.matched.length;
  const current: Tab = tab ?? (pageFirst ? 'page' : 'today');

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

  function openChart(): void {
    if (chart) return;
    setChart({ state: 'loading' });
    const days = Array.from({ length: CHART_DAYS }, (_, i) => addDays(today, i - CHART_DAYS + 1));
    request<'getChart'>({ type: 'getChart', days }).then(
      (value) => setChart({ state: 'ready', value }),
      (err: unknown) => setChart({ state: 'error', error: err instanceof Error ? err.message : String(err) }),
    );
  }

  // Starred and Dismissed are read each time they are opened: they change from everywhere.
  useEffect(() => {
    if (current === 'starred') request<'getStarred'>({ type: 'getStarred' }).then((r) => setStarred(r.papers), (err: unknown) => setError(String(err)));
    if (current === 'dismissed') request<'getDismissed'>({ type: 'getDismissed' }).then((r) => setDismissed(r.papers), (err: unknown) => setError(String(err)));
    setSetAside(new Set());
    setSelected(-1);
    setExpandedKey(undefined);
  }, [current]);

  // A paper triaged elsewhere (the badge panel, another window) changes here too.
  useEffect(() => {
    const onMessage = (message: unknown, sender: { id?: string; tab?: unknown }) => {
      const change = message as PaperStateChanged | undefined;
      if (sender.id === browser.runtime.id && !sender.tab && change?.type === 'paperStateChanged') remember(change);
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, []);

  const { results, searching } = useSearch(
    query,
    (text) => request<'search'>({ type: 'search', query: text }).then((r) => r.papers),
    (err) => setError(String(err)),
  );

  function remember(change: PaperStateChanged): void {
    setMarks((m) => new Map(m).set(change.key, { starred: change.starred, dismissed: change.dismissed, read: change.read }));
  }

  const withMarks = (papers: readonly PopupPaper[]) => papers.map((p) => (marks.has(p.key) ? { ...p, ...marks.get(p.key)! } : p));
  const byFilter = (papers: PopupPaper[]) => (filter ? papers.filter((p) => p.matches.some((m) => m.interest === filter)) : papers);
  /** What belongs in each list now: dismissed papers leave the others, unstarred ones leave Starred, restored ones leave Dismissed. */
  const belongs: Record<Tab, (p: PopupPaper) => boolean> = {
    notified: (p) => !p.dismissed,
    page: (p) => !p.dismissed,
    today: (p) => !p.dismissed,
    popular: (p) => !p.dismissed,
    starred: (p) => p.starred,
    dismissed: (p) => !!p.dismissed,
  };
  const sources: Record<Tab, PopupPaper[] | undefined> = {
    notified: notified.state === 'ready' ? notified.value : undefined,
    page: page.state === 'ready' ? page.value.papers : undefined,
    today: lists && byFilter(lists.today),
    popular: lists && byFilter(lists.popular),
    starred,
    dismissed,
  };
  /** A list as its tab shows it; a paper just acted on stays in place (with its undo) until the tab changes. */
  const listOf = (key: Tab) => sources[key] && withMarks(sources[key]).filter((p) => belongs[key](p) || setAside.has(p.key));
  const count = (key: Tab) => sources[key] && withMarks(sources[key]).filter(belongs[key]).length;
  const main = results ? withMarks(results) : (listOf(current) ?? []);
  const searched = useMemo(() => (results ? query.trim().split(/\s+/).filter((w) => w.length > 1) : []), [results]);
  const expanded = main.findIndex((p) => p.key === expandedKey);
  const win = useWindow(main.length, listRef, expanded, expandedHeight);

  useLayoutEffect(() => {
    const row = expandedKey ? listRef.current?.querySelector<HTMLElement>('li.expanded') : null;
    if (row && row.offsetHeight !== expandedHeight) setExpandedHeight(row.offsetHeight);
  });

  /** Each paper's last change request, by key: an undo waits for it. */
  const changing = useRef(new Map<string, Promise<unknown>>());

  function setAsideOff(key: string): void {
    setSetAside((s) => {
      const next = new Set(s);
      next.delete(key);
      return next;
    });
  }

  /**
   * The undo is offered as the request leaves, not when it is answered: the change can reach this
   * popup first by the background's broadcast, and a quick `s` then `u` must still undo it. An undo
   * request waits for the paper's change in flight (`changing`), the one it reverses.
   */
  function setState(paper: PopupPaper, patch: PaperStatePatch, undoable = true): void {
    const before: PaperStatePatch = Object.fromEntries(Object.keys(patch).map((k) => [k, !!paper[k as keyof PaperStatePatch]]));
    const done = request<'setPaperState'>({ type: 'setPaperState', key: paper.key, patch }).then(remember);
    changing.current.set(paper.key, done);
    done.catch((err: unknown) => {
      setError(String(err));
      setNotice((n) => (n?.key === paper.key ? undefined : n));
      setAsideOff(paper.key);
    });
    if (!undoable || patch.read !== undefined) return;
    setSetAside((s) => new Set(s).add(paper.key));
    const text = patch.starred !== undefined ? t(patch.starred ? 'starred' : 'unstarred') : t(patch.dismissed ? 'dismissed' : 'restored');
    setNotice({ key: paper.key, text, undo: () => undo(paper, before) });
  }

  /** Reverse the paper's last change once it is stored; a change that failed has nothing to reverse. */
  function undo(paper: PopupPaper, before: PaperStatePatch): void {
    setNotice(undefined);
    setAsideOff(paper.key);
    (changing.current.get(paper.key) ?? Promise.resolve()).then(() => setState(paper, before, false), () => undefined);
  }

  const actions: RowActions = {
    open(paper) {
      if (!paper.url) return;
      void browser.tabs.create({ url: paper.url });
      setState(paper, { read: true });
    },
    setState: (paper, patch) => setState(paper, patch),
    copyBibtex(paper) {
      void navigator.clipboard.writeText(toBibtex({ ...paper })).then(
        () => setNotice({ key: paper.key, text: t('copied') }),
        () => setNotice({ key: paper.key, text: t('copyFailed') }),
      );
    },
    moreLikeThis(paper, choice) {
      request<'moreLikeThis'>({ type: 'moreLikeThis', key: paper.key, ...choice }).then(
        (r) => setNotice({ key: paper.key, text: addedAsExample(r.labels) }),
        (err: unknown) => setNotice({ key: paper.key, text: t('errorPrefix', err instanceof Error ? err.message : String(err)) }),
      );
    },
    interests: async () => (interests.state === 'ready' ? interests.value.map(({ id, label }) => ({ id, label })) : []),
    toggle(paper) {
      setExpandedKey((k) => (k === paper.key ? undefined : paper.key));
    },
  };

  function select(index: number): void {
    const paper = main[index];
    setSelected(index);
    setExpandedKey(paper?.key);
    const list = listRef.current;
    if (!list || !paper) return;
    // A whole list's rows are as tall as their titles: measure the row. A windowed list's row may not
    // be rendered yet: scroll to where it is.
    const row = win.whole ? (list.children[index] as HTMLElement | undefined) : undefined;
    const top = row ? row.getBoundingClientRect().top - list.getBoundingClientRect().top + list.scrollTop : win.offset(index);
    if (top < list.scrollTop) list.scrollTop = top;
    else if (top + ROW_HEIGHT * 3 > list.scrollTop + list.clientHeight) list.scrollTop = top + ROW_HEIGHT * 3 - list.clientHeight;
  }

  function onKeyDown(e: KeyboardEvent): void {
    const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement;
    if (e.key === 'Escape') {
      setQuery('');
      setFilter('');
      setSelected(-1);
      setExpandedKey(undefined);
      searchRef.current?.blur();
      return;
    }
    if (typing) return;
    const paper = main[selected];
    if (e.key === '/') {
      e.preventDefault();
      searchRef.current?.focus();
    } else if (e.key === 'ArrowDown' || e.key === 'j') {
      e.preventDefault();
      select(Math.min(main.length - 1, selected + 1));
    } else if (e.key === 'ArrowUp' || e.key === 'k') {
      e.preventDefault();
      select(Math.max(0, selected - 1));
    } else if (paper && e.key === 'Enter' && !(e.target instanceof HTMLButtonElement || e.target instanceof HTMLAnchorElement)) {
      actions.open(paper);
    } else if (paper && e.key === 's') {
      setState(paper, { starred: !paper.starred });
    } else if (paper && e.key === 'd') {
      setState(paper, { dismissed: !paper.dismissed });
    } else if (e.key === 'u' && notice?.undo) {
      notice.undo();
    }
  }

  // The handler of the latest render, set as it renders: an effect would leave the previous one (with
  // the previous selection) in place until after paint, and keys pressed fast would act on stale state.
  const keyHandler = useRef(onKeyDown);
  keyHandler.current = onKeyDown;
  // On the document, not <main>: with nothing focused, keys go to <body>.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => keyHandler.current(e);
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const tabNames: Record<Tab, string> = {
    notified: t('tabNotified'),
    page: t('tabThisPage'),
    today: choice === 'today' ? t('tabToday') : choice === 'week' ? t('weekHeading') : t('dayHeading', daysFor(choice, today)[0]!),
    popular: t('tabPopular'),
    starred: t('tabStarred'),
    dismissed: t('tabDismissed'),
  };
  const tabs: Tab[] = [...(notifiedKeys.length ? (['notified'] as const) : []), 'page', 'today', 'popular', 'starred', 'dismissed'];
  const busy = searching || (!results && (current === 'today' || current === 'popular') && !fresh) || sources[current] === undefined;

  function emptyNote() {
    if (results) return searching ? null : t('searchNone', query.trim());
    if (current === 'today') return choice === 'today' ? t('noMatchesToday') : t('noMatchesDay');
    if (current === 'popular') return t('noPopular');
    if (current === 'starred') return t('noStarred');
    if (current === 'dismissed') return t('noDismissed');
    return null;
  }

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

      <div role="tablist" aria-label={t('listsLabel')} class="tabs">
        {tabs.map((key) => (
          <button
            key={key}
            type="button"
            role="tab"
            id={`tab-${key}`}
            aria-selected={!results && current === key}
            aria-controls="main-list-panel"
            onClick={() => {
              setQuery('');
              setTab(key);
            }}
          >
            {tabNames[key]}
            {count(key) !== undefined && <span class="count">{count(key)}</span>}
          </button>
        ))}
      </div>

      {!results && (current === 'today' || current === 'popular') && (
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
          <select aria-label={t('filterInterest')} value={filter} onChange={(e) => setFilter(e.currentTarget.value)}>
            <option value="">{t('filterAll')}</option>
            {interests.state === 'ready' && interests.value.map((i) => <option key={i.id} value={i.id}>{i.label}</option>)}
          </select>
        </div>
      )}

      <section aria-labelledby="main-list" aria-busy={busy} id="main-list-panel" role="tabpanel" class="list">
        <h2 id="main-list" class="sr-only">
          {results ? t('searchResults') : tabNames[current]}
        </h2>
        {!results && current === 'page' && page.state === 'ready' && (
          <PageSummary status={page.value.status} matched={count('page') ?? 0} />
        )}
        {searching && <p class="note" role="status">{t('searching')}</p>}
        {!busy && !main.length && !results && interests.state === 'ready' && !interests.value.length ? (
          <p class="note">
            {t('popupNoInterests')} <a href={browser.runtime.getURL('/welcome.html')} target="_blank" rel="noopener">{t('popupStartHere')}</a>
          </p>
        ) : (
          !busy && !main.length && emptyNote() && <p class="note">{emptyNote()}</p>
        )}
        {busy && !main.length && !searching && <p class="note">{t('loading')}</p>}
        <ol class={win.whole ? 'papers whole' : 'papers'} ref={listRef} style={{ paddingTop: `${win.padTop}px`, paddingBottom: `${win.padBottom}px` }}>
          {main.slice(win.start, win.end).map((p, i) =>
            setAside.has(p.key) && p.dismissed && current !== 'dismissed' ? (
              <li key={p.key} class="paper set-aside" data-paperlight-key={p.key} data-paperlight-state="dismissed">
                <span class="set-aside-title">{t('dismissedRow', p.title)}</span>
                <button type="button" class="link" data-paperlight-action="undo" onClick={() => undo(p, { dismissed: false })}>
                  {t('undo')}
                </button>
              </li>
            ) : (
              <PaperRow
                key={p.key}
                paper={p}
                actions={actions}
                selected={win.start + i === selected}
                expanded={p.key === expandedKey}
                notice={notice?.key === p.key ? notice : undefined}
                searched={searched}
                now={now}
              />
            ),
          )}
        </ol>
        {!results && current === 'today' && lists && lists.total > lists.today.length && (
          <p class="note">{t('topOf', [String(lists.today.length), String(lists.total)])}</p>
        )}
      </section>

      <footer class="toolbar">
        <ExportButtons name={`paperlight-${current === 'today' ? choice : current}`} papers={main} onError={setError} />
        <details class="chart-box" onToggle={(e) => (e.currentTarget as HTMLDetailsElement).open && openChart()}>
          <summary>{t('chartTitle')}</summary>
          {chart?.state === 'ready' ? <BarChart data={chart.value} /> : <p class="chart note">{chart?.state === 'error' ? chart.error : t('loading')}</p>}
        </details>
        <span class="note keys" title={t('keyboardHelp')}>
          ⌨
          <span class="sr-only">{t('keyboardHelp')}</span>
        </span>
      </footer>
    </main>
  );
}
