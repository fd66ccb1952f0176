import { applyToGame, newGame, stateHash } from './game';
import type { Intent } from './moves';
import type { Level } from './level';
import type { Refusal } from './refusal';
import type { GameState } from './state';

/**
 * The one replay: re-runs intents from a seed, optionally checking each step's recorded hash, and
 * reports the first step that diverges. Records, share links, saved games, branches, the debrief, the
 * classroom journal and the command line all replay through it.
 */
export interface ReplayStep {
  intent: unknown;
  /** The state hash recorded after this step; checked when given and `checkHashes` is on. */
  hash?: string;
}

export interface ReplayOptions {
  /** Replay only the first N steps. */
  toStep?: number;
  /** Hash every state and compare it with the step's recorded hash, when it has one (default true). */
  checkHashes?: boolean;
  /** The hash the whole game must end at (checked when every step was replayed). */
  finalHash?: string;
  /** Keep every state along the way (`states[i]` after i steps, `states[0]` the start). */
  keepStates?: boolean;
  /** Start from this state instead of a new game (the steps then continue it). */
  from?: GameState;
}

export type Divergence =
  | { step: number; code: 'refused'; refusal: Refusal }
  | { step: number; code: 'hash'; actual: string; expected: string }
  | { step: number; code: 'final-hash'; actual: string; expected: string };

export interface Replayed {
  ok: boolean;
  /** The last state that replayed correctly. */
  state: GameState;
  states: GameState[] | null;
  /** Steps that replayed and matched. */
  steps: number;
  /** Each replayed step's hash (the recorded ones when they were checked). */
  hashes: string[];
  divergence: Divergence | null;
}

export function replay(
  level: Level,
  game: { seed: string; facilitated: boolean },
  steps: readonly ReplayStep[],
  options: ReplayOptions = {},
): Replayed {
  let state = options.from ?? newGame(level, { seed: game.seed, facilitated: game.facilitated });
  const states = options.keepStates ? [state] : null;
  const hashes: string[] = [];
  const limit = Math.min(options.toStep ?? steps.length, steps.length);
  const hashing = options.checkHashes !== false;
  const done = (divergence: Divergence | null, count: number): Replayed => ({
    ok: divergence === null,
    state,
    states,
    steps: count,
    hashes,
    divergence,
  });
  for (let i = 0; i < limit; i++) {
    const step = steps[i];
    const next = applyToGame(level, state, step.intent as Intent);
    if (!next.ok) return done({ step: i + 1, code: 'refused', refusal: next.refusal }, i);
    if (hashing) {
      const h = stateHash(next.value);
      if (step.hash !== undefined && h !== step.hash) return done({ step: i + 1, code: 'hash', actual: h, expected: step.hash }, i);
      hashes.push(h);
    } else hashes.push(step.hash ?? '');
    state = next.value;
    states?.push(state);
  }
  if (hashing && options.finalHash !== undefined && limit === steps.length) {
    const h = limit > 0 ? hashes[limit - 1] : stateHash(state);
    if (h !== options.finalHash) return done({ step: limit, code: 'final-hash', actual: h, expected: options.finalHash }, limit);
  }
  return done(null, limit);
}
