import seedrandom from 'seedrandom';
import {
  TERMS,
  briefTable,
  legalMoves,
  optionIndex,
  refusalFor,
  samePackage,
  utilityOf,
  viewFor,
  type Difficulty,
  type GameState,
  type GameView,
  type Intent,
  type LegalMove,
  type Level,
  type Package,
  type PartyId,
  type TermId,
  type UtilityTable,
} from '../core';
import { allowedOptions, modelFor, ownOptions, type OpponentModel } from './model';
import { PROFILES, type Profile } from './profile';
import { acceptRationale, offerRationale, rejectRationale } from './rationale';

/**
 * A computer party's move. It sees only what its seat may see (its view: its own brief and the public
 * state) and chooses among its legal moves; it concedes over time according to its difficulty.
 */

/** Share of the talks already spent, 0 at the first turn of round 1, close to 1 at the last turn. */
function timeSpent(view: GameView, level: Level): number {
  const turnIndex = view.turn ? level.turnOrder.indexOf(view.turn) : 0;
  return Math.min(1, (view.round - 1 + turnIndex / level.turnOrder.length) / level.rounds);
}

export function aspiration(profile: Profile, best: number, walkAway: number, t: number, lastRound: boolean): number {
  const floor = walkAway + profile.floor;
  if (lastRound) return profile.closesDeals ? walkAway + 0.5 : floor;
  const a = walkAway + (best - walkAway) * (1 - Math.pow(t, 1 / profile.beta));
  return Math.max(floor, a);
}

/** Per active term, the option indices the party would put forward (its legal options, within the others' public limits). */
type Allowed = readonly (readonly number[])[];

/**
 * The options a party would put forward depend only on its legal options (a list the rules share per
 * combination of public facts) and the others' public limits, so they are worked out once per
 * combination, as is the party's ideal package among them.
 */
const allowedCache = new WeakMap<object, Map<string, Allowed>>();
const idealCache = new WeakMap<Allowed, WeakMap<UtilityTable, Package>>();

function allowedFor(level: Level, view: GameView, own: Record<TermId, string[]>, modelsLimits: boolean): Allowed {
  let byKey = allowedCache.get(own);
  if (!byKey) allowedCache.set(own, (byKey = new Map()));
  const key = `${view.viewer}|${modelsLimits}|${view.usSupportCeiling}|${view.commitments.guaranteesDemanded}|${view.meters.coalitionCapacity}`;
  let allowed = byKey.get(key);
  if (!allowed) byKey.set(key, (allowed = level.activeTerms.map((term) => allowedOptions(level, view, own, term, modelsLimits))));
  return allowed;
}

function idealOf(level: Level, allowed: Allowed, table: UtilityTable): Package {
  let byTable = idealCache.get(allowed);
  if (!byTable) idealCache.set(allowed, (byTable = new WeakMap()));
  let ideal = byTable.get(table);
  if (!ideal) byTable.set(table, (ideal = idealFrom(level, allowed, table)));
  return ideal;
}

function idealFrom(level: Level, allowed: Allowed, table: UtilityTable): Package {
  const pkg = { ...level.defaultPackage } as Record<TermId, string>;
  level.activeTerms.forEach((t, k) => {
    let best = -1;
    let bestPoints = -Infinity;
    for (const i of allowed[k])
      if (table.points[t][i] > bestPoints) {
        bestPoints = table.points[t][i];
        best = i;
      }
    if (best >= 0) pkg[t] = TERMS[t].options[best].id;
  });
  return pkg;
}

/**
 * From the party's ideal package, give ground term by term where it helps the others most for the least
 * cost to itself, until its own utility would drop below its aspiration.
 */
export function concede(
  level: Level,
  allowed: Allowed,
  table: UtilityTable,
  model: OpponentModel,
  profile: Profile,
  target: number,
  ideal: Package,
): Package {
  const terms = level.activeTerms;
  const idx = terms.map((t) => optionIndex(t, ideal[t]));
  let own = utilityOf(table, ideal);
  for (let guard = 0; guard < 24; guard++) {
    let bestRatio = 0;
    let bestTerm = -1;
    let bestOption = -1;
    let bestOwn = own;
    for (let k = 0; k < terms.length; k++) {
      const points = table.points[terms[k]];
      const gains = model.othersGain[terms[k]];
      const current = idx[k];
      for (const i of allowed[k]) {
        if (i === current) continue;
        const newOwn = own - points[current] + points[i];
        if (newOwn < target) continue;
        const gain = gains[i] - gains[current];
        if (gain <= 1e-9) continue;
        const ratio = (gain * profile.generosity) / Math.max(0.05, own - newOwn);
        if (ratio > bestRatio) {
          bestRatio = ratio;
          bestTerm = k;
          bestOption = i;
          bestOwn = newOwn;
        }
      }
    }
    if (bestTerm < 0) break;
    idx[bestTerm] = bestOption;
    own = bestOwn;
  }
  const pkg = { ...ideal } as Record<TermId, string>;
  terms.forEach((t, k) => (pkg[t] = TERMS[t].options[idx[k]].id));
  return pkg;
}

function rngFor(view: GameView, me: PartyId): () => number {
  return seedrandom.alea(`${view.seed}|${me}|${view.step}`);
}

/** For a caller that holds the whole game (a table, the server): the seat's view and legal moves, then its choice. */
export function decideFor(level: Level, state: GameState, me: PartyId, difficulty: Difficulty): Intent {
  if (state.phase === 'briefing') return { type: 'game.start', by: me };
  const view = viewFor(level, state, me);
  return decide(level, view, legalMoves(level, view).moves, difficulty);
}

const HOLD: Intent['rationale'] = { code: 'hold' };

