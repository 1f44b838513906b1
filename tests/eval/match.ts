/**
 * `npm run eval:match`: matching quality on the hand-labelled seed papers, through the real CLI
 * (`npm run match`), for the given interests and for misspelt/variant ones; then timings.
 * Neutral papers count neither as hits nor as misses (see the labels file's "method").
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseInterestsFile, type Interest } from '../../lib/interests';
import { finish, trainModels, type LearnedModels, type TrainingPaper } from '../../lib/learn/model';
import { compileLearning, marginsOf } from '../../lib/learn/scoring';
import { BENCH_INTERESTS, benchCorpus, timeMatching } from '../../lib/match/bench';
import { compileInterests, matchPapers } from '../../lib/match/matcher';
import { fold } from '../../lib/text';
import { evaluateProxy, proxyCases } from './arxiv-proxy';

export const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'matching');
export const PAPERS_FILE = join(FIXTURES, 'seed-000-papers.json');
export const INTEREST_SETS = { given: join(FIXTURES, 'interests.json'), variants: join(FIXTURES, 'interests-variants.json') } as const;

interface SeedPaper {
  id: string;
  title: string;
  abstract: string;
}
interface LabelSet {
  relevant: { id: string }[];
  neutral?: { id: string }[];
}
interface CliResult {
  key: string;
  matches: { interest: string }[];
}

export interface InterestScore {
  id: string;
  label: string;
  precision: number;
  recall: number;
  f1: number;
  truePositives: number;
  falsePositives: string[];
  misses: string[];
}

export interface EvaluationResult {
  perInterest: InterestScore[];
  macroF1: number;
}

/**
 * A run takes well under a second. Node 20's off-thread module loader (`--import tsx`) has been
 * seen to hang at start-up on a busy machine (once in CI, idle, for 25 minutes), and a child run
 * synchronously blocks the test run's own timeouts: a run that hangs is stopped and started once more.
 */
const CLI_RUN_MS = 12_000;

/** `npm run match`'s command with `args`, exactly as a user runs it. */
export function matchCli(args: readonly string[]): SpawnSyncReturns<string> {
  for (let attempt = 1; ; attempt++) {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'lib/cli/match.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: CLI_RUN_MS });
    const hung = (result.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
    if (!hung) return result;
    if (attempt === 2) throw new Error(`npm run match did not finish in ${CLI_RUN_MS} ms, twice`);
  }
}

export function runMatchCli(interestsPath: string, papersPath: string): CliResult[] {
  const { status, stdout, stderr, error } = matchCli(['--interests', interestsPath, papersPath]);
  if (error || status !== 0) throw new Error(`npm run match failed (${status}): ${error?.message ?? stderr}`);
  return JSON.parse(stdout) as CliResult[];
}

/** Precision/recall are 1 when there is nothing to find or nothing was found (an interest with no relevant papers still pays for false hits). */
function scoreInterest(id: string, label: string, found: ReadonlySet<string>, labels: LabelSet): InterestScore {
  const relevant = new Set(labels.relevant.map((p) => p.id));
  const neutral = new Set((labels.neutral ?? []).map((p) => p.id));
  const judged = [...found].filter((paper) => !neutral.has(paper));
  const truePositives = judged.filter((paper) => relevant.has(paper)).length;
  const precision = judged.length ? truePositives / judged.length : 1;
  const recall = relevant.size ? truePositives / relevant.size : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return {
    id,
    label,
    precision,
    recall,
    f1,
    truePositives,
    falsePositives: judged.filter((paper) => !relevant.has(paper)),
    misses: [...relevant].filter((paper) => !found.has(paper)),
  };
}

/** Match the seed papers with one interests file (through the CLI) and score every interest against the labels. */
export function evaluateInterests(interestsPath: string): EvaluationResult {
  const papers = JSON.parse(readFileSync(PAPERS_FILE, 'utf8')) as SeedPaper[];
  const labelSets = (JSON.parse(readFileSync(join(FIXTURES, 'seed-000-labels.json'), 'utf8')) as { interests: Record<string, LabelSet> }).interests;
  const labelsByFoldedName = new Map(Object.entries(labelSets).map(([name, labels]) => [fold(name), labels]));
  const { interests } = parseInterestsFile(JSON.parse(readFileSync(interestsPath, 'utf8')));

  const found = new Map<string, Set<string>>(interests.map((interest) => [interest.id, new Set()]));
  // The seed papers have no `key`, so the CLI keys them by position.
  for (const { key, matches } of runMatchCli(interestsPath, PAPERS_FILE)) {
    const paperId = papers[Number(key)]?.id as string;
    for (const { interest } of matches) found.get(interest)?.add(paperId);
  }
  const perInterest = interests.map((interest) => {
    const labels = labelsByFoldedName.get(fold(interest.label));
    if (!labels) throw new Error(`no labels for interest "${interest.label}"`);
    return scoreInterest(interest.id, interest.label, found.get(interest.id) as Set<string>, labels);
  });
  return { perInterest, macroF1: perInterest.reduce((sum, s) => sum + s.f1, 0) / perInterest.length };
}

function printTable(title: string, { perInterest, macroF1 }: EvaluationResult): void {
  const rows = perInterest.map((s) => [
    s.id,
    s.label,
    s.precision.toFixed(2),
    s.recall.toFixed(2),
    s.f1.toFixed(2),
    [...s.falsePositives.map((p) => `+${p}`), ...s.misses.map((p) => `-${p}`)].join(' '),
  ]);
  const header = ['interest', 'labels', 'P', 'R', 'F1', 'false hits (+) / misses (-)'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] as string).length)));
  const line = (cells: string[]): string => cells.map((cell, i) => cell.padEnd(widths[i] as number)).join('  ').trimEnd();
  console.log(`\n${title}: macro F1 ${macroF1.toFixed(3)}`);
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(row));
}

