import { z } from 'zod';
import { makeOutcome } from '../outcome';
import { common, facilitator, hasFacilitator, log } from './common';
import { defineMove } from './define';

/** The facilitator calls time: the talks end without an agreement. */
export const end = defineMove({
  type: 'facilitator.end',
  schema: z.strictObject({ type: z.literal('facilitator.end'), by: facilitator, ...common }),
  sender: 'facilitator',
  in: ['briefing', 'turns', 'events', 'paused'],
  checks: [hasFacilitator],
  target: 'over',
  apply: (level, ctx, intent) => {
    const next = log(ctx, { kind: 'end', by: 'facilitator' }, intent);
    return { ...next, outcome: makeOutcome(level, next, 'deadline', { code: 'facilitator-ended' }) };
  },
});
