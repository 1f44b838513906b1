/** Two (or three) devices, each with its own data and `storage.local`, sharing one quota-enforcing sync area. */
import { describe, expect, it } from 'vitest';
import type { Interest } from '../../lib/interests';
import { createSyncEngine, SYNC_STATE_KEY, type LocalSide, type SyncState } from '../../lib/sync/engine';
import { SYNC_QUOTA, totalBytes } from '../../lib/sync/quota';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { FakeSyncArea } from './fake-sync-area';

class Device implements LocalSide {
  interests: Interest[] = [];
  settings: Settings = structuredClone(DEFAULT_SETTINGS);
  /** The paper store: key → marks. */
  papers = new Map<string, { starred?: boolean; dismissed?: boolean }>();
  readonly local = new FakeSyncArea(false);
  clock = 1_000;
  readonly engine;

  constructor(readonly area: FakeSyncArea) {
    this.engine = createSyncEngine({ sync: area, local: this.local, device: this, now: () => this.clock });
  }
  async read() {
    const marked = (m: 'starred' | 'dismissed') => new Set([...this.papers].filter(([, p]) => p[m]).map(([k]) => k));
    return { interests: structuredClone(this.interests), settings: structuredClone(this.settings), starred: marked('starred'), dismissed: marked('dismissed') };
  }
  async present(keys: readonly string[]) {
    return new Set(keys.filter((k) => this.papers.has(k)));
  }
  async setInterests(interests: Interest[]) {
    this.interests = structuredClone(interests);
  }
  async setSettings(settings: Settings) {
    this.settings = structuredClone(settings);
  }
  async markPapers(marks: { key: string; starred?: boolean; dismissed?: boolean }[]) {
    for (const { key, ...m } of marks) if (this.papers.has(key)) Object.assign(this.papers.get(key)!, m);
  }
  async state(): Promise<SyncState> {
    return (await this.local.get(SYNC_STATE_KEY))[SYNC_STATE_KEY] as SyncState;
  }
  /** Sync on, then sync: what the background does when the user ticks the box. */
  async join() {
    await this.engine.setEnabled(true);
    return this.engine.run();
  }
}

const interest = (id: string, extra: Partial<Interest> = {}): Interest => ({ id, label: id.toUpperCase(), terms: [id], ...extra });
const labels = (d: Device) => d.interests.map((i) => i.label);

function pair() {
  const area = new FakeSyncArea();
  return { area, a: new Device(area), b: new Device(area) };
}

describe('sync between two devices', () => {
  it('brings one device’s interests, with examples, and settings to the other', async () => {
    const { a, b } = pair();
    a.interests = [interest('diffusion', { examples: [{ key: 'arxiv:2006.11239', title: 'Denoising Diffusion Probabilistic Models', abstract: 'We present…' }] }), interest('rl')];
    a.settings.notifications.maxPerHour = 3;
    await a.join();
    await b.join();
    expect(b.interests).toEqual(a.interests);
    expect(b.settings.notifications.maxPerHour).toBe(3);
  });

  it('keeps the newer edit of each interest when both devices edit at once, and says which edit lost', async () => {
    const { a, b } = pair();
    a.interests = [interest('diffusion'), interest('rl'), interest('gans')];
    await a.join();
    await b.join();

    // Offline at the same time: A renames diffusion and deletes gans; B renames diffusion later and edits rl.
    a.clock = 2_000;
    a.interests = [{ ...a.interests[0]!, label: 'Diffusion (A)' }, a.interests[1]!];
    b.clock = 3_000;
    b.interests = [{ ...b.interests[0]!, label: 'Diffusion (B)' }, { ...b.interests[1]!, terms: ['reinforcement learning'] }, b.interests[2]!];
    const reportB = await b.engine.run();
    await a.engine.run();
    await b.engine.run();

    expect(labels(b)).toEqual(['Diffusion (B)', 'RL']);
    expect(b.interests[1]!.terms).toEqual(['reinforcement learning']);
    expect(a.interests).toEqual(b.interests);
    expect(reportB?.replaced).toEqual([]);
    expect((await a.state()).report?.replaced).toEqual(['Diffusion (A)']);
  });

  it('merges stars and dismissals, and keeps a star for a paper the other device has not seen yet', async () => {
    const { a, b } = pair();
    for (const k of ['p1', 'p2', 'p3']) a.papers.set(k, {});
    for (const k of ['p1', 'p2']) b.papers.set(k, {});
    a.papers.get('p1')!.starred = true;
    a.papers.get('p3')!.starred = true;
    b.papers.get('p2')!.dismissed = true;
    await a.join();
    await b.join();
    await a.engine.run();
    expect(b.papers.get('p1')).toEqual({ starred: true });
    expect(a.papers.get('p2')).toEqual({ dismissed: true });
    expect(b.papers.has('p3')).toBe(false);

    // B reads a page with p3 later: the star is there. B's next sync does not unstar it elsewhere.
    b.papers.set('p3', {});
    b.clock = 5_000;
    await b.engine.run();
    expect(b.papers.get('p3')).toEqual({ starred: true });
    // Unstarring on one device unstars on the other.
    a.clock = 6_000;
    a.papers.get('p1')!.starred = false;
    await a.engine.run();
    await b.engine.run();
    expect(b.papers.get('p1')?.starred).toBe(false);
  });

  it('a device joining for the first time takes the synced interests over its own versions', async () => {
    const { a, b } = pair();
    a.interests = [interest('rl', { terms: ['reinforcement learning'] })];
    await a.join();
    b.interests = [interest('rl'), interest('gans')];
    await b.join();
    expect(b.interests.map((i) => [i.id, i.terms])).toEqual([['rl', ['reinforcement learning']], ['gans', ['gans']]]);
  });

  it('turned off, stops syncing; turned on again, the edits made meanwhile sync as new edits', async () => {
    const { a, b } = pair();
    a.interests = [interest('rl')];
    await a.join();
    await b.join();
    await b.engine.setEnabled(false);
    a.clock = 2_000;
    a.interests = [interest('rl'), interest('gans')];
    await a.engine.run();
    expect(await b.engine.run()).toBeNull();
    expect(labels(b)).toEqual(['RL']);

    b.clock = 3_000;
    b.interests = [interest('rl', { label: 'Reinforcement learning' })];
    await b.engine.setEnabled(true);
    await b.engine.run();
    await a.engine.run();
    expect(labels(b)).toEqual(['Reinforcement learning', 'GANS']);
    expect(labels(a)).toEqual(labels(b));
  });
});

