/**
 * The adapter registry: every site adapter, in priority order (first match wins).
 * To add a site: write lib/adapters/<id>.ts, add it here, and add a fixture page with its
 * .expected.json under tests/fixtures/pages/<id>/ (tests/adapters/registry.test.ts checks all three).
 */
import { arxiv } from './arxiv';
import type { SiteAdapter } from './types';

export const ADAPTERS: readonly SiteAdapter[] = [arxiv];

/** Host permissions and content-script matches of the dedicated (not opt-in) adapters. */
export const HOST_PATTERNS: readonly string[] = [...new Set(ADAPTERS.filter((a) => !a.optIn).flatMap((a) => a.hosts))];

export function adapterFor(url: URL): SiteAdapter | undefined {
  return ADAPTERS.find((a) => a.matches(url));
}
