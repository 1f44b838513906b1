/** Test data builders. */
import { toPaper } from '../lib/detect';
import type { PaperCandidate } from '../lib/adapters/types';
import type { Interest } from '../lib/interests';
import type { DetectedPaper } from '../lib/paper';

export function paper(candidate: PaperCandidate): DetectedPaper {
  const p = toPaper(candidate);
  if (!p) throw new Error('test paper needs a title');
  return p;
}

export function arxivPaper(id: string, title: string, extra: Partial<PaperCandidate> = {}): DetectedPaper {
  return paper({ title, url: `https://arxiv.org/abs/${id}`, ids: { arxiv: id }, authors: ['Ada Lovelace'], ...extra });
}

export const DIFFUSION: Interest = { id: 'diffusion', label: 'Diffusion models', terms: ['diffusion model'], color: '#2563eb' };
export const HOPFIELD: Interest = { id: 'hopfield', label: 'Hopfield', terms: ['Hopfield network'], color: '#db2777' };