export function decide(level: Level, view: GameView, legal: readonly LegalMove[], difficulty: Difficulty): Intent {
  const me = view.viewer as PartyId;
  const intent = choose(level, view, legal, me, difficulty);
  // The seat's own legal moves have the last word: a move they would refuse becomes holding position.
  if (refusalFor(level, view, intent) === null) return intent;
  return { type: 'party.pass', by: me, rationale: HOLD };
}

function has(legal: readonly LegalMove[], type: Intent['type']): boolean {
  return legal.some((m) => m.type === type);
}

function choose(level: Level, view: GameView, legal: readonly LegalMove[], me: PartyId, difficulty: Difficulty): Intent {
  if (has(legal, 'game.start')) return { type: 'game.start', by: me };
  const profile = PROFILES[difficulty];
  const brief = view.brief!;
  const table = briefTable(level.activeTerms, brief, me);
  const model = modelFor(view, me);
  const random = rngFor(view, me);
  const walkAway = brief.currentWalkAway;
  const t = timeSpent(view, level);
  const lastRound = view.round >= level.rounds;
  const own = ownOptions(legal);
  const allowed: Allowed | null = own ? allowedFor(level, view, own, profile.modelsLimits) : null;
  const ideal = allowed ? idealOf(level, allowed, table) : null;
  const best = ideal ? utilityOf(table, ideal) : walkAway;
  const target = aspiration(profile, best, walkAway, t, lastRound);
  const onTable = view.table;

  if (onTable) {
    const u = utilityOf(table, onTable.terms);
    const canAccept = has(legal, 'party.accept');
    const alreadyAccepted = onTable.acceptedBy.includes(me);
    if (canAccept && u >= target) return { type: 'party.accept', by: me, rationale: acceptRationale(table, onTable.terms) };
    if (alreadyAccepted)
      return supportingMove(view, legal, me, random) ?? { type: 'party.pass', by: me, rationale: { code: 'await-answers' } };
    const special = tacticalMove(view, legal, me, profile, random, u, walkAway, t);
    if (special) return special;
    // Walking out ends the talks for everyone: only when tension is extreme and the table is far from acceptable.
    if (t >= 0.4 && u < walkAway - profile.patience / 2 && view.meters.tension >= 85 && random() < 0.1) {
      return { type: 'party.walkOut', by: me, rationale: { code: 'walk-out' } };
    }
    const wantsToReject = !canAccept || u < walkAway - profile.patience;
    if (wantsToReject && has(legal, 'party.reject') && random() < 0.45) {
      return { type: 'party.reject', by: me, rationale: rejectRationale(brief.redLines, table, onTable.terms) };
    }
    if (allowed && ideal) {
      const pkg = concede(level, allowed, table, model, profile, target, ideal);
      if (!samePackage(pkg, onTable.terms))
        return { type: 'party.counter', by: me, package: pkg, rationale: offerRationale(table, onTable.terms, pkg) };
    }
    return { type: 'party.pass', by: me, rationale: HOLD };
  }

  const special = tacticalMove(view, legal, me, profile, random, null, walkAway, t);
  if (special) return special;
  if (!allowed || !ideal || !has(legal, 'party.propose')) return { type: 'party.pass', by: me, rationale: HOLD };
  const pkg = concede(level, allowed, table, model, profile, target, ideal);
  return { type: 'party.propose', by: me, package: pkg, rationale: offerRationale(table, null, pkg) };
}

/** Commitments and demands that back a package the party already supports. */
function supportingMove(view: GameView, legal: readonly LegalMove[], me: PartyId, random: () => number): Intent | null {
  const table = view.table!;
  for (const m of legal) {
    if (m.type === 'us.offerAirSupport' && view.commitments.usSupport === 'none') {
      const wanted = Math.max(1, optionIndex('usSupport', table.terms.usSupport));
      const option = m.levels.filter((l) => optionIndex('usSupport', l) <= wanted).pop() ?? null;
      if (option && random() < 0.6)
        return { type: 'us.offerAirSupport', by: 'us', level: option, rationale: { code: 'air-support', support: option } };
    }
    if (m.type === 'coalition.pledgeTroops') {
      const troops = Number(table.terms.peacekeepers);
      if (troops >= m.min && troops <= m.max && troops !== m.except && random() < 0.6)
        return { type: 'coalition.pledgeTroops', by: 'coalition', troops, rationale: { code: 'pledge', troops } };
    }
  }
  if (random() < 0.3) return { type: 'party.statement', by: me, tone: 'conciliatory', rationale: { code: 'ready-to-sign' } };
  return null;
}

/** Moves only one party can make, when they serve its interests. */
function tacticalMove(
  view: GameView,
  legal: readonly LegalMove[],
  me: PartyId,
  profile: Profile,
  random: () => number,
  onTable: number | null,
  walkAway: number,
  t: number,
): Intent | null {
  if (has(legal, 'ukraine.demandGuarantees') && view.round <= 2 && random() < 0.7) {
    return { type: 'ukraine.demandGuarantees', by: 'ukraine', rationale: { code: 'define-guarantees' } };
  }
  if (me === 'russia') {
    const behind = onTable !== null && onTable < walkAway - profile.patience;
    if (has(legal, 'russia.escalate') && behind && view.meters.tension < 75 && t < 0.8 && random() < profile.tactics * 0.6) {
      return { type: 'russia.escalate', by: 'russia', rationale: { code: 'escalate' } };
    }
    if (has(legal, 'russia.stall') && t < 0.6 && random() < profile.tactics * 0.5) {
      return { type: 'russia.stall', by: 'russia', rationale: { code: 'stall' } };
    }
  }
  return null;
}
