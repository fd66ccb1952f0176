import seedrandom from 'seedrandom';
import {
  briefTable,
  legalMoves,
  optionIndex,
  pairKey,
  refusalFor,
  viewFor,
  type Difficulty,
  type GameState,
  type GameView,
  type Intent,
  type LegalMove,
  type Level,
  type PartyId,
  type TermId,
  type UtilityTable,
  type Package,
  type TermRef,
  WARRING,
} from '../core';
import { walkTables } from './history';
import { buildBid, idealBid, type Allowed, type BidContext } from './bidding';
import { allowedOptions, bestEstimate, estimatedUtility, modelFor, ownOptions, type OpponentModel } from './model';
import { PACE, PROFILES, type Profile } from './profile';
import { acceptRationale, offerRationale, rejectRationale } from './rationale';
import { toBid, toPackage, valuation, type Bid, type Valuation } from './valuation';

/**
 * A computer party's move, in the BOA manner of automated negotiators: a bidding strategy (counters
 * built from the package on the table, `bidding.ts`), an opponent model learned from the talks
 * (`model.ts`) and an acceptance strategy (below). It sees only what its seat may see (its view: its
 * own brief and the public state) and chooses among its legal moves.
 */

/** Share of the talks already spent, 0 at the first turn of round 1, close to 1 at the last turn. */
function timeSpent(view: GameView, level: Level): number {
  const turnIndex = view.turn ? level.turnOrder.indexOf(view.turn) : 0;
  return Math.min(1, (view.round - 1 + turnIndex / level.turnOrder.length) / level.rounds);
}

/** What the party insists on at time t: from its best toward its walk-away value, never below its floor. */
export function aspiration(profile: Profile, best: number, walkAway: number, t: number): number {
  const range = Math.max(0, best - walkAway);
  return walkAway + range * Math.max(profile.floorShare, 1 - Math.pow(t, 1 / profile.beta));
}

/** Per active term, the options the party would put forward; shared per combination of the public limits. */
const allowedCache = new WeakMap<object, Map<string, Allowed>>();

