import { z } from 'zod';
import { MOVE_EFFECTS } from './effects';
import { common, endTurn, isPartysTurn, log, party, withMeters } from './common';
import { defineMove } from './define';
import { isSentBy } from './only';

/** Ukraine demands a clear definition of security guarantees: from now on it signs nothing without one. */
export const demandGuarantees = defineMove({
  type: 'ukraine.demandGuarantees',
  schema: z.strictObject({ type: z.literal('ukraine.demandGuarantees'), by: party, ...common }),
  sender: 'ukraine',
  in: ['turns'],
  checks: [
    isSentBy('ukraine', 'ukraine.demandGuarantees'),
    isPartysTurn,
    { name: 'hasNotDemanded', refuse: (f) => (f.commitments.guaranteesDemanded ? { code: 'already-demanded' } : null) },
  ],
  apply: (level, ctx, intent) => {
    let next = withMeters(level, ctx, MOVE_EFFECTS.demandGuarantees);
    next = { ...next, commitments: { ...next.commitments, guaranteesDemanded: true } };
    return endTurn(log(next, { kind: 'demandGuarantees', by: 'ukraine' }, intent));
  },
});
