/**
 * The worker's search index over the store. A worker just started (MV3 stops it after 30 s idle)
 * loads the index saved in the store and reads again only the papers the paper log
 * (lib/db/paper-log.ts) says changed since; without a saved index it builds one from every paper
 * (one read of the store, in pages: 5-6 s at 100,000 papers), then saves it. Either way a Dexie
 * middleware keeps it in step with every write the worker makes to `papers` (scans, merges,
 * re-matches, pruning, wipes) by applying each committed put and delete, and it is saved again
 * once enough has changed, which trims the log. Writes from other pages (a restored backup) are
 * found in the log when saving: the index is then loaded again, as after `dataReplaced`.
 */
import type { DBCoreMutateRequest } from 'dexie';
import { loggedSeqs } from '../db/paper-log';
import { followPaperWrites } from '../db/paper-writes';
import type { PaperlightDB, PaperRecord, SearchIndexRecord } from '../db/schema';
import { WordIndex, type WordIndexSnapshot } from './word-index';

export interface PaperSearch {
  /** The index, loaded or built if it is not yet (a search waits for it, the popup asks for it early). */
  index(): Promise<WordIndex>;
  /** The index if it is ready; a worker just started takes a moment to load it, seconds to build it. */
  built(): WordIndex | undefined;
  /** The store changed behind the worker's back: load the index again on next use. */
  invalidate(): void;
  /**
   * Save the index now if it changed since it was saved, so the log stays short. Not in memory, it
   * is loaded for this only if it was saved; otherwise the log is dropped, and the next search builds it.
   */
  save(): Promise<void>;
}

/** Papers read per round while building: one getAll each, memory stays flat. */
const BUILD_PAGE = 5000;
const SAVED_ID = 'words';
/** Bump when WordIndexSnapshot or the index's word rules change: an older saved index is built again. */
export const SEARCH_INDEX_FORMAT = 4;
/** Papers changed since the index was saved beyond which it is saved again. */
const SAVE_AFTER = 5000;
/** Changed papers beyond which loading reads them all anyway: building is then no slower than replaying. */
const REPLAY_LIMIT = 20_000;
/** A save waits for this long a pause in writes: a listing's scans come in several messages. */
const SAVE_DELAY_MS = 2000;

/** The index being loaded, built or ready, and how far into the paper log it reflects the store. */
interface Live {
  index: WordIndex;
  /** Every write logged up to here is in the index. */
  seq: number;
  /** Writes logged after `seq` that the index has applied. */
  applied: Set<number>;
  /** Papers changed since the index was saved. */
  unsaved: number;
  /** Writes committed while the saved index is being read, or stored, applied once it is. */
  waiting?: { request: DBCoreMutateRequest; seqs: readonly number[] }[];
  ready: boolean;
}

/** What the store holds for loading: the saved index and the papers changed since, read in one transaction. */
interface Stored {
  /** The last log entry when read. */
  seq: number;
  saved?: SearchIndexRecord;
  changed: string[];
  papers: (PaperRecord | undefined)[];
}

/** The saved index, or undefined when it is damaged (said in the console): it is built from the papers again and saved over. */
function fromSaved(saved: WordIndexSnapshot): WordIndex | undefined {
  try {
    return WordIndex.fromSnapshot(saved);
  } catch (err) {
    console.warn('[paperlight]', err);
    return undefined;
  }
}

export interface PaperSearchOptions {
  /**
   * Keeps the worker up while `work` runs (lib/background/keep-alive.ts). Building reads the whole
   * store without an extension event or API call: at 300,000 papers that outlasts the 30 s after
   * which Chrome stops an idle worker, and a build stopped half-way is lost and started over.
   */
  keepAlive?: <T>(work: Promise<T>) => Promise<T>;
}

