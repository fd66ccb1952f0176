import type { Intent, IntentOf } from './intents';
import type { Level } from './level';
import { applyDelta, type MeterDelta } from './meters';
import { PARTY_NAMES, pairKey, type PartyId } from './parties';
import type { Actor, GameContext, Phase } from './state';
import { TERMS, inSentence, formatThousands, optionIndex, optionLabel, samePackage, type Package, type TermId } from './terms';
import { describeBreach, redLineBreaches } from './utility';
import { applyCard, findCard, resolveRound } from './events';
import { makeOutcome } from './outcome';

/**
 * The rules as pure functions. `checkIntent` answers "may this seat do this now?" with a reason a
 * player can read (null when legal); `applyIntent` returns the next context and never mutates.
 * The XState machine calls both; nothing else changes a game.
 */

/** How far Washington will go at a given engagement: the index of the highest usSupport option. */
export function usSupportCeiling(usEngagement: number): number {
  if (usEngagement >= 80) return 4;
  if (usEngagement >= 60) return 3;
  if (usEngagement >= 40) return 2;
  if (usEngagement >= 20) return 1;
  return 0;
}

export function currentParty(level: Level, ctx: GameContext): PartyId {
  return level.turnOrder[ctx.turn] ?? level.turnOrder[0];
}

/** Why a package cannot go on the table at all, whoever proposes it. */
export function packageProblem(level: Level, ctx: GameContext, pkg: Package): string | null {
  for (const t of Object.keys(TERMS) as TermId[]) {
    if (!level.activeTerms.includes(t) && pkg[t] !== level.defaultPackage[t])
      return `${TERMS[t].label} is fixed at "${optionLabel(t, level.defaultPackage[t])}" in this level.`;
  }
  const troops = Number(pkg.peacekeepers);
  if (troops > ctx.meters.coalitionCapacity)
    return `The Coalition can field at most ${formatThousands(ctx.meters.coalitionCapacity)} troops right now, not ${formatThousands(troops)}.`;
  return null;
}

/** Why this party could not sign this package (its red lines and its own limits), or null. */
export function acceptanceProblem(level: Level, ctx: GameContext, party: PartyId, pkg: Package): string | null {
  const breaches = redLineBreaches(level.parties[party], pkg);
  if (breaches.length > 0) return `It crosses ${PARTY_NAMES[party]}'s red line: ${describeBreach(breaches[0])}`;
  if (party === 'ukraine' && ctx.commitments.guaranteesDemanded && pkg.guarantee === 'none')
    return 'Ukraine has demanded defined security guarantees, and this package has none.';
  if (party === 'us' && optionIndex('usSupport', pkg.usSupport) > usSupportCeiling(ctx.meters.usEngagement))
    return `Washington's engagement (${ctx.meters.usEngagement}) does not stretch to "${optionLabel('usSupport', pkg.usSupport)}".`;
  return null;
}

function partyTurnProblem(level: Level, ctx: GameContext, by: PartyId): string | null {
  const turn = currentParty(level, ctx);
  return turn === by ? null : `It is ${PARTY_NAMES[turn]}'s turn, not ${PARTY_NAMES[by]}'s.`;
}

