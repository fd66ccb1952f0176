import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { decideFor, playComputerGame, seatsAll } from '../../src/ai';
import { DIFFICULTIES, applyToGame, newGame, parseIntent } from '../../src/core';
import { describeRefusal } from '../../src/narrate';
import { gameArb, resolveChoice } from '../helpers/arbitraries';
import { LEVEL_IDS, level } from '../helpers/game';

/**
 * Computer parties never choose an illegal move. `decide` has a safety net (a move its seat's legal
 * moves would refuse becomes a pass), so this test watches that answer to the party's own first choice:
 * every refusal the net catches is counted as a failure here.
 */

const watch = vi.hoisted(() => ({ refusals: [] as string[] }));

vi.mock('../../src/core', async (importOriginal) => {
  const core = await importOriginal<typeof import('../../src/core')>();
  return {
    ...core,
    refusalFor: (...args: Parameters<typeof core.refusalFor>) => {
      const refusal = core.refusalFor(...args);
      if (refusal) watch.refusals.push(`${args[2].type} by ${args[2].by}: ${describeRefusal(refusal, args[0])}`);
      return refusal;
    },
  };
});

const SEEDS = 80;

describe('computer parties choose only legal moves', () => {
  it.each(LEVEL_IDS.flatMap((id) => DIFFICULTIES.map((d) => [id, d] as const)))('%s, every seat %s, seeds 1–80', (id, difficulty) => {
    watch.refusals.length = 0;
    const lvl = level(id);
    for (let seed = 1; seed <= SEEDS; seed++) {
      const { state } = playComputerGame(lvl, String(seed), seatsAll(difficulty));
      expect(state.phase).toBe('over');
    }
    expect(watch.refusals).toEqual([]);
  });

  it('with a different difficulty in every seat', () => {
    watch.refusals.length = 0;
    for (const id of LEVEL_IDS) {
      for (let seed = 1; seed <= 40; seed++) {
        playComputerGame(level(id), `mixed-${seed}`, seatsAll('normal', { ukraine: 'hard', russia: 'easy', coalition: 'hard' }));
        playComputerGame(level(id), `mixed-${seed}`, seatsAll('easy', { us: 'hard', russia: 'normal' }));
      }
    }
    expect(watch.refusals).toEqual([]);
  });

  it('from any position reached by random moves', () => {
    fc.assert(
      fc.property(gameArb, fc.constantFrom(...DIFFICULTIES), ({ levelId, seed, facilitated, choices }, difficulty) => {
        const lvl = level(levelId);
        let s = newGame(lvl, { seed, facilitated });
        watch.refusals.length = 0;
        for (const choice of choices) {
          if (s.phase === 'over') break;
          if (s.phase === 'turns') {
            const party = lvl.turnOrder[s.context.turn];
            const intent = decideFor(lvl, s, party, difficulty);
            expect(watch.refusals).toEqual([]);
            // The intent is well-formed (notes within the schema's limits) as well as legal.
            expect(parseIntent(intent).ok).toBe(true);
            expect(applyToGame(lvl, s, intent).ok).toBe(true);
          }
          const next = applyToGame(lvl, s, resolveChoice(lvl, s, choice));
          watch.refusals.length = 0;
          if (next.ok) s = next.value;
        }
      }),
      { numRuns: 120 },
    );
  });

  it('(self-check) the watch sees a refusal: a party asked to move out of turn falls back to a pass', () => {
    watch.refusals.length = 0;
    const lvl = level('buffer-zone-talks');
    const s = applyToGame(lvl, newGame(lvl, { seed: 'x' }), { type: 'game.start', by: 'ukraine' });
    if (!s.ok) throw new Error(JSON.stringify(s.refusal));
    expect(decideFor(lvl, s.value, 'russia', 'normal')).toMatchObject({ type: 'party.pass', by: 'russia' });
    expect(watch.refusals).toEqual([expect.stringMatching(/It is Ukraine's turn, not Russia's/)]);
  });

  it('start the talks from the briefing', () => {
    const lvl = level('buffer-zone-talks');
    expect(decideFor(lvl, newGame(lvl, { seed: 'x' }), 'ukraine', 'normal')).toEqual({ type: 'game.start', by: 'ukraine' });
  });
});
