/** What the popup asks the background: ranked days, papers by key, search, paper state, chart. */
import { hasExamples, INTEREST_DEFAULTS } from '../interests';
import { compileInterests, matchPapers } from '../match/matcher';
import { browser } from 'wxt/browser';
import type { PaperSearch } from '../search/paper-search';
import { idAliases, isLink, queryIds } from '../search/query-ids';
import { urlIdentity, type SearchHit } from '../search/word-index';
import type { ChartData, InterestPreview, PageRequests, PaperStateChanged, PaperStatePatch, PopupPaper } from '../messages';
import type { Interest } from '../interests';
import type { LearnedModels } from '../learn/model';
import { appearedAt, paperDate } from '../rank/paper-date';
import { rankTrending, scorePaper, type RankedPaper, type RankInput } from '../rank/trending';
import { papersByKeys, starredPapers, type PaperView } from '../db/queries';
import { markPaper } from '../db/paper-state';
import type { MatchRecord, PaperlightDB } from '../db/schema';
import { excerpt, highlight } from '../highlight';
import { fillPublication } from '../paper';
import { interestColor, viewMatches, type InterestSet, type InterestStore } from './interests';
import type { RecentPapers } from './recent-papers';

/** Rows a trending list sends at most; the popup shows them 50 at a time. */
export const TRENDING_ROWS = 200;
const SEARCH_RESULTS = 50;

/** Only an excerpt of the abstract travels to the popup: around the first matched term, else its start. */
function abstractExcerptOf(abstract: string | undefined, matches: readonly MatchRecord[]): { abstract?: string } {
  if (!abstract) return {};
  const terms = matches.flatMap((m) => m.terms.filter((t) => t.field === 'abstract').map((t) => t.term));
  return { abstract: excerptAround(abstract, terms) };
}

function excerptAround(abstract: string, terms: readonly string[]): string {
  return excerpt(highlight(abstract, terms)).map((p) => p.text).join('');
}

function toPopupPaper(set: InterestSet, view: PaperView, days?: ReadonlySet<string>, rank?: RankedPaper): PopupPaper {
  const { paper, matches, sightings } = view;
  const within = days ? sightings.filter((s) => days.has(s.day)) : sightings;
  const seen = [...new Map((within.length ? within : sightings).map((s) => [`${s.site} ${s.page}`, { site: s.site, page: s.page }])).values()];
  const date = paperDate(paper);
  return {
    key: paper.key,
    title: paper.title,
    ...(paper.url ? { url: paper.url } : {}),
    ...(paper.authors ? { authors: paper.authors } : {}),
    ids: paper.ids,
    ...abstractExcerptOf(paper.abstract, matches),
    ...fillPublication(paper),
    matches: viewMatches(set, matches),
    seen,
    ...(date ? { date } : {}),
    firstSeen: paper.firstSeen,
    lastSeen: sightings[0]?.time ?? paper.lastSeen,
    ...(paper.signals ? { signals: paper.signals } : {}),
    starred: !!paper.starred,
    read: !!paper.read,
    ...(paper.dismissed ? { dismissed: true } : {}),
    ...(paper.venue ? { venue: paper.venue } : {}),
    ...(paper.published ? { published: paper.published } : {}),
    ...(paper.kind ? { kind: paper.kind } : {}),
    ...(rank ? { rank: { score: rank.score, parts: rank.parts, upvotesPerDay: rank.upvotesPerDay } } : {}),
  };
}

/** Matches of interests that were deleted since are not shown (the re-match will drop them). */
function liveMatches(set: InterestSet, view: PaperView): PaperView {
  return { ...view, matches: view.matches.filter((m) => set.byId.has(m.interest)) };
}

function rankInput(set: InterestSet, { paper, matches, sightings }: PaperView): RankInput {
  return {
    key: paper.key,
    matches: matches.map((m) => ({ interest: m.interest, score: m.score, weight: set.byId.get(m.interest)?.weight ?? INTEREST_DEFAULTS.weight })),
    sightings,
    firstSeen: paper.firstSeen,
    appeared: appearedAt(paper, paper.firstSeen),
    starred: paper.starred,
    dismissed: paper.dismissed,
  };
}

