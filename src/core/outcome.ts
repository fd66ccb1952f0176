import type { Level } from './level';
import { PARTY_IDS, type PartyId } from './parties';
import type { GameContext, Outcome, OutcomeKind } from './state';
import { optionIndex, type Package } from './terms';
import { clamp } from './meters';
import { round1, utility } from './utility';

/**
 * How likely a signed deal is to hold. The sources stress enforcement: a force that cannot enforce
 * the peace is not credible, and the zone needs thousands of troops to police it. So the estimate
 * rewards a real ceasefire, a mandate and force size that match the zone, backing from the US and
 * guarantees, and punishes high tension and a side that signed far below its walk-away value.
 */
export function durabilityOf(level: Level, ctx: GameContext, pkg: Package): { value: number; factors: string[] } {
  const factors: string[] = [];
  let d = 45;
  const add = (points: number, why: string) => {
    d += points;
    factors.push(`${points >= 0 ? '+' : ''}${points} ${why}`);
  };
  const ceasefire = pkg.ceasefire;
  if (ceasefire === 'full') add(12, 'full ceasefire');
  else if (ceasefire === 'partial') add(3, 'partial ceasefire only');
  else add(-20, 'no ceasefire');

  const troops = Number(pkg.peacekeepers);
  const depth = Number(pkg.bufferDepthKm);
  const needed = depth * 750;
  if (pkg.mandate === 'enforce' && troops >= 15000) add(14, 'an enforcement mandate with the troops to carry it out');
  else if (pkg.mandate === 'train-and-defend' && troops >= 4000) add(8, 'peacekeepers who patrol and train');
  else if (troops > 0 && pkg.mandate === 'observe') add(2, 'observers only');
  if (depth > 0 && troops < needed) add(-10, `too few troops to police a ${depth} km zone`);
  if (depth > 0 && troops >= needed) add(5, 'the zone is policed');

  const us = optionIndex('usSupport', pkg.usSupport);
  if (us >= 3) add(8, 'US air power as a backstop');
  else if (us >= 1) add(4, 'US support short of air power');
  if (pkg.guarantee === 'article5-like') add(10, '"Article 5-like" guarantee');
  else if (pkg.guarantee === 'assurances') add(3, 'political assurances');

  const tensionPenalty = -Math.round(ctx.meters.tension / 6);
  if (tensionPenalty < 0) add(tensionPenalty, `tension at ${ctx.meters.tension}`);
  for (const p of ['russia', 'ukraine'] as const) {
    const margin = utility(level, p, pkg) - ctx.walkAway[p];
    if (margin < 0) add(Math.round(margin / 2), `${p === 'russia' ? 'Russia' : 'Ukraine'} signed below its walk-away value`);
  }
  return { value: Math.round(clamp(d, 0, 100)), factors };
}

export function makeOutcome(level: Level, ctx: GameContext, kind: OutcomeKind, reason: string): Outcome {
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
    reason,
    package: pkg,
    durability: durability?.value ?? null,
    durabilityFactors: durability?.factors ?? [],
    values,
    scores,
  };
}
