import type { z } from 'zod';
import type { RuleFacts } from '../facts';
import type { Level } from '../level';
import type { PartyId } from '../parties';
import type { Refusal } from '../refusal';
import type { GameContext, Phase } from '../state';

/**
 * One move of the game, whole: its schema, who may send it, in which states of the chart it exists,
 * the named checks that decide whether it is legal, what it does, and what a seat is offered. The
 * intent union, the machine's transitions, authorisation and the seat's legal moves all derive from
 * the registry of these (`moves/index.ts`).
 */

/** Who may send a move: any party, one party, the facilitator, or whoever opens the talks. */
export type MoveSender = 'party' | 'facilitator' | 'opener' | PartyId;

/** A state of the chart in which intents are received. */
export type ChartState = Exclude<Phase, 'over'>;

/** A named yes/no question about the intent; it answers "no" with the refusal a player reads. */
export interface Check<I> {
  readonly name: string;
  /** True when the answer depends on the move's parameters (a package, a number), not only on who sends it when. */
  readonly onParameters?: boolean;
  refuse(f: RuleFacts, intent: I): Refusal | null;
}

/** What the move does to the chart beyond its own state: the default is to stay where it is. */
export type MoveTarget = 'negotiating' | 'turns' | 'paused' | 'resume' | 'over';

/** What a seat may do with a move now: the move's type and its limits. */
export interface MoveLimits {
  'party.propose': { terms: Record<string, string[]> };
  'party.counter': { terms: Record<string, string[]>; differFrom: Record<string, string> };
  'party.statement': { tones: ('conciliatory' | 'firm')[] };
  'us.offerAirSupport': { levels: string[] };
  'coalition.pledgeTroops': { min: number; max: number; except: number };
  'facilitator.overrideEvent': { eventIds: string[] };
  'facilitator.inject': { eventIds: string[]; custom: true };
}

export interface MoveDef<S extends z.ZodObject = z.ZodObject, T extends string = string> {
  readonly type: T;
  readonly schema: S;
  readonly sender: MoveSender;
  /** The chart states that have a transition for this move; anywhere else the chart refuses it. */
  readonly in: readonly ChartState[];
  /** The refusal when the chart has no transition for this move in `phase`, if a specific one reads better. */
  notNow?(phase: Phase): Refusal | null;
  readonly checks: readonly Check<z.infer<S>>[];
  readonly target?: MoveTarget;
  apply(level: Level, ctx: GameContext, intent: z.infer<S>): GameContext;
  /**
   * For a move with parameters: the parameters a seat may choose now, exactly those the checks marked
   * `onParameters` accept, or the refusal when none is left. Asked only when every other check passes.
   */
  limits?(f: RuleFacts, by: z.infer<S>['by']): Record<string, unknown> | Refusal;
}

export function defineMove<S extends z.ZodObject, T extends string>(def: MoveDef<S, T>): MoveDef<S, T> {
  return def;
}
