import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, STACK_LINE, cli, fixtureData, scratch } from '../helpers/cli';

/**
 * Malformed and hostile input: the command line exits 2 with one message that names the file (or
 * flag) and the field inside it, never a stack trace, and never crashes.
 */

const files = scratch();
const record = (edit: (r: ReturnType<typeof fixtureData>) => void) => {
  const data = fixtureData();
  edit(data);
  return data;
};
const level = (edit: (l: Record<string, unknown> & { parties: Record<string, { redLines: { term: string }[] }> }) => void) => {
  const data = JSON.parse(readFileSync(join(REPO, 'levels', 'buffer-zone-talks.json'), 'utf8'));
  edit(data);
  return data;
};

const p = {
  notJson: files.write('not-json.bzrec.json', 'this is not JSON'),
  empty: files.write('empty.bzrec.json', ''),
  huge: files.write('huge.bzrec.json', ' '.repeat(10 * 1024 * 1024)),
  wrongTypes: files.write(
    'wrong-types.bzrec.json',
    record((r) => ((r.seed = 5), (r.facilitated = 'yes'))),
  ),
  unknownIntent: files.write(
    'unknown-intent.bzrec.json',
    record((r) => (r.steps[5].intent.type = 'party.bribe')),
  ),
  hugeTroops: files.write(
    'huge-troops.bzrec.json',
    record((r) => (r.steps[3].intent = { type: 'coalition.pledgeTroops', by: 'coalition', troops: 1e15 })),
  ),
  infinite: files.write('infinite.bzrec.json', JSON.stringify(fixtureData()).replace('"version":2', '"version":1e999')),
  unknownSeat: files.write(
    'unknown-seat.bzrec.json',
    record((r) => (r.seats.belarus = { kind: 'computer' })),
  ),
  tooManySteps: files.write(
    'many.bzrec.json',
    record((r) => (r.steps = Array.from({ length: 10_001 }, () => r.steps[0]))),
  ),
  deep: files.write('deep.bzrec.json', `{"format":${'['.repeat(100_000)}${']'.repeat(100_000)}}`),
  array: files.write('array.bzrec.json', '[]'),
  escape: files.write('escape.bzrec.json', '\u001b[2J\u001b]0;owned\u0007'),
  badLevel: files.write(
    'bad-level.json',
    level((l) => (l.parties.ukraine.redLines[0].term = 'weather')),
  ),
  levelNotJson: files.write('level.json', '{"id": "x",'),
  levelHugeNumber: files.write(
    'level-huge.json',
    level((l) => (l.rounds = 1e15)),
  ),
};

