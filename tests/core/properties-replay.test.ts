import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { playComputerGame, seatsAll } from '../../src/ai';
import {
  DIFFICULTIES,
  RecordWriter,
  applyToGame,
  defaultSeats,
  newGame,
  parseRecordJson,
  replayRecord,
  serializeRecord,
  stateHash,
  type GameState,
} from '../../src/core';
import { choiceArb, gameArb, resolveChoice } from '../helpers/arbitraries';
import { LEVEL_IDS, level } from '../helpers/game';

/**
 * One seed + one level + the list of intents = one game. Records replay every hash; a state written
 * to JSON and read back (a persisted snapshot, with the generator's state inside it) plays on exactly
 * like the original.
 */

const RUNS = 120;

describe('replaying a record reproduces every hash', () => {
  it('computer games on any level, seed and difficulty mix (playComputerGame with a record)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LEVEL_IDS),
        fc.string({ maxLength: 16 }),
        fc.constantFrom(...DIFFICULTIES),
        fc.record({ ukraine: fc.constantFrom(...DIFFICULTIES), russia: fc.constantFrom(...DIFFICULTIES) }),
        (id, seed, difficulty, overrides) => {
          const lvl = level(id);
          const { state, record } = playComputerGame(lvl, seed, seatsAll(difficulty, overrides), { record: true });
          expect(record!.finalHash).toBe(stateHash(state));
          expect(record!.steps.length).toBe(state.context.step);
          const replayed = replayRecord(lvl, record!);
          if (!replayed.ok) throw new Error(replayed.error);
          expect(replayed.value.divergence).toBeNull();
          expect(replayed.value.steps).toBe(record!.steps.length);
          expect(stateHash(replayed.value.state)).toBe(record!.finalHash);
        },
      ),
      { numRuns: RUNS },
    );
  });

  // The record holds only the intents that were accepted, while the game also saw the refused ones in
  // between: matching hashes show again that a refused intent leaves no trace.
  it('random sequences with a facilitator or without (RecordWriter), also after writing the file and reading it back', () => {
    fc.assert(
      fc.property(gameArb, ({ levelId, seed, facilitated, choices }) => {
        const lvl = level(levelId);
        const writer = new RecordWriter(lvl, seed, defaultSeats('human'), facilitated);
        let s = newGame(lvl, { seed, facilitated });
        const hashes: string[] = [];
        for (const choice of choices) {
          if (s.phase === 'over') break;
          const intent = resolveChoice(lvl, s, choice);
          const result = applyToGame(lvl, s, intent);
          if (!result.ok) continue;
          s = result.value;
          writer.add(intent, s);
          hashes.push(stateHash(s));
        }
        const record = writer.finish();
        expect(record.steps.map((x) => x.hash)).toEqual(hashes);
        const reread = parseRecordJson(serializeRecord(record));
        if (!reread.ok) throw new Error(reread.error);
        // Parsing fills in schema defaults (an inject's empty walkAway), so compare what the record pins down.
        expect(reread.value.steps.map((x) => x.hash)).toEqual(hashes);
        expect(reread.value.finalHash).toBe(record.finalHash);
        // After one read, writing and reading again changes nothing.
        const twice = parseRecordJson(serializeRecord(reread.value));
        if (!twice.ok) throw new Error(twice.error);
        expect(twice.value).toEqual(reread.value);
        for (const r of [record, reread.value]) {
          const replayed = replayRecord(lvl, r);
          if (!replayed.ok) throw new Error(replayed.error);
          expect(replayed.value.divergence).toBeNull();
          expect(stateHash(replayed.value.state)).toBe(stateHash(s));
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('a persisted snapshot continues identically', () => {
  it('a state serialised to JSON and back hashes the same and plays on with the same next hashes', () => {
    fc.assert(
      fc.property(
        gameArb,
        fc.array(choiceArb, { minLength: 1, maxLength: 60 }),
        ({ levelId, seed, facilitated, choices }, continuation) => {
          const lvl = level(levelId);
          let s = newGame(lvl, { seed, facilitated });
          for (const choice of choices) {
            const result = applyToGame(lvl, s, resolveChoice(lvl, s, choice));
            if (result.ok) s = result.value;
          }
          let restored = JSON.parse(JSON.stringify(s)) as GameState;
          expect(stateHash(restored)).toBe(stateHash(s));
          expect(restored.context.rng).toEqual(s.context.rng);
          for (const choice of continuation) {
            const intent = resolveChoice(lvl, s, choice);
            // The computer parties decide the same way from the restored state.
            expect(resolveChoice(lvl, restored, choice)).toEqual(intent);
            const a = applyToGame(lvl, s, intent);
            const b = applyToGame(lvl, restored, intent);
            expect(b.ok).toBe(a.ok);
            if (a.ok && b.ok) {
              expect(stateHash(b.value)).toBe(stateHash(a.value));
              s = a.value;
              restored = b.value;
            } else if (!a.ok && !b.ok) {
              expect(b.refusal).toEqual(a.refusal);
            }
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});
