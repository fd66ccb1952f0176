import type { Level, PartyBrief } from './level';
import { PARTY_IDS, PARTY_NAMES, type PartyId } from './parties';
import { currentParty, usSupportCeiling } from './facts';
import type { Actor, Commitments, EventRecord, GameState, LogEntry, Outcome, Phase, TablePackage } from './state';
import type { Meters } from './meters';
import type { Package } from './terms';
import { round1, utility } from './utility';

/**
 * What one seat may see. Private interests, walk-away values and red lines leave this function only
 * for their own party, and for everyone once the talks are over (the debrief reveals them).
 */
export interface PublicParty {
  id: PartyId;
  name: string;
  publicPosition: string;
  publicDemands: Partial<Package>;
}

export interface PrivateBrief extends PartyBrief {
  party: PartyId;
  /** The walk-away value now, after events have moved it. */
  currentWalkAway: number;
}

export interface GameView {
  viewer: Actor | 'public';
  levelId: string;
  levelTitle: string;
  seed: string;
  phase: Phase;
  /** Intents applied so far (a clock every seat shares). */
  step: number;
  round: number;
  rounds: number;
  turn: PartyId | null;
  meters: Meters;
  usSupportCeiling: number;
  table: TablePackage | null;
  positions: Partial<Record<PartyId, Package>>;
  /** The viewer's own utility for the package on the table (parties only). */
  tableUtility: number | null;
  commitments: Commitments;
  lastEvent: EventRecord | null;
  log: LogEntry[];
  outcome: Outcome | null;
  parties: PublicParty[];
  brief: PrivateBrief | null;
  /** Every party's brief: only after the talks are over. */
  revealed: PrivateBrief[] | null;
  facilitated: boolean;
}

const publicPartiesCache = new WeakMap<Level, PublicParty[]>();

/** Public positions never change during a game: built once per level and shared by every view. */
function publicParties(level: Level): PublicParty[] {
  let parties = publicPartiesCache.get(level);
  if (!parties) {
    parties = PARTY_IDS.map((p) => ({
      id: p,
      name: PARTY_NAMES[p],
      publicPosition: level.parties[p].publicPosition,
      publicDemands: level.parties[p].publicDemands,
    }));
    publicPartiesCache.set(level, parties);
  }
  return parties;
}

const briefCache = new WeakMap<Level, Map<string, PrivateBrief>>();

/** A brief changes only when events move its walk-away value, so views share one object per value. */
function privateBrief(level: Level, state: GameState, p: PartyId): PrivateBrief {
  const currentWalkAway = round1(state.context.walkAway[p]);
  let byKey = briefCache.get(level);
  if (!byKey) briefCache.set(level, (byKey = new Map()));
  const key = `${p}:${currentWalkAway}`;
  let brief = byKey.get(key);
  if (!brief) byKey.set(key, (brief = { ...level.parties[p], party: p, currentWalkAway }));
  return brief;
}

/** The log as a party sees it during the talks: the facilitator's choice of the next event stays unnamed. */
function partyLog(log: readonly LogEntry[]): LogEntry[] {
  if (!log.some((e) => e.kind === 'override')) return log as LogEntry[];
  return log.map((e) => (e.kind === 'override' ? { ...e, eventId: null } : e));
}

export function viewFor(level: Level, state: GameState, viewer: Actor | 'public'): GameView {
  const ctx = state.context;
  const over = state.phase === 'over';
  const party = viewer !== 'facilitator' && viewer !== 'public' ? viewer : null;
  return {
    viewer,
    levelId: level.id,
    levelTitle: level.title,
    seed: ctx.seed,
    phase: state.phase,
    step: ctx.step,
    round: ctx.round,
    rounds: level.rounds,
    turn: state.phase === 'turns' ? currentParty(level, ctx) : null,
    meters: ctx.meters,
    usSupportCeiling: usSupportCeiling(ctx.meters.usEngagement),
    table: ctx.table,
    positions: ctx.positions,
    tableUtility: party && ctx.table ? round1(utility(level, party, ctx.table.terms)) : null,
    commitments: ctx.commitments,
    lastEvent: ctx.lastEvent,
    log: viewer !== 'facilitator' && !over ? partyLog(ctx.log) : ctx.log,
    outcome: ctx.outcome,
    parties: publicParties(level),
    brief: party ? privateBrief(level, state, party) : null,
    revealed: over ? PARTY_IDS.map((p) => privateBrief(level, state, p)) : null,
    facilitated: ctx.facilitated,
  };
}
