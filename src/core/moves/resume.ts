import { z } from 'zod';
import { common, facilitator, hasFacilitator, log } from './common';
import { defineMove } from './define';

/** The talks go on where they were paused (the chart's history state). */
export const resume = defineMove({
  type: 'facilitator.resume',
  schema: z.strictObject({ type: z.literal('facilitator.resume'), by: facilitator, ...common }),
  sender: 'facilitator',
  in: ['paused'],
  notNow: (phase) => (phase === 'briefing' ? null : { code: 'not-paused' }),
  checks: [hasFacilitator],
  target: 'resume',
  apply: (_level, ctx, intent) => log(ctx, { kind: 'resume', by: 'facilitator' }, intent),
});
