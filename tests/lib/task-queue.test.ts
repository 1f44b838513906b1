import { describe, expect, it } from 'vitest';
import { createTaskQueue } from '../../lib/task-queue';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('the preview queue', () => {
  it('runs at most `concurrency` tasks at once, visible ones first, then in order', async () => {
    const queue = createTaskQueue(2);
    const started: string[] = [];
    const gates = new Map<string, ReturnType<typeof deferred>>();
    const task = (name: string) => () => {
      started.push(name);
      const gate = deferred();
      gates.set(name, gate);
      return gate.promise;
    };
    queue.add(task('hidden-1'), false);
    const hidden2 = queue.add(task('hidden-2'), false);
    queue.add(task('visible-1'), true);
    queue.add(task('visible-2'), true);
    await tick();
    expect(started).toEqual(['visible-1', 'visible-2']);
    // Scrolled into view while waiting: it goes before the other hidden one.
    hidden2.setVisible(true);
    gates.get('visible-1')!.resolve();
    await tick();
    expect(started).toEqual(['visible-1', 'visible-2', 'hidden-2']);
    expect(queue.waiting).toBe(1);
  });

  it('drops a cancelled task and goes on after a failed one', async () => {
    const queue = createTaskQueue(1);
    const started: string[] = [];
    queue.add(async () => {
      started.push('fails');
      throw new Error('no');
    }, true);
    queue.add(async () => void started.push('cancelled'), true).cancel();
    queue.add(async () => void started.push('last'), false);
    await tick();
    await tick();
    expect(started).toEqual(['fails', 'last']);
  });
});
