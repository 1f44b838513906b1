/**
 * arXiv /list/<archive>/new pages in the current markup (2024+; shared/fixtures/SITE-MARKUP.md,
 * "arXiv listing, current format"), of any size, for benchmarks and synthetic fixtures.
 *
 * Papers come from lib/match/bench.ts's benchCorpus, as in the match.* benchmarks (the seed papers'
 * real titles and abstracts, later copies with typos in 3 % of long words; 1–9 synthetic authors
 * from a pool with diacritics, two "famous" authors at 0.2 %).
 * The entries are split like a real day of cs: 40 % new submissions, 25 % cross-lists, 35 %
 * replacements, each section its own `<dl id='articles'>` starting with its `<h3>`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { titleFingerprint } from '../../lib/ids';
import { benchCorpus } from '../../lib/match/bench';
import { ROOT } from '../e2e/harness';

export const SEED_PAPERS_FILE = join(ROOT, 'tests/fixtures/matching/seed-000-papers.json');

export interface ListingEntry {
  /** New-style arXiv id, without version. */
  id: string;
  title: string;
  authors: string[];
  abstract?: string;
  comments?: string;
  /** Primary subject first, e.g. `Machine Learning (cs.LG)`. */
  subjects: string[];
}

export interface ListingSection {
  /** The `<h3>` text, e.g. `New submissions (showing 12 of 12 entries)`. */
  heading: string;
  kind: 'new' | 'cross' | 'replacement';
  entries: ListingEntry[];
}

export interface Listing {
  html: string;
  sections: ListingSection[];
}

const SUBJECTS = [
  'Machine Learning (cs.LG)',
  'Artificial Intelligence (cs.AI)',
  'Computer Vision and Pattern Recognition (cs.CV)',
  'Computation and Language (cs.CL)',
  'Statistical Mechanics (cond-mat.stat-mech)',
  'Disordered Systems and Neural Networks (cond-mat.dis-nn)',
  'Machine Learning (stat.ML)',
  'Numerical Analysis (math.NA)',
  'Computational Physics (physics.comp-ph)',
  'Soft Condensed Matter (cond-mat.soft)',
  'High Energy Physics - Theory (hep-th)',
  'Quantum Physics (quant-ph)',
];
const COMMENTS = ['12 pages, 5 figures', 'Accepted at ICLR 2026', '9 pages, 3 figures, 2 tables; code available', '34 pages', 'NeurIPS 2025 camera-ready version'];

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** arXiv's author search link: `query=Last,+F` (first initial). */
function authorLink(name: string): string {
  const parts = name.split(' ');
  const last = parts.pop() ?? name;
  const query = encodeURIComponent(`${last}, ${parts[0]?.[0] ?? ''}`).replace(/%20/g, '+');
  return `<a href="https://arxiv.org/search/cs?searchtype=author&amp;query=${query}">${escapeHtml(name)}</a>`;
}

function renderEntry(entry: ListingEntry, item: number, kind: ListingSection['kind']): string {
  const { id } = entry;
  const note = kind === 'cross' ? ` (cross-list from ${/\(([^)]+)\)$/.exec(entry.subjects[0] ?? '')?.[1] ?? 'cs.LG'})` : kind === 'replacement' ? ' (replaced)' : '';
  const [primary, ...others] = entry.subjects;
  return `<dt>
  <a name='item${item}'>[${item}]</a>
  <a href ="/abs/${id}" title="Abstract" id="${id}">
    arXiv:${id}
  </a>${note}
  [<a href="/pdf/${id}" title="Download PDF" id="pdf-${id}" aria-labelledby="pdf-${id}">pdf</a>, <a href="https://arxiv.org/html/${id}v1" title="View HTML" id="html-${id}" aria-labelledby="html-${id}" rel="noopener noreferrer">html</a>, <a href="/format/${id}" title="Other formats" id="oth-${id}" aria-labelledby="oth-${id}">other</a>]
</dt>
<dd>
  <div class='meta'>
    <div class='list-title mathjax'><span class='descriptor'>Title:</span>
      ${escapeHtml(entry.title)}
    </div>
    <div class='list-authors'>${entry.authors.map(authorLink).join(',\n')}</div>
${entry.comments ? `    <div class='list-comments mathjax'><span class='descriptor'>Comments:</span>\n      ${escapeHtml(entry.comments)}\n    </div>\n` : ''}    <div class='list-subjects'><span class='descriptor'>Subjects:</span>
      <span class="primary-subject">${escapeHtml(primary ?? '')}</span>${others.map((s) => `; ${escapeHtml(s)}`).join('')}</div>
${entry.abstract ? `    <p class='mathjax'>\n      ${escapeHtml(entry.abstract)}\n    </p>\n` : ''}  </div>
</dd>`;
}