/** `rankable`: the papers that can rank on the days (lib/db/queries.ts rankablePapersOf, or the snapshot keeper's copy of it). */
export async function getTrending(
  rankable: (days: readonly string[]) => Promise<PaperView[]>,
  interests: InterestStore,
  days: string[],
  blend: number,
  now: number,
): Promise<PageRequests['getTrending']['response']> {
  const set = await interests.get();
  const views = (await rankable(days)).map((v) => liveMatches(set, v));
  const byKey = new Map(views.map((v) => [v.paper.key, v]));
  const sections = rankTrending(views.map((v) => rankInput(set, v)), { blend, now });
  const daySet = new Set(days);
  const rows = (ranked: RankedPaper[]) => ranked.map((r) => toPopupPaper(set, byKey.get(r.key)!, daySet, r));
  return { today: rows(sections.today.slice(0, TRENDING_ROWS)), popular: rows(sections.popular.slice(0, TRENDING_ROWS)), total: sections.today.length };
}

async function toPopupPapers(interests: InterestStore, views: readonly PaperView[]): Promise<PopupPaper[]> {
  const set = await interests.get();
  return views.map((v) => toPopupPaper(set, liveMatches(set, v)));
}

/** Papers by key, in the order of `keys`, unknown keys skipped: the store's (papersByKeys) or the snapshot keeper's, which holds today's in memory. */
export type PapersByKeys = (keys: readonly string[]) => Promise<PaperView[]>;

export async function getPapers(papersOf: PapersByKeys, interests: InterestStore, keys: string[]): Promise<PopupPaper[]> {
  return toPopupPapers(interests, await papersOf(keys));
}

/** Papers by key, scored as the day's list scores them, best first (the popup's "This page"). */
export async function getRankedPapers(papersOf: PapersByKeys, interests: InterestStore, keys: string[], blend: number, now: number): Promise<PopupPaper[]> {
  const set = await interests.get();
  const byScore = (a: RankedPaper, b: RankedPaper) => b.score - a.score || a.key.localeCompare(b.key);
  const views = (await papersOf(keys)).map((v) => liveMatches(set, v));
  const byKey = new Map(views.map((v) => [v.paper.key, v]));
  return views
    .map((v) => scorePaper(rankInput(set, v), { blend, now }))
    .sort(byScore)
    .map((r) => toPopupPaper(set, byKey.get(r.key)!, undefined, r));
}

/** Starred papers, most recently seen first. */
export async function getStarred(db: PaperlightDB, interests: InterestStore): Promise<PopupPaper[]> {
  return toPopupPapers(interests, await starredPapers(db));
}

/**
 * Search every stored paper: a pasted identifier or link finds its paper through the `aliases`
 * index (and the link the paper was seen under), words find papers through the worker's index of
 * titles, authors and abstracts (lib/search), typo-tolerant like the matcher. Each result says
 * where the query found it (`found`), and an abstract hit brings the excerpt around the words.
 * Stops, with no results, once `wanted` says a newer search has taken its place.
 */
export async function search(db: PaperlightDB, interests: InterestStore, words: PaperSearch, query: string, wanted: () => boolean): Promise<PopupPaper[]> {
  const text = query.trim();
  if (!text) return [];
  const aliases = idAliases(queryIds(text));
  const byId = aliases.length ? await db.papers.where('aliases').anyOf(aliases).toArray() : [];
  // A pasted identifier that finds its paper is answered at once, not after the word index a worker just started is still building.
  const index = byId.length ? words.built() : await words.index();
  if (!wanted()) return [];
  const linked = index && isLink(text) ? (await db.papers.bulkGet(index.keysWithUrl(text))).filter((p) => p?.url && urlIdentity(p.url) === urlIdentity(text)) : [];
  const exact: SearchHit[] = [
    ...byId.map((p) => ({ key: p.key, score: Infinity, lastSeen: p.lastSeen, found: [{ field: 'id' as const, words: [text] }] })),
    ...linked.map((p) => ({ key: p!.key, score: Infinity, lastSeen: p!.lastSeen, found: [{ field: 'url' as const, words: [text] }] })),
  ];
  const hits = [...new Map([...exact, ...(index?.search(query, SEARCH_RESULTS) ?? [])].reverse().map((h) => [h.key, h])).values()].reverse();
  const found = new Map(hits.slice(0, SEARCH_RESULTS).map((h) => [h.key, h.found]));
  const set = await interests.get();
  const views = await papersByKeys(db, [...found.keys()]);
  if (!wanted()) return [];
  return views.map((view) => {
    const paper = toPopupPaper(set, liveMatches(set, view));
    const where = found.get(view.paper.key)!;
    const inAbstract = where.find((f) => f.field === 'abstract')?.words;
    return { ...paper, found: where, ...(inAbstract && view.paper.abstract ? { abstract: excerptAround(view.paper.abstract, inAbstract) } : {}) };
  });
}

