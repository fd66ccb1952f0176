import { z } from 'zod';
import { endOfRound } from '../round';
import { common, facilitator, hasFacilitator } from './common';
import { defineMove } from './define';

/** The facilitator lets the round's event happen (the seeded one, or the override); the next round opens. */
export const releaseEvent = defineMove({
  type: 'facilitator.releaseEvent',
  schema: z.strictObject({ type: z.literal('facilitator.releaseEvent'), by: facilitator, ...common }),
  sender: 'facilitator',
  in: ['events'],
  notNow: (phase) => (phase === 'turns' ? { code: 'no-event-waiting' } : null),
  checks: [hasFacilitator],
  target: 'turns',
  apply: (level, ctx) => endOfRound(level, ctx),
});
