/**
 * A small queue that runs at most `concurrency` tasks at once, visible ones first. The options page
 * queues its interest previews here: each preview matches thousands of papers in the service worker,
 * and 500 of them at once would keep the worker (and so the popup) waiting for seconds.
 */
export interface QueuedTask {
  /** Change the task's priority (its card scrolled into or out of view). */
  setVisible(visible: boolean): void;
  /** Drop the task if it has not started. */
  cancel(): void;
}

export interface TaskQueue {
  add(run: () => Promise<unknown>, visible: boolean): QueuedTask;
  /** Tasks waiting, not counting those running. */
  readonly waiting: number;
}

interface Entry {
  run: () => Promise<unknown>;
  visible: boolean;
  order: number;
}

export function createTaskQueue(concurrency: number): TaskQueue {
  const waiting = new Set<Entry>();
  let running = 0;
  let order = 0;

  function next(): Entry | undefined {
    let best: Entry | undefined;
    for (const e of waiting) {
      // Visible first, then in the order they were queued.
      if (!best || (e.visible && !best.visible) || (e.visible === best.visible && e.order < best.order)) best = e;
    }
    return best;
  }

  function pump(): void {
    while (running < concurrency) {
      const entry = next();
      if (!entry) return;
      waiting.delete(entry);
      running++;
      entry
        .run()
        .catch(() => undefined)
        .finally(() => {
          running--;
          pump();
        });
    }
  }

  return {
    add(run, visible) {
      const entry: Entry = { run, visible, order: order++ };
      waiting.add(entry);
      // Started on the next task, so a render that queues many picks the visible ones among all.
      queueMicrotask(pump);
      return {
        setVisible(v) {
          entry.visible = v;
        },
        cancel() {
          waiting.delete(entry);
        },
      };
    },
    get waiting() {
      return waiting.size;
    },
  };
}
