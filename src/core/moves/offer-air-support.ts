import { z } from 'zod';
import { usSupportCeiling } from '../facts';
import { TERMS, optionIndex } from '../terms';
import { MOVE_EFFECTS } from './effects';
import { common, endTurn, isPartysTurn, log, party, withMeters } from './common';
import { defineMove } from './define';
import { isSentBy } from './only';

/** Washington commits air and rear support (never ground troops), up to what its engagement allows. */
export const offerAirSupport = defineMove({
  type: 'us.offerAirSupport',
  schema: z.strictObject({ type: z.literal('us.offerAirSupport'), by: party, level: z.string().max(40), ...common }),
  sender: 'us',
  in: ['turns'],
  checks: [
    isSentBy('us', 'us.offerAirSupport'),
    isPartysTurn,
    {
      name: 'isAirOrRearSupport',
      onParameters: true,
      refuse: (_f, i) => {
        if (optionIndex('usSupport', i.level) > 0) return null;
        return /ground|troop/i.test(i.level) ? { code: 'no-ground-troops' } : { code: 'choose-support' };
      },
    },
    {
      name: 'isWithinUsEngagement',
      onParameters: true,
      refuse: (f, i) =>
        optionIndex('usSupport', i.level) > usSupportCeiling(f.meters.usEngagement)
          ? { code: 'over-us-ceiling', engagement: f.meters.usEngagement, option: i.level }
          : null,
    },
    {
      name: 'raisesTheOffer',
      onParameters: true,
      refuse: (f, i) =>
        optionIndex('usSupport', i.level) <= optionIndex('usSupport', f.commitments.usSupport) ? { code: 'already-offered' } : null,
    },
  ],
  apply: (level, ctx, intent) => {
    let next = withMeters(level, ctx, MOVE_EFFECTS.airSupport);
    next = { ...next, commitments: { ...next.commitments, usSupport: intent.level } };
    return endTurn(log(next, { kind: 'airSupport', by: 'us', support: intent.level }, intent));
  },
  limits: (f) => {
    const from = Math.max(1, optionIndex('usSupport', f.commitments.usSupport) + 1);
    const to = usSupportCeiling(f.meters.usEngagement);
    const levels = TERMS.usSupport.options.slice(from, to + 1).map((o) => o.id);
    if (levels.length) return { levels };
    return to === 0
      ? { code: 'over-us-ceiling', engagement: f.meters.usEngagement, option: TERMS.usSupport.options[1].id }
      : { code: 'already-offered' };
  },
});
