import { CARRIED_MANDATE, type PartyId, type UtilityTable } from '../core';
import { estimatedUtility, type OpponentModel } from './model';
import type { Bid, Valuation } from './valuation';

/**
 * Building a bid from the package on the table (the bidding strategy). A counter-offer starts where the
 * talks are, not from the party's own wish list: first it takes back just enough, on the terms that
 * cost the others least, to reach its aspiration; then it trades, giving ground where that helps the
 * others most for the least cost to itself, while it stays at its aspiration. The result lies near the
 * frontier as the party estimates it, and it differs with every table: two different tables get two
 * different answers.
 */

/** Per active term, the option indices the party would put forward. */
export type Allowed = readonly (readonly number[])[];

export interface BidContext {
  allowed: Allowed;
  valuation: Valuation;
  model: OpponentModel;
  /** How much each other party's estimated gain counts in a trade (the party furthest from a deal counts most). */
  weights: ReadonlyMap<PartyId, number>;
  /** Options within this share of the best step are equally good: the seeded random picks among them. */
  tolerance: number;
  random: () => number;
  /** How far the search goes: each phase (taking back, trading) takes at most twice this many steps. */
  maxSteps: number;
}

function othersValue(c: BidContext, bid: Bid): number {
  let s = 0;
  for (const o of c.model.others) s += (c.weights.get(o) ?? 1) * estimatedUtility(c.model, o, bid);
  return s;
}

function isOffered(c: BidContext, k: number, i: number): boolean {
  return c.allowed[k].includes(i) && !c.model.forbidden[k].has(i);
}

/** Replaces options the party may not put forward, or that another party has shown it will not sign. */
export function repair(c: BidContext, start: Bid): Bid {
  const bid = Int8Array.from(start);
  for (let k = 0; k < bid.length; k++) {
    if (isOffered(c, k, bid[k])) continue;
    let best = -1;
    let bestValue = -Infinity;
    for (const i of c.allowed[k]) {
      if (c.model.forbidden[k].has(i)) continue;
      bid[k] = i;
      const v = c.valuation.value(bid) + othersValue(c, bid);
      if (v > bestValue) {
        bestValue = v;
        best = i;
      }
    }
    bid[k] = best >= 0 ? best : (c.allowed[k][0] ?? start[k]);
  }
  return bid;
}

interface Step {
  k: number;
  i: number;
  ratio: number;
}

/** Among steps within `tolerance` of the best ratio, a seeded choice (so near-equal bids vary from game to game). */
function pick(c: BidContext, steps: Step[]): Step | null {
  if (steps.length === 0) return null;
  let best = 0;
  for (const s of steps) best = Math.max(best, s.ratio);
  const near = steps.filter((s) => s.ratio >= best * (1 - c.tolerance));
  return near[Math.floor(c.random() * near.length)] ?? near[0];
}

/** Calls `visit` with the bid changed in one term to one other option it may offer (then restores it). */
function eachSingleChange(c: BidContext, bid: Bid, visit: (k: number, i: number) => void): void {
  for (let k = 0; k < bid.length; k++) {
    const current = bid[k];
    for (const i of c.allowed[k]) {
      if (i === current || c.model.forbidden[k].has(i)) continue;
      bid[k] = i;
      visit(k, i);
      bid[k] = current;
    }
  }
}

/**
 * Writes the mandate the force can carry (every party values the two alike), so that a package never
 * asks for a mandate with no troops to carry it: people read the written terms.
 */
function writeCarriedMandate(c: BidContext, bid: Bid): Bid {
  const kTroops = c.valuation.terms.indexOf('peacekeepers');
  const kMandate = c.valuation.terms.indexOf('mandate');
  if (kTroops < 0 || kMandate < 0) return bid;
  const carried = CARRIED_MANDATE[bid[kTroops]][bid[kMandate]];
  if (carried !== bid[kMandate] && c.allowed[kMandate].includes(carried)) bid[kMandate] = carried;
  return bid;
}

/** The bid the party makes from `start` to reach `target` (its aspiration) for itself. */
export function buildBid(c: BidContext, start: Bid, target: number): Bid {
  const bid = repair(c, start);
  let own = c.valuation.value(bid);
  let others = othersValue(c, bid);
  let changes = 0;
  // Take back: the smallest loss to the others per point gained, until the aspiration is met.
  while (own < target && changes < c.maxSteps * 2) {
    const steps: Step[] = [];
    eachSingleChange(c, bid, (k, i) => {
      const gain = c.valuation.value(bid) - own;
      if (gain > 1e-9) steps.push({ k, i, ratio: gain / Math.max(0.02, others - othersValue(c, bid)) });
    });
    const s = pick(c, steps);
    if (!s) break;
    bid[s.k] = s.i;
    own = c.valuation.value(bid);
    others = othersValue(c, bid);
    changes++;
  }
  // Trade: the largest gain to the others per point given up, as long as the aspiration still holds
  // and someone still needs more to sign (giving more than that is a gift).
  for (let n = 0; n < c.maxSteps * 2 && !everyoneServed(c, bid); n++) {
    const steps: Step[] = [];
    eachSingleChange(c, bid, (k, i) => {
      const mine = c.valuation.value(bid);
      const gain = othersValue(c, bid) - others;
      if (mine >= target - 1e-9 && gain > 1e-6) steps.push({ k, i, ratio: gain / Math.max(0.05, own - mine) });
    });
    const s = pick(c, steps);
    if (!s) break;
    bid[s.k] = s.i;
    own = c.valuation.value(bid);
    others = othersValue(c, bid);
  }
  return writeCarriedMandate(c, bid);
}

/**
 * The party's best bid within what it may put forward: its best option per term by utility, then
 * coordinate ascent on its value (durability makes terms interact). Starting from the utility optimum
 * matters: below its walk-away value a fragile deal looks better than a sound one, a trap for a search
 * that starts from nothing.
 */
export function idealBid(c: BidContext, table: UtilityTable): Bid {
  const terms = table.terms;
  const bid = new Int8Array(terms.length);
  terms.forEach((t, k) => {
    let best = -Infinity;
    for (const i of c.allowed[k]) {
      if (c.model.forbidden[k].has(i)) continue;
      if (table.points[t][i] > best) {
        best = table.points[t][i];
        bid[k] = i;
      }
    }
  });
  for (let pass = 0; pass < 3; pass++) {
    let moved = false;
    for (let k = 0; k < terms.length; k++) {
      let best = bid[k];
      let bestValue = c.valuation.value(bid);
      const current = bid[k];
      for (const i of c.allowed[k]) {
        if (c.model.forbidden[k].has(i)) continue;
        bid[k] = i;
        const v = c.valuation.value(bid);
        if (v > bestValue + 1e-9) {
          bestValue = v;
          best = i;
        }
      }
      bid[k] = best;
      if (best !== current) moved = true;
    }
    if (!moved) break;
  }
  return bid;
}

/** Share of its estimated utility a party may lose against its own latest offer and still sign. */
const SIGNING_SLACK = 0.04;

/**
 * Whether every other party would, as far as the model can tell, sign the bid: it gives each at least
 * what that party's own latest offer gave it, less a little. A party that has made no offer yet
 * gives no such sign, so the bid keeps trading toward it.
 */
function everyoneServed(c: BidContext, bid: Bid): boolean {
  for (const o of c.model.others) {
    const last = c.model.lastOffer.get(o);
    if (!last) return false;
    if (estimatedUtility(c.model, o, bid) < estimatedUtility(c.model, o, last) - SIGNING_SLACK) return false;
  }
  return true;
}
