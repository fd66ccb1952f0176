import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playComputerGame, seatsAll } from '../../src/ai';
import {
  RECORD_FORMAT,
  RecordWriter,
  newGame,
  RECORD_VERSION,
  levelHash,
  parseLevel,
  parseRecord,
  parseRecordJson,
  replayRecord,
  serializeRecord,
  stateHash,
  type GameRecord,
} from '../../src/core';
import { levelData, mainLevel, type Data } from '../helpers/game';
import { divergenceText } from '../../src/narrate';

/**
 * Record files (`*.bzrec.json`): the golden fixture replays, the format is stable and readable, and a
 * record that does not match its level or its own hashes is caught at the first differing step.
 */

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'classroom-1.bzrec.json');
const CLASSROOM_1_HASH = 'a0bd2b18cc4cf0605e232088a3194c014eacfcf2241fb576e410fe4621beec80';
const L = mainLevel();
const fixtureText = () => readFileSync(FIXTURE, 'utf8');
const fixture = (): GameRecord => {
  const parsed = parseRecordJson(fixtureText(), FIXTURE);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};
const edited = (edit: (r: Data) => void): GameRecord => {
  const data = JSON.parse(fixtureText());
  edit(data);
  return data as GameRecord;
};

describe('the golden record tests/fixtures/classroom-1.bzrec.json', () => {
  // Made with `npm run cli --silent -- simulate --level buffer-zone-talks --seed classroom-1 --out tests/fixtures/classroom-1.bzrec.json`;
  // the browser tests replay the same file and expect the same final hash in Chromium.
  it('replays with every hash matching, to the golden final hash', () => {
    const result = replayRecord(L, fixture());
    if (!result.ok) throw new Error(result.error);
    expect(result.value).toMatchObject({ ok: true, divergence: null, steps: fixture().steps.length });
    expect(stateHash(result.value.state)).toBe(CLASSROOM_1_HASH);
    expect(fixture().finalHash).toBe(CLASSROOM_1_HASH);
    expect(result.value.state.context.outcome!.kind).toBe('agreement');
  });

  it('is exactly what the engine writes for that game today', () => {
    const { record } = playComputerGame(L, 'classroom-1', seatsAll('normal'), { record: true });
    expect(serializeRecord(record!)).toBe(fixtureText());
  });

  it('names its format, version, level (id and content hash), seed and seats', () => {
    const r = fixture();
    expect(r.format).toBe(RECORD_FORMAT);
    expect(r.version).toBe(RECORD_VERSION);
    expect(r.level).toEqual({ id: 'buffer-zone-talks', hash: levelHash(L) });
    expect(r.seed).toBe('classroom-1');
    expect(r.seats).toEqual(seatsAll('normal'));
    expect(r.parent).toBeNull();
  });
});

describe('the record format', () => {
  it('puts one step per line with sorted intent keys, and reads back to the same record', () => {
    const r = fixture();
    const text = serializeRecord(r);
    const stepLines = text.split('\n').filter((l) => l.startsWith('    {"intent":'));
    expect(stepLines.length).toBe(r.steps.length);
    expect(stepLines[0]).toMatch(/^ {4}\{"intent":\{"by":"ukraine","type":"game.start"\},"hash":"[0-9a-f]{64}"\},$/);
    expect(parseRecordJson(text)).toEqual({ ok: true, value: r });
  });

  it('a record with no steps replays to the opening position, whose hash is its final hash', () => {
    const opening = stateHash(newGame(L, { seed: 'classroom-1' }));
    const empty = { ...fixture(), steps: [], finalHash: opening };
    expect(new RecordWriter(L, 'classroom-1', seatsAll('normal')).finish()).toEqual(empty);
    const replayed = replayRecord(L, empty);
    expect(replayed.ok && replayed.value).toMatchObject({ ok: true, steps: 0 });
  });
});

