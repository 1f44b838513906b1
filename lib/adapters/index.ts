/**
 * The adapter registry: every site adapter, in priority order (first match wins).
 * To add a site: write lib/adapters/<id>.ts, add it here and its name to sites.ts, and add a fixture page with its
 * .expected.json under tests/fixtures/pages/<id>/ (tests/adapters/registry.test.ts checks them all).
 */
import { aclAnthology } from './acl-anthology';
import { arxiv } from './arxiv';
import { arxivMirrors } from './arxiv-mirrors';
import { biorxiv } from './biorxiv';
import { cvf } from './cvf';
import { dblp } from './dblp';
import { generic } from './generic';
import { huggingface } from './huggingface';
import { neurips } from './neurips';
import { openreview } from './openreview';
import { paperswithcode } from './paperswithcode';
import { pmc } from './pmc';
import { pmlr } from './pmlr';
import { pubmed } from './pubmed';
import { scholar } from './scholar';
import { semanticScholar } from './semantic-scholar';
import type { SiteAdapter } from './types';

export const ADAPTERS: readonly SiteAdapter[] = [
  arxiv,
  huggingface,
  scholar,
  semanticScholar,
  openreview,
  arxivMirrors,
  aclAnthology,
  dblp,
  pubmed,
  pmc,
  biorxiv,
  neurips,
  cvf,
  pmlr,
  paperswithcode,
  // Matches every http(s) URL: must stay last.
  generic,
];

/** Host permissions and content-script matches of the dedicated (not opt-in) adapters. */
export const HOST_PATTERNS: readonly string[] = [...new Set(ADAPTERS.filter((a) => !a.optIn).flatMap((a) => a.hosts))];

export function adapterFor(url: URL): SiteAdapter | undefined {
  return ADAPTERS.find((a) => a.matches(url));
}