export function checkIntent(level: Level, ctx: GameContext, phase: Phase, intent: Intent): string | null {
  if (phase === 'over') return 'The talks are over.';
  if (intent.by === 'facilitator') {
    if (!ctx.facilitated) return 'This game has no facilitator seat.';
    return checkFacilitator(level, phase, intent);
  }
  if (intent.type === 'game.start') {
    if (ctx.facilitated) return 'The facilitator opens the talks.';
    return phase === 'briefing' ? null : 'The talks have already started.';
  }
  if (phase === 'briefing') return 'The talks have not started yet.';
  if (phase === 'paused') return 'The facilitator has paused the talks.';
  if (phase === 'events') return "Waiting for the facilitator to release this round's event.";
  if (intent.type.startsWith('facilitator.')) return 'Only the facilitator can do that.';
  const by = intent.by;
  const turnProblem = partyTurnProblem(level, ctx, by);
  if (turnProblem) return turnProblem;
  const table = ctx.table;
  switch (intent.type) {
    case 'party.propose':
      if (table) return 'A package is already on the table: counter it, accept it or reject it.';
      return packageProblem(level, ctx, intent.package) ?? ownRedLine(level, ctx, by, intent.package);
    case 'party.counter':
      if (!table) return 'There is no package on the table to counter: propose one.';
      if (samePackage(table.terms, intent.package)) return 'The counter-offer is the same as the package on the table.';
      return packageProblem(level, ctx, intent.package) ?? ownRedLine(level, ctx, by, intent.package);
    case 'party.accept':
      if (!table) return 'There is no package on the table to accept.';
      if (table.acceptedBy.includes(by)) return `${PARTY_NAMES[by]} has already accepted this package.`;
      return packageProblem(level, ctx, table.terms) ?? acceptanceProblem(level, ctx, by, table.terms);
    case 'party.reject':
      if (!table) return 'There is no package on the table to reject.';
      if (table.proposedBy === by) return 'You cannot reject your own package: counter it instead.';
      if (table.rejectedBy.includes(by)) return `${PARTY_NAMES[by]} has already rejected this package.`;
      return null;
    case 'us.offerAirSupport': {
      if (by !== 'us') return 'Only the United States can offer US air support.';
      if (/ground|troop/i.test(intent.level))
        return 'The United States has ruled out ground troops; it can offer support from the air and behind the lines.';
      const i = optionIndex('usSupport', intent.level);
      if (i <= 0)
        return `Choose a kind of support: ${TERMS.usSupport.options
          .slice(1)
          .map((o) => o.id)
          .join(', ')}.`;
      if (i > usSupportCeiling(ctx.meters.usEngagement))
        return `Washington's engagement (${ctx.meters.usEngagement}) does not stretch to "${optionLabel('usSupport', intent.level)}".`;
      if (i <= optionIndex('usSupport', ctx.commitments.usSupport)) return 'The United States has already offered that much.';
      return null;
    }
    case 'coalition.pledgeTroops':
      if (by !== 'coalition') return 'Only the Coalition can pledge peacekeepers.';
      if (intent.troops < 1000) return 'A pledge must be at least 1,000 troops.';
      if (intent.troops > ctx.meters.coalitionCapacity)
        return `The Coalition can field at most ${formatThousands(ctx.meters.coalitionCapacity)} troops right now.`;
      if (intent.troops === ctx.commitments.peacekeepers) return 'The Coalition has already pledged exactly that.';
      return null;
    case 'ukraine.demandGuarantees':
      if (by !== 'ukraine') return 'Only Ukraine can make this demand.';
      return ctx.commitments.guaranteesDemanded ? 'Ukraine has already demanded defined guarantees.' : null;
    case 'russia.escalate':
    case 'russia.stall':
      return by === 'russia' ? null : 'Only Russia can do that.';
    case 'party.statement':
    case 'party.pass':
    case 'party.walkOut':
      return null;
  }
  return 'Unknown move.';
}

function ownRedLine(level: Level, ctx: GameContext, by: PartyId, pkg: Package): string | null {
  const problem = acceptanceProblem(level, ctx, by, pkg);
  return problem ? `You cannot put this forward: ${problem}` : null;
}

function checkFacilitator(level: Level, phase: Phase, intent: Intent): string | null {
  switch (intent.type) {
    case 'game.start':
      return phase === 'briefing' ? null : 'The talks have already started.';
    case 'facilitator.pause':
      return phase === 'paused' ? 'The talks are already paused.' : phase === 'briefing' ? 'The talks have not started yet.' : null;
    case 'facilitator.resume':
      return phase === 'paused' ? null : 'The talks are not paused.';
    case 'facilitator.overrideEvent':
      if (phase === 'briefing') return 'The talks have not started yet.';
      return findCard(level, intent.eventId) ? null : `There is no event "${intent.eventId}" in this level.`;
    case 'facilitator.inject':
      if (phase === 'briefing') return 'The talks have not started yet.';
      if (!intent.eventId && !intent.custom) return 'Choose an inject from the list or write one.';
      if (intent.eventId && !findCard(level, intent.eventId)) return `There is no inject "${intent.eventId}" in this level.`;
      return null;
    case 'facilitator.releaseEvent':
      return phase === 'events' ? null : 'There is no event waiting: the round is still in progress.';
    case 'facilitator.end':
      return null;
  }
  return 'Only a party can do that.';
}

// ---------------------------------------------------------------------------------------------
// Applying legal intents
// ---------------------------------------------------------------------------------------------

/** The standing effects of each move on the meters; documented in the README's rules section. */
export const MOVE_EFFECTS = {
  accept: 2,
  reject: -2,
  counterTrust: -1,
  airSupport: { usEngagement: 4, trust: { 'ukraine-us': 5, 'us-coalition': 4, 'russia-us': -3 }, tension: 3 },
  troopsPerSupportPoint: 10_000,
  escalate: { tension: 12, trustWith: { russia: -6 }, domesticSupport: { russia: 2, coalition: 2 } },
  escalateWalkAway: { ukraine: -2, russia: 1 },
  stall: { trustWith: { russia: -3 }, usEngagement: -4 },
  conciliatory: { trust: 3, support: -2 },
  firm: { trust: -2, support: 3 },
} as const;

