/** The toolbar popup: this tab's status, then today's matched papers, newest first (as the background orders them). */
import { browser } from 'wxt/browser';
import { dayOf } from '../lib/clock';
import { t } from '../lib/i18n';
import type { PopupPaper, TabStatus } from '../lib/messages';
import { request } from '../lib/messaging';
import { PaperRow } from './PaperRow';
import { useLoad } from './use-load';

/** The tab the popup is about: the active tab, or `?tab=<id>` when the popup is opened as a page. */
async function activeTabId(): Promise<number | undefined> {
  const fromQuery = new URLSearchParams(location.search).get('tab');
  if (fromQuery) return Number(fromQuery);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

function TabSection({ status }: { status: TabStatus | null }) {
  if (!status) return <p class="note">{t('pageNotSupported')}</p>;
  if (status.listing && status.papers === 0) return <p class="warning" role="status">{t('healthNoPapers')}</p>;
  return <p class="note">{t('pageSummary', [String(status.matched.length), String(status.papers)])}</p>;
}

export function PopupApp() {
  const tab = useLoad(async () => {
    const tabId = await activeTabId();
    return tabId === undefined ? null : (await request<'getTabStatus'>({ type: 'getTabStatus', tabId })).status;
  });
  const today = useLoad(() => request<'getDay'>({ type: 'getDay', day: dayOf(Date.now()) }).then((r) => r.papers));

  return (
    <main class="popup">
      <header>
        <h1>{t('popupTitle')}</h1>
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('openOptions')}
        </button>
      </header>
      <section aria-labelledby="on-this-page">
        <h2 id="on-this-page">{t('onThisPage')}</h2>
        {tab.state === 'ready' ? <TabSection status={tab.value} /> : null}
      </section>
      <section aria-labelledby="today">
        <h2 id="today">{t('today')}</h2>
        {today.state === 'loading' && <p class="note">{t('loading')}</p>}
        {today.state === 'error' && <p class="warning">{t('errorPrefix', today.error)}</p>}
        {today.state === 'ready' &&
          (today.value.length ? (
            <ol class="papers">
              {today.value.map((p) => (
                <PaperRow key={p.key} paper={p} />
              ))}
            </ol>
          ) : (
            <p class="note">{t('noMatchesToday')}</p>
          ))}
      </section>
    </main>
  );
}
