import { resolveRound } from './events';
import type { Level } from './level';
import { makeOutcome } from './outcome';
import type { GameContext } from './state';

/** The end of a round: its event, then the next round, or the deadline after the last one. */
export function endOfRound(level: Level, ctx: GameContext): GameContext {
  const next = resolveRound(level, ctx);
  if (next.round > level.rounds && !next.outcome) {
    const last = { ...next, round: level.rounds };
    return { ...last, outcome: makeOutcome(level, last, 'deadline', { code: 'deadline', rounds: level.rounds }) };
  }
  return next;
}
