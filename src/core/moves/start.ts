import { z } from 'zod';
import { PartySchema } from '../schema';
import { common, log } from './common';
import { defineMove } from './define';

/** Opening the talks: the facilitator in a facilitated game, otherwise any party. */
export const start = defineMove({
  type: 'game.start',
  schema: z.strictObject({ type: z.literal('game.start'), by: z.union([PartySchema, z.literal('facilitator')]), ...common }),
  sender: 'opener',
  in: ['briefing'],
  notNow: () => ({ code: 'already-started' }),
  checks: [
    {
      name: 'isOpener',
      refuse: (f, i) => {
        if (i.by === 'facilitator') return f.facilitated ? null : { code: 'no-facilitator' };
        return f.facilitated ? { code: 'facilitator-opens' } : null;
      },
    },
  ],
  target: 'negotiating',
  apply: (_level, ctx, intent) => log(ctx, { kind: 'start', by: intent.by }, intent),
});
