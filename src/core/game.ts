import { createActor, type AnyActorScope, type SnapshotFrom } from 'xstate';
import { canonicalJson, sha256Hex } from './hash';
import { contextFacts, type RuleFacts } from './facts';
import type { Level } from './level';
import { withFixedTerms } from './level';
import { clampMeters } from './meters';
import { moveOf, parseIntent, type Intent, type IntentType } from './moves';
import { PARTY_IDS, type PartyId } from './parties';
import type { Refusal } from './refusal';
import { seedState } from './rng';
import { gameMachine, type GameMachine } from './machine';
import type { GameContext, GameState, LogEntry, Phase } from './state';

/**
 * The public face of the rules: start a game, apply one intent, hash a state. A game is a value
 * (`GameState`); applying an intent returns a new value or a refusal, and never changes the old one.
 */

export interface GameOptions {
  seed: string;
  /** A facilitator (a teacher) releases each round's event and may pause, override and inject. */
  facilitated?: boolean;
}

export type Applied = { ok: true; value: GameState } | { ok: false; refusal: Refusal };

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

const HISTORY_ID = 'talks.negotiating.history';

/** Where the chart's history state will resume the talks, while they are paused. */
function resumesOf(snapshot: Snapshot): 'turns' | 'events' | undefined {
  const remembered = (snapshot.historyValue as Record<string, { key: string }[] | undefined>)[HISTORY_ID];
  const key = remembered?.[0]?.key;
  return key === 'turns' || key === 'events' ? key : undefined;
}

/**
 * The snapshot each state came from, so the next step needs no rebuild. It rides on the state object
 * under a symbol that is neither enumerable nor copied by a spread, so JSON, hashing, cloning and
 * equality never see it; a state made elsewhere (loaded, sent, spread) has none and is resolved.
 * (A WeakMap keyed by context did the same, but every step's entry cost a garbage-collection survivor.)
 */
const SNAPSHOT = Symbol('snapshot');
type WithSnapshot = GameState & { [SNAPSHOT]?: Snapshot };

function toState(snapshot: Snapshot): GameState {
  const phase = phaseOf(snapshot);
  const resumes = phase === 'paused' ? resumesOf(snapshot) : undefined;
  const state: GameState = resumes ? { phase, context: snapshot.context, resumes } : { phase, context: snapshot.context };
  Object.defineProperty(state, SNAPSHOT, { value: snapshot });
  return state;
}

function snapshotOf(level: Level, state: GameState): Snapshot {
  const m = gameMachine(level);
  const cached = (state as WithSnapshot)[SNAPSHOT];
  if (
    cached &&
    cached.machine === m &&
    cached.context === state.context &&
    phaseOf(cached) === state.phase &&
    resumesOf(cached) === state.resumes
  )
    return cached;
  const value = state.phase === 'turns' || state.phase === 'events' ? { negotiating: state.phase } : state.phase;
  const historyValue = state.resumes ? { [HISTORY_ID]: [m.getStateNodeById(`talks.negotiating.${state.resumes}`)] } : undefined;
  return m.resolveState({ value, context: state.context, historyValue: historyValue as never });
}

/**
 * The actor scope a transition runs in. The machine has no timers, children or side effects (every
 * action is an `assign` of a pure function), so one inert scope per level serves every step; XState's
 * own `transition()` would build an actor for each step, which costs more than the move itself.
 */
const scopes = new WeakMap<Level, AnyActorScope>();

function scopeOf(level: Level): AnyActorScope {
  let scope = scopes.get(level);
  if (!scope) {
    const self = createActor(gameMachine(level), { input: { context: initialContext(level, { seed: 'scope' }) } });
    const none = () => undefined;
    scope = {
      self,
      system: self.system,
      id: '',
      sessionId: '',
      logger: none,
      defer: none,
      emit: none,
      stopChild: none,
      actionExecutor: none,
    } as unknown as AnyActorScope;
    scopes.set(level, scope);
  }
  return scope;
}