export function applyIntent(level: Level, ctx: GameContext, phase: Phase, intent: Intent): GameContext {
  const next = { ...ctx, step: ctx.step + 1 };
  if (intent.type === 'facilitator.pause') {
    const pausedIn = phase === 'events' ? 'events' : 'turns';
    return log({ ...next, pausedIn }, 'facilitator', 'pause', 'The facilitator pauses the talks.', intent.note);
  }
  return applyMove(level, next, intent);
}

function log(ctx: GameContext, by: Actor | 'events', kind: string, text: string, note?: string): GameContext {
  return { ...ctx, log: [...ctx.log, note ? { round: ctx.round, by, kind, text, note } : { round: ctx.round, by, kind, text }] };
}

function meters(level: Level, ctx: GameContext, d: MeterDelta): GameContext {
  return { ...ctx, meters: applyDelta(ctx.meters, d, level.coalition.maxTroops) };
}

function endTurn(ctx: GameContext): GameContext {
  return { ...ctx, turn: ctx.turn + 1 };
}

function applyMove(level: Level, ctx: GameContext, intent: Intent): GameContext {
  const note = intent.note;
  switch (intent.type) {
    case 'game.start':
      return log(ctx, intent.by, 'start', 'The talks open.', note);
    case 'party.propose':
    case 'party.counter':
      return endTurn(putOnTable(level, ctx, intent));
    case 'party.accept': {
      const table = ctx.table!;
      const accepted = {
        ...table,
        acceptedBy: [...table.acceptedBy, intent.by],
        rejectedBy: table.rejectedBy.filter((p) => p !== intent.by),
      };
      let next = meters(level, { ...ctx, table: accepted }, { trust: { [pairKey(intent.by, table.proposedBy)]: MOVE_EFFECTS.accept } });
      next = log(next, intent.by, 'accept', `${PARTY_NAMES[intent.by]} accepts the package.`, note);
      if (accepted.acceptedBy.length === 4) {
        return { ...next, outcome: makeOutcome(level, next, 'agreement', 'All four parties signed the package on the table.') };
      }
      return endTurn(next);
    }
    case 'party.reject': {
      const table = ctx.table!;
      const rejectedBy = [...table.rejectedBy, intent.by];
      let next = meters(level, ctx, { trust: { [pairKey(intent.by, table.proposedBy)]: MOVE_EFFECTS.reject } });
      // Two rejections take a package off the table, so someone has to put a new one forward.
      const withdrawn = rejectedBy.length >= 2;
      next = { ...next, table: withdrawn ? null : { ...table, rejectedBy, acceptedBy: table.acceptedBy.filter((p) => p !== intent.by) } };
      next = log(next, intent.by, 'reject', `${PARTY_NAMES[intent.by]} rejects the package${withdrawn ? '; it is withdrawn' : ''}.`, note);
      return endTurn(next);
    }
    case 'party.statement': {
      const e = intent.tone === 'conciliatory' ? MOVE_EFFECTS.conciliatory : MOVE_EFFECTS.firm;
      let next = meters(level, ctx, { trustWith: { [intent.by]: e.trust }, domesticSupport: { [intent.by]: e.support } });
      const said = intent.text ? `: "${intent.text}"` : '';
      next = log(next, intent.by, 'statement', `${PARTY_NAMES[intent.by]} makes a ${intent.tone} public statement${said}.`, note);
      return endTurn(next);
    }
    case 'party.pass':
      return endTurn(log(ctx, intent.by, 'pass', `${PARTY_NAMES[intent.by]} holds its position.`, note));
    case 'party.walkOut': {
      const next = log(
        meters(level, ctx, { tension: 10 }),
        intent.by,
        'walkOut',
        `${PARTY_NAMES[intent.by]} walks out of the talks.`,
        note,
      );
      return { ...next, outcome: makeOutcome(level, next, 'breakdown', `${PARTY_NAMES[intent.by]} walked out in round ${ctx.round}.`) };
    }
    case 'us.offerAirSupport': {
      let next = meters(level, ctx, MOVE_EFFECTS.airSupport);
      next = { ...next, commitments: { ...next.commitments, usSupport: intent.level } };
      next = log(
        next,
        'us',
        'commit',
        `The United States offers ${inSentence(optionLabel('usSupport', intent.level))} (no ground troops).`,
        note,
      );
      return endTurn(next);
    }
    case 'coalition.pledgeTroops': {
      const cost = -Math.ceil(intent.troops / MOVE_EFFECTS.troopsPerSupportPoint);
      let next = meters(level, ctx, {
        trust: { 'ukraine-coalition': 5, 'russia-coalition': -2 },
        tension: 2,
        domesticSupport: { coalition: cost },
      });
      next = { ...next, commitments: { ...next.commitments, peacekeepers: intent.troops } };
      next = log(
        next,
        'coalition',
        'commit',
        `The Coalition pledges ${formatThousands(intent.troops)} peacekeepers after a ceasefire.`,
        note,
      );
      return endTurn(next);
    }
    case 'ukraine.demandGuarantees': {
      let next = meters(level, ctx, { domesticSupport: { ukraine: 4 }, usEngagement: 2 });
      next = { ...next, commitments: { ...next.commitments, guaranteesDemanded: true } };
      next = log(next, 'ukraine', 'demand', 'Ukraine demands a clear definition of security guarantees before it signs.', note);
      return endTurn(next);
    }
    case 'russia.escalate': {
      let next = meters(level, ctx, { ...MOVE_EFFECTS.escalate, casualties: level.casualtiesPerRound.base });
      const walkAway = { ...next.walkAway };
      for (const [p, d] of Object.entries(MOVE_EFFECTS.escalateWalkAway))
        walkAway[p as PartyId] = Math.max(0, Math.min(100, walkAway[p as PartyId] + d));
      next = log({ ...next, walkAway }, 'russia', 'escalate', 'Russia escalates: a wave of missile and drone strikes.', note);
      return endTurn(next);
    }
    case 'russia.stall':
      return endTurn(
        log(meters(level, ctx, MOVE_EFFECTS.stall), 'russia', 'stall', 'Russia stalls: it asks for more time and new preconditions.', note),
      );
    case 'facilitator.pause':
      return ctx; // handled in applyIntent, which knows the phase
    case 'facilitator.resume':
      return log({ ...ctx, pausedIn: null }, 'facilitator', 'resume', 'The facilitator resumes the talks.', note);
    case 'facilitator.overrideEvent':
      return log({ ...ctx, eventOverride: intent.eventId }, 'facilitator', 'override', 'The facilitator has chosen the next event.', note);
    case 'facilitator.inject': {
      const card = intent.eventId
        ? findCard(level, intent.eventId)!
        : { id: 'custom', ...intent.custom!, effects: intent.custom!.effects ?? {}, walkAway: intent.custom!.walkAway ?? {} };
      return applyCard(level, ctx, card, 'inject');
    }
    case 'facilitator.releaseEvent':
      return endOfRound(level, ctx);
    case 'facilitator.end': {
      const next = log(ctx, 'facilitator', 'end', 'The facilitator ends the talks.', note);
      return { ...next, outcome: makeOutcome(level, next, 'deadline', `The facilitator called time in round ${ctx.round}.`) };
    }
  }
}

