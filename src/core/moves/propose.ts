import { z } from 'zod';
import { allowedOptionIds, packageRefusal, signRefusal, usSupportCeiling } from '../facts';
import { pairKey } from '../parties';
import { PackageSchema } from '../schema';
import { TERMS, TERM_IDS, type Package, type TermId } from '../terms';
import type { GameContext, TermChange } from '../state';
import type { Level } from '../level';
import { MOVE_EFFECTS } from './effects';
import { common, endTurn, isPartysTurn, log, party, withMeters } from './common';
import { defineMove, type Check } from './define';
import type { RuleFacts } from '../facts';
import type { PartyId } from '../parties';

/** Putting a package forward when the table is empty. */
export const propose = defineMove({
  type: 'party.propose',
  schema: z.strictObject({ type: z.literal('party.propose'), by: party, package: PackageSchema, ...common }),
  sender: 'party',
  in: ['turns'],
  checks: [isPartysTurn, { name: 'isTableEmpty', refuse: (f) => (f.table ? { code: 'table-occupied' } : null) }, ...packageChecks()],
  apply: (level, ctx, intent) => endTurn(putOnTable(level, ctx, intent.by, intent.package, intent)),
  limits: (f, by) => ({ terms: termLimits(f, by) }),
});

/** The package checks a proposal and a counter-offer share: fixed terms, capacity, the sender's own limits. */
export function packageChecks(): Check<{ by: PartyId; package: Package }>[] {
  return [
    { name: 'isOfferWithinCapacity', onParameters: true, refuse: (f, i) => packageRefusal(f, i.package) },
    {
      name: 'isOfferSignableBySender',
      onParameters: true,
      refuse: (f, i) => {
        const limit = signRefusal(f, i.by, i.package);
        return limit ? { code: 'own-limit', limit } : null;
      },
    },
  ];
}

/**
 * Per term, the options the sender may put in a package (every package limit is a limit on one term).
 * They depend only on the sender's red lines and three public facts, so each combination is worked
 * out once per level and shared (callers never mutate the lists).
 */
export function termLimits(f: RuleFacts, by: PartyId): Record<TermId, string[]> {
  let byKey = limitsCache.get(f.level);
  if (!byKey) limitsCache.set(f.level, (byKey = new Map()));
  const key = `${by}|${f.meters.coalitionCapacity}|${usSupportCeiling(f.meters.usEngagement)}|${f.commitments.guaranteesDemanded}|${f.redLinesOf(by).length}`;
  let out = byKey.get(key);
  if (!out) {
    out = {} as Record<TermId, string[]>;
    for (const t of TERM_IDS) out[t] = allowedOptionIds(f, by, t, TERMS[t].options);
    byKey.set(key, out);
  }
  return out;
}

const limitsCache = new WeakMap<Level, Map<string, Record<TermId, string[]>>>();

/** The package goes on the table with its sender's signature; a counter costs a little trust with the last proposer. */
export function putOnTable(
  level: Level,
  ctx: GameContext,
  by: PartyId,
  pkg: Package,
  intent: { note?: string; rationale?: GameContext['log'][number]['rationale'] },
): GameContext {
  const previous = ctx.table;
  let next: GameContext = {
    ...ctx,
    table: { terms: pkg, proposedBy: by, round: ctx.round, acceptedBy: [by], rejectedBy: [] },
    positions: { ...ctx.positions, [by]: pkg },
  };
  if (previous && previous.proposedBy !== by)
    next = withMeters(level, next, { trust: { [pairKey(by, previous.proposedBy)]: MOVE_EFFECTS.counterTrust } });
  if (!previous) return log(next, { kind: 'propose', by, package: pkg }, intent);
  const changes: TermChange[] = [];
  for (const t of level.activeTerms) if (previous.terms[t] !== pkg[t]) changes.push({ term: t, from: previous.terms[t], to: pkg[t] });
  return log(next, { kind: 'counter', by, changes }, intent);
}
