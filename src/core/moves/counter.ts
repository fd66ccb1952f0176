import { z } from 'zod';
import { PackageSchema } from '../schema';
import { samePackage } from '../terms';
import { common, endTurn, isPartysTurn, isTableSet, party } from './common';
import { defineMove } from './define';
import { packageChecks, putOnTable, termLimits } from './propose';

/** Answering the package on the table with a different one. */
export const counter = defineMove({
  type: 'party.counter',
  schema: z.strictObject({ type: z.literal('party.counter'), by: party, package: PackageSchema, ...common }),
  sender: 'party',
  in: ['turns'],
  checks: [
    isPartysTurn,
    isTableSet('counter'),
    {
      name: 'differsFromTable',
      onParameters: true,
      refuse: (f, i) => (f.table && samePackage(f.table.terms, i.package) ? { code: 'same-as-table' } : null),
    },
    ...packageChecks(),
  ],
  apply: (level, ctx, intent) => endTurn(putOnTable(level, ctx, intent.by, intent.package, intent)),
  limits: (f, by) => ({ terms: termLimits(f, by), differFrom: f.table!.terms }),
});
