/**
 * ACL Anthology: volume, event and author pages. One Hugo template renders every paper row, in the
 * Bootstrap 4 (2021: p.d-sm-flex) and Bootstrap 5 (2026: div.d-sm-flex) designs alike:
 * `span.d-block > strong > a.align-middle[href=/<anthology id>/]`, then author links, then the volume.
 *
 * Test URLs:
 *   https://aclanthology.org/people/andreas-madsack/
 *   https://aclanthology.org/people/a/andreas-madsack/
 *   https://aclanthology.org/volumes/2023.acl-long/
 *   https://aclanthology.org/events/acl-2023/
 *   https://aclanthology.org/2023.acl-long.1/   (paper page: citation_* meta)
 */
import { parseAclAnthologyId } from '../ids';
import { absoluteUrl, articleFromMeta, text, texts, within } from './dom';
import { type DetectedEntry, type SiteAdapter, onHosts } from './types';

const HOSTS = ['aclanthology.org', 'www.aclanthology.org'];
const LISTING_PATH = /^\/(?:volumes|events|people)\//;
const ROW = '.d-sm-flex.align-items-stretch';

/**
 * Paper 0 of a volume is its front matter, listed first with the volume title and editors:
 * `2023.acl-long.0`, old style `P19-1000` (workshops `W19-4200`, two-digit paper numbers).
 */
function isFrontMatter(id: string): boolean {
  return /\.0$/.test(id) || /^W\d{2}-\d{2}00$/i.test(id) || /^[A-VX-Z]\d{2}-\d000$/i.test(id);
}

/** The paper's page, as the Anthology links it (with the trailing slash; unquoted hrefs can lose it in parsing). */
function paperUrl(id: string): string {
  return `https://aclanthology.org/${id}/`;
}

/** The year an Anthology id names: `2022.acl-long.1` → 2022, `W19-4201` → 2019 (the Anthology starts in 1965). */
function yearOf(id: string): string {
  const yy = /^[A-Z](\d{2})-/i.exec(id)?.[1];
  return yy ? `${Number(yy) >= 65 ? '19' : '20'}${yy}` : id.slice(0, 4);
}

/** TACL and Computational Linguistics are journals (`2023.tacl-1.5`, `Q19-1001`, `J19-1001`); the rest are proceedings. */
function kindOf(id: string): 'article' | 'inproceedings' {
  return /^\d{4}\.(?:tacl|cl)-|^[QJ]\d{2}-/i.test(id) ? 'article' : 'inproceedings';
}

function extractRows(root: ParentNode, base: URL): DetectedEntry[] {
  const entries: DetectedEntry[] = [];
  for (const row of within(root, ROW)) {
    const link = row.querySelector('strong > a.align-middle');
    const id = parseAclAnthologyId(absoluteUrl(link?.getAttribute('href'), base));
    const title = text(link);
    if (!id || !title || isFrontMatter(id)) continue;
    // The abstract is a collapsed card right after the row, labelled by the row's id.
    const card = row.nextElementSibling;
    const abstract = card?.matches('.abstract-collapse') ? text(card.querySelector('.card-body')) : '';
    const venue = text(link?.closest('span.d-block')?.querySelector('a[href*="/volumes/"]'));
    entries.push({
      element: row,
      // After the title, not at the end of the row (the venue line).
      ...(link?.parentElement ? { anchor: link.parentElement } : {}),
      paper: {
        title,
        url: paperUrl(id),
        ids: { acl_anthology: id },
        authors: texts(link?.closest('span.d-block'), 'a[href*="/people/"]'),
        ...(abstract ? { abstract } : {}),
        ...(venue ? { venue } : {}),
        published: yearOf(id),
        kind: kindOf(id),
      },
    });
  }
  return entries;
}

export const aclAnthology: SiteAdapter = {
  id: 'acl-anthology',
  ...onHosts(HOSTS),
  isListing: (url) => LISTING_PATH.test(url.pathname),
  extract(doc, url, root = doc) {
    const paperId = parseAclAnthologyId(url.href);
    if (!paperId) return extractRows(root, url);
    return articleFromMeta(doc, url).map((e) => ({ ...e, paper: { ...e.paper, ids: { ...e.paper.ids, acl_anthology: paperId } } }));
  },
};
