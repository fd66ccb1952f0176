import type { Level } from './level';
import { PARTY_IDS, type PartyId } from './parties';
import type { DurabilityFactor, GameContext, Outcome, OutcomeCause, OutcomeKind } from './state';
import { optionIndex, type Package } from './terms';
import { clamp } from './meters';
import { round1, utility } from './utility';

/**
 * How likely a signed deal is to hold. The sources stress enforcement: a force that cannot enforce
 * the peace is not credible, and the zone needs thousands of troops to police it. So the estimate
 * rewards a real ceasefire, a mandate and force size that match the zone, backing from the US and
 * guarantees, and punishes high tension and a side that signed far below its walk-away value.
 * The points are game assumptions; each factor is data, worded by `src/narrate`.
 */
export function durabilityOf(level: Level, ctx: GameContext, pkg: Package): { value: number; factors: DurabilityFactor[] } {
  const factors: DurabilityFactor[] = [];
  let d = 45;
  const add = (f: DurabilityFactor) => {
    d += f.points;
    factors.push(f);
  };
  const ceasefire = pkg.ceasefire;
  if (ceasefire === 'full') add({ factor: 'full-ceasefire', points: 12 });
  else if (ceasefire === 'partial') add({ factor: 'partial-ceasefire', points: 3 });
  else add({ factor: 'no-ceasefire', points: -20 });

  const troops = Number(pkg.peacekeepers);
  const depth = Number(pkg.bufferDepthKm);
  const needed = depth * 750;
  if (pkg.mandate === 'enforce' && troops >= 15000) add({ factor: 'enforcement-mandate', points: 14 });
  else if (pkg.mandate === 'train-and-defend' && troops >= 4000) add({ factor: 'patrol-and-train', points: 8 });
  else if (troops > 0 && pkg.mandate === 'observe') add({ factor: 'observers-only', points: 2 });
  if (depth > 0 && troops < needed) add({ factor: 'zone-under-policed', points: -10, depthKm: depth });
  if (depth > 0 && troops >= needed) add({ factor: 'zone-policed', points: 5, depthKm: depth });

  const us = optionIndex('usSupport', pkg.usSupport);
  if (us >= 3) add({ factor: 'us-air-backstop', points: 8 });
  else if (us >= 1) add({ factor: 'us-support-short-of-air', points: 4 });
  if (pkg.guarantee === 'article5-like') add({ factor: 'article5-like', points: 10 });
  else if (pkg.guarantee === 'assurances') add({ factor: 'assurances', points: 3 });

  const tensionPenalty = -Math.round(ctx.meters.tension / 6);
  if (tensionPenalty < 0) add({ factor: 'tension', points: tensionPenalty, tension: ctx.meters.tension });
  for (const p of ['russia', 'ukraine'] as const) {
    const margin = utility(level, p, pkg) - ctx.walkAway[p];
    if (margin < 0) add({ factor: 'signed-below-walk-away', points: Math.round(margin / 2), party: p });
  }
  return { value: Math.round(clamp(d, 0, 100)), factors };
}

export function makeOutcome(level: Level, ctx: GameContext, kind: OutcomeKind, cause: OutcomeCause): Outcome {
  const pkg = kind === 'agreement' && ctx.table ? ctx.table.terms : null;
  const values = {} as Record<PartyId, number>;
  const scores = {} as Record<PartyId, number>;
  for (const p of PARTY_IDS) {
    values[p] = round1(pkg ? utility(level, p, pkg) : ctx.walkAway[p]);
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
