import { describe, expect, it } from 'vitest';
import { playComputerGame, seatsAll } from '../../src/ai';
import { PARTY_IDS, type Difficulty, type PartyId } from '../../src/core';
import { mainLevel } from '../helpers/game';

/**
 * Difficulty is skill: for each party, the hard computer scores higher on average than the easy one
 * against the same normal opponents on the same seeds.
 */

const SEEDS = 300;

function meanScore(party: PartyId, difficulty: Difficulty): number {
  const lvl = mainLevel();
  let sum = 0;
  for (let seed = 1; seed <= SEEDS; seed++) {
    sum += playComputerGame(lvl, String(seed), seatsAll('normal', { [party]: difficulty })).state.context.outcome!.scores[party];
  }
  return sum / SEEDS;
}

describe(`hard beats easy against normal opponents (main level, seeds 1–${SEEDS})`, () => {
  it.each(PARTY_IDS)('%s', (party) => {
    const easy = meanScore(party, 'easy');
    const hard = meanScore(party, 'hard');
    expect(hard, `easy ${easy.toFixed(2)}, hard ${hard.toFixed(2)}`).toBeGreaterThan(easy);
  });
});
