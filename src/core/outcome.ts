import type { Level } from './level';
import { PARTY_IDS, type PartyId } from './parties';
import type { DurabilityFactor, GameContext, Outcome, OutcomeCause, OutcomeKind } from './state';
import type { Package } from './terms';
import { clamp } from './meters';
import { DURABILITY_BASE, WARRING, expectedValue, marginPoints, packageDurabilityFactors, tensionPoints, trustPoints } from './deal-value';
import { round1, utility } from './utility';

/**
 * How likely a signed deal is to hold. The sources stress enforcement: a force that cannot enforce
 * the peace is not credible, and the zone needs thousands of troops to police it. So the estimate
 * rewards a real ceasefire, a mandate and force size that match the zone, backing from the US and
 * guarantees, and punishes high tension, distrust between the warring parties and a side that signed
 * far below its walk-away value. The points are game assumptions (`deal-value.ts`); each factor is
 * data, worded by `src/narrate`.
 */
export function durabilityOf(level: Level, ctx: GameContext, pkg: Package): { value: number; factors: DurabilityFactor[] } {
  const factors = packageDurabilityFactors(pkg);
  const tension = tensionPoints(ctx.meters.tension);
  if (tension < 0) factors.push({ factor: 'tension', points: tension, tension: ctx.meters.tension });
  const trust = ctx.meters.trust['ukraine-russia'];
  const trusted = trustPoints(trust);
  if (trusted !== 0) factors.push({ factor: 'trust', points: trusted, trust });
  for (const p of WARRING) {
    const points = marginPoints(utility(level, p, pkg), ctx.walkAway[p]);
    if (points < 0) factors.push({ factor: 'signed-below-walk-away', points, party: p });
  }
  let d = DURABILITY_BASE;
  for (const f of factors) d += f.points;
  return { value: Math.round(clamp(d, 0, 100)), factors };
}

/**
 * Each party's utility of a package and its value once durability is counted: walk-away value plus
 * the deal's gain over it, weighted by the chance the deal holds (a deal that will collapse is worth
 * less to everyone).
 */
export function dealValues(
  level: Level,
  ctx: GameContext,
  pkg: Package,
): { utilities: Record<PartyId, number>; values: Record<PartyId, number>; durability: number } {
  const durability = durabilityOf(level, ctx, pkg).value;
  const utilities = {} as Record<PartyId, number>;
  const values = {} as Record<PartyId, number>;
  for (const p of PARTY_IDS) {
    utilities[p] = utility(level, p, pkg);
    values[p] = expectedValue(utilities[p], ctx.walkAway[p], durability);
  }
  return { utilities, values, durability };
}

/**
 * The score is the value of the outcome against the party's walk-away value at the start: what the
 * talks earned it. Without a deal the value is the walk-away value as the talks left it, so coercion
 * that hurt a party's own position (escalation costs Russia too) shows in its score.
 */
export function makeOutcome(level: Level, ctx: GameContext, kind: OutcomeKind, cause: OutcomeCause): Outcome {
  const pkg = kind === 'agreement' && ctx.table ? ctx.table.terms : null;
  const values = {} as Record<PartyId, number>;
  const scores = {} as Record<PartyId, number>;
  const deal = pkg ? dealValues(level, ctx, pkg) : null;
  for (const p of PARTY_IDS) {
    values[p] = round1(deal ? deal.values[p] : ctx.walkAway[p]);
    scores[p] = round1(values[p] - level.parties[p].walkAway);
  }
  const durability = pkg ? durabilityOf(level, ctx, pkg) : null;
  return {
    kind,
    round: ctx.round,
    cause,
    package: pkg,
    durability: durability?.value ?? null,
    durabilityFactors: durability?.factors ?? [],
    values,
    scores,
  };
}
