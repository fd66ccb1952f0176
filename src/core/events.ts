import type { EventCard, Level } from './level';
import { applyDelta } from './meters';
import { PAIR_KEYS, PARTY_IDS, type PartyId } from './parties';
import { nextRandom, pickWeighted, type AleaState } from './rng';
import type { CustomText, EventRecord, GameContext, LogEntry } from './state';
import { clamp } from './meters';

/**
 * Seeded events between rounds. Each card's weight follows the state of the talks (tension, trust,
 * US engagement, domestic support), so a tense table draws more strikes and a patient Washington fewer
 * policy shifts. One draw per round, from the generator kept in the game state.
 */

/** The state of the talks every card's weight reads: worked out once per draw, not once per card. */
interface Signals {
  averageTrust: number;
  lowestSupport: number;
}

function signalsOf(ctx: GameContext): Signals {
  const m = ctx.meters;
  let trust = 0;
  for (const k of PAIR_KEYS) trust += m.trust[k];
  trust /= PAIR_KEYS.length;
  let lowest = 100;
  for (const p of PARTY_IDS) lowest = Math.min(lowest, m.domesticSupport[p]);
  return { averageTrust: trust, lowestSupport: lowest };
}

export function eventWeight(card: EventCard, ctx: GameContext, signals: Signals = signalsOf(ctx)): number {
  if (card.minRound > ctx.round) return 0;
  if (card.once && ctx.eventsSeen.includes(card.id)) return 0;
  const m = ctx.meters;
  const w = card.weight;
  const value =
    w.base +
    (w.tension * m.tension +
      w.averageTrust * signals.averageTrust +
      w.usEngagement * m.usEngagement +
      w.lowestSupport * signals.lowestSupport) /
      100;
  return value > 0 ? value : 0;
}

function eventWeights(level: Level, ctx: GameContext): number[] {
  const signals = signalsOf(ctx);
  return level.events.map((e) => eventWeight(e, ctx, signals));
}

export function eventProbabilities(level: Level, ctx: GameContext): { id: string; p: number }[] {
  const weights = eventWeights(level, ctx);
  const total = weights.reduce((a, b) => a + b, 0);
  return level.events.map((e, i) => ({ id: e.id, p: total > 0 ? weights[i] / total : 0 }));
}

export function findCard(level: Level, id: string): EventCard | undefined {
  return level.events.find((e) => e.id === id) ?? level.injects.find((e) => e.id === id);
}

/** The event the next draw will produce, computed on a copy of the generator: nothing is consumed. */
export function previewNextEvent(level: Level, ctx: GameContext): EventCard {
  if (ctx.eventOverride) {
    const card = findCard(level, ctx.eventOverride);
    if (card) return card;
  }
  return drawCard(level, ctx)[0];
}

function drawCard(level: Level, ctx: GameContext): [EventCard, AleaState] {
  const weights = eventWeights(level, ctx);
  if (!weights.some((w) => w > 0)) {
    // Every card is used up or out of range: fall back to the first card rather than drawing nothing.
    const [, rng] = nextRandom(ctx.rng);
    return [level.events[0], rng];
  }
  const [x, rng] = nextRandom(ctx.rng);
  return [level.events[pickWeighted(weights, x)], rng];
}

/** What applying a card needs: its effects, and for a facilitator's own inject the text as written. */
type CardEffects = Pick<EventCard, 'effects' | 'walkAway'> & { id: string; once?: boolean; custom?: CustomText };

export function applyCard(level: Level, ctx: GameContext, card: CardEffects, source: EventRecord['source'], fighting = 0): GameContext {
  const walkAway = { ...ctx.walkAway };
  for (const [p, d] of Object.entries(card.walkAway ?? {})) walkAway[p as PartyId] = clamp(walkAway[p as PartyId] + (d ?? 0), 0, 100);
  const lastEvent: EventRecord = card.custom
    ? { id: card.id, round: ctx.round, source, custom: card.custom }
    : { id: card.id, round: ctx.round, source };
  const entry: LogEntry =
    source === 'inject'
      ? card.custom
        ? { round: ctx.round, by: 'events', kind: 'inject', eventId: null, custom: card.custom }
        : { round: ctx.round, by: 'events', kind: 'inject', eventId: card.id }
      : { round: ctx.round, by: 'events', kind: 'event', eventId: card.id, source, fighting };
  return {
    ...ctx,
    meters: applyDelta(ctx.meters, card.effects ?? {}, level.coalition.maxTroops),
    walkAway,
    eventsSeen: card.once && !ctx.eventsSeen.includes(card.id) ? [...ctx.eventsSeen, card.id] : ctx.eventsSeen,
    lastEvent,
    log: [...ctx.log, entry],
  };
}

/**
 * The end of a round: the war goes on while the talks do (casualties follow tension), one event is
 * drawn (or the facilitator's override is used), and the next round begins.
 */
export function resolveRound(level: Level, ctx: GameContext): GameContext {
  let card: EventCard;
  let rng = ctx.rng;
  let source: EventRecord['source'] = 'drawn';
  const override = ctx.eventOverride ? findCard(level, ctx.eventOverride) : undefined;
  if (override) {
    card = override;
    source = 'override';
  } else {
    [card, rng] = drawCard(level, ctx);
  }
  const fighting = Math.round(level.casualtiesPerRound.base * (0.5 + ctx.meters.tension / 100));
  const withFighting = {
    ...ctx,
    rng,
    eventOverride: null,
    meters: applyDelta(ctx.meters, { casualties: fighting }, level.coalition.maxTroops),
  };
  const after = applyCard(level, withFighting, card, source, fighting);
  return {
    ...after,
    round: ctx.round + 1,
    turn: 0,
    meters: { ...after.meters, roundsLeft: Math.max(0, level.rounds - ctx.round) },
  };
}