/** Register on `db` before it opens (Dexie builds its middleware stack when it opens). */
export function createPaperSearch(db: PaperlightDB, { keepAlive = (work) => work }: PaperSearchOptions = {}): PaperSearch {
  let live: Live | undefined;
  let loading: Promise<Live> | undefined;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let saving = Promise.resolve();

  const drop = () => {
    live = undefined;
    loading = undefined;
  };

  function apply(state: Live, request: DBCoreMutateRequest, seqs: readonly number[]): void {
    if ((request.type === 'add' || request.type === 'put') && request.values) {
      state.index.put(request.values as PaperRecord[]);
      state.unsaved += request.values.length;
    } else if (request.type === 'delete') {
      state.index.delete(request.keys as string[]);
      state.unsaved += request.keys.length;
    } else return drop();
    for (const seq of seqs) state.applied.add(seq);
    if (state.ready && state.unsaved >= SAVE_AFTER) scheduleSave(state);
  }

  followPaperWrites(db, 'paperlight-search', (request, transaction) => {
    const state = live;
    // Only what commits reaches the index: a scan's transaction can still roll back.
    if (state)
      transaction.addEventListener('complete', () => {
        if (live !== state) return;
        if (state.waiting) state.waiting.push({ request, seqs: loggedSeqs(transaction) });
        else apply(state, request, loggedSeqs(transaction));
      });
  });

  /**
   * Keys of the papers written since `saved`, from the log (within a transaction over it), or
   * undefined when `saved` cannot be brought up to date: another format, the table cleared since,
   * or more changes than a build would cost.
   */
  async function changedSince(saved: SearchIndexRecord | undefined): Promise<string[] | undefined> {
    if (saved?.format !== SEARCH_INDEX_FORMAT) return undefined;
    const changed = new Set<string>();
    for (const entry of await db.paperLog.where(':id').above(saved.seq).toArray()) {
      if (!entry.keys) return undefined;
      for (const key of entry.keys) changed.add(key);
    }
    return changed.size > REPLAY_LIMIT ? undefined : [...changed];
  }

  /** The saved index and what changed since, or only the log's end when there is no usable one. */
  const readStored = (): Promise<Stored> =>
    db.transaction('r', [db.searchIndex, db.paperLog, db.papers], async () => {
      const seq = (await db.paperLog.orderBy(':id').last())?.seq ?? 0;
      const saved = await db.searchIndex.get(SAVED_ID);
      const changed = await changedSince(saved);
      if (!changed) return { seq, changed: [], papers: [] };
      return { seq, saved, changed, papers: await db.papers.bulkGet(changed) };
    });

  /**
   * With no index in memory: whether a save is worth loading it (a usable saved index, with changes
   * to take in). A saved index that is not usable goes, with the log, which serves only it.
   */
  const worthLoading = (): Promise<boolean> =>
    db.transaction('rw', [db.searchIndex, db.paperLog], async () => {
      const changed = await changedSince(await db.searchIndex.get(SAVED_ID));
      if (changed) return changed.length > 0;
      await db.searchIndex.clear();
      await db.paperLog.clear();
      return false;
    });

  async function build(state: Live): Promise<void> {
    for (let after: string | undefined; live === state; ) {
      const page = await (after === undefined ? db.papers.orderBy(':id') : db.papers.where(':id').above(after)).limit(BUILD_PAGE).toArray();
      if (!page.length) return;
      // A write that committed meanwhile was applied already; a page read after it holds the same papers.
      if (live === state) state.index.put(page);
      state.unsaved += page.length;
      after = page[page.length - 1]!.key;
    }
  }

  async function load(state: Live): Promise<Live> {
    const stored = await readStored();
    state.seq = stored.seq;
    const loaded = stored.saved && fromSaved(stored.saved);
    if (loaded) {
      state.index = loaded;
      state.index.delete(stored.changed.filter((_, i) => !stored.papers[i]));
      state.index.put(stored.papers.filter((paper) => paper !== undefined));
      state.unsaved = stored.changed.length;
    }
    // Logged after the read: in neither the saved index nor the papers read.
    for (const { request, seqs } of state.waiting!.splice(0)) apply(state, request, seqs.filter((seq) => seq > stored.seq));
    state.waiting = undefined;
    if (!loaded) await build(state);
    if (live === state) {
      state.ready = true;
      if (!loaded || state.unsaved >= SAVE_AFTER) scheduleSave(state);
    }
    return state;
  }

  function scheduleSave(state: Live): void {
    clearTimeout(saveTimer);
    // A connection closed meanwhile (the tests close theirs) has nothing left to save.
    saveTimer = setTimeout(() => db.isOpen() && void saveNow(state).catch((err: unknown) => console.error('[paperlight] saving the search index failed', err)), SAVE_DELAY_MS);
  }

  /** One save at a time: the daily save() may come while a scheduled one is under way. */
  function saveNow(state: Live): Promise<void> {
    const next = keepAlive(saving.then(() => saveOnce(state)));
    saving = next.catch(() => undefined);
    return next;
  }

  async function saveOnce(state: Live): Promise<void> {
    if (live !== state || !state.ready || state.unsaved <= 0) return;
    let seq = state.seq;
    for (const applied of state.applied) seq = Math.max(seq, applied);
    const unsaved = state.unsaved;
    const snapshot = state.index.snapshot();
    // Writes that commit while it is stored wait, so the index can be read back from it (below) and take them after.
    state.waiting = [];
    let saved = false;
    try {
      saved = await db.transaction('rw', [db.searchIndex, db.paperLog], async () => {
        const logged = await db.paperLog.where(':id').between(state.seq, seq, false, true).primaryKeys();
        // Another page wrote papers (a backup restored): the index misses them.
        if (logged.some((s) => !state.applied.has(s))) return false;
        await db.searchIndex.put({ ...snapshot, id: SAVED_ID, seq, format: SEARCH_INDEX_FORMAT });
        await db.paperLog.where(':id').belowOrEqual(seq).delete();
        return true;
      });
    } finally {
      const waiting = state.waiting;
      state.waiting = undefined;
      // Held as saved: lists as gaps take a third of the memory of lists built paper by paper (at
      // 100,000 papers with abstracts, 46 MB instead of 134 in Node), and searches read them as fast.
      const read = saved && live === state ? fromSaved(snapshot) : undefined;
      if (read) state.index = read;
      for (const { request, seqs } of waiting) apply(state, request, seqs);
    }
    if (live !== state) return;
    if (!saved) return drop();
    state.seq = seq;
    for (const s of state.applied) if (s <= seq) state.applied.delete(s);
    state.unsaved -= unsaved;
  }

  const index = (): Promise<WordIndex> => {
    if (!loading) {
      const state: Live = (live = { index: new WordIndex(), seq: 0, applied: new Set(), unsaved: 0, waiting: [], ready: false });
      loading = keepAlive(load(state));
      loading.catch(() => live === state && drop());
    }
    // The index as it is now: a save replaces it with the one read back from what it stored.
    return loading.then((state) => state.index);
  };

  return {
    index,
    built: () => (live?.ready ? live.index : undefined),
    invalidate: drop,
    async save() {
      // A build reads the whole store (seconds), daily, for someone who may never search: not for a save.
      if (!live && !(await worthLoading())) return;
      await index();
      if (live) await saveNow(live);
    },
  };
}
