/**
 * Training in the service worker: when the interests' examples change, the models are trained
 * again against a spread sample of the store, in slices of ~20 ms with the event loop free
 * between them, stored (Dexie `learned`), and the retrained interests' matches refreshed.
 */
import type { PaperlightDB } from '../db/schema';
import type { Interest, InterestChanges } from '../interests';
import { needsTraining } from './fingerprint';
import { trainingSplit, trainModels, type LearnedModels, type StoredModel, type TrainingPaper } from './model';

/** A slice of training work stops at the first yield past this; a collection pause of up to ~20 ms can land in its last step, and a slice stays under 50 ms. */
const SLICE_MS = 20;
const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Run a training generator in slices; answers its result and the longest slice. */
export async function runInSlices<T>(steps: Generator<void, T>, now: () => number = () => performance.now()): Promise<{ value: T; longestSliceMs: number }> {
  let longestSliceMs = 0;
  for (;;) {
    const started = now();
    let next = steps.next();
    while (!next.done && now() - started < SLICE_MS) next = steps.next();
    longestSliceMs = Math.max(longestSliceMs, now() - started);
    if (next.done) return { value: next.value, longestSliceMs };
    await yieldToEventLoop();
  }
}

/** The store's papers to learn against and those held out (trainingSplit), read by key: keys first (an index read), then only the sampled records. */
export async function sampleStore(db: PaperlightDB): Promise<{ learn: TrainingPaper[]; unseen: TrainingPaper[] }> {
  const { learn, unseen } = trainingSplit(await db.papers.orderBy(':id').primaryKeys());
  const read = async (keys: string[]): Promise<TrainingPaper[]> =>
    (await db.papers.bulkGet(keys)).flatMap((p) => (p ? [{ key: p.key, title: p.title, ...(p.abstract ? { abstract: p.abstract } : {}) }] : []));
  return { learn: await read(learn), unseen: await read(unseen) };
}

const changedModels = (before: readonly StoredModel[], after: readonly StoredModel[]): string[] => {
  const old = new Map(before.map((m) => [m.interest, m.fingerprint]));
  const now = new Set(after.map((m) => m.interest));
  return [...after.filter((m) => old.get(m.interest) !== m.fingerprint).map((m) => m.interest), ...[...old.keys()].filter((id) => !now.has(id))];
};

export interface TrainerDeps {
  db: PaperlightDB;
  interests: { get(): Promise<{ interests: Interest[] }>; invalidate(): void };
  /** Re-match the store against the interests whose model changed. */
  rematch: (changes: InterestChanges) => Promise<void> | void;
}

export function createTrainer({ db, interests, rematch }: TrainerDeps) {
  let running: Promise<void> | undefined;
  let again = false;

  async function trainOnce(): Promise<void> {
    const { interests: list } = await interests.get();
    const stored = await db.learned.get('examples');
    if (!needsTraining(stored, list)) return;
    const { learn, unseen } = await sampleStore(db);
    const { value } = await runInSlices(trainModels(list, learn, unseen));
    const learned: LearnedModels = value;
    await db.learned.put({ id: 'examples', ...learned });
    interests.invalidate();
    const changed = changedModels(stored?.models ?? [], learned.models);
    if (changed.length) await rematch({ changed, removed: [] });
  }

  return {
    /** Train if the examples changed since the stored models (after an interests edit, and on worker start). */
    schedule(): Promise<void> {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        do {
          again = false;
          await trainOnce();
        } while (again);
      })().finally(() => {
        running = undefined;
      });
      return running;
    },
  };
}

export type Trainer = ReturnType<typeof createTrainer>;
