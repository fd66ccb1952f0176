import { z } from 'zod';
import { packageRefusal, signRefusal } from '../facts';
import { pairKey } from '../parties';
import { makeOutcome } from '../outcome';
import { MOVE_EFFECTS } from './effects';
import { common, endTurn, isPartysTurn, isTableSet, log, party, withMeters } from './common';
import { defineMove } from './define';

/** Signing the package on the table; the fourth signature makes it the agreement. */
export const accept = defineMove({
  type: 'party.accept',
  schema: z.strictObject({ type: z.literal('party.accept'), by: party, ...common }),
  sender: 'party',
  in: ['turns'],
  checks: [
    isPartysTurn,
    isTableSet('accept'),
    {
      name: 'hasNotAccepted',
      refuse: (f, i) => (f.table!.acceptedBy.includes(i.by) ? { code: 'already-accepted', party: i.by } : null),
    },
    { name: 'isTableWithinCapacity', refuse: (f) => packageRefusal(f, f.table!.terms) },
    { name: 'isTableSignableBySender', refuse: (f, i) => signRefusal(f, i.by, f.table!.terms) },
  ],
  apply: (level, ctx, intent) => {
    const table = ctx.table!;
    const acceptedBy = [...table.acceptedBy, intent.by];
    const accepted = { ...table, acceptedBy, rejectedBy: table.rejectedBy.filter((p) => p !== intent.by) };
    const signed = acceptedBy.length === 4;
    let next = withMeters(level, { ...ctx, table: accepted }, { trust: { [pairKey(intent.by, table.proposedBy)]: MOVE_EFFECTS.accept } });
    next = log(next, { kind: 'accept', by: intent.by, signed }, intent);
    if (signed) return { ...next, outcome: makeOutcome(level, next, 'agreement', { code: 'all-signed' }) };
    return endTurn(next);
  },
});
