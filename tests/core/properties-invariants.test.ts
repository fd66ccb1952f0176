import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seatsAll } from '../../src/ai';
import { DIFFICULTIES, applyToGame, newGame, stateHash, type GameState } from '../../src/core';
import { finishWithComputers, gameArb, resolveChoice } from '../helpers/arbitraries';
import { level, meterProblems } from '../helpers/game';
import { describeRefusal } from '../../src/narrate';

/**
 * Invariants over random intent sequences (any type, any seat, legal or not, with computer moves mixed
 * in), on every level, with and without a facilitator:
 * - every meter stays in its range after every step;
 * - an illegal intent is refused and changes nothing (same state hash, same value);
 * - a computer party's move is always accepted;
 * - from wherever the sequence leaves the game, computer parties finish it within the level's rounds.
 */

const RUNS = 150;

function checkStep(levelId: string, before: GameState, after: GameState): void {
  const lvl = level(levelId);
  expect(meterProblems(lvl, after)).toEqual([]);
  expect(after.context.step).toBe(before.context.step + 1);
  expect(after.context.round).toBeGreaterThanOrEqual(1);
  expect(after.context.round).toBeLessThanOrEqual(lvl.rounds);
  expect(after.context.turn).toBeGreaterThanOrEqual(0);
  // In the events phase (and a pause taken there) all four have moved: the turn index is one past the last.
  expect(after.context.turn).toBeLessThan(lvl.turnOrder.length + (after.phase === 'turns' ? 0 : 1));
  expect(after.phase === 'over').toBe(after.context.outcome !== null);
  if (after.context.table) expect(after.context.table.acceptedBy.length).toBeLessThanOrEqual(4);
}

describe('random intent sequences', () => {
  it('keep meters in range, refuse illegal intents without a trace, and accept every computer move', () => {
    fc.assert(
      fc.property(gameArb, ({ levelId, seed, facilitated, choices }) => {
        const lvl = level(levelId);
        let s = newGame(lvl, { seed, facilitated });
        expect(meterProblems(lvl, s)).toEqual([]);
        for (const choice of choices) {
          if (s.phase === 'over') break;
          const intent = resolveChoice(lvl, s, choice);
          const hash = stateHash(s);
          const copy = structuredClone(s);
          const result = applyToGame(lvl, s, intent);
          if (result.ok) {
            checkStep(levelId, s, result.value);
            s = result.value;
          } else {
            expect(choice.kind, `computer move refused: ${JSON.stringify(result.refusal)}`).toBe('intent');
            expect(describeRefusal(result.refusal).length).toBeGreaterThan(0);
            expect(stateHash(s)).toBe(hash);
            expect(s).toEqual(copy);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('end within the level round limit once computer parties take over, from any reachable state', () => {
    fc.assert(
      fc.property(gameArb, fc.constantFrom(...DIFFICULTIES), ({ levelId, seed, facilitated, choices }, difficulty) => {
        const lvl = level(levelId);
        let s = newGame(lvl, { seed, facilitated });
        for (const choice of choices) {
          const result = applyToGame(lvl, s, resolveChoice(lvl, s, choice));
          if (result.ok) s = result.value;
        }
        const roundsToGo = lvl.rounds - s.context.round + 1;
        const { state: end, intents } = finishWithComputers(lvl, s, seatsAll(difficulty));
        expect(end.phase).toBe('over');
        const o = end.context.outcome!;
        expect(['agreement', 'breakdown', 'deadline']).toContain(o.kind);
        expect(o.round).toBeLessThanOrEqual(lvl.rounds);
        // At most one move per party per round, plus the facilitator's release (and one resume).
        expect(intents.length).toBeLessThanOrEqual(roundsToGo * (lvl.turnOrder.length + (facilitated ? 1 : 0)) + 2);
        for (const p of Object.keys(o.scores)) expect(Number.isFinite(o.scores[p as keyof typeof o.scores])).toBe(true);
        if (o.kind === 'agreement') {
          expect(o.package).not.toBeNull();
          expect(o.durability).toBeGreaterThanOrEqual(0);
          expect(o.durability).toBeLessThanOrEqual(100);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
