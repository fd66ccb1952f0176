import {
  RecordWriter,
  applyToGame,
  currentParty,
  legalMoves,
  newGame,
  parseIntent,
  viewFor,
  type Difficulty,
  type GameRecord,
  type GameState,
  type GameView,
  type Intent,
  type LegalMove,
  type Level,
  type Outcome,
  type PartyId,
  type Refusal,
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

/**
 * Something other than the built-in computer that plays a seat: a scripted strategy, an agent program.
 * It sees what the seat may see (its view and its legal moves) and answers with an intent; the rules
 * check whatever it answers.
 */
export interface Player {
  /** The seat's intent for this turn (any value: it is checked), or null to pass. */
  turn(view: GameView, legal: LegalMove[]): unknown;
  /** The last try was refused: another intent, or null to pass. Asked at most MAX_TRIES − 1 times a turn. */
  refused?(refusal: Refusal): unknown;
  /** The talks are over (the seat's final view and every party's score). */
  end?(view: GameView, outcome: Outcome): void;
}

/** Tries a player gets for one turn before its seat passes. */
export const MAX_TRIES = 3;

/** A hard stop far above any real game, so a rules bug can never hang a batch. */
const MAX_STEPS = 2_000;

export function playComputerGame(
  level: Level,
  seed: string,
  seats: Seats,
  options: { record?: boolean; from?: GameState } = {},
): PlayedGame {
  return playGame(level, seed, seats, {}, options);
}

/** What a seat does when its player has nothing (valid) to say: hold its position, or open the talks. */
export function holdingMove(legal: readonly LegalMove[], seat: PartyId): Intent {
  if (legal.some((m) => m.type === 'game.start')) return { type: 'game.start', by: seat };
  return { type: 'party.pass', by: seat };
}

/**
 * Plays a whole game: seats with a player are played by it, the others by the computer at their
 * difficulty. A player's answer that the rules refuse is returned to it (up to MAX_TRIES tries); after
 * that, or when it answers null, its seat holds its position. Deterministic when the players are.
 */
export function playGame(
  level: Level,
  seed: string,
  seats: Seats,
  players: Partial<Record<PartyId, Player>>,
  options: { record?: boolean; from?: GameState } = {},
): PlayedGame {
  let state = options.from ?? newGame(level, { seed });
  const writer = options.record ? new RecordWriter(level, seed, seats) : null;
  for (let i = 0; i < MAX_STEPS && state.phase !== 'over'; i++) {
    const party = state.phase === 'briefing' ? level.turnOrder[0] : currentParty(level, state.context);
    const player = players[party];
    if (player) {
      const view = viewFor(level, state, party);
      const legal = legalMoves(level, view).moves;
      state = playerTurn(level, state, party, player, view, legal, writer);
      continue;
    }
    const intent = decideFor(level, state, party, seats[party].difficulty ?? 'normal');
    const next = applyToGame(level, state, intent);
    if (!next.ok) throw new Error(`computer ${party} chose an illegal move (${intent.type}): ${JSON.stringify(next.refusal)}`);
    state = next.value;
    writer?.add(intent, state);
  }
  if (state.phase !== 'over') throw new Error(`game did not end within ${MAX_STEPS} steps`);
  for (const p of Object.keys(players) as PartyId[]) players[p]!.end?.(viewFor(level, state, p), state.context.outcome!);
  return { state, record: writer?.finish() ?? null };
}

function playerTurn(
  level: Level,
  state: GameState,
  party: PartyId,
  player: Player,
  view: GameView,
  legal: LegalMove[],
  writer: RecordWriter | null,
): GameState {
  let answer = player.turn(view, legal);
  for (let tries = 1; answer !== null && answer !== undefined; tries++) {
    const tried = attempt(level, state, party, answer);
    if (tried.ok) {
      writer?.add(tried.intent, tried.state);
      return tried.state;
    }
    if (tries >= MAX_TRIES || !player.refused) break;
    answer = player.refused(tried.refusal);
  }
  const hold = holdingMove(legal, party);
  const next = applyToGame(level, state, hold);
  if (!next.ok) throw new Error(`${party} cannot hold its position (${hold.type}): ${JSON.stringify(next.refusal)}`);
  writer?.add(hold, next.value);
  return next.value;
}

type Attempt = { ok: true; intent: Intent; state: GameState } | { ok: false; refusal: Refusal };

/** One try of a player's answer: the seat's own intent (`by` filled in when left out), checked by the rules. */
function attempt(level: Level, state: GameState, party: PartyId, answer: unknown): Attempt {
  const withBy = answer !== null && typeof answer === 'object' && !('by' in answer) ? { ...answer, by: party } : answer;
  const parsed = parseIntent(withBy);
  if (!parsed.ok) return parsed;
  if (parsed.value.by !== party)
    return { ok: false, refusal: { code: 'malformed', path: 'by', detail: `intent.by: this seat is ${party}, not ${parsed.value.by}` } };
  const next = applyToGame(level, state, parsed.value);
  return next.ok ? { ok: true, intent: parsed.value, state: next.value } : { ok: false, refusal: next.refusal };
}
