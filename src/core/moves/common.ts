import { z } from 'zod';
import { applyDelta, type MeterDelta } from '../meters';
import type { Level } from '../level';
import type { PartyId } from '../parties';
import { PartySchema } from '../schema';
import { RationaleSchema } from '../rationale';
import type { GameContext, LogEntry } from '../state';
import type { Check } from './define';

/** Pieces every move file shares: the common intent fields, the turn check, and small context updates. */

/** The longest free-text reason an intent may carry (a player's note). */
export const NOTE_MAX = 240;

export const common = {
  note: z.string().max(NOTE_MAX).optional(),
  rationale: RationaleSchema.optional(),
};

export const party = PartySchema;
export const facilitator = z.literal('facilitator');

export const isPartysTurn: Check<{ by: PartyId }> = {
  name: 'isPartysTurn',
  refuse: (f, i) => (f.toMove === null || f.toMove === i.by ? null : { code: 'not-your-turn', turn: f.toMove, by: i.by }),
};

export const hasFacilitator: Check<{ by: string }> = {
  name: 'hasFacilitator',
  refuse: (f) => (f.facilitated ? null : { code: 'no-facilitator' }),
};

export const isTableSet = (move: 'counter' | 'accept' | 'reject'): Check<{ by: PartyId }> => ({
  name: 'isPackageOnTable',
  refuse: (f) => (f.table ? null : { code: 'no-table', move }),
});

/** Appends a log entry; the intent's own reason (note or rationale) goes with it. */
export function log(
  ctx: GameContext,
  entry: DistributiveOmit<LogEntry, 'round' | 'note' | 'rationale'>,
  intent: { note?: string; rationale?: LogEntry['rationale'] },
): GameContext {
  const line = { round: ctx.round, ...entry } as LogEntry;
  if (intent.note !== undefined) line.note = intent.note;
  if (intent.rationale !== undefined) line.rationale = intent.rationale;
  return { ...ctx, log: [...ctx.log, line] };
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export function withMeters(level: Level, ctx: GameContext, d: MeterDelta): GameContext {
  return { ...ctx, meters: applyDelta(ctx.meters, d, level.coalition.maxTroops) };
}

/** The mover's turn is over: the next party in the level's order moves (the chart ends the round). */
export function endTurn(ctx: GameContext): GameContext {
  return { ...ctx, turn: ctx.turn + 1 };
}
