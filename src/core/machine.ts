import { setup, assign } from 'xstate';
import type { Intent } from './intents';
import type { Level } from './level';
import type { GameContext, Phase } from './state';
import { applyIntent, checkIntent, endOfRound } from './rules';

/**
 * The talks as a statechart:
 *
 *   briefing ──game.start──▶ negotiating.turns ⇄ negotiating.events ──▶ over
 *                                    ▲  │ facilitator.pause
 *                                    └──┴──▶ paused
 *
 * In `turns` each party moves once, in the level's turn order. When all four have moved the machine
 * passes to `events`: without a facilitator the seeded event is drawn at once; with one, it waits for
 * `facilitator.releaseEvent` so the teacher can preview, replace or add to it. Every guard is a
 * yes/no question answered by the pure rules; every action calls a pure function.
 */

export interface MachineInput {
  context: GameContext;
}

const PARTY_EVENTS = [
  'party.propose',
  'party.counter',
  'party.accept',
  'party.reject',
  'party.statement',
  'party.pass',
  'party.walkOut',
  'us.offerAirSupport',
  'coalition.pledgeTroops',
  'ukraine.demandGuarantees',
  'russia.escalate',
  'russia.stall',
] as const;

const machines = new WeakMap<Level, ReturnType<typeof buildMachine>>();

export function gameMachine(level: Level) {
  let m = machines.get(level);
  if (!m) {
    m = buildMachine(level);
    machines.set(level, m);
  }
  return m;
}

function buildMachine(level: Level) {
  const legalIn = (phase: Phase) => ({ type: 'isLegal' as const, params: { phase } });
  const applyIn = (phase: Phase) => ({ type: 'apply' as const, params: { phase } });
  const onTurn = Object.fromEntries(PARTY_EVENTS.map((t) => [t, { guard: legalIn('turns'), actions: applyIn('turns') }]));

  return setup({
    types: {
      context: {} as GameContext,
      events: {} as Intent,
      input: {} as MachineInput,
    },
    guards: {
      isLegal: ({ context, event }, params: { phase: Phase }) => checkIntent(level, context, params.phase, event) === null,
      isOver: ({ context }) => context.outcome !== null,
      allPartiesMoved: ({ context }) => context.turn >= level.turnOrder.length,
      drawsAutomatically: ({ context }) => !context.facilitated,
      pausedDuringEvents: ({ context }) => context.pausedIn === 'events',
    },
    actions: {
      apply: assign(({ context, event }, params: { phase: Phase }) => applyIntent(level, context, params.phase, event)),
      endRound: assign(({ context }) => endOfRound(level, context)),
    },
  }).createMachine({
    id: 'talks',
    context: ({ input }) => input.context,
    initial: 'briefing',
    states: {
      briefing: {
        on: {
          'game.start': { guard: legalIn('briefing'), target: 'negotiating', actions: applyIn('briefing') },
          'facilitator.end': { guard: legalIn('briefing'), target: 'over', actions: applyIn('briefing') },
        },
      },
      negotiating: {
        initial: 'turns',
        states: {
          turns: {
            always: [
              { guard: 'isOver', target: '#talks.over' },
              { guard: 'allPartiesMoved', target: 'events' },
            ],
            on: {
              ...onTurn,
              'facilitator.pause': { guard: legalIn('turns'), target: '#talks.paused', actions: applyIn('turns') },
              'facilitator.overrideEvent': { guard: legalIn('turns'), actions: applyIn('turns') },
              'facilitator.inject': { guard: legalIn('turns'), actions: applyIn('turns') },
              'facilitator.end': { guard: legalIn('turns'), actions: applyIn('turns') },
            },
          },
          events: {
            always: [
              { guard: 'isOver', target: '#talks.over' },
              { guard: 'drawsAutomatically', target: 'turns', actions: 'endRound' },
            ],
            on: {
              'facilitator.releaseEvent': { guard: legalIn('events'), target: 'turns', actions: applyIn('events') },
              'facilitator.pause': { guard: legalIn('events'), target: '#talks.paused', actions: applyIn('events') },
              'facilitator.overrideEvent': { guard: legalIn('events'), actions: applyIn('events') },
              'facilitator.inject': { guard: legalIn('events'), actions: applyIn('events') },
              'facilitator.end': { guard: legalIn('events'), actions: applyIn('events') },
            },
          },
        },
      },
      paused: {
        on: {
          'facilitator.resume': [
            { guard: { type: 'pausedDuringEvents' }, target: 'negotiating.events', actions: applyIn('paused') },
            { target: 'negotiating.turns', actions: applyIn('paused') },
          ],
          'facilitator.inject': { guard: legalIn('paused'), actions: applyIn('paused') },
          'facilitator.overrideEvent': { guard: legalIn('paused'), actions: applyIn('paused') },
          'facilitator.end': { guard: legalIn('paused'), target: 'over', actions: applyIn('paused') },
        },
      },
      over: { type: 'final' },
    },
  });
}

export type GameMachine = ReturnType<typeof gameMachine>;
