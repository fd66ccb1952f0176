import type { Level } from './level';
import { PARTY_IDS, type PartyId } from './parties';
import { TERMS, optionIndex, type Package, type TermId } from './terms';
import { utilityTables } from './utility';
import {
  DURABILITY_BASE,
  DURABILITY_TERMS,
  WARRING,
  CARRIED_MANDATE,
  durabilityKey,
  durabilityPointsTable,
  expectedValue,
  marginPoints,
  tensionPoints,
  trustPoints,
} from './deal-value';
import { clamp } from './meters';

/**
 * The deal space: every package a level allows, with each party's utility. The debrief uses it for
 * the Pareto frontier, the Nash bargaining point and how far the signed deal was from the frontier.
 * The main level has 243,000 packages; utilities are added term by term into typed arrays.
 */
export interface DealSpace {
  terms: readonly TermId[];
  size: number;
  /** utilities[p][i]: party p's utility (0–100) for package i. */
  utilities: Record<PartyId, Float64Array>;
  /** Whether package i crosses nobody's red line. */
  signable: Uint8Array;
  /** The durability points package i earns from its own terms (before tension, trust and margins). */
  durabilityPoints: Int16Array;
  packageAt(i: number): Package;
  indexOf(pkg: Package): number;
}

const cache = new WeakMap<Level, DealSpace>();

export function dealSpace(level: Level): DealSpace {
  let space = cache.get(level);
  if (!space) cache.set(level, (space = buildDealSpace(level)));
  return space;
}

function buildDealSpace(level: Level): DealSpace {
  const terms = level.activeTerms;
  const radix = terms.map((t) => TERMS[t].options.length);
  const size = radix.reduce((a, b) => a * b, 1);
  const tables = utilityTables(level);
  const utilities = {} as Record<PartyId, Float64Array>;
  for (const p of PARTY_IDS) utilities[p] = new Float64Array(size);
  const signable = new Uint8Array(size).fill(1);
  // Package index i is a mixed-radix number: the first active term is the most significant digit.
  let stride = size;
  terms.forEach((t, k) => {
    stride /= radix[k];
    const forbidden = new Set<number>();
    for (const p of PARTY_IDS)
      for (const r of level.parties[p].redLines)
        if (r.term === t) for (const o of r.forbidden) forbidden.add(TERMS[t].options.findIndex((x) => x.id === o));
    for (let i = 0; i < size; i++) {
      const digit = Math.floor(i / stride) % radix[k];
      for (const p of PARTY_IDS) utilities[p][i] += tables[p].points[t][digit];
      if (forbidden.has(digit)) signable[i] = 0;
    }
  });
  // The one interaction in utilities: a mandate counts as the force can carry it (see `utilityOf`).
  const kTroops = terms.indexOf('peacekeepers');
  const kMandate = terms.indexOf('mandate');
  const strides = radix.map((_, k) => radix.slice(k + 1).reduce((a, b) => a * b, 1));
  if (kTroops >= 0 && kMandate >= 0) {
    for (let i = 0; i < size; i++) {
      const written = Math.floor(i / strides[kMandate]) % radix[kMandate];
      const carried = CARRIED_MANDATE[Math.floor(i / strides[kTroops]) % radix[kTroops]][written];
      if (carried !== written)
        for (const p of PARTY_IDS) utilities[p][i] += tables[p].points.mandate[carried] - tables[p].points.mandate[written];
    }
  }
  const packageAt = (i: number): Package => {
    const pkg = { ...level.defaultPackage } as Record<TermId, string>;
    let s = size;
    terms.forEach((t, k) => {
      s /= radix[k];
      pkg[t] = TERMS[t].options[Math.floor(i / s) % radix[k]].id;
    });
    return pkg;
  };
  const indexOf = (pkg: Package): number => {
    let i = 0;
    terms.forEach((t, k) => {
      i = i * radix[k] + TERMS[t].options.findIndex((o) => o.id === pkg[t]);
    });
    return i;
  };
  const durabilityPoints = durabilityPointsOf(level, size, radix, strides);
  return { terms, size, utilities, signable, durabilityPoints, packageAt, indexOf };
}

/** Each package's durability points from its own terms, looked up per combination of the six terms. */
function durabilityPointsOf(level: Level, size: number, radix: readonly number[], strides: readonly number[]): Int16Array {
  const ks = DURABILITY_TERMS.map((t) => level.activeTerms.indexOf(t));
  const fixed = DURABILITY_TERMS.map((t) => optionIndex(t, level.defaultPackage[t]));
  const points = durabilityPointsTable();
  const options = new Int8Array(DURABILITY_TERMS.length);
  const out = new Int16Array(size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < ks.length; j++) options[j] = ks[j] >= 0 ? Math.floor(i / strides[ks[j]]) % radix[ks[j]] : fixed[j];
    out[i] = points[durabilityKey(options)];
  }
  return out;
}

/** What the debrief needs of a game's state to value packages: its tension, trust and walk-away values. */
export interface ValueContext {
  tension: number;
  trust: number;
  walkAway: Record<PartyId, number>;
}

const valueCache = new WeakMap<DealSpace, Map<string, DealSpace>>();

/**
 * The deal space valued as outcomes are: each party's walk-away value plus the deal's gain weighted by
 * its durability at this tension, trust and these walk-away values (`dealValues` for one package).
 */
