import { z } from 'zod';
import { PARTY_IDS, type EventCard, type GameView, type Intent, type LegalMoves, type PartyId, type Refusal } from '../core';

/**
 * What a browser and the classroom server say to each other over a table's room. Everything a client
 * asks for is a `request()` answered with a reply (never a bare `send()`, which Colyseus answers with a
 * disconnect when a message is malformed); everything the server volunteers is a named message.
 */

// ------------------------------------------------------------------------------------------------
// Joining: `client.joinById(code, options)`
// ------------------------------------------------------------------------------------------------

const token = z.string().min(1).max(200);

/** The longest team name: the join form's limit (its input has `maxlength="40"`), in UTF-16 units as both count them. */
export const TEAM_NAME_MAX = 40;

export const JoinOptionsSchema = z.union([
  z.strictObject({ seat: z.enum(PARTY_IDS), seatToken: token.optional(), name: z.string().max(TEAM_NAME_MAX).optional() }),
  z.strictObject({ teacher: z.literal(true), teacherToken: token }),
]);
export type JoinOptions = z.infer<typeof JoinOptionsSchema>;

/** Who a connected client is. */
export type SeatId = PartyId | 'facilitator';

// ------------------------------------------------------------------------------------------------
// Requests: `room.request(name, payload)` → reply
// ------------------------------------------------------------------------------------------------

/** Intent ids are chosen by the client (a UUID is fine) so that a retried send is recognised and not applied twice. */
export const IntentIdSchema = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'letters, digits and _.:- (1–64 characters)');

/** `intent`: `{ id, intent }` where `intent` is one of the engine's intents (checked by the engine's own schema). */
export const IntentRequestSchema = z.strictObject({ id: IntentIdSchema, intent: z.unknown() });

/** `timer` (teacher only): add (or, with a negative number, take away) seconds on the running turn. */
export const TimerRequestSchema = z.strictObject({ addSeconds: z.number().int().min(-3600).max(3600) });

/** `releaseSeat` (teacher only): forget a seat's token, e.g. when a team moved to another device without it. */
export const ReleaseSeatRequestSchema = z.strictObject({ party: z.enum(PARTY_IDS) });

/** `steps`: the applied intents from step `from` on (at most 1000), to rebuild the game locally. */
export const StepsRequestSchema = z.strictObject({ from: z.number().int().min(1).max(1_000_000) });

export const REQUESTS = ['intent', 'sync', 'steps', 'timer', 'releaseSeat'] as const;

export type ErrorCode =
  | 'bad-request'
  | 'too-large'
  | 'rate-limited'
  | 'not-your-seat'
  | 'teacher-only'
  | 'illegal'
  | 'id-reused'
  | 'journal-failed'
  | 'unavailable';

/** A refusal carries the rules' reason as data (`refusal`) beside its English wording (`error`). */
export type Ack =
  /** `hash` (the state hash after the move) goes to the teacher only: a team sees no hashes until the talks are over. */
  { ok: true; seq: number; hash?: string; duplicate?: true } | { ok: false; code: ErrorCode; error: string; refusal?: Refusal };

// ------------------------------------------------------------------------------------------------
// Server messages: `room.onMessage(name, handler)`
// ------------------------------------------------------------------------------------------------

/** Who holds a seat: a person connected, a person whose connection dropped (grace running), or the computer. */
export type SeatStatus = 'team' | 'away' | 'computer';

export interface SeatView {
  status: SeatStatus;
  /** A browser holds this seat's token (a person took it); false = free to take. */
  claimed: boolean;
  /** The name the team typed when it joined, if any. */
  name: string | null;
}

export interface TimerView {
  /** Seconds per turn for a team (0 = no timer). */
  turnSeconds: number;
  /** Seconds left for the party to move, or null when no timer runs (briefing, events, paused, computer's turn, over). */
  remaining: number | null;
  running: boolean;
  party: PartyId | null;
}

export interface FacilitatorExtras {
  sessionId: string;
  tableIndex: number;
  /** The event the next draw will produce (or the override), computed without consuming the generator. */
  nextEvent: (Pick<EventCard, 'id' | 'title' | 'text' | 'effects' | 'walkAway'> & { source: 'override' | 'draw' }) | null;
  probabilities: { id: string; title: string; p: number }[];
  /** Event cards the teacher may choose as an override. */
  events: { id: string; title: string }[];
  /** The level's prepared injects. */
  injects: { id: string; title: string; text: string }[];
  teachers: number;
}

/**
 * `view`: sent to each client after every change and on every (re)join; `view` is
 * `viewFor(level, state, seat)`, except that `view.log` holds only the entries from `logStart` on:
 * the client already has the ones before (it got them in earlier views). A (re)join and a `sync`
 * send the whole log (`logStart` 0). The log only grows, so the client's log is
 * `previous.slice(0, logStart).concat(view.log)`.
 */
export interface ViewMessage {
  code: string;
  seat: SeatId;
  seq: number;
  /** The state hash: for the teacher, and for a team once the talks are over (null before). */
  hash: string | null;
  logStart: number;
  /**
   * The intents applied since the previous view this connection was sent (none in the first view after
   * a join or reconnection: ask `steps` for earlier ones). With the level and seed, a client following
   * them can rebuild the game, check each hash and branch from any step. Teacher only: a team gets
   * none (the teacher's event choices are among them), and the whole record once the talks are over.
   */
  steps: StepMessage[];
  /**
   * `viewFor(level, state, seat)`. For a team during the talks `view.seed` is empty: with the seed and
   * the level a student could foresee every event, so it is revealed with the debrief. A view after the
   * first on a connection (`logStart` > 0) leaves out `parties` (they never change) and `brief` when it
   * is the one the connection already has: keep the previous ones.
   */
  view: WireView;
  /** A team's legal moves now, from its own view (core/legal.ts): what its buttons and editor offer. */
  legal?: LegalMoves;
  seats: Record<PartyId, SeatView>;
  timer: TimerView;
  facilitator?: FacilitatorExtras;
}

/** A view as sent: `parties` and `brief` may be left out when the client already has them (see ViewMessage). */
export type WireView = Omit<GameView, 'parties' | 'brief'> & Partial<Pick<GameView, 'parties' | 'brief'>>;

/** A view message with its view made whole again (see mergeView): what a client keeps. */
export type FullViewMessage = Omit<ViewMessage, 'view'> & { view: GameView };

/** Rebuilds the whole view from a message and the view before it on the same connection. */
export function mergeView(message: WireView, log: GameView['log'], previous: GameView | null): GameView {
  return {
    ...message,
    log,
    parties: message.parties ?? previous?.parties ?? [],
    brief: message.brief !== undefined ? message.brief : (previous?.brief ?? null),
  };
}

/** One applied intent and the state hash after it. Moves are public (the log shows them), so every seat gets them. */
export interface StepMessage {
  seq: number;
  intent: Intent;
  hash: string;
}

/** `seat`: sent once on join. `seatToken` only when the seat was just claimed: keep it to take the seat back. */
export interface SeatMessage {
  code: string;
  seat: SeatId;
  seatToken?: string;
}

/** `error`: a bare `send()` the server could not use (unknown type or refused), instead of disconnecting. */
export interface ErrorMessage {
  type: string;
  code: ErrorCode;
  error: string;
}

/** Close code when a seat is taken over by the same team on another device or tab (no auto-reconnect). */
export const CLOSE_SEAT_TAKEN_OVER = 4100;
/** Close code when the teacher released the seat. */
export const CLOSE_SEAT_RELEASED = 4101;
