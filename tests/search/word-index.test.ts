import { describe, expect, it } from 'vitest';
import { WordIndex, type SearchablePaper, type WordIndexSnapshot } from '../../lib/search/word-index';

const paper = (key: string, title: string, extra: Partial<SearchablePaper> = {}): SearchablePaper => ({ key, title, lastSeen: 0, ...extra });
const keys = (index: WordIndex, query: string) => index.search(query, 50).map((h) => h.key);

function library(): WordIndex {
  const index = new WordIndex();
  index.put([
    paper('a', 'Denoising Diffusion Probabilistic Models', { authors: ['Jonathan Ho', 'Ajay Jain', 'Pieter Abbeel'], lastSeen: 1 }),
    paper('b', 'Attention Is All You Need', { authors: ['Ashish Vaswani'], abstract: 'We propose the Transformer, based solely on attention mechanisms, dispensing with recurrence.', lastSeen: 2 }),
    paper('c', 'Graph theory for beginners', { abstract: 'A diffusion process on graphs.', lastSeen: 3 }),
  ]);
  return index;
}

describe('WordIndex', () => {
  it('finds titles, authors and abstracts, title and author hits before abstract ones', () => {
    const index = library();
    expect(keys(index, 'diffusion')).toEqual(['a', 'c']);
    expect(keys(index, 'vaswani')).toEqual(['b']);
    expect(keys(index, 'recurrence transformer')).toEqual(['b']);
    // Every word must be found somewhere in the paper.
    expect(keys(index, 'diffusion attention')).toEqual([]);
  });

  it('tolerates a typo, a plural and an inflection, and reads the word being typed as a prefix', () => {
    const index = library();
    expect(keys(index, 'difusion')).toEqual(['a', 'c']);
    expect(keys(index, 'denoised model')).toEqual(['a']);
    expect(keys(index, 'probabil')).toEqual(['a']);
    // A finished word (followed by a space) is no longer a prefix.
    expect(keys(index, 'probabil ')).toEqual([]);
    // Function words alone find nothing.
    expect(keys(index, 'the of')).toEqual([]);
  });

  it('says which of the paper’s words matched in which field', () => {
    const [hit] = library().search('difusion jain', 50);
    expect(hit).toMatchObject({ key: 'a', found: [{ field: 'title', words: ['diffusion'] }, { field: 'authors', words: ['jain'] }] });
  });

  it('breaks ties by the most recently seen, and keeps up with rewrites and deletions', () => {
    const index = library();
    index.put([paper('d', 'Diffusion again', { lastSeen: 9 })]);
    expect(keys(index, 'diffusion').slice(0, 2)).toEqual(['d', 'a']);
    // A rewritten title: the old words no longer find it.
    index.put([paper('d', 'Something else', { lastSeen: 9 })]);
    expect(keys(index, 'diffusion')).toEqual(['a', 'c']);
    expect(keys(index, 'something')).toEqual(['d']);
    index.delete(['a', 'd']);
    expect(keys(index, 'diffusion')).toEqual(['c']);
    expect(keys(index, 'something')).toEqual([]);
    expect(index.size).toBe(2);
    index.clear();
    expect(keys(index, 'graph')).toEqual([]);
  });

  it('finds a paper by its link however it is written', () => {
    const index = new WordIndex();
    index.put([paper('x', 'A paper', { url: 'https://openaccess.thecvf.com/content/CVPR2024/html/X_paper.html' })]);
    expect(index.keysWithUrl('http://www.openaccess.thecvf.com/content/CVPR2024/html/X_paper.html#abstract')).toEqual(['x']);
    expect(index.keysWithUrl('https://openaccess.thecvf.com/content/CVPR2024/html/Y_paper.html')).toEqual([]);
  });

  it('finds papers by their links once saved and loaded, and by links added since', () => {
    const index = new WordIndex();
    const links = Array.from({ length: 40 }, (_, i) => paper(`p${i}`, `Paper ${i}`, { url: `https://example.org/${i % 20}` }));
    index.put(links);
    const loaded = WordIndex.fromSnapshot(structuredClone(index.snapshot()));
    loaded.put([paper('new', 'Newer', { url: 'https://example.org/7' })]);
    loaded.delete(['p27']);
    expect(loaded.keysWithUrl('https://example.org/7').sort()).toEqual(['new', 'p7']);
    for (let i = 0; i < 20; i++) if (i !== 7) expect(loaded.keysWithUrl(`example.org/${i}`).sort(), `link ${i}`).toEqual([`p${i}`, `p${i + 20}`].sort());
    expect(loaded.keysWithUrl('https://example.org/20')).toEqual([]);
    const again = WordIndex.fromSnapshot(structuredClone(loaded.snapshot()));
    expect(again.keysWithUrl('https://example.org/7').sort()).toEqual(['new', 'p7']);
  });

  it('saved as flat arrays and loaded again, answers as before, without the papers it had forgotten', () => {
    const index = library();
    index.put([paper('d', 'Diffusion on links', { url: 'https://example.org/d', lastSeen: 4 }), paper('e', 'Gone soon')]);
    index.delete(['a', 'e']);
    const snapshot = index.snapshot();
    // Numbered afresh: the gone papers leave no slot and no word behind.
    expect(snapshot.keys).toEqual(['b', 'c', 'd']);
    expect(snapshot.words).not.toContain('denoising');
    const loaded = WordIndex.fromSnapshot(structuredClone(snapshot));
    for (const query of ['diffusion', 'difusion', 'vaswani', 'recurrence transformer', 'graph', 'gone', 'probabil'])
      expect(loaded.search(query, 50), query).toEqual(index.search(query, 50));
    expect(loaded.keysWithUrl('http://example.org/d/')).toEqual(['d']);
    expect(loaded.size).toBe(3);
    // And keeps up with writes like any index, saved and loaded again with them.
    loaded.put([paper('f', 'Diffusion once more', { lastSeen: 5 }), paper('g', 'Quokka census', { lastSeen: 6 })]);
    const grown = WordIndex.fromSnapshot(structuredClone(loaded.snapshot()));
    for (const query of ['diffusion', 'quokka', 'graph', 'vaswani transformer', 'diffus']) expect(grown.search(query, 50), query).toEqual(loaded.search(query, 50));
    loaded.delete(['c']);
    expect(keys(loaded, 'diffusion')).toEqual(['f', 'd']);
    expect(loaded.search('difusion', 50)[0]).toMatchObject({ key: 'f', found: [{ field: 'title', words: ['diffusion'] }] });
    const again = WordIndex.fromSnapshot(structuredClone(loaded.snapshot()));
    for (const query of ['diffusion', 'quokka', 'graph', 'vaswani transformer', 'diffus'])
      expect(again.search(query, 50), query).toEqual(loaded.search(query, 50));
    // Once a third of its papers are gone its lists are swept: the loaded ones too.
    again.delete(['b', 'd']);
    expect(keys(again, 'diffusion')).toEqual(['f']);
    expect(keys(again, 'quokka')).toEqual(['g']);
    expect(again.snapshot().keys).toEqual(['f', 'g']);
  });

  it('knows a loaded index’s papers by key: a paper put again replaces its entry, a deleted one is gone, one put back is found', () => {
    const papers = Array.from({ length: 300 }, (_, i) => paper(`arxiv:2501.${10000 + i}`, `Paper number ${i} on topic${i % 7}`, { lastSeen: i }));
    const built = new WordIndex();
    built.put(papers);
    const loaded = WordIndex.fromSnapshot(structuredClone(built.snapshot()));
    expect(loaded.size).toBe(300);
    expect(papers.every((p) => loaded.has(p.key))).toBe(true);
    expect(loaded.has('arxiv:2501.99999')).toBe(false);
    // The same text: its entry stays, newer sighting; new text: the old words no longer find it.
    loaded.put([{ ...papers[5]!, lastSeen: 1000 }, paper(papers[6]!.key, 'Quokka census', { lastSeen: 6 })]);
    expect(loaded.size).toBe(300);
    expect(loaded.search('topic5', 50)[0]).toMatchObject({ key: papers[5]!.key, lastSeen: 1000 });
    expect(keys(loaded, 'topic6')).not.toContain(papers[6]!.key);
    expect(keys(loaded, 'quokka')).toEqual([papers[6]!.key]);
    loaded.delete([papers[7]!.key, papers[6]!.key]);
    expect(loaded.size).toBe(298);
    expect([loaded.has(papers[7]!.key), loaded.has(papers[6]!.key)]).toEqual([false, false]);
    loaded.put([papers[7]!]);
    expect(loaded.has(papers[7]!.key)).toBe(true);
    expect(keys(loaded, 'number 7 topic0')).toEqual([papers[7]!.key]);
    expect(loaded.size).toBe(299);
  });

  it('refuses a saved snapshot whose arrays do not fit together, saying what is wrong', () => {
    const damaged = (damage: (snapshot: WordIndexSnapshot) => void) => () => {
      const snapshot = library().snapshot();
      damage(snapshot);
      return WordIndex.fromSnapshot(snapshot);
    };
    expect(damaged((s) => (s.lastSeen = s.lastSeen.subarray(1)))).toThrow('the saved search index is damaged: papers of different counts');
    expect(damaged((s) => (s.words = s.words.slice(1)))).toThrow('words missing');
    expect(damaged((s) => (s.postings.abstract.offsets[s.words.length] = 0))).toThrow('abstract lists');
    expect(damaged((s) => (s.postings.authors.gaps[0] = 100))).toThrow('authors lists name no paper');
    expect(damaged((s) => (s.postings.title.gaps[s.postings.title.gaps.length - 1] = 0x80))).toThrow('title lists cut short');
    expect(damaged((s) => (s.urls = new Uint32Array([1])))).toThrow('links missing');
    expect(damaged((s) => (s.urls = new Uint32Array([9, 0, 8, 1])))).toThrow('links out of order');
    expect(damaged((s) => (s.keyHashes = s.keyHashes.subarray(2)))).toThrow('keys missing');
    // The pairs of papers 0 and 1 with their slots swapped: each hash beside the other paper.
    expect(damaged((s) => [1, 3].forEach((i) => (s.keyHashes[i] = 1 - s.keyHashes[i]!)))).toThrow('keys out of place');
    expect(damaged((s) => (s.keyHashes = Uint32Array.from([...s.keyHashes.subarray(2, 4), ...s.keyHashes.subarray(0, 2), ...s.keyHashes.subarray(4)])))).toThrow('keys out of order');
    expect(damaged(() => undefined)).not.toThrow();
  });
});
