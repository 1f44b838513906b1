import { describe, expect, it } from 'vitest';
import { MAX_INTERESTS, PALETTE, type Interest } from '../../lib/interests';
import { ImportError, lineAndColumn, parseImport, withinLimit } from '../../lib/interests-import';
import { mergeImported } from '../../lib/interests-edit';

const mine: Interest[] = [
  { id: 'diffusion', label: 'Diffusion models', terms: ['diffusion model'], color: PALETTE[0] },
  { id: 'rl', label: 'Reinforcement learning', terms: ['reinforcement learning'], color: PALETTE[1] },
];

function failure(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(ImportError);
    return (err as Error).message;
  }
  throw new Error('expected the import to fail');
}

describe('importing interests', () => {
  it('says on which line and column malformed JSON breaks, and that nothing was imported', () => {
    const text = '{ "interests": [\n  { "id": "a", "label": "A", "terms": ["x"] }\n  { "id": "b" }\n] }';
    const message = failure(() => parseImport(text, mine, 'mine.json'));
    expect(message).toMatch(/^The file is not valid JSON: line 3, column 3: /);
    expect(message).toMatch(/Nothing was imported\.$/);
  });

  it('places a file cut short at its end', () => {
    expect(failure(() => parseImport('{\n "interests": [', mine))).toMatch(/line 2, column 16/);
  });

  it('counts columns from 1 on each line', () => {
    expect(lineAndColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });

  it('reads plain text as one topic per line, skipping blanks, comments and repeats', () => {
    const parsed = parseImport('# my topics\ndiffusion models\n\n  graph neural networks \nDiffusion models\n', mine, 'topics.txt');
    expect(parsed).toMatchObject({ kind: 'interests', format: 'text' });
    const interests = parsed.kind === 'interests' ? parsed.interests : [];
    expect(interests.map((i) => [i.label, i.terms])).toEqual([
      ['diffusion models', ['diffusion models']],
      ['graph neural networks', ['graph neural networks']],
    ]);
    // Fresh ids among the user's, and colours no interest uses yet.
    expect(interests[0]!.id).toBe('diffusion-models');
    expect(interests.map((i) => i.color)).toEqual([PALETTE[2], PALETTE[3]]);
  });

  it('refuses a text file with no topics, and an over-long line by its number', () => {
    expect(failure(() => parseImport('\n# nothing\n', mine))).toBe('The file lists no topics: write one topic per line. Nothing was imported.');
    expect(failure(() => parseImport(`ok\n${'x'.repeat(250)}`, mine))).toMatch(/^Line 2 is 250 characters long; a topic may have at most 200\. Nothing was imported\.$/);
  });

  it('names the interest (number, name and id) whose field is wrong', () => {
    const text = JSON.stringify({ interests: [{ id: 'a', label: 'A', terms: ['x'] }, { id: 'gans', label: 'GANs', terms: [3] }] });
    expect(failure(() => parseImport(text, mine))).toBe('Interest 2 “GANs” (id gans): terms[0] must be a string. Nothing was imported.');
  });

  it('names an interest whose only term is empty instead of a generic message', () => {
    const text = JSON.stringify({ interests: [{ id: 'a', label: 'A', terms: ['x'] }, { id: 'empty', label: 'Empty one', terms: ['  '] }] });
    expect(failure(() => parseImport(text, mine))).toBe('Interest 2 “Empty one” (id empty) has no keyword, author or example paper to match. Nothing was imported.');
  });

  it('accepts an interest taught only by examples', () => {
    const text = JSON.stringify({ interests: [{ id: 'ex', label: 'By example', terms: [], examples: [{ title: 'Score-Based Generative Modeling through SDEs' }] }] });
    expect(parseImport(text, mine)).toMatchObject({ kind: 'interests', interests: [{ id: 'ex' }] });
  });

  it('states the limit with its numbers when a file holds too many interests', () => {
    const many = { interests: Array.from({ length: MAX_INTERESTS + 3 }, (_, i) => ({ id: `t${i}`, label: `T${i}`, terms: [`t${i}`] })) };
    expect(failure(() => parseImport(JSON.stringify(many), mine))).toBe('The file holds 503 interests; Paperlight keeps at most 500. Nothing was imported.');
  });

  it('states the limit with its numbers when the file and the profile together hold too many', () => {
    const file = { interests: Array.from({ length: MAX_INTERESTS }, (_, i) => ({ id: `t${i}`, label: `T${i}`, terms: [`t${i}`] })) };
    const parsed = parseImport(JSON.stringify(file), mine);
    const imported = parsed.kind === 'interests' ? parsed.interests : [];
    const message = failure(() => withinLimit(mine, imported, mergeImported(mine, imported)));
    expect(message).toBe(
      'The file holds 500 interests (500 new); with your 2 that makes 502, and Paperlight keeps at most 500. Nothing was imported. Remove some interests first, or import a shorter file.',
    );
    // Replacing interests by id adds nothing.
    expect(() => withinLimit(mine, mine, mergeImported(mine, mine))).not.toThrow();
  });

  it('recognises a full backup', () => {
    expect(parseImport(JSON.stringify({ format: 'paperlight-backup', interests: mine }), [])).toMatchObject({ kind: 'backup' });
  });
});
