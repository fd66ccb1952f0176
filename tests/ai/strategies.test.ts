import { describe, expect, it } from 'vitest';
import { STRATEGIES, playGame, seatsAll, type Player } from '../../src/ai';
import { findBuiltinLevel } from '../../src/content/levels';
import { PARTY_IDS, type PartyId } from '../../src/core';

/** The scripted strategies of `tournament` make only legal moves, from their seat's view alone. */

describe('scripted strategies', () => {
  const level = findBuiltinLevel('buffer-zone-talks')!;
  for (const s of STRATEGIES)
    it(`${s.id}: every move it makes in every seat is legal`, () => {
      for (const seat of PARTY_IDS) {
        const player = s.create(level);
        let refusals = 0;
        const watched: Player = {
          turn: (view, legal) => {
            expect(view.viewer).toBe(seat);
            return player.turn(view, legal);
          },
          refused: () => {
            refusals++;
            return null;
          },
        };
        const game = playGame(level, 'strategies', seatsAll('hard'), { [seat as PartyId]: watched });
        expect(game.state.phase).toBe('over');
        expect(refusals).toBe(0);
        if (s.id === 'walk-out') expect(game.state.context.outcome!.cause).toEqual({ code: 'walked-out', by: seat });
      }
    });

  it('escalate: Russia escalates on every one of its turns', () => {
    const s = STRATEGIES.find((x) => x.id === 'escalate')!;
    const game = playGame(level, 'esc', seatsAll('hard'), { russia: s.create(level) });
    const russian = game.state.context.log.filter((e) => e.by === 'russia' && e.kind !== 'start');
    expect(russian.length).toBeGreaterThan(3);
    expect(russian.every((e) => e.kind === 'escalate')).toBe(true);
  });
});
