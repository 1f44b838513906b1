import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PaperRow, type RowActions } from '../../components/PaperRow';
import type { PopupPaper } from '../../lib/messages';

const NOW = new Date(2026, 10, 22, 12).getTime();

function paper(extra: Partial<PopupPaper> = {}): PopupPaper {
  return {
    key: 'arxiv:2401.00001',
    title: 'Score-based diffusion models for proteins',
    url: 'https://arxiv.org/abs/2401.00001',
    authors: ['Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'Edsger Dijkstra'],
    ids: { arxiv: '2401.00001' },
    abstract: 'We study protein design. Diffusion models generate backbones.',
    matches: [{ interest: 'diffusion', label: 'Diffusion models', color: '#2563eb', score: 0.9, terms: [{ term: 'diffusion model', field: 'abstract', exact: true }] }],
    seen: [{ site: 'arxiv', page: 'https://arxiv.org/list/cs/new' }, { site: 'huggingface', page: 'https://huggingface.co/papers' }],
    firstSeen: NOW - 3600_000,
    lastSeen: NOW,
    signals: { upvotes: 42 },
    starred: false,
    read: false,
    ...extra,
  };
}

function actions(): RowActions & { [K in keyof RowActions]: ReturnType<typeof vi.fn> } {
  return { open: vi.fn(), setState: vi.fn(), copyBibtex: vi.fn(), moreLikeThis: vi.fn(), interests: vi.fn(async () => []), toggle: vi.fn() } as never;
}

afterEach(cleanup);

describe('PaperRow', () => {
  it('is compact: the title as a link, then one line of interests, shortened authors, site, the paper’s date and signals', () => {
    const { container, getByRole } = render(<PaperRow paper={paper()} actions={actions()} now={NOW} />);
    const link = getByRole('link');
    expect(link.getAttribute('href')).toBe('https://arxiv.org/abs/2401.00001');
    expect(link.textContent).toBe('Score-based diffusion models for proteins');
    const meta = Array.from(container.querySelectorAll('.meta > span'), (s) => s.textContent);
    expect(meta.slice(0, 4)).toEqual(['Diffusion models', 'Ada Lovelace, … Edsger Dijkstra', 'arXiv', 'Jan 2024']);
    expect(container.textContent).toContain('42');
    // Excerpt and actions wait for the row to be expanded.
    expect(container.querySelector('.excerpt, [data-paperlight-action]')).toBeNull();
    expect(container.querySelector('li')?.getAttribute('data-paperlight-key')).toBe('arxiv:2401.00001');
  });

  it('expanded, shows the excerpt with the matched words, why it matched, when it was first seen, and the actions', () => {
    const { container } = render(<PaperRow paper={paper({ published: '2023-05', firstSeen: NOW - 10 * 86_400_000 })} actions={actions()} now={NOW} expanded />);
    expect(Array.from(container.querySelectorAll('mark'), (m) => m.textContent)).toEqual(['diffusion models', 'Diffusion models']);
    expect(container.querySelector('.chip')?.textContent).toContain('diffusion model');
    expect(container.querySelector('.meta')?.textContent).toContain('May 2023');
    expect(container.querySelector('.seen-on')?.textContent).toMatch(/first seen .*12/);
    expect(container.textContent).not.toContain('new today');
    expect(Array.from(container.querySelectorAll('[data-paperlight-action]'), (b) => b.getAttribute('data-paperlight-action'))).toEqual(['star', 'dismiss', 'more-like-this']);
  });

  it('stars, dismisses, copies BibTeX, and marks read when the title is opened', () => {
    const a = actions();
    const p = paper();
    const { getByRole, container } = render(<PaperRow paper={p} actions={a} now={NOW} expanded />);
    const button = (selector: string) => container.querySelector<HTMLButtonElement>(selector)!;
    const star = button('[data-paperlight-action="star"]');
    fireEvent.click(star);
    fireEvent.click(button('[data-paperlight-action="dismiss"]'));
    fireEvent.click(getByRole('button', { name: 'Copy BibTeX' }));
    fireEvent.click(getByRole('link'));
    expect(a.setState.mock.calls).toEqual([[p, { starred: true }], [p, { dismissed: true }], [p, { read: true }]]);
    expect(a.copyBibtex).toHaveBeenCalledWith(p);
    expect(star!.getAttribute('aria-pressed')).toBe('false');
  });

  it('marks the words searched for in the title', () => {
    const { container } = render(<PaperRow paper={paper({ matches: [] })} actions={actions()} now={NOW} searched={['proteins']} />);
    expect(Array.from(container.querySelectorAll('.title mark'), (m) => m.textContent)).toEqual(['proteins']);
  });

  it('renders hostile page text as text and never links to non-http URLs', () => {
    const { container } = render(<PaperRow paper={paper({ title: '<img src=x onerror=alert(1)>', url: 'javascript:alert(1)', authors: ['<b>x</b>'] })} actions={actions()} now={NOW} />);
    expect(container.querySelector('img, b, a')).toBeNull();
    expect(container.querySelector('.title')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });
});
