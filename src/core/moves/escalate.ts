import { z } from 'zod';
import { clamp } from '../meters';
import type { PartyId } from '../parties';
import { MOVE_EFFECTS } from './effects';
import { common, endTurn, isPartysTurn, log, party, withMeters } from './common';
import { defineMove } from './define';
import { isSentBy } from './only';

/** Russia steps up strikes: tension and casualties rise, and walk-away values shift. */
export const escalate = defineMove({
  type: 'russia.escalate',
  schema: z.strictObject({ type: z.literal('russia.escalate'), by: party, ...common }),
  sender: 'russia',
  in: ['turns'],
  checks: [isSentBy('russia', 'russia.escalate'), isPartysTurn],
  apply: (level, ctx, intent) => {
    const casualties = level.casualtiesPerRound.base;
    const next = withMeters(level, ctx, { ...MOVE_EFFECTS.escalate, casualties });
    const walkAway = { ...next.walkAway };
    for (const [p, d] of Object.entries(MOVE_EFFECTS.escalateWalkAway)) walkAway[p as PartyId] = clamp(walkAway[p as PartyId] + d, 0, 100);
    return endTurn(log({ ...next, walkAway }, { kind: 'escalate', by: 'russia', casualties }, intent));
  },
});
