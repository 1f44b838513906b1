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
  return { open: vi.fn(), setState: vi.fn(), copyBibtex: vi.fn() } as never;
}

afterEach(cleanup);

describe('PaperRow', () => {
  it('shows the title as a link, shortened authors, the interest with its terms, signals and where it was seen', () => {
    const { container, getByRole } = render(<PaperRow paper={paper()} actions={actions()} now={NOW} />);
    const link = getByRole('link');
    expect(link.getAttribute('href')).toBe('https://arxiv.org/abs/2401.00001');
    expect(link.textContent).toBe('Score-based diffusion models for proteins');
    expect(container.querySelector('.authors')?.textContent).toBe('Ada Lovelace, Alan Turing, … Edsger Dijkstra');
    expect(container.querySelector('.chip')?.textContent).toContain('Diffusion models');
    expect(container.querySelector('.chip')?.textContent).toContain('diffusion model');
    expect(Array.from(container.querySelectorAll('mark'), (m) => m.textContent)).toEqual(['diffusion models', 'Diffusion models']);
    expect(container.textContent).toContain('42');
    expect(container.querySelector('li')?.getAttribute('data-paperlight-key')).toBe('arxiv:2401.00001');
  });

  it('stars, dismisses, copies BibTeX, and marks read when the title is opened', () => {
    const a = actions();
    const p = paper();
    const { getByRole, getAllByRole } = render(<PaperRow paper={p} actions={a} now={NOW} />);
    const [star, dismiss, copy] = getAllByRole('button');
    fireEvent.click(star!);
    fireEvent.click(dismiss!);
    fireEvent.click(copy!);
    fireEvent.click(getByRole('link'));
    expect(a.setState.mock.calls).toEqual([[p, { starred: true }], [p, { dismissed: true }], [p, { read: true }]]);
    expect(a.copyBibtex).toHaveBeenCalledWith(p);
    expect(star!.getAttribute('aria-pressed')).toBe('false');
  });

  it('renders hostile page text as text and never links to non-http URLs', () => {
    const { container } = render(<PaperRow paper={paper({ title: '<img src=x onerror=alert(1)>', url: 'javascript:alert(1)', authors: ['<b>x</b>'] })} actions={actions()} now={NOW} />);
    expect(container.querySelector('img, b, a')).toBeNull();
    expect(container.querySelector('.title')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });
});
