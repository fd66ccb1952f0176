import {
  DURABILITY_BASE,
  DURABILITY_TERMS,
  durabilityKey,
  durabilityPointsTable,
  TERMS,
  WARRING,
  CARRIED_MANDATE,
  optionIndex,
  clamp,
  expectedValue,
  marginPoints,
  tensionPoints,
  trustPoints,
  type GameView,
  type Level,
  type Package,
  type PartyId,
  type TermId,
  type UtilityTable,
} from '../core';

/**
 * A computer party's own valuation of packages, on packages written as option indices per active term
 * (`Bid`): its utility from its brief, and (when it counts durability) the value the score will give
 * it: walk-away + (utility − walk-away) × the chance the deal holds, estimated from public facts
 * (the package, tension, trust) and its own margin. This is the outcome's own arithmetic
 * (`dealValues`), less the other warring party's margin, which no seat can see.
 */
export type Bid = Int8Array;

export interface Valuation {
  readonly terms: readonly TermId[];
  readonly walkAway: number;
  utility(bid: Bid): number;
  value(bid: Bid): number;
}

export function toPackage(level: Level, bid: Bid): Package {
  const pkg = { ...level.defaultPackage } as Record<TermId, string>;
  level.activeTerms.forEach((t, k) => (pkg[t] = TERMS[t].options[bid[k]].id));
  return pkg;
}

export function toBid(level: Level, pkg: Package): Bid {
  return Int8Array.from(level.activeTerms.map((t) => optionIndex(t, pkg[t])));
}

export function valuation(level: Level, view: GameView, table: UtilityTable, me: PartyId, countsDurability: boolean): Valuation {
  const terms = level.activeTerms;
  const walkAway = view.brief!.currentWalkAway;
  const kTroops = terms.indexOf('peacekeepers');
  const kMandate = terms.indexOf('mandate');
  const termPoints = terms.map((t) => table.points[t]);
  const fixedTroops = optionIndex('peacekeepers', level.defaultPackage.peacekeepers);
  const shared = tensionPoints(view.meters.tension) + trustPoints(view.meters.trust['ukraine-russia']);
  const warring = WARRING.includes(me);
  // Where each of the six durability terms sits in a bid, or the level's fixed option when inactive.
  const durabilityAt = DURABILITY_TERMS.map((t) => terms.indexOf(t));
  const fixed = DURABILITY_TERMS.map((t) => optionIndex(t, level.defaultPackage[t]));
  const points = durabilityPointsTable();
  const options = new Int8Array(DURABILITY_TERMS.length);

  const utility = (bid: Bid): number => {
    let u = 0;
    for (let k = 0; k < terms.length; k++) u += termPoints[k][bid[k]];
    if (kMandate >= 0) {
      const carried = CARRIED_MANDATE[kTroops >= 0 ? bid[kTroops] : fixedTroops][bid[kMandate]];
      u += termPoints[kMandate][carried] - termPoints[kMandate][bid[kMandate]];
    }
    return u;
  };
  const value = (bid: Bid): number => {
    const u = utility(bid);
    if (!countsDurability) return u;
    for (let j = 0; j < options.length; j++) options[j] = durabilityAt[j] >= 0 ? bid[durabilityAt[j]] : fixed[j];
    let d = DURABILITY_BASE + points[durabilityKey(options)] + shared;
    if (warring) d += marginPoints(u, walkAway);
    return expectedValue(u, walkAway, Math.round(clamp(d, 0, 100)));
  };
  return { terms, walkAway, utility, value };
}