/**
 * Keys of the papers dismissed lately, newest first, in storage.local: the store has no index of
 * dismissed papers, and the Dismissed view must not walk 100,000 of them. The marks stay the truth:
 * the view shows only the papers still dismissed.
 */
export const DISMISSED_LOG_KEY = 'dismissedLog';
const DISMISSED_LOG_SIZE = 500;

async function logDismissal(key: string, dismissed: boolean): Promise<void> {
  const log = ((await browser.storage.local.get(DISMISSED_LOG_KEY))[DISMISSED_LOG_KEY] as string[] | undefined) ?? [];
  const rest = log.filter((k) => k !== key);
  await browser.storage.local.set({ [DISMISSED_LOG_KEY]: (dismissed ? [key, ...rest] : rest).slice(0, DISMISSED_LOG_SIZE) });
}

/** Papers dismissed lately, most recently dismissed first. */
export async function getDismissed(db: PaperlightDB, interests: InterestStore): Promise<PopupPaper[]> {
  const log = ((await browser.storage.local.get(DISMISSED_LOG_KEY))[DISMISSED_LOG_KEY] as string[] | undefined) ?? [];
  return toPopupPapers(interests, (await papersByKeys(db, log)).filter((v) => v.paper.dismissed));
}

/** Mark the paper known by `key` (any of its keys); answers its marks and keys for every open page. */
export async function setPaperState(db: PaperlightDB, key: string, patch: PaperStatePatch): Promise<PaperStateChanged> {
  const record = await markPaper(db, key, patch);
  if (!record) throw new Error(`no stored paper ${key}`);
  if (patch.dismissed !== undefined) await logDismissal(record.key, patch.dismissed);
  return { type: 'paperStateChanged', key: record.key, keys: [...new Set([record.key, ...record.aliases])], starred: !!record.starred, dismissed: !!record.dismissed, read: !!record.read };
}

/** Matched papers per day and interest, for the popup's small bar chart (asked for when the reader opens it). */
export async function getChart(db: PaperlightDB, interests: InterestStore, days: string[]): Promise<ChartData> {
  const set = await interests.get();
  // Keys only, from two indexes: papers per day, and papers per interest (a small part of the store).
  const counts = await db.transaction('r', db.papers, async () => {
    const [perDay, perInterest] = await Promise.all([
      Promise.all(days.map(async (day) => new Set(await db.papers.where('days').equals(day).primaryKeys()))),
      Promise.all(set.interests.map((i) => db.papers.where('interests').equals(i.id).primaryKeys())),
    ]);
    const matched = new Set(perInterest.flat());
    return {
      counts: perDay.map((seen) => perInterest.map((keys) => keys.filter((k) => seen.has(k)).length)),
      papers: perDay.map((seen) => [...seen].filter((k) => matched.has(k)).length),
    };
  });
  return { days, interests: set.interests.map((i, index) => ({ id: i.id, label: i.label, color: interestColor(i, index) })), ...counts };
}

/**
 * How an interest being edited would match the most recently seen papers, best first: by its terms,
 * and by its examples where `learned` holds a model trained on the same examples.
 */
export async function previewInterest(recentPapers: RecentPapers, interest: Interest, learned?: LearnedModels): Promise<InterestPreview> {
  const compiled = compileInterests([interest], learned);
  const examples: Pick<InterestPreview, 'examples'> = hasExamples(interest) ? { examples: compiled.learning?.models.has(interest.id) ? 'learned' : 'pending' } : {};
  if (!compiled.interests.length) return { scanned: 0, matched: 0, top: [], ...examples };
  const { papers, words } = await recentPapers();
  const results = matchPapers(compiled, papers, words);
  const hits = papers
    .map((p, i) => ({ p, score: results[i]?.[0]?.score ?? 0 }))
    .filter((h) => h.score > 0)
    .sort((a, b) => b.score - a.score);
  return {
    scanned: papers.length,
    matched: hits.length,
    top: hits.slice(0, 5).map(({ p }) => ({ key: p.key, title: p.title, ...(p.url ? { url: p.url } : {}) })),
    scores: hits.map((h) => h.score),
    ...examples,
  };
}
