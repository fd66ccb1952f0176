import { z } from 'zod';
import { MOVE_EFFECTS } from './effects';
import { common, endTurn, isPartysTurn, log, party, withMeters } from './common';
import { defineMove } from './define';
import { isSentBy } from './only';

/** The Coalition pledges peacekeepers for after a ceasefire, within its capacity; it costs support at home. */
export const pledgeTroops = defineMove({
  type: 'coalition.pledgeTroops',
  schema: z.strictObject({
    type: z.literal('coalition.pledgeTroops'),
    by: party,
    troops: z.number().int().min(0).max(1_000_000),
    ...common,
  }),
  sender: 'coalition',
  in: ['turns'],
  checks: [
    isSentBy('coalition', 'coalition.pledgeTroops'),
    isPartysTurn,
    {
      name: 'isPledgeLargeEnough',
      onParameters: true,
      refuse: (_f, i) => (i.troops < MOVE_EFFECTS.minPledge ? { code: 'pledge-too-small', min: MOVE_EFFECTS.minPledge } : null),
    },
    {
      name: 'isPledgeWithinCapacity',
      onParameters: true,
      refuse: (f, i) =>
        i.troops > f.meters.coalitionCapacity ? { code: 'pledge-over-capacity', capacity: f.meters.coalitionCapacity } : null,
    },
    {
      name: 'changesThePledge',
      onParameters: true,
      refuse: (f, i) => (i.troops === f.commitments.peacekeepers ? { code: 'pledge-unchanged' } : null),
    },
  ],
  apply: (level, ctx, intent) => {
    const cost = -Math.ceil(intent.troops / MOVE_EFFECTS.troopsPerSupportPoint);
    let next = withMeters(level, ctx, { ...MOVE_EFFECTS.pledge, domesticSupport: { coalition: cost } });
    next = { ...next, commitments: { ...next.commitments, peacekeepers: intent.troops } };
    return endTurn(log(next, { kind: 'pledge', by: 'coalition', troops: intent.troops }, intent));
  },
  limits: (f) => {
    const max = f.meters.coalitionCapacity;
    const min = MOVE_EFFECTS.minPledge;
    const except = f.commitments.peacekeepers;
    if (max < min) return { code: 'pledge-over-capacity', capacity: max };
    if (max === min && except === min) return { code: 'pledge-unchanged' };
    return { min, max, except };
  },
});
