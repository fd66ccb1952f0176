import { z } from 'zod';
import { common, endTurn, isPartysTurn, log, party } from './common';
import { defineMove } from './define';

/** Holding one's position for this turn: always legal on one's turn. */
export const pass = defineMove({
  type: 'party.pass',
  schema: z.strictObject({ type: z.literal('party.pass'), by: party, ...common }),
  sender: 'party',
  in: ['turns'],
  checks: [isPartysTurn],
  apply: (_level, ctx, intent) => endTurn(log(ctx, { kind: 'pass', by: intent.by }, intent)),
});
