import type { Meters } from './meters';
import type { PartyId } from './parties';
import type { Package } from './terms';
import type { AleaState } from './rng';

export type Difficulty = 'easy' | 'normal' | 'hard';
export const DIFFICULTIES: readonly Difficulty[] = ['easy', 'normal', 'hard'];

export interface Seat {
  kind: 'human' | 'computer';
  difficulty?: Difficulty;
}

export type Seats = Record<PartyId, Seat>;

/** Who can act: a party, or the facilitator (a teacher) in a facilitated game. */
export type Actor = PartyId | 'facilitator';

export interface TablePackage {
  terms: Package;
  proposedBy: PartyId;
  round: number;
  acceptedBy: PartyId[];
  rejectedBy: PartyId[];
}

export interface Commitments {
  /** The highest US support Washington has publicly offered (a usSupport option id). */
  usSupport: string;
  /** Troops the Coalition has publicly pledged. */
  peacekeepers: number;
  guaranteesDemanded: boolean;
}

export type OutcomeKind = 'agreement' | 'breakdown' | 'deadline';

export interface Outcome {
  kind: OutcomeKind;
  round: number;
  reason: string;
  package: Package | null;
  /** 0–100 estimate that an agreement holds; null without an agreement. */
  durability: number | null;
  durabilityFactors: string[];
  /** Utility each party ends with (the deal's value, or its walk-away value without a deal). */
  values: Record<PartyId, number>;
  /** value minus the level's walk-away value: above 0 means better off than without talks. */
  scores: Record<PartyId, number>;
}

export interface LogEntry {
  round: number;
  by: Actor | 'events';
  kind: string;
  text: string;
  /** The one-line reason the actor gave, if any. */
  note?: string;
}

export interface EventRecord {
  id: string;
  title: string;
  text: string;
  round: number;
  source: 'drawn' | 'override' | 'inject';
}

export type Phase = 'briefing' | 'turns' | 'events' | 'paused' | 'over';

/** Everything that changes during a game. Plain JSON: it is hashed, persisted and sent as is. */
export interface GameContext {
  levelId: string;
  seed: string;
  facilitated: boolean;
  round: number;
  /** Index into the level's turn order of the party to move. */
  turn: number;
  rng: AleaState;
  meters: Meters;
  walkAway: Record<PartyId, number>;
  table: TablePackage | null;
  /** Each party's most recent proposal or counter-offer: public, and what an attentive negotiator learns from. */
  positions: Partial<Record<PartyId, Package>>;
  commitments: Commitments;
  /** Ids of `once` events that already happened. */
  eventsSeen: string[];
  lastEvent: EventRecord | null;
  /** An event id the facilitator chose to replace the next draw. */
  eventOverride: string | null;
  pausedIn: 'turns' | 'events' | null;
  outcome: Outcome | null;
  log: LogEntry[];
  /** Number of intents applied so far. */
  step: number;
}

export interface GameState {
  phase: Phase;
  context: GameContext;
}
