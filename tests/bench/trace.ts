/**
 * Main-thread tasks of a Chromium trace (CDP Tracing, categories below) attributed to a script:
 * a top-level task (RunTask on the renderer's main thread) counts when it contains a trace event
 * naming the script's URL (EvaluateScript, FunctionCall: script start, rAF and event callbacks) or
 * a V8 CPU-profiler sample whose stack holds one of the script's frames (promise continuations,
 * e.g. a runtime message's reply, carry no URL of their own). The whole task counts: style, layout
 * and paint done in the same task are work the script caused.
 */
import type { CDPSession } from 'playwright-core';

export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-v8.cpu_profiler',
  'disabled-by-default-v8.cpu_profiler.hires',
];

/** JavaScript run directly by a task; the rest of an attributed task is rendering and engine work. */
const SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'RunMicrotasks', 'v8.compile', 'TimerFire']);

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  id?: string;
  args?: Record<string, any>;
}

export interface TaskSummary {
  /** Sum of the attributed tasks' durations (ms). */
  totalMs: number;
  longestMs: number;
  /** Time inside those tasks spent running JavaScript (union of script events, ms). */
  scriptMs: number;
  tasks: number;
  /** Every top-level task of that main thread during the trace: the page's own work and the script's. */
  threadMs: number;
  /** Attributed tasks longer than 50 ms (long tasks a reader can feel). */
  longTasks: number;
}

export async function startTracing(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  // The protocol types trace events as plain objects; they are Chrome's trace event format.
  const collect = (e: { value: object[] }): void => void events.push(...(e.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: TRACE_CATEGORIES }, transferMode: 'ReportEvents' });
  return async () => {
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
    return events;
  };
}

const urlOf = (e: TraceEvent): string | undefined => e.args?.data?.url ?? e.args?.data?.scriptName;

/** Timestamps (µs) of CPU samples, per thread, whose stack contains a frame of `isScript`. */
function scriptSamples(events: readonly TraceEvent[], isScript: (url: string) => boolean): Map<number, number[]> {
  const profiles = new Map<string, { tid: number; time: number; nodes: Map<number, { url: string; parent?: number }> }>();
  const byThread = new Map<number, number[]>();
  for (const e of events) {
    if (e.name === 'Profile' && e.id) profiles.set(`${e.pid}:${e.id}`, { tid: e.tid, time: e.args?.data?.startTime ?? e.ts, nodes: new Map() });
    if (e.name !== 'ProfileChunk' || !e.id) continue;
    const profile = profiles.get(`${e.pid}:${e.id}`);
    const data = e.args?.data;
    if (!profile || !data) continue;
    for (const n of data.cpuProfile?.nodes ?? []) profile.nodes.set(n.id, { url: n.callFrame?.url ?? '', parent: n.parent });
    const samples: number[] = data.cpuProfile?.samples ?? [];
    const deltas: number[] = data.timeDeltas ?? [];
    samples.forEach((node, i) => {
      profile.time += deltas[i] ?? 0;
      for (let n: number | undefined = node; n !== undefined; n = profile.nodes.get(n)?.parent) {
        if (isScript(profile.nodes.get(n)?.url ?? '')) {
          const list = byThread.get(profile.tid) ?? [];
          list.push(profile.time);
          byThread.set(profile.tid, list);
          break;
        }
      }
    });
  }
  return byThread;
}

/** Length of the union of intervals (µs). */
function unionLength(intervals: [number, number][]): number {
  intervals.sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [s, e] of intervals) {
    if (e <= end) continue;
    total += e - Math.max(s, end);
    end = e;
  }
  return total;
}

export function scriptTasks(events: readonly TraceEvent[], isScript: (url: string) => boolean): TaskSummary {
  const marked = events.filter((e) => e.ph === 'X' || e.ph === 'I' || e.ph === 'i').filter((e) => isScript(urlOf(e) ?? ''));
  if (!marked.length) return { totalMs: 0, longestMs: 0, scriptMs: 0, tasks: 0, threadMs: 0, longTasks: 0 };
  // The renderer main thread that ran the script: where most of its events are.
  const threads = new Map<string, number>();
  for (const e of marked) threads.set(`${e.pid}:${e.tid}`, (threads.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  const [pid, tid] = [...threads].sort((a, b) => b[1] - a[1])[0]![0].split(':').map(Number) as [number, number];
  const onThread = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X').sort((a, b) => a.ts - b.ts);
  const tasks: TraceEvent[] = [];
  for (const e of onThread) {
    const last = tasks[tasks.length - 1];
    if (e.name === 'RunTask' && !(last && e.ts < last.ts + (last.dur ?? 0))) tasks.push(e);
  }
  const samples = scriptSamples(events, isScript).get(tid) ?? [];
  const inTask = (t: TraceEvent, ts: number): boolean => ts >= t.ts && ts <= t.ts + (t.dur ?? 0);
  const attributed = tasks.filter(
    (t) => marked.some((e) => e.pid === pid && e.tid === tid && inTask(t, e.ts)) || samples.some((ts) => inTask(t, ts)),
  );
  const script = onThread
    .filter((e) => SCRIPT_EVENTS.has(e.name) && attributed.some((t) => inTask(t, e.ts)))
    .map((e): [number, number] => [e.ts, e.ts + (e.dur ?? 0)]);
  const durations = attributed.map((t) => (t.dur ?? 0) / 1000);
  return {
    totalMs: durations.reduce((a, b) => a + b, 0),
    longestMs: Math.max(0, ...durations),
    scriptMs: unionLength(script) / 1000,
    tasks: attributed.length,
    threadMs: tasks.reduce((sum, t) => sum + (t.dur ?? 0), 0) / 1000,
    longTasks: durations.filter((ms) => ms > 50).length,
  };
}