describe('records that do not replay', () => {
  it.each([
    ['an intent changed (the note of step 5)', (r: Data) => (r.steps[4].intent.note = 'Edited afterwards.'), 5, /state hash .* differs/],
    [
      'an intent the rules refuse (step 3 made by the wrong party)',
      (r: Data) => (r.steps[2].intent.by = 'coalition'),
      3,
      /intent refused: It is/,
    ],
    ['a step hash changed (step 10)', (r: Data) => (r.steps[9].hash = '0'.repeat(64)), 10, /differs from the recorded 000000000000/],
    ['the seed changed', (r: Data) => (r.seed = 'classroom-2'), 1, /differs/],
  ])('%s: the first diverging step is named', (_name, edit, step, reason) => {
    const result = replayRecord(L, edited(edit));
    if (!result.ok) throw new Error(result.error);
    expect(result.value.ok).toBe(false);
    expect(result.value.divergence!.step).toBe(step);
    expect(divergenceText(L, result.value.divergence!)).toMatch(reason);
    expect(result.value.steps).toBe(step - 1);
  });

  it('a wrong final hash is caught after the last step', () => {
    const r = edited((d) => (d.finalHash = 'f'.repeat(64)));
    const result = replayRecord(L, r);
    if (!result.ok) throw new Error(result.error);
    expect(result.value.divergence).toMatchObject({ step: r.steps.length, code: 'final-hash', expected: 'f'.repeat(64) });
    expect(divergenceText(L, result.value.divergence!)).toBe('the final hash differs from the recorded finalHash');
  });

  it('a record for another level is refused, naming level.id', () => {
    const result = replayRecord(
      L,
      edited((d) => (d.level.id = 'tutorial')),
    );
    expect(result).toEqual({ ok: false, error: 'record level.id: the record is for level "tutorial", not "buffer-zone-talks"' });
  });

  it('a level changed since the record was made is refused, naming level.hash; a reformatted one is not', () => {
    const data = levelData('buffer-zone-talks');
    data.parties.russia.walkAway += 1;
    const changed = parseLevel(data);
    if (!changed.ok) throw new Error(changed.error);
    const result = replayRecord(changed.value, fixture());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^record level\.hash: level "buffer-zone-talks" has changed since this record was made/);
    const reordered = parseLevel(Object.fromEntries(Object.entries(levelData('buffer-zone-talks')).reverse()));
    if (!reordered.ok) throw new Error(reordered.error);
    const replayed = replayRecord(reordered.value, fixture());
    expect(replayed.ok && replayed.value.ok).toBe(true);
  });

  it('replaying to a step stops there without checking the final hash', () => {
    const result = replayRecord(L, fixture(), { toStep: 12 });
    if (!result.ok) throw new Error(result.error);
    expect(result.value).toMatchObject({ ok: true, steps: 12, divergence: null });
    expect(stateHash(result.value.state)).toBe(fixture().steps[11].hash);
  });
});

describe('parsing records names the field', () => {
  it.each([
    ['an unknown intent type', (r: Data) => (r.steps[3].intent.type = 'party.dance'), /^f\.json: steps\[3\]\.intent\.type: /],
    [
      'troops of 1e15',
      (r: Data) => (r.steps[3].intent = { type: 'coalition.pledgeTroops', by: 'coalition', troops: 1e15 }),
      /^f\.json: steps\[3\]\.intent\.troops: Too big/,
    ],
    ['a seed that is a number', (r: Data) => (r.seed = 5), /^f\.json: seed: .*expected string/],
    ['an unknown party in the seats', (r: Data) => (r.seats.moldova = { kind: 'human' }), /^f\.json: seats/],
    [
      'a hash that is not hex',
      (r: Data) => (r.steps[0].hash = 'xyz'),
      /^f\.json: steps\[0\]\.hash: expected a 64-character SHA-256 hex digest/,
    ],
    ['another format', (r: Data) => (r.format = 'chess-pgn'), /^f\.json: format: /],
    ['a future version', (r: Data) => (r.version = 3), /^f\.json: it was made by a newer version of Buffer Zone/],
    [
      'a version-1 record',
      (r: Data) => (r.version = 1),
      /^f\.json: it was made by an earlier version of Buffer Zone; it cannot be replayed by this one/,
    ],
    ['an extra top-level field', (r: Data) => (r.comment = 'hi'), /^f\.json: \(top level\): Unrecognized key: "comment"/],
    ['steps that are not a list', (r: Data) => (r.steps = {}), /^f\.json: steps: /],
  ])('%s', (_name, edit, message) => {
    const result = parseRecord(edited(edit), 'f.json');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it.each([
    ['not JSON', 'hello'],
    ['empty', ''],
    ['truncated', '{"format":"buffer-zone-record",'],
  ])('%s: says it is not valid JSON', (_name, text) => {
    expect(parseRecordJson(text, 'f.json')).toMatchObject({ ok: false, error: expect.stringMatching(/^f\.json: not valid JSON/) });
  });

  it('refuses more than 10,000 steps without replaying any', () => {
    const r = edited((d) => (d.steps = Array.from({ length: 10_001 }, () => d.steps[0])));
    expect(parseRecord(r, 'f.json')).toMatchObject({ ok: false, error: expect.stringMatching(/^f\.json: steps: Too big/) });
  });
});
