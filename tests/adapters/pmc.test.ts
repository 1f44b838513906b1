/** PubMed Central: article pages at the current and the older address, with their PMCID. */
import { describe, expect, it } from 'vitest';
import { adapterFor } from '../../lib/adapters';
import { loadPage } from '../../lib/cli/page';
import { detect } from '../../lib/detect';
import { readPage } from '../fixture-pages';

const PAGE = 'pmc/article-PMC5968224-synthetic.html';

function keysAndLinks(url: string) {
  const { document, close } = loadPage(readPage(PAGE), url);
  try {
    const { adapter, detections } = detect(document, new URL(url));
    return { adapter: adapter?.id, papers: detections.map((d) => ({ key: d.paper.key, url: d.paper.url, pmcid: d.paper.ids.pmcid })) };
  } finally {
    close();
  }
}

describe('pmc', () => {
  it('reads an article at the older www.ncbi.nlm.nih.gov/pmc address as at the current one, linking the current', () => {
    const current = keysAndLinks('https://pmc.ncbi.nlm.nih.gov/articles/PMC5968224/');
    expect(current).toEqual({
      adapter: 'pmc',
      papers: [{ key: 'doi:10.3352/jeehp.2018.15.7', url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC5968224/', pmcid: 'PMC5968224' }],
    });
    expect(keysAndLinks('https://www.ncbi.nlm.nih.gov/pmc/articles/PMC5968224/')).toEqual(current);
  });

  it('leaves the rest of www.ncbi.nlm.nih.gov alone', () => {
    expect(adapterFor(new URL('https://www.ncbi.nlm.nih.gov/gene/7157'))?.id).toBe('generic');
    expect(adapterFor(new URL('https://www.ncbi.nlm.nih.gov/pmc/articles/PMC5968224/'))?.id).toBe('pmc');
  });
});