/** The whole page, with arXiv's header, date line and section index around the sections. */
export function renderListing(sections: readonly ListingSection[], archive = 'cs', dateLine = 'Friday, 17 April 2026'): string {
  let item = 0;
  const firstItems: number[] = [];
  const body = sections
    .map((s) => {
      firstItems.push(item + 1);
      return `<dl id='articles'>\n<h3>${escapeHtml(s.heading)}</h3>\n${s.entries.map((e) => renderEntry(e, ++item, s.kind)).join('\n')}\n</dl>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Computer Science  authors/titles new submissions</title>
</head>
<body class="with-cu-identity">
<header><a href="#content" class="is-sr-only">Skip to main content</a>
  <div class="column header-logo"><a href="/">arXiv</a> &gt; <a href="/list/${archive}/recent">${archive}</a></div>
</header>
<main><div id="content">
<div id='content-inner'>
<div id='dlpage'>
  <h1>Computer Science</h1>
  <div class='list-dateline'>Showing new listings for ${dateLine}</div>
  <div class='paging'>Total of ${item} entries</div>
  <ul>
${sections.map((s, i) => `    <li><a href="#item${firstItems[i]}">${escapeHtml(s.heading.replace(/ \(.*/, ''))}</a></li>`).join('\n')}
  </ul>
${body}
</div>
</div>
</div></main>
</body>
</html>
`;
}

interface SeedPaper {
  title: string;
  abstract?: string;
}

/** `count` entries in the three sections; deterministic for a given count. */
export function listingSections(count: number, options: { abstracts: boolean }): ListingSection[] {
  const seed = JSON.parse(readFileSync(SEED_PAPERS_FILE, 'utf8')) as SeedPaper[];
  // Copies of one seed title with the same first author's surname would be one paper to the store
  // (its last-resort identity, lib/ids.ts titleFingerprint): keep distinct papers only, as on arXiv.
  const fingerprints = new Set<string>();
  const papers = benchCorpus(seed, count * 2, options.abstracts)
    .filter((p) => !fingerprints.has(titleFingerprint(p.title, p.authors)) && fingerprints.add(titleFingerprint(p.title, p.authors)))
    .slice(0, count);
  const newCount = Math.round(count * 0.4);
  const crossCount = Math.round(count * 0.25);
  const sections: ListingSection[] = [
    { kind: 'new', heading: 'New submissions', entries: [] },
    { kind: 'cross', heading: 'Cross submissions', entries: [] },
    { kind: 'replacement', heading: 'Replacement submissions', entries: [] },
  ];
  papers.forEach((paper, i) => {
    const section = i < newCount ? sections[0]! : i < newCount + crossCount ? sections[1]! : sections[2]!;
    // New and cross-listed papers are this month's; replacements revise papers from earlier months.
    const id = section.kind === 'replacement' ? `25${String(1 + (i % 12)).padStart(2, '0')}.${String(10000 + ((i * 7919) % 89999)).padStart(5, '0')}` : `2604.${String(14000 + i).padStart(5, '0')}`;
    section.entries.push({
      id,
      title: paper.title,
      authors: [...(paper.authors ?? [])],
      ...(paper.abstract ? { abstract: paper.abstract } : {}),
      ...(i % 3 === 0 ? { comments: COMMENTS[i % COMMENTS.length]! } : {}),
      subjects: [SUBJECTS[(i * 5) % SUBJECTS.length]!, ...(i % 2 ? [SUBJECTS[(i * 3 + 1) % SUBJECTS.length]!] : [])],
    });
  });
  for (const s of sections) s.heading = `${s.heading} (showing ${s.entries.length} of ${s.entries.length} entries)`;
  return sections;
}

export function arxivListing(count: number, options: { abstracts: boolean }): Listing {
  const sections = listingSections(count, options);
  return { html: renderListing(sections), sections };
}
