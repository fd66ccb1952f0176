import { replay, type GameRecord, type Level } from '../core';

/** Tension and casualties at the start and at the end of each round, rebuilt from the record. */
export interface RoundPoint {
  round: number;
  tension: number;
  casualties: number;
}

export function roundHistory(level: Level, record: GameRecord): RoundPoint[] {
  // The record was made here: replay it without checking hashes, up to any step that does not apply.
  const states = replay(level, record, record.steps, { keepStates: true, checkHashes: false }).states!;
  let state = states[0];
  const points: RoundPoint[] = [{ round: 0, tension: state.context.meters.tension, casualties: 0 }];
  let round = state.context.round;
  for (const next of states.slice(1)) {
    state = next;
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
