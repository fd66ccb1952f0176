import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinLevels } from '../../src/content/levels';
import { PARTY_IDS } from '../../src/core';
import { REPO, cli, scratch } from '../helpers/cli';

/** `batch` (outcome distribution over seeds 1..N), `levels` (the menu) and `validate` (level files, one report each). */

describe('batch', () => {
  it('--json has level, seeds, outcomes (name → count) and meanScores (party → mean)', () => {
    const r = cli('batch', '--level', 'buffer-zone-talks', '--seeds', '25', '--json');
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n')).toHaveLength(1);
    const summary = JSON.parse(r.out);
    expect(summary).toMatchObject({ level: 'buffer-zone-talks', seeds: 25 });
    expect(Object.keys(summary.outcomes).sort()).toEqual(['agreement', 'breakdown', 'deadline']);
    expect(Object.values(summary.outcomes as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(25);
    expect(Object.keys(summary.meanScores).sort()).toEqual([...PARTY_IDS].sort());
    for (const p of PARTY_IDS) expect(Number.isFinite(summary.meanScores[p])).toBe(true);
  });

  it('is deterministic, and matches simulate seed by seed', () => {
    const a = cli('batch', '--level', 'tutorial', '--seeds', '5', '--json').out;
    expect(cli('batch', '--level', 'tutorial', '--seeds', '5', '--json').out).toBe(a);
    const kinds = [1, 2, 3, 4, 5].map((s) => JSON.parse(cli('simulate', '--level', 'tutorial', '--seed', String(s), '--json').out).outcome);
    const counts = Object.fromEntries(['agreement', 'breakdown', 'deadline'].map((k) => [k, kinds.filter((x) => x === k).length]));
    expect(JSON.parse(a).outcomes).toEqual(counts);
  });

  it('prints a table without --json', () => {
    const r = cli('batch', '--level', 'buffer-zone-talks', '--seeds', '3');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Buffer Zone Talks.*seeds 1–3/);
    expect(r.out).toMatch(/outcome\s+games\s+share/);
    expect(r.out).toMatch(/\d+ distinct agreed packages?; the most common is [\d.]+% of the agreements \(\d+ of \d+\)/);
    expect(r.out).toMatch(/agreements by round: round \d+: \d+/);
  });

  it('--json reports each distinct agreed package with its count (most common first) and agreements by round', () => {
    const n = 20;
    const summary = JSON.parse(cli('batch', '--level', 'buffer-zone-talks', '--seeds', String(n), '--json').out);
    const games = Array.from({ length: n }, (_, i) =>
      JSON.parse(cli('simulate', '--level', 'buffer-zone-talks', '--seed', String(i + 1), '--json').out),
    );
    const agreed = games.filter((g) => g.outcome === 'agreement');
    expect(agreed.length).toBe(summary.outcomes.agreement);
    expect(agreed.length).toBeGreaterThan(0);

    const counts: number[] = summary.packages.map((p: { count: number }) => p.count);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(agreed.length);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    const keys = summary.packages.map((p: { package: object }) => JSON.stringify(p.package));
    expect(new Set(keys).size).toBe(keys.length);
    for (const p of summary.packages)
      expect(p.count).toBe(agreed.filter((g) => JSON.stringify(g.package) === JSON.stringify(p.package)).length);

    const rounds: Record<string, number> = {};
    for (const g of agreed) rounds[g.rounds] = (rounds[g.rounds] ?? 0) + 1;
    expect(summary.agreementRounds).toEqual(rounds);
  });
});

describe('levels', () => {
  it('--json is an array of {id, title, path}, one per built-in level, each path a real file', () => {
    const r = cli('levels', '--json');
    expect(r.code).toBe(0);
    const list = JSON.parse(r.out) as { id: string; title: string; path: string }[];
    expect(list).toEqual(builtinLevels().map(({ level, path }) => ({ id: level.id, title: level.title, path })));
    for (const l of list) expect(JSON.parse(readFileSync(join(REPO, l.path), 'utf8')).id).toBe(l.id);
  });

  it('prints a table without --json', () => {
    expect(cli('levels').out).toMatch(/^id\s+title\s+path *\n/);
  });
});

describe('validate', () => {
  const files = scratch();
  const good = join(REPO, 'levels', 'tutorial.json');
  const broken = JSON.parse(readFileSync(join(REPO, 'levels', 'tutorial.json'), 'utf8'));
  broken.turnOrder = ['ukraine', 'ukraine', 'us', 'coalition'];
  const bad = files.write('bad.json', broken);
  const notJson = files.write('not.json', 'nope');

  it('every built-in level file is valid: exit 0, one "ok" line per file', () => {
    const paths = builtinLevels().map((l) => join(REPO, l.path));
    const r = cli('validate', ...paths);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')).toEqual(paths.map((p) => `ok       ${p}`));
  });

  it('reports each file, valid or not, and exits 2 if any is invalid', () => {
    const r = cli('validate', good, bad, notJson);
    expect(r.code).toBe(2);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe(`ok       ${good}`);
    expect(lines[1]).toBe(`invalid  ${bad}: turnOrder: must name each of the four parties once`);
    expect(lines[2]).toMatch(new RegExp(`^invalid  ${notJson.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not valid JSON`));
    expect(r.err).toBe('2 of 3 level files invalid');
  });

  it('--json lists {path, ok, error} per file', () => {
    const r = cli('validate', good, bad, '--json');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toEqual([
      { path: good, ok: true, error: null },
      { path: bad, ok: false, error: `${bad}: turnOrder: must name each of the four parties once` },
    ]);
  });
});