function putOnTable(level: Level, ctx: GameContext, intent: IntentOf<'party.propose'> | IntentOf<'party.counter'>): GameContext {
  const previous = ctx.table;
  let next: GameContext = {
    ...ctx,
    table: { terms: intent.package, proposedBy: intent.by, round: ctx.round, acceptedBy: [intent.by], rejectedBy: [] },
    positions: { ...ctx.positions, [intent.by]: intent.package },
  };
  if (previous && previous.proposedBy !== intent.by)
    next = meters(level, next, { trust: { [pairKey(intent.by, previous.proposedBy)]: MOVE_EFFECTS.counterTrust } });
  const text = previous
    ? `${PARTY_NAMES[intent.by]} counters: ${changeSummary(level, previous.terms, intent.package)}.`
    : `${PARTY_NAMES[intent.by]} proposes: ${level.activeTerms.map((t) => `${inSentence(TERMS[t].label)}: ${inSentence(optionLabel(t, intent.package[t]))}`).join('; ')}.`;
  return log(next, intent.by, intent.type === 'party.counter' ? 'counter' : 'propose', text, intent.note);
}

/** "ceasefire → full ceasefire; peacekeepers → 15,000 troops", listing only what changed. */
export function changeSummary(level: Level, from: Package, to: Package): string {
  const changed = level.activeTerms.filter((t) => from[t] !== to[t]);
  return changed.map((t) => `${inSentence(TERMS[t].label)} → ${inSentence(optionLabel(t, to[t]))}`).join('; ');
}

/** Called by the machine when every party has moved and no facilitator holds the round's event. */
export function endOfRound(level: Level, ctx: GameContext): GameContext {
  const next = resolveRound(level, ctx);
  if (next.round > level.rounds && !next.outcome) {
    return {
      ...next,
      round: level.rounds,
      outcome: makeOutcome(level, { ...next, round: level.rounds }, 'deadline', `No agreement by the end of round ${level.rounds}.`),
    };
  }
  return next;
}