function allowedFor(level: Level, view: GameView, own: Record<TermId, string[]>, modelsLimits: boolean): Allowed {
  let byKey = allowedCache.get(own);
  if (!byKey) allowedCache.set(own, (byKey = new Map()));
  const key = `${view.viewer}|${modelsLimits}|${view.usSupportCeiling}|${view.commitments.guaranteesDemanded}|${view.meters.coalitionCapacity}`;
  let allowed = byKey.get(key);
  if (!allowed) byKey.set(key, (allowed = level.activeTerms.map((term) => allowedOptions(level, view, own, term, modelsLimits))));
  return allowed;
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

/**
 * The least gain in utility over its walk-away value a government at war can sell at home, as a share
 * of the most it could hope for (a game assumption).
 */
const RATIFICATION_SHARE = 0.28;

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

/** Everything one decision works with. */
interface Situation {
  level: Level;
  view: GameView;
  legal: readonly LegalMove[];
  me: PartyId;
  profile: Profile;
  random: () => number;
  value: Valuation;
  model: OpponentModel;
  bids: BidContext | null;
  walkAway: number;
  best: number;
  /** The utility (not the value) of its best package: what ratification at home is judged against. */
  bestUtility: number;
  target: number;
  t: number;
  /** In the last two rounds, when an ultimatum is most tempting. */
  endgame: boolean;
  /** Too few turns remain for a package this party puts forward to collect every signature. */
  lastChance: boolean;
  /** The package on the table as option indices, or null when the table is empty. */
  tableBid: Bid | null;
}

/** Per game and party, the utility table a misjudging party works from (the true one at hard). */
const perceivedCache = new Map<string, UtilityTable>();

function perceivedTable(level: Level, view: GameView, me: PartyId, profile: Profile): UtilityTable {
  const table = briefTable(level.activeTerms, view.brief!, me);
  if (profile.misjudges <= 0) return table;
  const key = `${level.id}|${view.seed}|${me}|${profile.misjudges}`;
  let perceived = perceivedCache.get(key);
  if (!perceived || perceived.terms !== table.terms) {
    const random = seedrandom.alea(`${view.seed}|${me}|misjudge`);
    const points = {} as Record<TermId, number[]>;
    for (const t of Object.keys(table.points) as TermId[])
      points[t] = table.points[t].map((x) => x * (1 + profile.misjudges * (2 * random() - 1)));
    perceived = { ...table, points };
    if (perceivedCache.size > 256) perceivedCache.clear();
    perceivedCache.set(key, perceived);
  }
  return perceived;
}

/**
 * How fast this party gives ground in this game: its difficulty's curve, faster or slower by a seeded
 * factor per game (between ×0.5 and ×2), so the same parties do not close in the same round every game.
 */
function paceOf(view: GameView, me: PartyId): number {
  const key = `${view.seed}|${me}`;
  let pace = paces.get(key);
  if (pace === undefined) {
    const r = seedrandom.alea(`${key}|pace`)();
    pace = Math.exp(Math.log(0.5) + r * (Math.log(2) - Math.log(0.5)));
    if (paces.size > 1024) paces.clear();
    paces.set(key, pace);
  }
  return pace;
}

const paces = new Map<string, number>();

function situation(level: Level, view: GameView, legal: readonly LegalMove[], me: PartyId, difficulty: Difficulty): Situation {
  const profile = PROFILES[difficulty];
  const table = perceivedTable(level, view, me, profile);
  const value = valuation(level, view, table, me, profile.countsDurability);
  const model = modelFor(level, view, me, profile.learns);
  const random = rngFor(view, me);
  const own = ownOptions(legal);
  const allowed = own ? allowedFor(level, view, own, profile.modelsLimits) : null;
  const tableBid = view.table ? toBid(level, view.table.terms) : null;
  const weights = new Map<PartyId, number>();
  for (const o of model.others) {
    // Trade toward whoever is furthest from a deal, and toward those who trust this party less.
    const onTable = tableBid ? estimatedUtility(model, o, tableBid) : 0.5;
    const trust = view.meters.trust[pairKey(me, o)];
    weights.set(o, 1 + Math.max(0, 0.6 - onTable) + (profile.readsTrust ? (50 - trust) / 200 : 0));
  }
  const bids: BidContext | null = allowed
    ? {
        allowed,
        valuation: value,
        model,
        weights,
        tolerance: profile.tolerance,
        random,
        maxSteps: profile.maxSteps,
      }
    : null;
  const walkAway = value.walkAway;
  const ideal = bids ? idealBid(bids, table) : null;
  const best = ideal ? value.value(ideal) : walkAway;
  const bestUtility = ideal ? value.utility(ideal) : walkAway;
  const t = timeSpent(view, level);
  return {
    level,
    view,
    legal,
    me,
    profile,
    random,
    value,
    model,
    bids,
    walkAway,
    best,
    bestUtility,
    target: aspiration({ ...profile, beta: profile.beta * PACE[level.parties[me].pace] * paceOf(view, me) }, best, walkAway, t),
    t,
    endgame: view.round >= level.rounds - 1,
    lastChance: turnsAfter(level, view) < level.turnOrder.length - 1,
    tableBid,
  };
}

/** Turns still to come after this one, before the deadline. */
function turnsAfter(level: Level, view: GameView): number {
  const index = view.turn ? level.turnOrder.indexOf(view.turn) : 0;
  return (level.rounds - view.round) * level.turnOrder.length + (level.turnOrder.length - 1 - index);
}

function choose(level: Level, view: GameView, legal: readonly LegalMove[], me: PartyId, difficulty: Difficulty): Intent {
  if (has(legal, 'game.start')) return { type: 'game.start', by: me };
  const s = situation(level, view, legal, me, difficulty);
  return view.table ? answerTable(s) : openTalks(s);
}

/** The package on the table: accept, support, reject or counter it. */
function answerTable(s: Situation): Intent {
  const { level, view, legal, me, profile, random } = s;
  const onTable = view.table!;
  const tableBid = s.tableBid!;
  const v = s.value.value(tableBid);
  const brief = view.brief!;
  const utilities = briefTable(level.activeTerms, brief, me);
  if (onTable.acceptedBy.includes(me))
    return supportingMove(view, legal, me, random) ?? { type: 'party.pass', by: me, rationale: { code: 'await-answers' } };

  const next = s.bids ? buildBid(s.bids, tableBid, s.target) : null;
  const canAccept = has(legal, 'party.accept');
  if (canAccept && acceptable(s, v, next, onTable.proposedBy, tableBid))
    return { type: 'party.accept', by: me, rationale: acceptRationale(utilities, onTable.terms, ownRejections(level, view, me)) };

  const special = tacticalMove(s, v);
  if (special) return special;
  // Walking out ends the talks for everyone: only when tension is extreme and the table is far from acceptable.
  if (s.t >= 0.4 && v < s.walkAway - profile.patience / 2 && view.meters.tension >= 85 && random() < 0.1)
    return { type: 'party.walkOut', by: me, rationale: { code: 'walk-out' } };

  const crossesRedLine = brief.redLines.some((r) => r.forbidden.includes(onTable.terms[r.term]));
  const farBelow = v < s.walkAway - profile.patience;
  // Naming a red line in a rejection tells the others what not to offer again; a counter keeps talking.
  if ((crossesRedLine || farBelow || !canAccept) && has(legal, 'party.reject') && random() < (crossesRedLine ? 0.5 : 0.3))
    return { type: 'party.reject', by: me, rationale: rejectRationale(brief.redLines, utilities, onTable.terms) };
  if (next && has(legal, 'party.counter') && !s.lastChance) {
    const pkg = toPackage(level, next);
    if (!sameBid(next, tableBid))
      return { type: 'party.counter', by: me, package: pkg, rationale: offerRationale(utilities, onTable.terms, pkg) };
  }
  return { type: 'party.pass', by: me, rationale: HOLD };
}

function sameBid(a: Bid, b: Bid): boolean {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/**
 * The acceptance strategy. Accept when the table is worth at least what the party would ask for next
 * (its aspiration now, or its own next bid if that falls short of it; anything above its floor when it
 * is the last deal on offer); never below its floor; for the two warring governments, only what they
 * could sell at home (more when support at home is low); and, for a hard party in the last two rounds,
 * never a package that gives it little from a party that has not moved all game (an ultimatum).
 */
function acceptable(s: Situation, v: number, next: Bid | null, proposer: PartyId, tableBid: Bid): boolean {
  const { profile, view, me } = s;
  const range = Math.max(0.01, s.best - s.walkAway);
  const floor = s.walkAway + range * profile.floorShare * 0.5;
  if (v < floor) return false;
  // Ratification at home (the second level of a two-level game): the two governments at war sign
  // only a deal they can sell to their people, one that gains enough over fighting on, more so when
  // support at home is low. The US and the Coalition answer to no such vote in the game.
  if (WARRING.includes(me)) {
    const share = RATIFICATION_SHARE + Math.max(0, 45 - view.meters.domesticSupport[me]) / 200;
    if (s.value.utility(tableBid) - s.walkAway < share * Math.max(0, s.bestUtility - s.walkAway)) return false;
  }
  // When no counter-offer could still be signed by everyone, the table is the last deal on offer.
  const threshold = s.lastChance ? floor : next ? Math.min(s.target, s.value.value(next)) : s.target;
  if (v < threshold) return false;
  if (profile.refusesUltimatums && s.endgame && proposer !== me) {
    // An ultimatum: late, little for this party, close to everything the sender could want, from a
    // party that never put anything else forward.
    const first = s.model.firstOffer.get(proposer);
    const neverMoved = !first || (s.model.offers.get(proposer) ?? 0) <= 1 || sameBid(first, tableBid);
    const takesMuch = estimatedUtility(s.model, proposer, tableBid) >= 0.9 * bestEstimate(s.model, proposer);
    if (neverMoved && takesMuch && (v - s.walkAway) / range < 0.3) return false;
  }
  return true;
}

/** The packages this party rejected, with the terms it named as the ones it could not accept. */
function ownRejections(level: Level, view: GameView, me: PartyId): { worst: TermRef[]; pkg: Package }[] {
  const out: { worst: TermRef[]; pkg: Package }[] = [];
  walkTables(level, view.log, (e, before) => {
    if (e.kind === 'reject' && e.by === me && before && e.rationale?.code === 'reject' && e.rationale.worst.length)
      out.push({ worst: e.rationale.worst, pkg: toPackage(level, before) });
  });
  return out;
}

/** No package on the table: put one forward, starting from the last one discussed when there was one. */
function openTalks(s: Situation): Intent {
  const { level, view, legal, me } = s;
  const special = tacticalMove(s, null);
  if (special) return special;
  if (!s.bids || !has(legal, 'party.propose')) return { type: 'party.pass', by: me, rationale: HOLD };
  const last = lastPackage(view);
  const start = last ? toBid(level, last) : idealBid(s.bids, briefTable(level.activeTerms, view.brief!, me));
  const pkg = toPackage(level, buildBid(s.bids, start, s.target));
  return {
    type: 'party.propose',
    by: me,
    package: pkg,
    rationale: offerRationale(briefTable(level.activeTerms, view.brief!, me), null, pkg),
  };
}

/** The package most recently put forward by anyone (public positions), to restart from after a withdrawal. */
function lastPackage(view: GameView) {
  for (let i = view.log.length - 1; i >= 0; i--) {
    const e = view.log[i];
    if (e.kind === 'propose' || e.kind === 'counter') return view.positions[e.by] ?? null;
  }
  return null;
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
  // A conciliatory statement lowers tension, which makes the package it backs more likely to hold.
  if (random() < 0.5) return { type: 'party.statement', by: me, tone: 'conciliatory', rationale: { code: 'ready-to-sign' } };
  return null;
}

/** Moves only one party can make, when they serve its interests. Escalation costs Russia too, so a skilled Russia rarely uses it. */
function tacticalMove(s: Situation, onTable: number | null): Intent | null {
  const { view, legal, me, profile, random } = s;
  if (has(legal, 'ukraine.demandGuarantees') && view.round <= 2 && random() < 0.7)
    return { type: 'ukraine.demandGuarantees', by: 'ukraine', rationale: { code: 'define-guarantees' } };
  if (me === 'russia') {
    const behind = onTable !== null && onTable < s.walkAway - profile.patience;
    if (has(legal, 'russia.escalate') && behind && view.meters.tension < 75 && s.t < 0.8 && random() < profile.tactics * 0.6)
      return { type: 'russia.escalate', by: 'russia', rationale: { code: 'escalate' } };
    if (has(legal, 'russia.stall') && s.t < 0.6 && random() < profile.tactics * 0.5)
      return { type: 'russia.stall', by: 'russia', rationale: { code: 'stall' } };
  }
  return null;
}
