import {
  RecordWriter,
  applyToGame,
  currentParty,
  newGame,
  type Difficulty,
  type GameRecord,
  type GameState,
  type Level,
  type PartyId,
  type Seats,
} from '../core';
import { decideFor } from './decide';

/** Plays a whole game with the computer in every seat. Deterministic: same level, seed and seats → same game. */
export interface PlayedGame {
  state: GameState;
  record: GameRecord | null;
}

export function seatsAll(difficulty: Difficulty, overrides: Partial<Record<PartyId, Difficulty>> = {}): Seats {
  const seat = (p: PartyId) => ({ kind: 'computer' as const, difficulty: overrides[p] ?? difficulty });
  return { ukraine: seat('ukraine'), russia: seat('russia'), us: seat('us'), coalition: seat('coalition') };
}

/** A hard stop far above any real game, so a rules bug can never hang a batch. */
const MAX_STEPS = 2_000;

export function playComputerGame(
  level: Level,
  seed: string,
  seats: Seats,
  options: { record?: boolean; from?: GameState } = {},
): PlayedGame {
  let state = options.from ?? newGame(level, { seed });
  const writer = options.record ? new RecordWriter(level, seed, seats) : null;
  for (let i = 0; i < MAX_STEPS && state.phase !== 'over'; i++) {
    const party = state.phase === 'briefing' ? level.turnOrder[0] : currentParty(level, state.context);
    const intent = decideFor(level, state, party, seats[party].difficulty ?? 'normal');
    const next = applyToGame(level, state, intent);
    if (!next.ok) throw new Error(`computer ${party} chose an illegal move (${intent.type}): ${JSON.stringify(next.refusal)}`);
    state = next.value;
    writer?.add(intent, state);
  }
  if (state.phase !== 'over') throw new Error(`game did not end within ${MAX_STEPS} steps`);
  return { state, record: writer?.finish() ?? null };
}
