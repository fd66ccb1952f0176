import type { PartyId } from './parties';
import type { DurabilityFactor } from './state';
import { TERMS, optionIndex, type Package, type TermId } from './terms';

/**
 * How the terms of a deal interact, and what a deal is worth once its chance of holding is counted.
 * Utilities from the briefs are additive per term; these rules are where terms depend on each other.
 * Every number here is a game assumption (the articles give the force sizes discussed, 4,000 to 60,000
 * troops, but no doctrine for what each mandate needs); the README's deal-model section quotes them.
 */

/** The smallest force that can carry each mandate: observers need no minimum, patrolling a few thousand, enforcing a large force. */
export const MANDATE_TROOPS: Readonly<Record<string, number>> = { observe: 0, 'train-and-defend': 4000, enforce: 15000 };

/** Troops needed per kilometre of zone depth to police it (a 40 km zone needs 30,000). */
export const TROOPS_PER_KM = 750;

const MANDATES = ['observe', 'train-and-defend', 'enforce'] as const;

/**
 * The mandate a package's force can actually carry: a written mandate is worth nothing without the
 * troops to carry it, so "enforce" with 4,000 troops counts as patrolling, and any mandate with no
 * troops counts as observing.
 */
export function carriedMandate(troops: number, mandate: string): string {
  let k = MANDATES.indexOf(mandate as (typeof MANDATES)[number]);
  if (k < 0) return mandate;
  while (k > 0 && troops < MANDATE_TROOPS[MANDATES[k]]) k--;
  return MANDATES[k];
}

/**
 * The same by option index, for code that works on indices (the deal space, the computer parties'
 * bids): troops option → written mandate option → the mandate option that force can carry.
 */
export const CARRIED_MANDATE: readonly (readonly number[])[] = TERMS.peacekeepers.options.map((troops) =>
  MANDATES.map((m) => MANDATES.indexOf(carriedMandate(Number(troops.id), m) as (typeof MANDATES)[number])),
);

/** The probability (0–100) every estimate starts from before the package's terms and the talks' state. */
export const DURABILITY_BASE = 45;

/**
 * The durability factors that depend on the package alone (enforcement credibility: ceasefire, force
 * and mandate against the zone, the US backstop, the guarantee).
 */
export function packageDurabilityFactors(pkg: Package): DurabilityFactor[] {
  const out: DurabilityFactor[] = [];
  if (pkg.ceasefire === 'full') out.push({ factor: 'full-ceasefire', points: 12 });
  else if (pkg.ceasefire === 'partial') out.push({ factor: 'partial-ceasefire', points: 3 });
  else out.push({ factor: 'no-ceasefire', points: -20 });

  const troops = Number(pkg.peacekeepers);
  const depth = Number(pkg.bufferDepthKm);
  const mandate = carriedMandate(troops, pkg.mandate);
  if (mandate === 'enforce') out.push({ factor: 'enforcement-mandate', points: 14 });
  else if (mandate === 'train-and-defend') out.push({ factor: 'patrol-and-train', points: 8 });
  else if (troops > 0) out.push({ factor: 'observers-only', points: 2 });
  if (depth > 0) {
    if (troops < depth * TROOPS_PER_KM) out.push({ factor: 'zone-under-policed', points: -10, depthKm: depth });
    else out.push({ factor: 'zone-policed', points: 5, depthKm: depth });
  }

  const us = optionIndex('usSupport', pkg.usSupport);
  if (us >= 3) out.push({ factor: 'us-air-backstop', points: 8 });
  else if (us >= 1) out.push({ factor: 'us-support-short-of-air', points: 4 });
  if (pkg.guarantee === 'article5-like') out.push({ factor: 'article5-like', points: 10 });
  else if (pkg.guarantee === 'assurances') out.push({ factor: 'assurances', points: 3 });
  return out;
}

/** The six terms a package's own durability points depend on, in the order `durabilityKey` reads them. */
export const DURABILITY_TERMS = ['ceasefire', 'bufferDepthKm', 'peacekeepers', 'mandate', 'usSupport', 'guarantee'] as const;
const DURABILITY_RADIX = DURABILITY_TERMS.map((t) => TERMS[t].options.length);
let durabilityTable: Int16Array | null = null;

/** The index in `durabilityPointsTable` of one option index per durability term (in `DURABILITY_TERMS` order). */
export function durabilityKey(options: ArrayLike<number>): number {
  let key = 0;
  for (let j = 0; j < DURABILITY_TERMS.length; j++) key = key * DURABILITY_RADIX[j] + options[j];
  return key;
}

/**
 * The points `packageDurabilityFactors` gives, for every combination of the six terms
 * (3 × 5 × 5 × 3 × 5 × 3 = 3,375), filled once: the deal space and the computer parties' valuation
 * look durability up by number on their hot paths instead of building packages.
 */
export function durabilityPointsTable(): Int16Array {
  if (durabilityTable) return durabilityTable;
  const table = new Int16Array(DURABILITY_RADIX.reduce((a, b) => a * b, 1));
  for (let key = 0; key < table.length; key++) {
    const pkg = {} as Record<TermId, string>;
    let rest = key;
    for (let j = DURABILITY_TERMS.length - 1; j >= 0; j--) {
      pkg[DURABILITY_TERMS[j]] = TERMS[DURABILITY_TERMS[j]].options[rest % DURABILITY_RADIX[j]].id;
      rest = Math.floor(rest / DURABILITY_RADIX[j]);
    }
    let points = 0;
    for (const f of packageDurabilityFactors(pkg as Package)) points += f.points;
    table[key] = points;
  }
  return (durabilityTable = table);
}

/** Higher tension makes any deal less likely to hold: a point off for every 6 points of tension. */
export function tensionPoints(tension: number): number {
  return -Math.round(tension / 6);
}

/** Trust between the two warring parties above or below a neutral 30 adds or takes a point per 10. */
export function trustPoints(trust: number): number {
  return Math.round((trust - 30) / 10);
}

/** A warring party that signed below its walk-away value has a reason to break the deal: half the shortfall. */
export function marginPoints(utility: number, walkAway: number): number {
  const margin = utility - walkAway;
  return margin < 0 ? Math.round(margin / 2) : 0;
}

/** The parties whose signature below their walk-away makes a deal fragile: the two at war. */
export const WARRING: readonly PartyId[] = ['russia', 'ukraine'];

/**
 * What a deal is worth to a party once its chance of holding is counted: with probability d it holds
 * (the party gets the deal's utility), otherwise the talks' failure leaves it at its walk-away value.
 */
export function expectedValue(utility: number, walkAway: number, durability: number): number {
  return walkAway + ((utility - walkAway) * durability) / 100;
}
