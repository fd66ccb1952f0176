import { z } from 'zod';
import { makeOutcome } from '../outcome';
import { MOVE_EFFECTS } from './effects';
import { common, isPartysTurn, log, party, withMeters } from './common';
import { defineMove } from './define';

/** Leaving the talks: they break down for everyone. */
export const walkOut = defineMove({
  type: 'party.walkOut',
  schema: z.strictObject({ type: z.literal('party.walkOut'), by: party, ...common }),
  sender: 'party',
  in: ['turns'],
  checks: [isPartysTurn],
  apply: (level, ctx, intent) => {
    const next = log(withMeters(level, ctx, { tension: MOVE_EFFECTS.walkOutTension }), { kind: 'walkOut', by: intent.by }, intent);
    return { ...next, outcome: makeOutcome(level, next, 'breakdown', { code: 'walked-out', by: intent.by }) };
  },
});