/** Terms only against terms + examples for one interest, over the papers not used as examples. */
export interface ExampleScore {
  id: string;
  terms: { precision: number; recall: number; f1: number };
  withExamples: { precision: number; recall: number; f1: number };
  /** Relevant papers the terms missed, and how many of them the examples found. */
  missedByTerms: number;
  recovered: number;
  /** Papers the examples added to the terms' matches, and the share of them that is relevant. */
  added: number;
  addedPrecision: number;
}

const FOLDS = 3;
/** Interests with fewer relevant papers cannot give examples to some folds and be scored on others. */
const MIN_RELEVANT = FOLDS + 1;

function prf(truePositives: number, found: number, relevant: number) {
  const precision = found ? truePositives / found : 1;
  const recall = relevant ? truePositives / relevant : 1;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

/**
 * Cross-validated: every seed paper falls in one of the folds (the relevant ones spread evenly); each
 * fold is scored with the relevant papers of the other folds as the interest's examples, learned
 * against all the seed papers (as `npm run match` does), so every paper is scored once. Neutral papers
 * count neither way; counts add up over the folds.
 */
export function evaluateExamples(interestsPath = INTEREST_SETS.given, scoredInStore = true): ExampleScore[] {
  return seedCases(interestsPath).map(({ interest, papers, judge }) => crossValidate(interest, papers, judge, scoredInStore));
}

/** An interest with the papers it is scored on and their labels. */
export interface LabelledCase {
  interest: Interest;
  papers: TrainingPaper[];
  judge: Judge;
}

/** The seed papers' interests that have enough relevant papers to give examples to some folds and be scored on others. */
function seedCases(interestsPath: string): LabelledCase[] {
  const seed = JSON.parse(readFileSync(PAPERS_FILE, 'utf8')) as SeedPaper[];
  const papers = seed.map((p) => ({ key: p.id, title: p.title, abstract: p.abstract }));
  const labelSets = (JSON.parse(readFileSync(join(FIXTURES, 'seed-000-labels.json'), 'utf8')) as { interests: Record<string, LabelSet> }).interests;
  const labelsByFoldedName = new Map(Object.entries(labelSets).map(([name, labels]) => [fold(name), labels]));
  const { interests } = parseInterestsFile(JSON.parse(readFileSync(interestsPath, 'utf8')));
  return interests.flatMap((interest): LabelledCase[] => {
    const labels = labelsByFoldedName.get(fold(interest.label));
    const relevant = new Set(labels?.relevant.map((p) => p.id) ?? []);
    if (relevant.size < MIN_RELEVANT) return [];
    const neutral = new Set((labels?.neutral ?? []).map((p) => p.id));
    return [{ interest, papers, judge: (key) => (relevant.has(key) ? true : neutral.has(key) ? undefined : false) }];
  });
}

/** Numbers of examples the learning curve tries. */
export const FEW_EXAMPLE_COUNTS = [1, 2, 3, 5, 10] as const;

/** fewExamples for every labelled case (the seed papers' interests, then the proxy's) and each of `counts`. */
export function learningCurve(counts: readonly number[] = FEW_EXAMPLE_COUNTS): { id: string; scores: ExampleScore[] }[] {
  return [...seedCases(INTEREST_SETS.given), ...proxyCases()].map(({ interest, papers, judge }) => ({
    id: interest.id,
    scores: counts.map((count) => fewExamples(interest, papers, judge, count)),
  }));
}

/** A paper's label: relevant, not relevant, or undefined for neutral (counted neither way). */
export type Judge = (key: string) => boolean | undefined;

/**
 * Terms only against terms + examples for one interest, over FOLDS folds of `papers` (see evaluateExamples).
 * `scoredInStore`: the models learn against every paper, the scored ones included, as `npm run match`
 * does with its input; false: against the other folds only, as the extension's models meet a new page's
 * papers (the store's sample never held them).
 */
export function crossValidate(interest: Interest, papers: readonly TrainingPaper[], judge: Judge, scoredInStore = true): ExampleScore {
  const tally = new Tally();
  for (const { taught, scored, learnedFrom } of foldsOf(interest, papers, judge)) {
    // Unseen: thresholds set on papers the models never learned from, as the extension's are (lib/learn/trainer.ts).
    const learned = scoredInStore ? trainModels([taught], papers) : trainModels([taught], learnedFrom, scored);
    tally.add(interest, taught, finish(learned), scored, judge);
  }
  return tally.score(interest.id);
}

/** crossValidate's folds: every paper falls in one (the relevant ones spread evenly), scored with the other folds' relevant papers as examples. */
function foldsOf(interest: Interest, papers: readonly TrainingPaper[], judge: Judge): { taught: Interest; scored: TrainingPaper[]; learnedFrom: TrainingPaper[] }[] {
  const folds = new Map<string, number>();
  let [relevantSeen, othersSeen] = [0, 0];
  for (const { key } of papers) folds.set(key, judge(key) ? relevantSeen++ % FOLDS : othersSeen++ % FOLDS);
  return Array.from({ length: FOLDS }, (_, f) => ({
    taught: { ...interest, examples: papers.filter((p) => judge(p.key) && folds.get(p.key) !== f) },
    scored: papers.filter((p) => folds.get(p.key) === f),
    learnedFrom: papers.filter((p) => folds.get(p.key) !== f),
  }));
}

/** How a ranking orders the papers the terms miss: by the model's margin, or by tf-idf cosine with the examples (their centroid, the closest one). */
export const RANKINGS = {
  margin: (margin: number) => margin,
  centroid: (_: number, cosines: Float64Array) => cosines.reduce((sum, c) => sum + c, 0),
  closest: (_: number, cosines: Float64Array) => Math.max(...cosines),
} satisfies Record<string, (margin: number, cosines: Float64Array) => number>;

/** The share of relevant papers an interest's additions must hold (the issue's goal). */
export const ADDED_PRECISION_GOAL = 0.9;

/**
 * The most each ranking lets any threshold recover: in each fold of the unseen case (crossValidate's),
 * the papers the terms miss are ranked, and the deepest cut of the ranking whose additions are at
 * least ADDED_PRECISION_GOAL relevant is taken, as if the threshold were set knowing the labels.
 * Recovered and missed papers by ranking, added up over the folds and the cases.
 */
export function rankingCeilings(cases: readonly LabelledCase[]): Record<keyof typeof RANKINGS, { recovered: number; missed: number }> {
  const names = Object.keys(RANKINGS) as (keyof typeof RANKINGS)[];
  const totals = Object.fromEntries(names.map((name) => [name, { recovered: 0, missed: 0 }])) as ReturnType<typeof rankingCeilings>;
  for (const { interest, papers, judge } of cases) {
    for (const { taught, scored, learnedFrom } of foldsOf(interest, papers, judge)) {
      const learning = compileLearning(finish(trainModels([taught], learnedFrom, scored)), [taught])!;
      const model = learning.models.get(interest.id)!;
      const margin = new Float64Array(learning.slots);
      const byTerms = matchPapers(compileInterests([interest]), scored);
      const missed = scored
        .filter((paper, i) => !byTerms[i]!.length && judge(paper.key) !== undefined)
        .map((paper) => {
          const vector = learning.vocabulary.vectorizePaper(paper);
          marginsOf(learning, vector, margin, 0);
          return { relevant: !!judge(paper.key), margin: margin[model.slot]!, cosines: Float64Array.from(model.exampleIndex.cosines(vector)) };
        });
      for (const name of names) {
        const ranked = missed.map((paper) => ({ relevant: paper.relevant, rank: RANKINGS[name](paper.margin, paper.cosines) })).sort((a, b) => b.rank - a.rank);
        let [found, deepest] = [0, 0];
        ranked.forEach(({ relevant }, at) => {
          if (relevant) found++;
          if (found >= ADDED_PRECISION_GOAL * (at + 1)) deepest = found;
        });
        totals[name].recovered += deepest;
        totals[name].missed += found;
      }
    }
  }
  return totals;
}

/**
 * How much an interest learns from a few examples, as a researcher gives them: the relevant papers
 * taught `count` at a time (every whole group in turn), each group scored on the other papers, which
 * are split in folds as in crossValidate's unseen case (learned against the other folds, thresholds set
 * on the scored one). Counts add up over the groups and folds.
 */
export function fewExamples(interest: Interest, papers: readonly TrainingPaper[], judge: Judge, count: number): ExampleScore {
  const relevant = papers.filter((p) => judge(p.key));
  const tally = new Tally();
  for (let at = 0; at + count <= relevant.length; at += count) {
    const examples = relevant.slice(at, at + count);
    const taught: Interest = { ...interest, examples };
    const others = papers.filter((p) => !examples.includes(p));
    for (let f = 0; f < FOLDS; f++) {
      const scored = others.filter((_, i) => i % FOLDS === f);
      const learnedFrom = [...examples, ...others.filter((_, i) => i % FOLDS !== f)];
      tally.add(interest, taught, finish(trainModels([taught], learnedFrom, scored)), scored, judge);
    }
  }
  return tally.score(interest.id);
}

/** Terms only against terms + examples, added up over the papers scored. */
class Tally {
  private terms = { tp: 0, found: 0 };
  private examples = { tp: 0, found: 0 };
  private added = { tp: 0, found: 0 };
  private relevant = 0;
  private missed = 0;
  private recovered = 0;

  add(interest: Interest, taught: Interest, learned: LearnedModels, scored: readonly TrainingPaper[], judge: Judge): void {
    const byTerms = matchPapers(compileInterests([interest]), scored);
    const byExamples = matchPapers(compileInterests([taught], learned), scored);
    scored.forEach((paper, i) => {
      const isRelevant = judge(paper.key);
      if (isRelevant === undefined) return;
      const [termHit, exampleHit] = [byTerms[i]!.length > 0, byExamples[i]!.length > 0];
      if (isRelevant) this.relevant++;
      if (termHit) (this.terms.found++, isRelevant && this.terms.tp++);
      if (exampleHit) (this.examples.found++, isRelevant && this.examples.tp++);
      if (exampleHit && !termHit) (this.added.found++, isRelevant && this.added.tp++);
      if (isRelevant && !termHit) (this.missed++, exampleHit && this.recovered++);
    });
  }

  score(id: string): ExampleScore {
    return {
      id,
      terms: prf(this.terms.tp, this.terms.found, this.relevant),
      withExamples: prf(this.examples.tp, this.examples.found, this.relevant),
      addedPrecision: prf(this.added.tp, this.added.found, this.missed).precision,
      added: this.added.found,
      missedByTerms: this.missed,
      recovered: this.recovered,
    };
  }
}

function printExamples(title: string, scores: ExampleScore[]): void {
  const macro = (pick: (s: ExampleScore) => number) => scores.reduce((sum, s) => sum + pick(s), 0) / Math.max(1, scores.length);
  console.log(`\n${title}: terms only vs terms + examples (${FOLDS}-fold cross-validated: every paper scored once, the other folds' relevant papers as examples)`);
  console.log('interest       P terms  R terms  P +ex  R +ex  recovered/missed by terms  P of added (added)');
  for (const s of scores) {
    const cells = [s.terms.precision, s.terms.recall, s.withExamples.precision, s.withExamples.recall].map((x) => x.toFixed(2).padStart(7));
    console.log(`${s.id.padEnd(14)}${cells.join('')}  ${`${s.recovered}/${s.missedByTerms}`.padEnd(25)}  ${s.addedPrecision.toFixed(2)} (${s.added})`);
  }
  console.log(`macro F1: terms ${macro((s) => s.terms.f1).toFixed(3)}, terms + examples ${macro((s) => s.withExamples.f1).toFixed(3)}`);
}

/** Over several interests' scores: the share of the papers the terms missed that the examples found, and of their additions that are relevant. */
export function overall(scores: readonly ExampleScore[]): { recovered: number; addedPrecision: number; added: number } {
  const sum = (pick: (s: ExampleScore) => number) => scores.reduce((total, s) => total + pick(s), 0);
  const added = sum((s) => s.added);
  return { recovered: sum((s) => s.recovered) / Math.max(1, sum((s) => s.missedByTerms)), addedPrecision: added ? sum((s) => s.addedPrecision * s.added) / added : 1, added };
}

function printLearningCurve(): void {
  console.log(`\nExamples a few at a time (each group of relevant papers taught in turn, scored on the other papers unseen by the models): recovered/missed by terms, P of added (added)`);
  console.log(`interest    ${FEW_EXAMPLE_COUNTS.map((count) => `${count} example${count > 1 ? 's' : ''}`.padEnd(22)).join('')}`);
  const curve = learningCurve();
  for (const { id, scores } of curve) {
    const cells = scores.map((s) => `${s.recovered}/${s.missedByTerms} ${s.added ? s.addedPrecision.toFixed(2) : '–'} (${s.added})`.padEnd(22));
    console.log(`${id.padEnd(12)}${cells.join('')}`);
  }
  const all = FEW_EXAMPLE_COUNTS.map((_, at) => {
    const { recovered, addedPrecision, added } = overall(curve.map(({ scores }) => scores[at]!));
    return `${(100 * recovered).toFixed(0)} % ${added ? addedPrecision.toFixed(2) : '–'}`.padEnd(22);
  });
  console.log(`${'all'.padEnd(12)}${all.join('')}`);
}

function printCeilings(): void {
  console.log(`\nThe most any threshold could recover at precision ≥ ${ADDED_PRECISION_GOAL} (set per fold knowing the labels), by ranking: recovered/missed by terms, scored papers unseen by the models; the matcher also takes the interest's words into account`);
  for (const [name, cases] of [['labelled seed papers', seedCases(INTEREST_SETS.given)], ['proxy', proxyCases()]] as const) {
    const cells = Object.entries(rankingCeilings(cases)).map(([ranking, { recovered, missed }]) => `${ranking} ${recovered}/${missed} (${((100 * recovered) / Math.max(1, missed)).toFixed(0)} %)`.padEnd(22));
    console.log(`${name.padEnd(22)}${cells.join('')}`);
  }
}

function printTimings(): void {
  const seed = JSON.parse(readFileSync(PAPERS_FILE, 'utf8')) as SeedPaper[];
  console.log(`\nTiming: compile + match ${BENCH_INTERESTS.length} interests (median of 7 after a warm-up; min–max)`);
  for (const [size, withAbstracts] of [[100, true], [2000, false], [2000, true]] as const) {
    const { medianMs, minMs, maxMs } = timeMatching(BENCH_INTERESTS, benchCorpus(seed, size, withAbstracts));
    const what = `${size} papers, ${withAbstracts ? 'with abstracts' : 'titles + authors'}`;
    console.log(`${what.padEnd(32)} ${medianMs.toFixed(1)} ms (${minMs.toFixed(1)}–${maxMs.toFixed(1)})`);
  }
}

if (import.meta.filename === resolve(process.argv[1] ?? '')) {
  printTable('Given interests', evaluateInterests(INTEREST_SETS.given));
  printTable('Misspelt and variant interests', evaluateInterests(INTEREST_SETS.variants));
  printExamples('Labelled seed papers', evaluateExamples());
  printExamples('Proxy: a saved arXiv search page, arXiv categories as labels', evaluateProxy());
  // The extension scores papers its models never learned against; the tables above, like npm run match, learn against the scored ones too.
  printExamples('Labelled seed papers, scored papers unseen by the models', evaluateExamples(INTEREST_SETS.given, false));
  printExamples('Proxy, scored papers unseen by the models', evaluateProxy(false));
  printLearningCurve();
  printCeilings();
  printTimings();
}
