import seedrandom from 'seedrandom';
import {
  PARTY_NAMES,
  TERMS,
  inSentence,
  acceptanceProblem,
  formatThousands,
  optionIndex,
  optionLabel,
  samePackage,
  utilityOf,
  utilityTables,
  viewFor,
  whyIllegal,
  NOTE_MAX,
  type Difficulty,
  type GameState,
  type GameView,
  type Intent,
  type Level,
  type Package,
  type PartyId,
  type TermId,
  type UtilityTable,
} from '../core';
import { allowedOptions, idealPackage, modelFor, type OpponentModel } from './model';
import { PROFILES, type Profile } from './profile';
import { acceptReason, offerReason, rejectReason } from './rationale';

/**
 * A computer party's move. It sees what its seat may see (its own brief and the public state),
 * concedes over time according to its difficulty, and only returns intents the rules accept.
 */

export interface Decision {
  intent: Intent;
}

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

/**
 * From the party's ideal package, give ground term by term where it helps the others most for the least
 * cost to itself, until its own utility would drop below its aspiration.
 */
export function concede(
  level: Level,
  view: GameView,
  me: PartyId,
  table: UtilityTable,
  model: OpponentModel,
  profile: Profile,
  target: number,
  ideal: Package = idealPackage(level, view, me, table, profile.modelsLimits),
): Package {
  const terms = level.activeTerms;
  const idx = terms.map((t) => optionIndex(t, ideal[t]));
  const allowed = terms.map((t) => allowedOptions(level, view, me, t, profile.modelsLimits));
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

function rngFor(view: GameView, me: PartyId, step: number): () => number {
  return seedrandom.alea(`${view.seed}|${me}|${step}`);
}

export function decide(level: Level, state: GameState, me: PartyId, difficulty: Difficulty): Intent {
  const intent = fitNote(choose(level, state, me, difficulty));
  // The rules have the last word: a move they would refuse becomes holding position, which is always legal.
  if (whyIllegal(level, state, intent) === null) return intent;
  return { type: 'party.pass', by: me, note: `${PARTY_NAMES[me]} holds its position.` };
}

/** A rationale that quotes a level's long red-line reason is cut to the length an intent may carry. */
function fitNote(intent: Intent): Intent {
  return intent.note && intent.note.length > NOTE_MAX ? { ...intent, note: `${intent.note.slice(0, NOTE_MAX - 1)}…` } : intent;
}

function choose(level: Level, state: GameState, me: PartyId, difficulty: Difficulty): Intent {
  if (state.phase === 'briefing') return { type: 'game.start', by: me };
  const view = viewFor(level, state, me);
  const profile = PROFILES[difficulty];
  const table = utilityTables(level)[me];
  const model = modelFor(level, view, me);
  const random = rngFor(view, me, state.context.step);
  const walkAway = view.brief!.currentWalkAway;
  const t = timeSpent(view, level);
  const lastRound = view.round >= level.rounds;
  const ideal = idealPackage(level, view, me, table, profile.modelsLimits);
  const best = utilityOf(table, ideal);
  const target = aspiration(profile, best, walkAway, t, lastRound);
  const onTable = view.table;
  const name = PARTY_NAMES[me];

  if (onTable) {
    const u = utilityOf(table, onTable.terms);
    const problem = acceptanceProblem(level, state.context, me, onTable.terms);
    const alreadyAccepted = onTable.acceptedBy.includes(me);
    if (!alreadyAccepted && !problem && u >= target && Number(onTable.terms.peacekeepers) <= view.meters.coalitionCapacity) {
      return { type: 'party.accept', by: me, note: acceptReason(me, table, onTable.terms) };
    }
    if (alreadyAccepted)
      return (
        supportingMove(level, view, me, random) ?? {
          type: 'party.pass',
          by: me,
          note: `${name} waits for the others to answer its package.`,
        }
      );
    const special = tacticalMove(view, me, profile, random, u, walkAway, t);
    if (special) return special;
    // Walking out ends the talks for everyone: only when tension is extreme and the table is far from acceptable.
    if (t >= 0.4 && u < walkAway - profile.patience / 2 && view.meters.tension >= 85 && random() < 0.1) {
      return { type: 'party.walkOut', by: me, note: `${name} walks out: it sees no deal worth more than continuing without one.` };
    }
    const wantsToReject = problem !== null || u < walkAway - profile.patience;
    if (wantsToReject && onTable.proposedBy !== me && !onTable.rejectedBy.includes(me) && random() < 0.45) {
      const redLine = problem && problem.startsWith('It crosses') ? problem.replace(/^It crosses [^:]+: /, '') : null;
      return { type: 'party.reject', by: me, note: rejectReason(me, table, onTable.terms, redLine) };
    }
    const pkg = concede(level, view, me, table, model, profile, target, ideal);
    if (!samePackage(pkg, onTable.terms))
      return { type: 'party.counter', by: me, package: pkg, note: offerReason(me, table, onTable.terms, pkg, true) };
    return { type: 'party.pass', by: me, note: `${name} holds its position.` };
  }

  const special = tacticalMove(view, me, profile, random, null, walkAway, t);
  if (special) return special;
  const pkg = concede(level, view, me, table, model, profile, target, ideal);
  return { type: 'party.propose', by: me, package: pkg, note: offerReason(me, table, null, pkg, false) };
}

/** Commitments and demands that back a package the party already supports. */
function supportingMove(level: Level, view: GameView, me: PartyId, random: () => number): Intent | null {
  const table = view.table!;
  if (me === 'us' && view.commitments.usSupport === 'none' && level.activeTerms.includes('usSupport')) {
    const wanted = Math.min(Math.max(1, optionIndex('usSupport', table.terms.usSupport)), view.usSupportCeiling);
    if (wanted >= 1 && random() < 0.6) {
      const option = TERMS.usSupport.options[wanted].id;
      return {
        type: 'us.offerAirSupport',
        by: 'us',
        level: option,
        note: `The United States offers ${inSentence(optionLabel('usSupport', option))} to make a deal credible without ground troops.`,
      };
    }
  }
  if (me === 'coalition' && level.activeTerms.includes('peacekeepers')) {
    const troops = Number(table.terms.peacekeepers);
    if (troops >= 1000 && troops <= view.meters.coalitionCapacity && troops !== view.commitments.peacekeepers && random() < 0.6) {
      return {
        type: 'coalition.pledgeTroops',
        by: 'coalition',
        troops,
        note: `The Coalition pledges ${formatThousands(troops)} troops to patrol the zone and train Ukraine's forces once a ceasefire holds.`,
      };
    }
  }
  if (random() < 0.3)
    return {
      type: 'party.statement',
      by: me,
      tone: 'conciliatory',
      note: `${PARTY_NAMES[me]} signals that it is ready to sign the package on the table.`,
    };
  return null;
}

/** Moves only one party can make, when they serve its interests. */
function tacticalMove(
  view: GameView,
  me: PartyId,
  profile: Profile,
  random: () => number,
  onTable: number | null,
  walkAway: number,
  t: number,
): Intent | null {
  if (me === 'ukraine' && !view.commitments.guaranteesDemanded && view.round <= 2 && random() < 0.7) {
    return {
      type: 'ukraine.demandGuarantees',
      by: 'ukraine',
      note: 'Ukraine wants a clear definition of the security guarantees before it signs anything.',
    };
  }
  if (me === 'russia') {
    const behind = onTable !== null && onTable < walkAway - profile.patience;
    if (behind && view.meters.tension < 75 && t < 0.8 && random() < profile.tactics * 0.6) {
      return { type: 'russia.escalate', by: 'russia', note: 'Russia escalates: it judges that military pressure will improve its terms.' };
    }
    if (t < 0.6 && random() < profile.tactics * 0.5) {
      return { type: 'russia.stall', by: 'russia', note: 'Russia stalls: it expects time to work in its favour.' };
    }
  }
  return null;
}
