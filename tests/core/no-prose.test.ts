import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { playComputerGame, seatsAll } from '../../src/ai';
import { DIFFICULTIES, parseRecordJson, replayRecord, stateHash, type GameState } from '../../src/core';
import * as narrate from '../../src/narrate';
import { LEVEL_IDS, level, mainLevel } from '../helpers/game';

/**
 * The hashed state holds data only: every string in it is an id, a seed or a hash, except the words
 * people wrote themselves (a note, a statement, a facilitator's own inject). So a change of wording in
 * `src/narrate` cannot change a state hash, a record or a share link.
 */

vi.mock('../../src/narrate', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/narrate')>();
  // Every sentence reworded: if any of it reached the hashed state, the golden hashes would move.
  const shout =
    <A extends unknown[]>(f: (...a: A) => string) =>
    (...a: A) =>
      f(...a).toUpperCase() + ' (REWORDED)';
  return {
    ...real,
    narrateEntry: shout(real.narrateEntry),
    describeRefusal: shout(real.describeRefusal),
    describeOutcome: shout(real.describeOutcome),
    describeFactor: shout(real.describeFactor),
    describeRationale: shout(real.describeRationale),
  };
});

/** Keys whose values are people's own words, shown as written. */
const FREE_TEXT = new Set(['note', 'text', 'title']);
const TOKEN = /^[A-Za-z0-9][A-Za-z0-9.:_/-]*$/;

function proseIn(value: unknown, path: string, out: string[]): void {
  if (typeof value === 'string') {
    const key = path.split('.').pop()!;
    if (!FREE_TEXT.has(key) && !TOKEN.test(value)) out.push(`${path}: ${JSON.stringify(value)}`);
  } else if (Array.isArray(value)) value.forEach((v, i) => proseIn(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) proseIn(v, `${path}.${k}`, out);
}

const hashed = (s: GameState) => ({ phase: s.phase, resumes: s.resumes, context: s.context });

describe('no prose in the hashed state', () => {
  it.each(LEVEL_IDS)('%s: every string in 45 finished games is an id, a seed or a hash', (id) => {
    for (const d of DIFFICULTIES)
      for (let seed = 1; seed <= 15; seed++) {
        const { state } = playComputerGame(level(id), `prose-${seed}`, seatsAll(d));
        const found: string[] = [];
        proseIn(hashed(state), 'state', found);
        expect(found).toEqual([]);
      }
  });

  it('rewording every sentence of the narration leaves the golden record and its hash as they were', () => {
    const L = mainLevel();
    expect(narrate.describeOutcome({ cause: { code: 'all-signed' }, round: 1 } as never)).toMatch(/REWORDED/);
    const text = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'classroom-1.bzrec.json'), 'utf8');
    const record = parseRecordJson(text);
    if (!record.ok) throw new Error(record.error);
    const replayed = replayRecord(L, record.value);
    expect(replayed.ok && replayed.value.ok).toBe(true);
    if (replayed.ok) expect(stateHash(replayed.value.state)).toBe(record.value.finalHash);
    const { state } = playComputerGame(L, 'classroom-1', seatsAll('normal'));
    expect(stateHash(state)).toBe(record.value.finalHash);
  });
});
