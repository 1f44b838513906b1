import { describe, expect, it } from 'vitest';
import { prepareBadge } from '../../lib/content/decorate';
import type { BadgeProps } from '../../components/Badge';

function props(marks: BadgeProps['state']['marks'] = []): BadgeProps {
  return {
    paper: { key: 'arxiv:2401.00001', title: 'A paper', ids: { arxiv: '2401.00001' } },
    matches: [{ interest: 'diffusion', label: 'Diffusion', color: '#2563eb', score: 0.9, terms: [{ term: 'diffusion', field: 'title', exact: true }] }],
    state: { marks },
    actions: { setState: async () => undefined, moreLikeThis: async () => [], interests: async () => [] },
  };
}

function entry(): { element: HTMLElement; anchor: HTMLElement } {
  document.body.innerHTML = '<dd><div class="list-title">A paper</div></dd>';
  return { element: document.querySelector('dd')!, anchor: document.querySelector('.list-title')! };
}

const badges = () => document.querySelectorAll('[data-paperlight-badge]');

describe('badges rendered before the frame that places them', () => {
  it('renders off the page and only inserts when placed', () => {
    const { element, anchor } = entry();
    const place = prepareBadge(element, anchor, props());
    expect(badges()).toHaveLength(0);
    expect(element.getAttribute('data-paperlight-match')).toBe('diffusion');
    place();
    expect(badges()).toHaveLength(1);
    expect(badges()[0]!.shadowRoot!.textContent).toContain('Diffusion');
  });

  it('renders again into a badge not yet placed, so two renders before a frame still show one badge, the latest', () => {
    const { element, anchor } = entry();
    const first = prepareBadge(element, anchor, props());
    const second = prepareBadge(element, anchor, props(['starred']));
    first();
    second();
    expect(badges()).toHaveLength(1);
    expect(badges()[0]!.shadowRoot!.textContent).toContain('★');
  });

  it('takes a badge away at once when there is nothing left to show', () => {
    const { element, anchor } = entry();
    prepareBadge(element, anchor, props())();
    prepareBadge(element, anchor, { ...props(), matches: [] });
    expect(badges()).toHaveLength(0);
    expect(element.hasAttribute('data-paperlight-match')).toBe(false);
  });
});
