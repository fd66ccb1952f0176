import { z } from 'zod';
import { MOVE_EFFECTS } from './effects';
import { common, endTurn, isPartysTurn, log, party, withMeters } from './common';
import { defineMove } from './define';
import { isSentBy } from './only';

/** Russia asks for more time and new preconditions: trust with it and Washington's engagement fall. */
export const stall = defineMove({
  type: 'russia.stall',
  schema: z.strictObject({ type: z.literal('russia.stall'), by: party, ...common }),
  sender: 'russia',
  in: ['turns'],
  checks: [isSentBy('russia', 'russia.stall'), isPartysTurn],
  apply: (level, ctx, intent) => endTurn(log(withMeters(level, ctx, MOVE_EFFECTS.stall), { kind: 'stall', by: 'russia' }, intent)),
});
