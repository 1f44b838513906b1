/** Matching quality on the hand labels, through `npm run match` (the CLI), and the CLI's contract (CONTRACT §2). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateInterests, INTEREST_SETS, ROOT, runMatchCli } from '../eval/match';

const CLI_TIMEOUT = 30_000;

describe('match quality on the labelled seed papers', () => {
  it('reaches macro F1 ≥ 0.93 with the given interests, Hopfield without a false hit', { timeout: CLI_TIMEOUT }, () => {
    const { macroF1, perInterest } = evaluateInterests(INTEREST_SETS.given);
    expect(macroF1).toBeGreaterThanOrEqual(0.93);
    expect(perInterest.find((s) => s.id === 'hopfield')?.precision).toBe(1);
  });

  it('reaches macro F1 ≥ 0.90 with misspelt and variant interests, "Hopfeild" without a false hit', { timeout: CLI_TIMEOUT }, () => {
    const { macroF1, perInterest } = evaluateInterests(INTEREST_SETS.variants);
    expect(macroF1).toBeGreaterThanOrEqual(0.9);
    expect(perInterest.filter((s) => s.label === 'Hopfield').map((s) => s.precision)).toEqual([1]);
  });
});

describe('npm run match', () => {
  const dir = mkdtempSync(join(tmpdir(), 'paperlight-match-'));
  const file = (name: string, content: unknown): string => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };
  const interests = file('interests.json', { interests: [{ id: 'hopfield', label: 'Hopfield', terms: ['Hopfield'] }] });
  const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'lib/cli/match.ts', ...args], { cwd: ROOT, encoding: 'utf8' });

  it('keeps given keys, keys the others by position, and explains matches', { timeout: CLI_TIMEOUT }, () => {
    const papers = file('papers.json', [{ key: 'arxiv:2401.00001', title: 'Modern Hopfield networks' }, { title: 'Unrelated' }, { title: 'Dense associative memory', abstract: 'Hopfield models.' }]);
    expect(runMatchCli(interests, papers)).toEqual([
      { key: 'arxiv:2401.00001', matches: [{ interest: 'hopfield', score: expect.any(Number), terms: [{ term: 'Hopfield', field: 'title', exact: true }] }] },
      { key: '1', matches: [] },
      { key: '2', matches: [{ interest: 'hopfield', score: expect.any(Number), terms: [{ term: 'Hopfield', field: 'abstract', exact: true }] }] },
    ]);
  });

  it.each<[string, () => string[], RegExp]>([
    ['an unknown option', () => ['--interest', interests, file('ok.json', [])], /unknown option --interest/],
    ['no --interests', () => [file('ok.json', [])], /missing --interests/],
    ['a missing papers file', () => ['--interests', interests, join(dir, 'absent.json')], /file not found/],
    ['invalid JSON', () => ['--interests', interests, file('bad.json', '[{')], /invalid JSON/],
    ['an invalid interests file', () => ['--interests', file('bad-interests.json', { interests: [{ id: 'x' }] }), file('ok.json', [])], /interests\[0\]\.label/],
    ['papers that are not an array', () => ['--interests', interests, file('object.json', { title: 'x' })], /JSON array/],
    ['a paper without a string title', () => ['--interests', interests, file('untitled.json', [{ title: 'ok' }, { key: 'k' }])], /papers\[1\]\.title/],
  ])('fails with one line on stderr for %s', { timeout: CLI_TIMEOUT }, (_, args, message) => {
    const { status, stdout, stderr } = run(...args());
    expect(status).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  });
});
