import { createActor, type Actor, type SnapshotFrom } from 'xstate';
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
import type { GameContext, GameState, LogEntry, Phase } from './state';

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
      ? {
          terms: withFixedTerms(level, level.openingPackage),
          proposedBy: level.turnOrder[level.turnOrder.length - 1],
          round: 0,
          acceptedBy: [],
          rejectedBy: [],
        }
      : null,
    positions: {},
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

/** Snapshots of recent states, so the next step needs no rebuild (resolving a snapshot costs more than a move). */
const snapshots = new WeakMap<GameContext, Snapshot>();

function toState(snapshot: Snapshot): GameState {
  snapshots.set(snapshot.context, snapshot);
  return { phase: phaseOf(snapshot), context: snapshot.context };
}

function toSnapshot(level: Level, state: GameState): Snapshot {
  const cached = snapshots.get(state.context);
  if (cached && phaseOf(cached) === state.phase && cached.machine === gameMachine(level)) return cached;
  const m = gameMachine(level);
  const value = state.phase === 'turns' || state.phase === 'events' ? { negotiating: state.phase } : state.phase;
  return m.resolveState({ value, context: state.context });
}

export function newGame(level: Level, options: GameOptions): GameState {
  // The game's actor is started here and kept for the first move, so a new game costs one actor, not two.
  const live = startActor(level, { context: initialContext(level, options) });
  const state = toState(live.ref.getSnapshot());
  liveActors.set(state.context, live);
  return state;
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
  const actor = actorFor(level, state);
  actor.ref.send(parsed.value);
  const next = actor.ref.getSnapshot();
  if (actor.failure !== null || next.status === 'error') {
    return err(`The rules failed on this move (${String(actor.failure ?? next.error)}); the game is unchanged.`);
  }
  if (next.context === state.context) {
    liveActors.set(state.context, actor);
    return err('That move is not possible at this point of the talks.');
  }
  if (next.status === 'active') liveActors.set(next.context, actor);
  return ok(toState(next));
}

/**
 * A running actor per latest state. `transition()` rebuilds an actor scope on every call, which costs
 * several times the move itself; keeping the actor of the newest state makes sequential play fast,
 * while applying an intent to any older state (a branch) starts a fresh actor from that snapshot.
 * Either way the result is the same value, so callers see a pure function.
 */
interface LiveActor {
  ref: Actor<GameMachine>;
  failure: unknown;
}
const liveActors = new WeakMap<GameContext, LiveActor>();

function actorFor(level: Level, state: GameState): LiveActor {
  const live = liveActors.get(state.context);
  if (live && live.ref.logic === gameMachine(level)) {
    liveActors.delete(state.context);
    return live;
  }
  return startActor(level, { context: state.context }, toSnapshot(level, state));
}

function startActor(level: Level, input: { context: GameContext }, snapshot?: Snapshot): LiveActor {
  const created: LiveActor = { ref: createActor(gameMachine(level), snapshot ? { snapshot, input } : { input }), failure: null };
  created.ref.subscribe({ error: (e) => (created.failure = e) });
  created.ref.start();
  return created;
}

/**
 * SHA-256 of the canonical JSON of the phase and context: the same in Node and in the browser.
 * The log, which grows every step, enters as a chained digest (each entry hashed onto the digest of
 * the entries before it), so hashing every step of a record costs the same late in a game as early.
 */
export function stateHash(state: GameState): string {
  const { log, ...rest } = state.context;
  return sha256Hex(canonicalJson({ phase: state.phase, context: rest, logDigest: logDigest(log) }));
}

/** Log entries are immutable and shared between successive states, so each entry's chained digest is kept. */
const entryDigests = new WeakMap<LogEntry, string>();
const EMPTY_LOG_DIGEST = sha256Hex('buffer-zone-log');

export function logDigest(log: readonly LogEntry[]): string {
  let start = log.length;
  let digest = EMPTY_LOG_DIGEST;
  while (start > 0) {
    const known = entryDigests.get(log[start - 1]);
    if (known) {
      digest = known;
      break;
    }
    start--;
  }
  for (let i = start; i < log.length; i++) {
    digest = sha256Hex(digest + canonicalJson(log[i]));
    entryDigests.set(log[i], digest);
  }
  return digest;
}

export function isOver(state: GameState): boolean {
  return state.phase === 'over';
}
