import { z } from 'zod';
import { common, facilitator, hasFacilitator, log } from './common';
import { defineMove } from './define';

/** The facilitator stops the clock; the chart remembers whether a round or its event was under way. */
export const pause = defineMove({
  type: 'facilitator.pause',
  schema: z.strictObject({ type: z.literal('facilitator.pause'), by: facilitator, ...common }),
  sender: 'facilitator',
  in: ['turns', 'events'],
  notNow: (phase) => (phase === 'paused' ? { code: 'already-paused' } : null),
  checks: [hasFacilitator],
  target: 'paused',
  apply: (_level, ctx, intent) => log(ctx, { kind: 'pause', by: 'facilitator' }, intent),
});
