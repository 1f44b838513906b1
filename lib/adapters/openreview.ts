/**
 * OpenReview: venue/group pages (paper lists under tabs that load on click) and forum pages
 * (one paper plus its reviews). Legacy markup (li.note[data-id], 2018-2022) and the Next.js site
 * (div.note[data-id], .forum-title) share most class names.
 *
 * Test URLs:
 *   https://openreview.net/group?id=ICLR.cc/2021/Conference
 *   https://openreview.net/group?id=ICLR.cc/2024/Conference#tab-accept-oral
 *   https://openreview.net/submissions?venue=ICLR.cc/2024/Conference
 *   https://openreview.net/forum?id=YicbFdNTTy
 */
import { parseOpenReviewId } from '../ids';
import { absoluteUrl, text, texts, within } from './dom';
import { type DetectedEntry, type PaperCandidate, type SiteAdapter, onHosts } from './types';

const HOSTS = ['openreview.net'];
const NOTE = 'li.note[data-id], div.note[data-id]';

function forumUrl(id: string): string {
  return `https://openreview.net/forum?id=${id}`;
}

/** The value of a note field ("Abstract:"), from the legacy list, the Next.js list or a legacy forum page. */
function fieldValue(container: Element, field: string): string {
  for (const name of Array.from(container.querySelectorAll('.note-content-field, .note_content_field'))) {
    if (text(name).replace(/:$/, '').toLowerCase() !== field) continue;
    const value = name.parentElement?.querySelector('.note-content-value, .note_content_value');
    if (value) return text(value);
  }
  return '';
}

function candidate(container: Element, id: string, title: string, authors: string[]): PaperCandidate {
  const abstract = fieldValue(container, 'abstract');
  return { title, url: forumUrl(id), ids: { openreview: id }, authors, ...(abstract ? { abstract } : {}) };
}

/** Venue tabs and submission lists: one note per paper, in page order. */
function extractNotes(root: ParentNode, base: URL): DetectedEntry[] {
  const entries: DetectedEntry[] = [];
  for (const note of within(root, NOTE)) {
    if (note.parentElement?.closest(NOTE)) continue;
    const link = note.querySelector('h4 a[href*="forum?id="]');
    const id =
      parseOpenReviewId(note.getAttribute('data-id')) ??
      parseOpenReviewId(absoluteUrl(link?.getAttribute('href'), base));
    const title = text(link);
    if (!id || !title) continue;
    entries.push({
      element: note,
      anchor: link?.parentElement ?? note,
      paper: candidate(note, id, title, texts(note.querySelector('.note-authors'), 'a')),
    });
  }
  return entries;
}

/** `/forum?id=`: the submission itself (Next.js `.forum-title`, legacy `.note_content_title`), not its replies. */
function extractForum(doc: Document, url: URL): DetectedEntry[] {
  const id = parseOpenReviewId(url.searchParams.get('id'));
  // The submission comes first in the page; replies below it reuse the legacy title class.
  const heading = doc.querySelector('.forum-title h2, .note_content_title');
  const title = text(heading);
  if (!id || !heading || !title) return [];
  const container = heading.closest('.forum-container, .forum-note, [id^="note_"]') ?? heading.parentElement ?? heading;
  const shown = texts(container.querySelector('.forum-authors, .meta_row .signatures'), 'a');
  const authors = shown.length
    ? shown
    : Array.from(doc.querySelectorAll('meta[name="citation_author"]'), (m) => m.getAttribute('content') ?? '');
  return [{ element: container, anchor: heading, paper: candidate(container, id, title, authors) }];
}

export const openreview: SiteAdapter = {
  id: 'openreview',
  ...onHosts(HOSTS),
  isListing: (url) =>
    (['/group', '/forum'].includes(url.pathname) && url.searchParams.has('id')) ||
    (url.pathname === '/submissions' && url.searchParams.has('venue')),
  extract(doc, url, root = doc) {
    return url.pathname === '/forum' ? extractForum(doc, url) : extractNotes(root, url);
  },
  // Tabs fill their panes when first opened; the legacy site renders whole pages client-side into #content.
  dynamicRoot: (doc) => doc.querySelector('#notes') ?? doc.querySelector('#content') ?? doc.querySelector('main'),
};
