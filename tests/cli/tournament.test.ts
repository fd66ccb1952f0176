import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STRATEGIES } from '../../src/ai';
import { PARTY_IDS } from '../../src/core';
import { REPO, cli } from '../helpers/cli';

/** `tournament`: each scripted strategy (and each agent) in each seat against hard computer parties. */

describe('tournament', () => {
  it('--json prints one object: a row per strategy and seat, with the hard computer beside it', () => {
    const seeds = 5;
    const agent = `node ${join(REPO, 'examples/agents/accept-or-pass.mjs')}`;
    const r = cli('tournament', '--level', 'tutorial', '--seeds', String(seeds), '--seat', `coalition=agent:${agent}`, '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n')).toHaveLength(1);
    const t = JSON.parse(r.out);
    expect(Object.keys(t).sort()).toEqual(['level', 'rows', 'seeds']);
    expect(t).toMatchObject({ level: 'tutorial', seeds });

    const expected = [...STRATEGIES.flatMap((s) => PARTY_IDS.map((seat) => `${s.id}/${seat}`)), `agent:${agent}/coalition`];
    expect(t.rows.map((row: { strategy: string; seat: string }) => `${row.strategy}/${row.seat}`)).toEqual(expected);
    expect(STRATEGIES.map((s) => s.id)).toEqual([
      'always-pass',
      'accept-everything',
      'reject-everything',
      'escalate',
      'statement-spam',
      'walk-out',
      'repeat-offer',
      'wait-then-ultimatum',
    ]);

    // The hard computer's figure for a seat is the all-hard game's, the same in every row of that seat.
    const batch = JSON.parse(cli('batch', '--level', 'tutorial', '--seeds', String(seeds), '--difficulty', 'hard', '--json').out);
    for (const row of t.rows) {
      expect(Object.keys(row).sort()).toEqual(['computerMeanScore', 'margin', 'meanScore', 'outcomes', 'seat', 'strategy']);
      expect(Object.keys(row.outcomes).sort()).toEqual(['agreement', 'breakdown', 'deadline']);
      expect(row.outcomes.agreement + row.outcomes.breakdown + row.outcomes.deadline).toBe(seeds);
      expect(row.computerMeanScore).toBeCloseTo(batch.meanScores[row.seat], 2);
      expect(row.margin).toBeCloseTo(row.meanScore - row.computerMeanScore, 1);
    }
    // Walking out on the first turn ends every game in a breakdown.
    for (const row of t.rows.filter((x: { strategy: string }) => x.strategy === 'walk-out')) expect(row.outcomes.breakdown).toBe(seeds);
  });

  it('prints a table without --json; a difficulty in --seat is bad input', () => {
    const r = cli('tournament', '--level', 'tutorial', '--seeds', '2');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/strategy\s+seat\s+mean score\s+agreement\s+breakdown\s+deadline\s+hard computer\s+margin/);
    expect(r.out.split('\n').filter((l) => /^(always-pass|walk-out) /.test(l))).toHaveLength(8);
    const bad = cli('tournament', '--level', 'tutorial', '--seeds', '2', '--seat', 'russia=easy');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--seat');
  });
});
