import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KEEP_ALIVE_MS, keepAliveWhile } from '../../lib/background/keep-alive';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('keeping the worker alive during long work', () => {
  it('calls an extension API every 20 s while the work runs, and stops when it ends', async () => {
    const ping = vi.fn();
    let finish!: (value: string) => void;
    const kept = keepAliveWhile(new Promise<string>((resolve) => (finish = resolve)), ping);
    await vi.advanceTimersByTimeAsync(KEEP_ALIVE_MS * 3 + 1);
    expect(ping).toHaveBeenCalledTimes(3);
    finish('open');
    await expect(kept).resolves.toBe('open');
    await vi.advanceTimersByTimeAsync(KEEP_ALIVE_MS * 3);
    expect(ping).toHaveBeenCalledTimes(3);
  });

  it('stops too when the work fails, and passes the failure on', async () => {
    const ping = vi.fn();
    const kept = keepAliveWhile(Promise.reject(new Error('upgrade failed')), ping);
    await expect(kept).rejects.toThrow('upgrade failed');
    await vi.advanceTimersByTimeAsync(KEEP_ALIVE_MS * 2);
    expect(ping).not.toHaveBeenCalled();
  });
});