describe('sync within the quotas', () => {
  const longExample = (n: number) => ({ key: `arxiv:2401.${String(n).padStart(5, '0')}`, title: `Paper number ${n}`, abstract: 'word '.repeat(400) });

  it('chunks an interest bigger than one item and brings it back whole', async () => {
    const { area, a, b } = pair();
    a.interests = [interest('big', { examples: [longExample(1), longExample(2), longExample(3), longExample(4), longExample(5)] })];
    expect(JSON.stringify(a.interests[0]).length).toBeGreaterThan(SYNC_QUOTA.bytesPerItem);
    await a.join();
    expect(Object.keys(area.items).filter((k) => k.startsWith('i:big#')).length).toBeGreaterThan(1);
    await b.join();
    expect(b.interests).toEqual(a.interests);
  });

  it('over the quota, cuts examples to key and title, says so, and the device that has them keeps them in full', async () => {
    const { area, a, b } = pair();
    // 40 interests with 3 long examples each: about 250 KB in full.
    a.interests = Array.from({ length: 40 }, (_, i) => interest(`topic${i}`, { examples: [longExample(3 * i), longExample(3 * i + 1), longExample(3 * i + 2)] }));
    const full = structuredClone(a.interests);
    const report = await a.join();
    expect(report?.error).toBeUndefined();
    expect(totalBytes(area.items)).toBeLessThanOrEqual(SYNC_QUOTA.bytes);
    expect(report?.leftOut.length).toBeGreaterThan(0);
    expect(report?.leftOut[0]).toMatch(/^Examples of “TOPIC\d+” kept by key and title only$/);
    expect(a.interests).toEqual(full);

    await b.join();
    expect(b.interests.map((i) => i.id)).toEqual(full.map((i) => i.id));
    const cut = b.interests.find((i) => i.examples?.[0] && !i.examples[0].abstract)!;
    expect(cut.examples![0]).toEqual({ key: cut.examples![0]!.key, title: cut.examples![0]!.title });

    // Nothing ping-pongs: syncing again writes nothing.
    const writes = area.writes;
    await a.engine.run();
    await b.engine.run();
    expect(area.writes).toBe(writes);
  });

  it('when the interests alone do not fit, syncs nothing, keeps everything here and says why', async () => {
    const { area, a } = pair();
    a.interests = Array.from({ length: 40 }, (_, i) => interest(`t${i}`, { terms: Array.from({ length: 80 }, (_, j) => `a rather long search phrase number ${j}`) }));
    const report = await a.join();
    expect(report?.error).toMatch(/^Not synced: the interests alone need more than the 100 KB/);
    expect(Object.keys(area.items)).toEqual([]);
    expect(a.interests).toHaveLength(40);
  });
});
