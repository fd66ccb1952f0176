import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARTY_IDS } from '../../src/core';
import { FIXTURE, cli, scratch } from '../helpers/cli';

/** `simulate` plays every seat with the computer and prints the game, or one JSON object with --json. */

const CLASSROOM_1_HASH = 'a0bd2b18cc4cf0605e232088a3194c014eacfcf2241fb576e410fe4621beec80';

describe('simulate', () => {
  it('--json prints exactly one JSON object with level, seed, outcome, rounds, stateHash and a score per party', () => {
    const r = cli('simulate', '--level', 'buffer-zone-talks', '--seed', 'classroom-1', '--json');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out.trim().split('\n')).toHaveLength(1);
    const summary = JSON.parse(r.out);
    expect(summary).toMatchObject({
      level: 'buffer-zone-talks',
      seed: 'classroom-1',
      outcome: 'agreement',
      rounds: 6,
      stateHash: CLASSROOM_1_HASH,
    });
    expect(Object.keys(summary.scores).sort()).toEqual([...PARTY_IDS].sort());
    for (const p of PARTY_IDS) expect(typeof summary.scores[p]).toBe('number');
  });

  it('gives the same stateHash every time', () => {
    const hashes = [1, 2, 3].map(
      () => JSON.parse(cli('simulate', '--level', 'buffer-zone-talks', '--seed', 'again', '--json').out).stateHash,
    );
    expect(new Set(hashes).size).toBe(1);
    expect(hashes[0]).toMatch(/^[0-9a-f]{64}$/);
  });

  it('--out writes the record: for classroom-1 it is byte for byte the golden fixture', () => {
    const { dir } = scratch();
    const path = join(dir, 'game.bzrec.json');
    const r = cli('simulate', '--level', 'buffer-zone-talks', '--seed', 'classroom-1', '--out', path, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).record).toBe(path);
    expect(readFileSync(path, 'utf8')).toBe(readFileSync(FIXTURE, 'utf8'));
  });

  it('plays the difficulty asked for, per seat', () => {
    const r = cli('simulate', '--level', 'tutorial', '--seed', 's', '--difficulty', 'easy', '--seat', 'russia=hard', '--json');
    expect(r.code).toBe(0);
    const { seats } = JSON.parse(r.out);
    expect(seats).toEqual({
      ukraine: { kind: 'computer', difficulty: 'easy' },
      russia: { kind: 'computer', difficulty: 'hard' },
      us: { kind: 'computer', difficulty: 'easy' },
      coalition: { kind: 'computer', difficulty: 'easy' },
    });
  });

  it('accepts a level file by path', () => {
    const r = cli('simulate', '--level', 'levels/tutorial.json', '--seed', 'path', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).level).toBe('tutorial');
  });

  it('without --json narrates the rounds, the outcome and the state hash', () => {
    const r = cli('simulate', '--level', 'buffer-zone-talks', '--seed', 'classroom-1');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Buffer Zone Talks · seed "classroom-1"/);
    expect(r.out).toContain('Round 1 of 10');
    expect(r.out).toContain('Outcome: agreement in round 6.');
    expect(r.out).toContain(`State hash: ${CLASSROOM_1_HASH}`);
  });
});