export function valueSpace(space: DealSpace, ctx: ValueContext): DealSpace {
  let byKey = valueCache.get(space);
  if (!byKey) valueCache.set(space, (byKey = new Map()));
  const key = `${ctx.tension}|${ctx.trust}|${PARTY_IDS.map((p) => ctx.walkAway[p]).join(',')}`;
  let valued = byKey.get(key);
  if (valued) return valued;
  const shared = tensionPoints(ctx.tension) + trustPoints(ctx.trust);
  const utilities = {} as Record<PartyId, Float64Array>;
  for (const p of PARTY_IDS) utilities[p] = new Float64Array(space.size);
  for (let i = 0; i < space.size; i++) {
    let d = DURABILITY_BASE + space.durabilityPoints[i] + shared;
    for (const p of WARRING) d += marginPoints(space.utilities[p][i], ctx.walkAway[p]);
    d = Math.round(clamp(d, 0, 100));
    for (const p of PARTY_IDS) utilities[p][i] = expectedValue(space.utilities[p][i], ctx.walkAway[p], d);
  }
  valued = { ...space, utilities };
  if (byKey.size > 8) byKey.clear();
  byKey.set(key, valued);
  return valued;
}

/** a dominates b: at least as good for every party and better for one. */
export function dominates(space: DealSpace, a: number, b: number, parties: readonly PartyId[] = PARTY_IDS): boolean {
  let better = false;
  for (const p of parties) {
    const ua = space.utilities[p][a];
    const ub = space.utilities[p][b];
    if (ua < ub - 1e-9) return false;
    if (ua > ub + 1e-9) better = true;
  }
  return better;
}

/**
 * Indices of the signable packages that no other signable package dominates (sort-filter-skyline:
 * after sorting by total utility, a package can only be dominated by one that comes before it).
 */
export function paretoFrontier(space: DealSpace, parties: readonly PartyId[] = PARTY_IDS, candidates?: readonly number[]): number[] {
  const pool = candidates ? [...candidates] : Array.from({ length: space.size }, (_, i) => i).filter((i) => space.signable[i]);
  const total = (i: number) => parties.reduce((s, p) => s + space.utilities[p][i], 0);
  const sums = new Float64Array(space.size);
  for (const i of pool) sums[i] = total(i);
  pool.sort((a, b) => sums[b] - sums[a] || a - b);
  const frontier: number[] = [];
  for (const i of pool) {
    let dominated = false;
    for (const f of frontier) {
      if (dominates(space, f, i, parties)) {
        dominated = true;
        break;
      }
    }
    if (!dominated) frontier.push(i);
  }
  return frontier.sort((a, b) => a - b);
}

/**
 * The Nash bargaining solution over signable packages: the one that maximises the product of every
 * party's gain over its disagreement point (its walk-away value). Null when no package gives every
 * party more than its walk-away value.
 */
export function nashPoint(space: DealSpace, disagreement: Record<PartyId, number>): number | null {
  let best = -1;
  let bestProduct = 0;
  for (let i = 0; i < space.size; i++) {
    if (!space.signable[i]) continue;
    let product = 1;
    for (const p of PARTY_IDS) {
      const gain = space.utilities[p][i] - disagreement[p];
      if (gain <= 0) {
        product = 0;
        break;
      }
      product *= gain;
    }
    if (product > bestProduct) {
      bestProduct = product;
      best = i;
    }
  }
  return best >= 0 ? best : null;
}

/**
 * How far a package was from the frontier: the largest gain every party could have had at once
 * (max over signable packages of the smallest improvement), with the package that offers it.
 * 0 means the package is on the frontier (no package is better for everyone).
 */
export function frontierGap(space: DealSpace, index: number): { gap: number; better: number | null } {
  let gap = 0;
  let better: number | null = null;
  for (let i = 0; i < space.size; i++) {
    if (!space.signable[i]) continue;
    let least = Infinity;
    for (const p of PARTY_IDS) least = Math.min(least, space.utilities[p][i] - space.utilities[p][index]);
    if (least > gap + 1e-9) {
      gap = least;
      better = i;
    }
  }
  return { gap, better };
}

/**
 * A 2-D view for charts: the frontier of two parties' utilities among signable packages that the other
 * two parties value at least at their walk-away values.
 */
export function frontier2d(
  space: DealSpace,
  x: PartyId,
  y: PartyId,
  floors: Record<PartyId, number>,
): { x: number; y: number; index: number }[] {
  const others = PARTY_IDS.filter((p) => p !== x && p !== y);
  const points: number[] = [];
  for (let i = 0; i < space.size; i++) {
    if (!space.signable[i]) continue;
    if (others.every((p) => space.utilities[p][i] >= floors[p])) points.push(i);
  }
  points.sort((a, b) => space.utilities[x][b] - space.utilities[x][a] || space.utilities[y][b] - space.utilities[y][a]);
  const out: { x: number; y: number; index: number }[] = [];
  let bestY = -Infinity;
  for (const i of points) {
    const uy = space.utilities[y][i];
    if (uy > bestY + 1e-9) {
      bestY = uy;
      out.push({ x: space.utilities[x][i], y: uy, index: i });
    }
  }
  return out;
}

/**
 * The same deal space with fewer signable packages: those whose option of every term is among
 * `allowed[term]` (the options every party could sign when the talks ended: red lines, Coalition
 * capacity, Washington's ceiling, Ukraine's demand for guarantees; each is a limit on one term).
 */
export function restrictSignable(space: DealSpace, allowed: Readonly<Partial<Record<TermId, readonly string[]>>>): DealSpace {
  const terms = space.terms;
  const radix = terms.map((t) => TERMS[t].options.length);
  const signable = space.signable.slice();
  let stride = space.size;
  terms.forEach((t, k) => {
    stride /= radix[k];
    const ok = TERMS[t].options.map((o) => allowed[t]?.includes(o.id) ?? true);
    for (let i = 0; i < space.size; i++) if (!ok[Math.floor(i / stride) % radix[k]]) signable[i] = 0;
  });
  return { ...space, signable };
}
