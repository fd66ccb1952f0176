import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RecordWriter, defaultSeats, newGame, serializeRecord, type Intent } from '../../src/core';
import { FIXTURE, REPO, cli, fixtureData, scratch } from '../helpers/cli';
import { level, must } from '../helpers/game';

/**
 * `replay` re-runs a record and checks every step hash: exit 0 when it replays, 1 when it does not
 * (naming the first diverging step, or the level hash when the level changed), 2 for bad input.
 */

const CLASSROOM_1_HASH = 'a0bd2b18cc4cf0605e232088a3194c014eacfcf2241fb576e410fe4621beec80';
const mainLevelData = () => JSON.parse(readFileSync(join(REPO, 'levels', 'buffer-zone-talks.json'), 'utf8'));

describe('replay', () => {
  it('a record written by simulate replays: exit 0, every step checked', () => {
    const { dir } = scratch();
    const path = join(dir, 'g.bzrec.json');
    expect(cli('simulate', '--level', 'after-the-strike', '--seed', 'r', '--out', path).code).toBe(0);
    const r = cli('replay', path);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/: all \d+ steps replay with matching hashes\./);
  });

  it('--json prints one object with the same fields as simulate, and ok', () => {
    const r = cli('replay', FIXTURE, '--json');
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.out);
    expect(summary).toMatchObject({
      level: 'buffer-zone-talks',
      seed: 'classroom-1',
      outcome: 'agreement',
      rounds: 6,
      stateHash: CLASSROOM_1_HASH,
      ok: true,
      divergence: null,
    });
    expect(Object.keys(summary.scores)).toHaveLength(4);
  });

  it('a record with one intent edited exits 1, naming the step', () => {
    const { write } = scratch();
    const data = fixtureData();
    data.steps[7].intent.note = 'Written in afterwards.';
    const path = write('edited.bzrec.json', data);
    const r = cli('replay', path);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`${path}: step 8 does not replay: ${r.err.split('step 8 does not replay: ')[1]}`);
    expect(r.err).toMatch(/state hash [0-9a-f]{12}… differs from the recorded [0-9a-f]{12}…/);
  });

  it('a record with a move the rules refuse exits 1, naming the step and the reason', () => {
    const { write } = scratch();
    const data = fixtureData();
    data.steps[2].intent = { type: 'party.accept', by: data.steps[2].intent.by };
    const r = cli('replay', write('refused.bzrec.json', data), '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ ok: false, divergence: { step: 3, reason: expect.stringMatching(/^intent refused: /) } });
    expect(r.err).toMatch(/step 3 does not replay: intent refused: There is no package on the table to accept\./);
  });

  it('a record whose level changed exits 1, naming level.hash; a reformatted level file still replays', () => {
    const { write } = scratch();
    const changed = mainLevelData();
    changed.parties.russia.walkAway += 1;
    const r = cli('replay', FIXTURE, '--level', write('changed.json', changed));
    expect([1, 2]).toContain(r.code);
    expect(r.err).toMatch(/level\.hash: level "buffer-zone-talks" has changed since this record was made/);

    const reformatted = write('reformatted.json', JSON.stringify(Object.fromEntries(Object.entries(mainLevelData()).reverse()), null, 4));
    expect(cli('replay', FIXTURE, '--level', reformatted).code).toBe(0);
  });

  it('a record for another level exits 1, naming level.id', () => {
    const r = cli('replay', FIXTURE, '--level', 'tutorial');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/level\.id: the record is for level "buffer-zone-talks", not "tutorial"/);
  });

  it('a record for a level that is not built in asks for the level file (exit 2)', () => {
    const { write } = scratch();
    const data = fixtureData();
    data.level.id = 'my-classroom-level';
    const path = write('custom.bzrec.json', data);
    const r = cli('replay', path);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`${path}: level.id "my-classroom-level" is not a built-in level; pass --level <path to the level file>`);
  });

  it('--to-step stops early and says so', () => {
    const r = cli('replay', FIXTURE, '--to-step', '5');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/all 5 steps replay \(stopped at step 5 of 22\)/);
  });

  it('control characters written into a record are shown escaped, never sent to the terminal', () => {
    const lvl = level('buffer-zone-talks');
    const writer = new RecordWriter(lvl, 'escape', defaultSeats('human'));
    let s = newGame(lvl, { seed: 'escape' });
    for (const intent of [
      { type: 'game.start', by: 'ukraine' },
      { type: 'party.statement', by: 'ukraine', tone: 'firm', text: '\u001b[2J\u001b[31mgotcha\u0007', note: 'bell\u0007' },
    ] as Intent[]) {
      s = must(lvl, s, intent);
      writer.add(intent, s);
    }
    const { write } = scratch();
    const r = cli('replay', write('escape.bzrec.json', serializeRecord(writer.finish())));
    expect(r.code).toBe(0);
    expect(r.out).toContain('\\u001b[31mgotcha\\u0007');
    // eslint-disable-next-line no-control-regex -- control characters must not reach the terminal
    expect(r.out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});
