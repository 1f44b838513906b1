/**
 * The registry's invariants: every adapter file is registered once under its file name, has what the
 * popup and manifest need, is covered by at least one fixture page it claims, and the opt-in generic
 * detector (which matches every URL) comes last.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADAPTERS, adapterFor, HOST_PATTERNS } from '../../lib/adapters';
import { SITE_NAMES } from '../../lib/adapters/sites';
import type { SiteAdapter } from '../../lib/adapters/types';
import { fixturePages } from '../fixture-pages';

const ADAPTER_DIR = join(import.meta.dirname, '..', '..', 'lib', 'adapters');
const NOT_ADAPTERS = new Set(['index', 'types', 'dom', 'sites']);
const adapterFiles = readdirSync(ADAPTER_DIR)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
  .map((f) => f.replace(/\.ts$/, ''))
  .filter((name) => !NOT_ADAPTERS.has(name));

async function adaptersExportedBy(file: string): Promise<SiteAdapter[]> {
  const module = (await import(`../../lib/adapters/${file}.ts`)) as Record<string, unknown>;
  return Object.values(module).filter((v): v is SiteAdapter => typeof v === 'object' && v !== null && 'extract' in v && 'matches' in v);
}

describe('adapter registry', () => {
  it('has unique ids', () => {
    const ids = ADAPTERS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('registers every adapter file under lib/adapters, and nothing else', () => {
    expect([...ADAPTERS.map((a) => a.id)].sort()).toEqual([...adapterFiles].sort());
  });

  it.each(adapterFiles)('%s.ts exports exactly one adapter, the registered one, with id = file name', async (file) => {
    const exported = await adaptersExportedBy(file);
    expect(exported).toHaveLength(1);
    expect(exported[0]!.id).toBe(file);
    expect(ADAPTERS).toContain(exported[0]);
  });

  it('names every registered site, and no other', () => {
    expect(Object.keys(SITE_NAMES).sort()).toEqual(ADAPTERS.map((a) => a.id).sort());
    for (const name of Object.values(SITE_NAMES)) expect(name.trim()).not.toBe('');
  });

  it.each(ADAPTERS.map((a) => [a.id, a] as const))('%s has hosts and page readers', (_id, adapter) => {
    expect(adapter.hosts.length).toBeGreaterThan(0);
    for (const host of adapter.hosts) expect(host).toMatch(adapter.optIn ? /^<all_urls>$/ : /^https:\/\/[^/*]+\/\*$/);
    expect(typeof adapter.matches).toBe('function');
    expect(typeof adapter.extract).toBe('function');
  });

  it.each(ADAPTERS.map((a) => [a.id, a] as const))('%s claims at least one fixture page', (_id, adapter) => {
    const claimed = fixturePages().filter((p) => adapterFor(new URL(p.url)) === adapter);
    expect(claimed.map((p) => p.file)).not.toEqual([]);
  });

  it('puts the opt-in generic detector last, and it is the only opt-in adapter', () => {
    expect(ADAPTERS.at(-1)?.id).toBe('generic');
    expect(ADAPTERS.filter((a) => a.optIn).map((a) => a.id)).toEqual(['generic']);
  });

  it('keeps arXiv first', () => {
    expect(ADAPTERS[0]?.id).toBe('arxiv');
  });

  it('asks the manifest only for the dedicated sites, never for all URLs', () => {
    expect(HOST_PATTERNS).not.toContain('<all_urls>');
    expect(HOST_PATTERNS.length).toBeGreaterThan(0);
  });

  it('lets no earlier adapter hide a later one on its own fixture pages', () => {
    // Every fixture page in <site>/ for a registered site is claimed by that site's adapter.
    const ids = new Set<string>(ADAPTERS.map((a) => a.id));
    for (const page of fixturePages().filter((p) => ids.has(p.site))) {
      expect([page.file, adapterFor(new URL(page.url))?.id]).toEqual([page.file, page.site]);
    }
  });
});