export function newGame(level: Level, options: GameOptions): GameState {
  // The chart's initial state has no entry actions, so resolving it is the whole initial transition.
  return toState(gameMachine(level).resolveState({ value: 'briefing', context: initialContext(level, options) }));
}

/** Applies one intent. Anything malformed or illegal is refused with the reason, as data, and changes nothing. */
export function applyToGame(level: Level, state: GameState, input: unknown): Applied {
  const parsed = parseIntent(input);
  if (!parsed.ok) return parsed;
  const intent = parsed.value;
  const before = snapshotOf(level, state);
  let after: Snapshot;
  try {
    after = gameMachine(level).transition(before, intent, scopeOf(level));
  } catch (e) {
    return { ok: false, refusal: { code: 'rules-failed', detail: String((e as Error)?.message ?? e) } };
  }
  if (after.status === 'error') return { ok: false, refusal: { code: 'rules-failed', detail: String(after.error) } };
  if (after.context === before.context) return { ok: false, refusal: explainRefusal(level, state, intent) };
  return { ok: true, value: toState(after) };
}

/** Event types each phase of the chart has a transition for, read from the machine itself. */
const accepted = new WeakMap<Level, Record<Phase, ReadonlySet<string>>>();

export function chartAccepts(level: Level, phase: Phase, type: IntentType): boolean {
  let sets = accepted.get(level);
  if (!sets) {
    const m = gameMachine(level);
    const of = (id: string) => new Set(m.getStateNodeById(id).ownEvents as string[]);
    sets = {
      briefing: of('talks.briefing'),
      turns: of('talks.negotiating.turns'),
      events: of('talks.negotiating.events'),
      paused: of('talks.paused'),
      over: new Set(),
    };
    accepted.set(level, sets);
  }
  return sets[phase].has(type);
}

/**
 * Why the chart refused `intent`: the phase has no transition for it, or one of the move's named
 * checks (the chart's guards) says no. The same predicates as the chart, asked again for the reason.
 */
export function explainWith(level: Level, f: RuleFacts, phase: Phase, intent: Intent): Refusal | null {
  if (phase === 'over') return { code: 'talks-over' };
  const move = moveOf(intent.type);
  if (move.sender === 'facilitator' && !f.facilitated) return { code: 'no-facilitator' };
  if (!chartAccepts(level, phase, intent.type)) return move.notNow?.(phase) ?? phaseRefusal(phase, move.type);
  for (const c of move.checks) {
    const r = c.refuse(f, intent);
    if (r) return r;
  }
  return null;
}

function phaseRefusal(phase: Phase, move: string): Refusal {
  if (phase === 'briefing') return { code: 'not-started' };
  if (phase === 'paused') return { code: 'paused' };
  if (phase === 'events') return { code: 'awaiting-event' };
  return { code: 'not-now', phase, move };
}

function explainRefusal(level: Level, state: GameState, intent: Intent): Refusal {
  return (
    explainWith(level, contextFacts(level, state.context), state.phase, intent) ?? {
      code: 'not-now',
      phase: state.phase,
      move: intent.type,
    }
  );
}

/** Why `intent` (already parsed) would be refused now, or null if the rules accept it. */
export function whyIllegal(level: Level, state: GameState, intent: Intent): Refusal | null {
  const r = applyToGame(level, state, intent);
  return r.ok ? null : r.refusal;
}

/**
 * SHA-256 of the canonical JSON of the phase and context: the same in Node and in the browser.
 * The log, which grows every step, enters as a chained digest (each entry hashed onto the digest of
 * the entries before it), so hashing every step of a record costs the same late in a game as early.
 */
export function stateHash(state: GameState): string {
  const { log, ...rest } = state.context;
  return sha256Hex(canonicalJson({ phase: state.phase, resumes: state.resumes, context: rest, logDigest: logDigest(log) }));
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
