import { MAIN_LEVEL_ID, builtinLevels, findBuiltinLevel } from '../../src/content/levels';
import {
  CASUALTY_CEILING,
  PAIR_KEYS,
  PARTY_IDS,
  applyToGame,
  newGame,
  stateHash,
  type GameContext,
  type GameState,
  type Intent,
  type Level,
  type Package,
  type PartyId,
} from '../../src/core';

/** Shared fixtures for the engine tests: levels, a deal everyone can sign, and short ways to reach a position. */

export function mainLevel(): Level {
  return findBuiltinLevel(MAIN_LEVEL_ID)!;
}

export function level(id: string): Level {
  const found = findBuiltinLevel(id);
  if (!found) throw new Error(`no built-in level ${id}`);
  return found;
}

export const LEVEL_IDS = builtinLevels().map((l) => l.level.id);

/** Level or record data as parsed JSON, edited freely by tests to make broken or custom files. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Data = Record<string, any>;

/** A deep copy of a level as plain data, to edit into a custom level. */
export function levelData(id: string): Data {
  return JSON.parse(JSON.stringify(level(id)));
}

/**
 * A package in the main level that crosses no party's red line, fits the Coalition's opening capacity
 * (30,000) and Washington's opening engagement (60: up to a no-fly zone).
 */
export const DEAL: Package = {
  ceasefire: 'full',
  bufferDepthKm: '20',
  bufferSide: 'ukrainian',
  peacekeepers: '15000',
  mandate: 'train-and-defend',
  usSupport: 'air-defence',
  guarantee: 'article5-like',
  territory: 'deferred',
  alignment: 'neutrality',
  arms: 'sustain',
};

export const deal = (changes: Partial<Package> = {}): Package => ({ ...DEAL, ...changes });

/** Applies an intent that must be legal; a refusal fails the test with the rules' reason. */
export function must(lvl: Level, state: GameState, intent: Intent): GameState {
  const next = applyToGame(lvl, state, intent);
  if (!next.ok) throw new Error(`refused ${JSON.stringify(intent)}: ${JSON.stringify(next.refusal)}`);
  return next.value;
}

export function play(lvl: Level, state: GameState, intents: readonly Intent[]): GameState {
  return intents.reduce((s, i) => must(lvl, s, i), state);
}

/** A game past its briefing: round 1, Ukraine (first in the main level's order) to move. */
export function started(lvl: Level = mainLevel(), seed = 'unit', facilitated = false): GameState {
  const s = newGame(lvl, { seed, facilitated });
  return must(lvl, s, { type: 'game.start', by: facilitated ? 'facilitator' : lvl.turnOrder[0] });
}

export const pass = (by: PartyId): Intent => ({ type: 'party.pass', by });
export const propose = (by: PartyId, pkg: Package = DEAL): Intent => ({ type: 'party.propose', by, package: pkg });
export const counter = (by: PartyId, pkg: Package): Intent => ({ type: 'party.counter', by, package: pkg });
export const accept = (by: PartyId): Intent => ({ type: 'party.accept', by });
export const reject = (by: PartyId): Intent => ({ type: 'party.reject', by });

/** Every party passes, in turn order, for the rest of the round (unfacilitated games move on to the next round). */
export function passRound(lvl: Level, state: GameState): GameState {
  let s = state;
  while (s.phase === 'turns' && s.context.turn < lvl.turnOrder.length) {
    const round = s.context.round;
    s = must(lvl, s, pass(lvl.turnOrder[s.context.turn]));
    if (s.context.round !== round) break;
  }
  return s;
}

/** A position edited by hand, as a persisted snapshot would restore it. */
export function at(state: GameState, patch: Partial<GameContext>, phase = state.phase): GameState {
  return { phase, context: { ...state.context, ...patch } };
}

/** Problems with the meters (empty when every gauge is inside its range). */
export function meterProblems(lvl: Level, state: GameState): string[] {
  const m = state.context.meters;
  const out: string[] = [];
  const pct = (name: string, v: number) => {
    if (!Number.isInteger(v) || v < 0 || v > 100) out.push(`${name} = ${v}`);
  };
  pct('tension', m.tension);
  pct('usEngagement', m.usEngagement);
  for (const k of PAIR_KEYS) pct(`trust.${k}`, m.trust[k]);
  for (const p of PARTY_IDS) pct(`domesticSupport.${p}`, m.domesticSupport[p]);
  if (!Number.isInteger(m.coalitionCapacity) || m.coalitionCapacity < 0 || m.coalitionCapacity > lvl.coalition.maxTroops)
    out.push(`coalitionCapacity = ${m.coalitionCapacity}`);
  if (!Number.isInteger(m.casualties) || m.casualties < 0 || m.casualties > CASUALTY_CEILING) out.push(`casualties = ${m.casualties}`);
  if (!Number.isInteger(m.roundsLeft) || m.roundsLeft < 0 || m.roundsLeft > lvl.rounds) out.push(`roundsLeft = ${m.roundsLeft}`);
  for (const p of PARTY_IDS) {
    const w = state.context.walkAway[p];
    if (!(w >= 0 && w <= 100)) out.push(`walkAway.${p} = ${w}`);
  }
  return out;
}

export const hashOf = stateHash;

/** Every party passes until it is `party`'s turn (crossing into the next round if needed). */
export function passTo(lvl: Level, state: GameState, party: PartyId): GameState {
  let s = state;
  for (let i = 0; i < lvl.turnOrder.length * 2 && !(s.phase === 'turns' && lvl.turnOrder[s.context.turn] === party); i++) {
    s = must(lvl, s, pass(lvl.turnOrder[s.context.turn]));
  }
  return s;
}
