import { z } from 'zod';
import { pairKey } from '../parties';
import { MOVE_EFFECTS } from './effects';
import { common, endTurn, isPartysTurn, isTableSet, log, party, withMeters } from './common';
import { defineMove } from './define';

/** Turning the package down; a second rejection withdraws it, so someone must put a new one forward. */
export const reject = defineMove({
  type: 'party.reject',
  schema: z.strictObject({ type: z.literal('party.reject'), by: party, ...common }),
  sender: 'party',
  in: ['turns'],
  checks: [
    isPartysTurn,
    isTableSet('reject'),
    { name: 'isNotOwnPackage', refuse: (f, i) => (f.table!.proposedBy === i.by ? { code: 'own-package' } : null) },
    {
      name: 'hasNotRejected',
      refuse: (f, i) => (f.table!.rejectedBy.includes(i.by) ? { code: 'already-rejected', party: i.by } : null),
    },
  ],
  apply: (level, ctx, intent) => {
    const table = ctx.table!;
    const rejectedBy = [...table.rejectedBy, intent.by];
    const withdrawn = rejectedBy.length >= 2;
    let next = withMeters(level, ctx, { trust: { [pairKey(intent.by, table.proposedBy)]: MOVE_EFFECTS.reject } });
    next = {
      ...next,
      table: withdrawn ? null : { ...table, rejectedBy, acceptedBy: table.acceptedBy.filter((p) => p !== intent.by) },
    };
    return endTurn(log(next, { kind: 'reject', by: intent.by, withdrawn }, intent));
  },
});
