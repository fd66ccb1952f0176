import { applyToGame, newGame, type GameRecord, type Level } from '../core';

/** Tension and casualties at the start and at the end of each round, rebuilt from the record. */
export interface RoundPoint {
  round: number;
  tension: number;
  casualties: number;
}

export function roundHistory(level: Level, record: GameRecord): RoundPoint[] {
  let state = newGame(level, { seed: record.seed, facilitated: record.facilitated });
  const points: RoundPoint[] = [{ round: 0, tension: state.context.meters.tension, casualties: 0 }];
  let round = state.context.round;
  for (const step of record.steps) {
    const next = applyToGame(level, state, step.intent);
    if (!next.ok) break;
    state = next.value;
    if (state.context.round !== round) {
      points.push({ round, tension: state.context.meters.tension, casualties: state.context.meters.casualties });
      round = state.context.round;
    }
  }
  const m = state.context.meters;
  const last = points[points.length - 1];
  if (last.tension !== m.tension || last.casualties !== m.casualties || last.round !== round)
    points.push({ round: state.context.outcome?.round ?? round, tension: m.tension, casualties: m.casualties });
  return points;
}