const cases: { name: string; argv: string[]; says: (string | RegExp)[] }[] = [
  { name: 'a record that is not JSON', argv: ['replay', p.notJson], says: [`${p.notJson}: not valid JSON`] },
  { name: 'an empty record file', argv: ['replay', p.empty], says: [`${p.empty}: not valid JSON`] },
  { name: 'a 10 MB record file', argv: ['replay', p.huge], says: [`${p.huge}: the file is 10485760 bytes, larger than`] },
  {
    name: 'a missing file',
    argv: ['replay', join(files.dir, 'missing.json')],
    says: [`${join(files.dir, 'missing.json')}: cannot read the file (ENOENT)`],
  },
  { name: 'a directory instead of a file', argv: ['replay', files.dir], says: [`${files.dir}: cannot read the file`] },
  { name: 'wrong types in a record', argv: ['replay', p.wrongTypes], says: [`${p.wrongTypes}: seed: `, `${p.wrongTypes}: facilitated: `] },
  { name: 'an unknown intent type in a record', argv: ['replay', p.unknownIntent], says: [`${p.unknownIntent}: steps[5].intent.type: `] },
  { name: 'troops 1e15 in a record', argv: ['replay', p.hugeTroops], says: [`${p.hugeTroops}: steps[3].intent.troops: Too big`] },
  { name: 'a number JSON reads as Infinity', argv: ['replay', p.infinite], says: [`${p.infinite}: version: `] },
  { name: 'an unknown party in the record seats', argv: ['replay', p.unknownSeat], says: [`${p.unknownSeat}: seats`] },
  { name: 'more than 10,000 steps', argv: ['replay', p.tooManySteps], says: [`${p.tooManySteps}: steps: Too big`] },
  { name: 'JSON nested 100,000 deep', argv: ['replay', p.deep], says: [`${p.deep}: format: `] },
  { name: 'a JSON array instead of a record', argv: ['replay', p.array], says: [`${p.array}: (top level): `] },
  { name: 'terminal escape sequences instead of JSON', argv: ['replay', p.escape], says: [`${p.escape}: not valid JSON`] },
  {
    name: 'a level with a bad field',
    argv: ['simulate', '--level', p.badLevel, '--seed', 'x'],
    says: [`${p.badLevel}: parties.ukraine.redLines[0].term: `],
  },
  {
    name: 'a level that is not JSON',
    argv: ['simulate', '--level', p.levelNotJson, '--seed', 'x'],
    says: [`${p.levelNotJson}: not valid JSON`],
  },
  {
    name: 'a level with 1e15 rounds',
    argv: ['batch', '--level', p.levelHugeNumber, '--seeds', '2'],
    says: [`${p.levelHugeNumber}: rounds: Too big`],
  },
  {
    name: 'a record with a broken --level file',
    argv: ['replay', join(REPO, 'tests/fixtures/classroom-1.bzrec.json'), '--level', p.badLevel],
    says: [`${p.badLevel}: parties.ukraine.redLines[0].term`],
  },
  {
    name: 'an unknown party in --seat',
    argv: ['simulate', '--level', 'tutorial', '--seed', 'x', '--seat', 'moldova=hard'],
    says: ['--seat: unknown party "moldova"'],
  },
  {
    name: 'an unknown difficulty in --seat',
    argv: ['simulate', '--level', 'tutorial', '--seed', 'x', '--seat', 'russia=brutal'],
    says: ['--seat russia: expected one of easy, normal, hard'],
  },
  {
    name: '--seeds 1e12',
    argv: ['batch', '--level', 'tutorial', '--seeds', '1e12'],
    says: ['--seeds: expected a whole number from 1 to 100000, got "1e12"'],
  },
  {
    name: '--seeds 99999999999999999999',
    argv: ['batch', '--level', 'tutorial', '--seeds', '99999999999999999999'],
    says: ['--seeds: expected a whole number'],
  },
  { name: '--seeds -5', argv: ['batch', '--level', 'tutorial', '--seeds=-5'], says: ['--seeds: expected a whole number'] },
  {
    name: '--to-step beyond the record',
    argv: ['replay', join(REPO, 'tests/fixtures/classroom-1.bzrec.json'), '--to-step', '1e9'],
    says: ['--to-step: expected a whole number from 0 to 22'],
  },
  {
    name: 'an unknown difficulty',
    argv: ['simulate', '--level', 'tutorial', '--seed', 'x', '--difficulty', 'nightmare'],
    says: ['--difficulty: expected one of easy, normal, hard'],
  },
  { name: 'an unknown level id', argv: ['simulate', '--level', 'moon-base', '--seed', 'x'], says: ['--level: no level "moon-base"'] },
  {
    name: 'a seed of 201 characters',
    argv: ['simulate', '--level', 'tutorial', '--seed', 'x'.repeat(201)],
    says: ['--seed: at most 200 characters'],
  },
  { name: 'a missing --seed', argv: ['simulate', '--level', 'tutorial'], says: ['--seed: required'] },
  { name: 'an unknown command', argv: ['negotiate'], says: ['unknown command "negotiate"'] },
  { name: 'an unknown flag', argv: ['simulate', '--level', 'tutorial', '--seed', 'x', '--turbo'], says: ["Unknown option '--turbo'"] },
  { name: 'a flag without its value', argv: ['simulate', '--level'], says: [/--level/] },
  { name: 'replay without a file', argv: ['replay'], says: ['replay: give the record file'] },
  { name: 'validate without files', argv: ['validate'], says: ['validate: give one or more level files'] },
];

describe('bad input exits 2 with a message naming the file and field, no stack trace', () => {
  it.each(cases)('$name', ({ argv, says }) => {
    const r = cli(...argv);
    expect(r.code, r.err).toBe(2);
    expect(r.out).toBe('');
    for (const s of says) {
      if (typeof s === 'string') expect(r.err).toContain(s);
      else expect(r.err).toMatch(s);
    }
    expect(r.err).not.toMatch(STACK_LINE);
    expect(r.err).not.toMatch(/\bat Object\.|TypeError|RangeError|SyntaxError:/);
    // eslint-disable-next-line no-control-regex -- control characters must not reach the terminal
    expect(r.err).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(r.err.length).toBeLessThan(4000);
  });
});
