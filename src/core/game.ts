import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import { canonicalJson, sha256Hex } from './hash';
import { parseIntent, type Intent } from './intents';
import type { Level } from './level';
import { withFixedTerms } from './level';
import { clampMeters } from './meters';
import { PARTY_IDS, type PartyId } from './parties';
import { err, ok, type Result } from './result';
import { seedState } from './rng';
import { checkIntent } from './rules';
import { gameMachine, type GameMachine } from './machine';
import type { GameContext, GameState, Phase } from './state';

/**
 * The public face of the rules: start a game, apply one intent, hash a state. A game is a value
 * (`GameState`); applying an intent returns a new value or a reason, and never changes the old one.
 */

export interface GameOptions {
  seed: string;
  /** A facilitator (a teacher) releases each round's event and may pause, override and inject. */
  facilitated?: boolean;
}

export function initialContext(level: Level, options: GameOptions): GameContext {
  const walkAway = {} as Record<PartyId, number>;
  for (const p of PARTY_IDS) walkAway[p] = level.parties[p].walkAway;
  return {
    levelId: level.id,
    seed: options.seed,
    facilitated: options.facilitated ?? false,
    round: 1,
    turn: 0,
    rng: seedState(options.seed),
    meters: clampMeters({ ...level.meters, casualties: 0, roundsLeft: level.rounds }, level.coalition.maxTroops),
    walkAway,
    table: level.openingPackage
      ? { terms: withFixedTerms(level, level.openingPackage), proposedBy: level.turnOrder[level.turnOrder.length - 1], round: 0, acceptedBy: [], rejectedBy: [] }
      : null,
    commitments: { usSupport: 'none', peacekeepers: 0, guaranteesDemanded: false },
    eventsSeen: [],
    lastEvent: null,
    eventOverride: null,
    pausedIn: null,
    outcome: null,
    log: [],
    step: 0,
  };
}

type Snapshot = SnapshotFrom<GameMachine>;

function phaseOf(snapshot: Snapshot): Phase {
  const v = snapshot.value;
  if (typeof v === 'string') return v as Phase;
  return (v as { negotiating: 'turns' | 'events' }).negotiating;
}

function toState(snapshot: Snapshot): GameState {
  return { phase: phaseOf(snapshot), context: snapshot.context };
}

function toSnapshot(level: Level, state: GameState): Snapshot {
  const m = gameMachine(level);
  const value = state.phase === 'turns' || state.phase === 'events' ? { negotiating: state.phase } : state.phase;
  return m.resolveState({ value, context: state.context });
}

export function newGame(level: Level, options: GameOptions): GameState {
  const [snapshot] = initialTransition(gameMachine(level), { context: initialContext(level, options) });
  return toState(snapshot);
}

/** Why `intent` (already parsed) cannot be applied now, or null if it can. */
export function whyIllegal(level: Level, state: GameState, intent: Intent): string | null {
  if (intent.type !== 'game.start' && intent.by !== 'facilitator' && state.phase === 'briefing') return 'The talks have not started yet.';
  return checkIntent(level, state.context, state.phase, intent);
}

/** Applies one intent. Anything malformed or illegal is refused with a reason and changes nothing. */
export function applyToGame(level: Level, state: GameState, input: unknown): Result<GameState> {
  const parsed = parseIntent(input);
  if (!parsed.ok) return parsed;
  const reason = whyIllegal(level, state, parsed.value);
  if (reason) return err(reason);
  const [next] = transition(gameMachine(level), toSnapshot(level, state), parsed.value);
  if (next.context === state.context) return err('That move is not possible at this point of the talks.');
  return ok(toState(next));
}

/** SHA-256 of the canonical JSON of the phase and context: the same in Node and in the browser. */
export function stateHash(state: GameState): string {
  return sha256Hex(canonicalJson({ phase: state.phase, context: state.context }));
}

export function isOver(state: GameState): boolean {
  return state.phase === 'over';
}
