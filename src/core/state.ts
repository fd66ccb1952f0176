import type { Meters } from './meters';
import type { PartyId } from './parties';
import type { Package, TermId } from './terms';
import type { AleaState } from './rng';
import type { Rationale } from './rationale';

export type Difficulty = 'easy' | 'normal' | 'hard';
export const DIFFICULTIES: readonly Difficulty[] = ['easy', 'normal', 'hard'];

/** Who sits in a seat: a person, the computer at a difficulty, or an agent program started with `command`. */
export interface Seat {
  kind: 'human' | 'computer' | 'agent';
  difficulty?: Difficulty;
  command?: string;
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

/** How the talks ended, as data (`src/narrate` words it). */
export type OutcomeCause =
  { code: 'all-signed' } | { code: 'walked-out'; by: PartyId } | { code: 'deadline'; rounds: number } | { code: 'facilitator-ended' };

/** One reason a deal is more or less likely to hold, with the points it adds to the estimate. */
export type DurabilityFactor =
  | { factor: 'full-ceasefire' | 'partial-ceasefire' | 'no-ceasefire'; points: number }
  | { factor: 'enforcement-mandate' | 'patrol-and-train' | 'observers-only'; points: number }
  | { factor: 'zone-under-policed' | 'zone-policed'; points: number; depthKm: number }
  | { factor: 'us-air-backstop' | 'us-support-short-of-air'; points: number }
  | { factor: 'article5-like' | 'assurances'; points: number }
  | { factor: 'tension'; points: number; tension: number }
  | { factor: 'trust'; points: number; trust: number }
  | { factor: 'signed-below-walk-away'; points: number; party: PartyId };

export interface Outcome {
  kind: OutcomeKind;
  round: number;
  cause: OutcomeCause;
  package: Package | null;
  /** 0–100 estimate that an agreement holds; null without an agreement. */
  durability: number | null;
  durabilityFactors: DurabilityFactor[];
  /** Utility each party ends with (the deal's value, or its walk-away value without a deal). */
  values: Record<PartyId, number>;
  /** value minus the level's walk-away value: above 0 means better off than without talks. */
  scores: Record<PartyId, number>;
}

/** What changed between the package on the table and a counter-offer, one entry per term. */
export interface TermChange {
  term: TermId;
  from: string;
  to: string;
}

/** A text a facilitator wrote for a custom inject: the people's own words, shown as written. */
export interface CustomText {
  title: string;
  text: string;
}

/**
 * One line of the record of the talks, as data. The reason an actor gave is either a structured
 * `rationale` (computer parties) or a person's free-text `note`.
 */
export type LogEntry = { round: number; note?: string; rationale?: Rationale } & (
  | { kind: 'start'; by: Actor }
  | { kind: 'propose'; by: PartyId; package: Package }
  | { kind: 'counter'; by: PartyId; changes: TermChange[] }
  | { kind: 'accept'; by: PartyId; signed: boolean }
  | { kind: 'reject'; by: PartyId; withdrawn: boolean }
  | { kind: 'statement'; by: PartyId; tone: 'conciliatory' | 'firm'; text?: string }
  | { kind: 'pass'; by: PartyId }
  | { kind: 'walkOut'; by: PartyId }
  | { kind: 'airSupport'; by: 'us'; support: string }
  | { kind: 'pledge'; by: 'coalition'; troops: number }
  | { kind: 'demandGuarantees'; by: 'ukraine' }
  | { kind: 'escalate'; by: 'russia'; casualties: number }
  | { kind: 'stall'; by: 'russia' }
  | { kind: 'pause' | 'resume' | 'end'; by: 'facilitator' }
  /** `eventId` is null in a party's view until the talks are over: which event was chosen is the facilitator's to know. */
  | { kind: 'override'; by: 'facilitator'; eventId: string | null }
  | { kind: 'event'; by: 'events'; eventId: string; source: 'drawn' | 'override'; fighting: number }
  | { kind: 'inject'; by: 'events'; eventId: string | null; custom?: CustomText }
);

export type LogKind = LogEntry['kind'];

/** The latest event card: the level's card by id, or a facilitator's own text. */
export interface EventRecord {
  id: string;
  round: number;
  source: 'drawn' | 'override' | 'inject';
  custom?: CustomText;
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
  outcome: Outcome | null;
  log: LogEntry[];
  /** Number of intents applied so far. */
  step: number;
}

/**
 * A game: the statechart's state and the context. While the talks are paused, `resumes` is the
 * phase the chart's history state will return to (read from the machine, never set by a move).
 */
export interface GameState {
  phase: Phase;
  context: GameContext;
  resumes?: 'turns' | 'events';
}
