/**
 * The welcome page, opened on install: three ways to give Paperlight something to look for
 * (templates by field, papers you like, your co-authors), each saved at once, then a listing
 * where the matches show. A researcher goes from install to badges in a minute.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { addAuthorInterest, addExamplePapers, addTemplates, coauthorsOf } from '../lib/first-run';
import type { Interest } from '../lib/interests';
import { parsePastedPapers } from '../lib/interests-edit';
import { resolvePastedPapers } from '../lib/pasted-papers';
import { t } from '../lib/i18n';
import { request } from '../lib/messaging';
import { listingsFor, listingUrl, TEMPLATES, templatesByArea, type Template } from '../lib/templates';

const NEW = '';
/** Shown when the user picked no template: all of today's new computer science papers. */
const DEFAULT_CATEGORY = 'cs';

type Status = { kind: 'ok' | 'error'; text: string } | undefined;

function StatusLine({ status }: { status: Status }) {
  if (!status) return null;
  return <p class={status.kind === 'ok' ? 'ok' : 'field-error'} role={status.kind === 'ok' ? 'status' : 'alert'}>{status.text}</p>;
}

const errorText = (err: unknown) => t('errorPrefix', err instanceof Error ? err.message : String(err));

export function Welcome() {
  const [interests, setInterests] = useState<Interest[]>();
  const [loadError, setLoadError] = useState<string>();
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [added, setAdded] = useState<ReadonlySet<string>>(new Set());
  const [templateStatus, setTemplateStatus] = useState<Status>();

  const [papers, setPapers] = useState('');
  const [target, setTarget] = useState(NEW);
  const [newLabel, setNewLabel] = useState('');
  const [papersStatus, setPapersStatus] = useState<Status>();
  const [papersInvalid, setPapersInvalid] = useState<'papers' | 'label'>();
  const papersRef = useRef<HTMLTextAreaElement>(null);
  const newLabelRef = useRef<HTMLInputElement>(null);

  const [name, setName] = useState('');
  const [coauthors, setCoauthors] = useState('');
  const [authorStatus, setAuthorStatus] = useState<Status>();
  const [nameInvalid, setNameInvalid] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    request<'getInterests'>({ type: 'getInterests' }).then((r) => setInterests(r.interests), (err: unknown) => setLoadError(errorText(err)));
  }, []);

  async function save(next: Interest[]): Promise<void> {
    setInterests((await request<'setInterests'>({ type: 'setInterests', interests: next })).interests);
  }

  async function run(action: () => Promise<void>, onError: (status: Status) => void): Promise<void> {
    setBusy(true);
    try {
      await action();
    } catch (err) {
      onError({ kind: 'error', text: errorText(err) });
    } finally {
      setBusy(false);
    }
  }

  const addPicked = () =>
    run(async () => {
      const chosen = TEMPLATES.filter((tpl) => picked.has(tpl.category));
      const current = interests ?? [];
      const next = addTemplates(current, chosen);
      await save(next);
      setAdded(new Set([...added, ...chosen.map((tpl) => tpl.category)]));
      setPicked(new Set());
      setTemplateStatus({ kind: 'ok', text: t('welcomeTemplatesAdded', next.slice(current.length).map((i) => i.label).join(', ')) });
    }, setTemplateStatus);

  const addPapers = () =>
    run(async () => {
      if (!parsePastedPapers(papers).length) {
        setPapersInvalid('papers');
        setPapersStatus({ kind: 'error', text: t('welcomeNeedPapers') });
        papersRef.current?.focus();
        return;
      }
      if (target === NEW && !newLabel.trim()) {
        setPapersInvalid('label');
        setPapersStatus({ kind: 'error', text: t('welcomeNeedName') });
        newLabelRef.current?.focus();
        return;
      }
      setPapersInvalid(undefined);
      const examples = await resolvePastedPapers(papers);
      const result = addExamplePapers(interests ?? [], examples, target === NEW ? { newLabel } : { id: target });
      await save(result.interests);
      setPapers('');
      setNewLabel('');
      setTarget(result.interest.id);
      setPapersStatus({ kind: 'ok', text: t('welcomePapersAdded', [result.interest.label, String(result.interest.examples?.length ?? 0)]) });
    }, setPapersStatus);

  const requireName = (): boolean => {
    if (name.trim()) return true;
    setNameInvalid(true);
    setAuthorStatus({ kind: 'error', text: t('welcomeNeedYourName') });
    nameRef.current?.focus();
    return false;
  };

  const suggest = () =>
    run(async () => {
      if (!requireName()) return;
      const found = coauthorsOf((await request<'search'>({ type: 'search', query: name.trim() })).papers, name);
      const known = new Set(coauthors.split('\n').map((s) => s.trim().toLowerCase()));
      const fresh = found.filter((a) => !known.has(a.toLowerCase()));
      if (fresh.length) setCoauthors([coauthors.trim(), ...fresh].filter(Boolean).join('\n'));
      setAuthorStatus(found.length ? { kind: 'ok', text: t('welcomeSuggested', String(found.length)) } : { kind: 'ok', text: t('welcomeNoneSuggested') });
    }, setAuthorStatus);

  const follow = () =>
    run(async () => {
      if (!requireName()) return;
      setNameInvalid(false);
      const label = coauthors.trim() ? t('welcomeAuthorLabel', name.trim()) : name.trim();
      const result = addAuthorInterest(interests ?? [], name, coauthors, label);
      await save(result.interests);
      setAuthorStatus({ kind: 'ok', text: t('welcomeFollowing', [result.interest.label, (result.interest.authors ?? []).join(', ')]) });
    }, setAuthorStatus);

  const categories = TEMPLATES.filter((tpl) => added.has(tpl.category)).map((tpl) => tpl.category);
  const listings = categories.length ? listingsFor(categories) : [DEFAULT_CATEGORY];

  return (
    <main class="welcome">
      <h1>{t('welcomeTitle')}</h1>
      <p class="intro">{t('welcomeIntro')}</p>
      {loadError && <p class="warning" role="alert">{loadError}</p>}

      <section aria-labelledby="templates-heading">
        <h2 id="templates-heading">{t('welcomeTemplatesHeading')}</h2>
        <p class="help">{t('welcomeTemplatesHelp')}</p>
        <div class="templates">
          {templatesByArea().map(([area, templates]) => (
            <fieldset key={area}>
              <legend>{area}</legend>
              {templates.map((tpl: Template) => (
                <label key={tpl.category} class="template" data-paperlight-template={tpl.category}>
                  <input
                    type="checkbox"
                    checked={picked.has(tpl.category) || added.has(tpl.category)}
                    disabled={added.has(tpl.category)}
                    onChange={(e) => {
                      const next = new Set(picked);
                      if (e.currentTarget.checked) next.add(tpl.category);
                      else next.delete(tpl.category);
                      setPicked(next);
                    }}
                  />
                  <span>
                    <strong>{tpl.label}</strong>
                    <span class="category">{tpl.category}{added.has(tpl.category) ? ` · ${t('welcomeAlreadyAdded')}` : ''}</span>
                    <span class="terms">{tpl.terms.join(', ')}</span>
                  </span>
                </label>
              ))}
            </fieldset>
          ))}
        </div>
        <div class="toolbar">
          <button type="button" class="primary" disabled={busy || !picked.size || !interests} onClick={() => void addPicked()}>
            {t('welcomeAddTemplates')}
          </button>
        </div>
        <StatusLine status={templateStatus} />
      </section>

      <section aria-labelledby="papers-heading">
        <h2 id="papers-heading">{t('welcomePapersHeading')}</h2>
        <p class="help">{t('welcomePapersHelp')}</p>
        <div class="field">
          <label for="welcome-papers">{t('welcomePapersLabel')}</label>
          <textarea id="welcome-papers" ref={papersRef} rows={4} value={papers} placeholder={t('examplesPlaceholder')}
            aria-invalid={papersInvalid === 'papers' || undefined} aria-describedby={papersInvalid === 'papers' ? 'papers-status' : undefined}
            onInput={(e) => setPapers(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="welcome-target">{t('welcomeExampleOf')}</label>
          <select id="welcome-target" value={target} onChange={(e) => setTarget(e.currentTarget.value)}>
            <option value={NEW}>{t('welcomeNewInterestOption')}</option>
            {(interests ?? []).map((i) => <option key={i.id} value={i.id}>{i.label}</option>)}
          </select>
        </div>
        {target === NEW && (
          <div class="field">
            <label for="welcome-new-label">{t('welcomeNewInterestName')}</label>
            <input id="welcome-new-label" ref={newLabelRef} value={newLabel}
              aria-invalid={papersInvalid === 'label' || undefined} aria-describedby={papersInvalid === 'label' ? 'papers-status' : undefined}
              onInput={(e) => setNewLabel(e.currentTarget.value)} />
          </div>
        )}
        <div class="toolbar">
          <button type="button" class="primary" disabled={busy || !interests} onClick={() => void addPapers()}>
            {t('welcomeAddPapers')}
          </button>
        </div>
        <div id="papers-status"><StatusLine status={papersStatus} /></div>
      </section>

      <section aria-labelledby="author-heading">
        <h2 id="author-heading">{t('welcomeAuthorHeading')}</h2>
        <p class="help">{t('welcomeAuthorHelp')}</p>
        <div class="field">
          <label for="welcome-name">{t('welcomeYourName')}</label>
          <input id="welcome-name" ref={nameRef} value={name} autocomplete="name"
            aria-invalid={nameInvalid || undefined} aria-describedby={nameInvalid ? 'author-status' : undefined}
            onInput={(e) => setName(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="welcome-coauthors">{t('welcomeCoauthors')}</label>
          <textarea id="welcome-coauthors" rows={3} value={coauthors} onInput={(e) => setCoauthors(e.currentTarget.value)} />
        </div>
        <div class="toolbar">
          <button type="button" disabled={busy} onClick={() => void suggest()}>
            {t('welcomeSuggest')}
          </button>
          <button type="button" class="primary" disabled={busy || !interests} onClick={() => void follow()}>
            {t('welcomeFollow')}
          </button>
        </div>
        <div id="author-status"><StatusLine status={authorStatus} /></div>
      </section>

      <section aria-labelledby="next-heading">
        <h2 id="next-heading">{t('welcomeNextHeading')}</h2>
        {interests?.length ? (
          <>
            <p class="help">{t('welcomeNextHelp')}</p>
            <p class="note">{t('welcomeYourInterests', interests.map((i) => i.label).join(', '))}</p>
            <ul class="listings">
              {listings.map((category) => (
                <li key={category}>
                  <a href={listingUrl(category)} data-paperlight-listing>{t('welcomeListing', category)}</a>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p class="note">{t('welcomeNextEmpty')}</p>
        )}
        <p>
          <a href={browser.runtime.getURL('/options.html')}>{t('welcomeSettings')}</a>
        </p>
      </section>
    </main>
  );
}
