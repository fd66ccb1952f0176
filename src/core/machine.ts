import { assign, setup, type StateNodeConfig } from 'xstate';
import { contextFacts } from './facts';
import type { Level } from './level';
import { MOVES, moveOf, type ChartState, type Intent, type IntentType, type MoveDef } from './moves';
import { endOfRound } from './round';
import type { GameContext } from './state';

/**
 * The talks as a statechart, the one authority on what may happen when:
 *
 *   briefing ──game.start──▶ negotiating ─────────────────────────────▶ over
 *                            ┌──────────────────────────────────────┐     ▲
 *                            │ turns ──all four moved──▶ events     │     │ facilitator.end,
 *                            │   ▲      (drawn at once, or released │     │ walk-out, the fourth
 *                            │   └────── by the facilitator) ◀──────│     │ signature, the deadline
 *                            │ (H) history                          │
 *                            └──────┬───────────────────────▲───────┘
 *                        facilitator.pause          facilitator.resume
 *                                   ▼                       │
 *                                 paused ───────────────────┘
 *
 * Each state lists the intents it accepts (from each move's `in`); each transition's guard is the
 * move's named checks, and its action the move's `apply`. Pausing leaves `negotiating` and resuming
 * returns through its history state to the round or the event the talks were in.
 */

export interface MachineInput {
  context: GameContext;
}

const machines = new WeakMap<Level, ReturnType<typeof buildMachine>>();

export function gameMachine(level: Level) {
  let m = machines.get(level);
  if (!m) machines.set(level, (m = buildMachine(level)));
  return m;
}

const TARGETS = {
  negotiating: '#talks.negotiating',
  turns: '#talks.negotiating.turns',
  paused: '#talks.paused',
  resume: '#talks.negotiating.history',
  over: '#talks.over',
} as const;

type Guard = (args: { context: GameContext; event: Intent }) => boolean;

/** The guard of a move's transitions: all of the move's named checks pass. */
const guardOf = (m: MoveDef) => `checks:${m.type}`;

function buildMachine(level: Level) {
  // One guard per move running its named checks in order, rather than XState's `and` over one guard per
  // check: the same answer, without the combinator's lookup of each named guard on every step.
  const guards: Record<string, Guard> = {};
  for (const m of MOVES as readonly MoveDef[])
    guards[guardOf(m)] = ({ context, event }) => {
      const f = contextFacts(level, context);
      for (const c of m.checks) if (c.refuse(f, event) !== null) return false;
      return true;
    };

  const transitionsIn = (state: ChartState) => {
    const on: Record<string, unknown> = {};
    for (const m of MOVES as readonly MoveDef[]) {
      if (!m.in.includes(state)) continue;
      on[m.type] = {
        guard: guardOf(m),
        target: m.target ? TARGETS[m.target] : undefined,
        actions: { type: 'apply', params: { move: m.type } },
      };
    }
    return on as StateNodeConfig<GameContext, Intent, never, never, never, never, never, never, never, never>['on'];
  };

  return setup({
    types: {
      context: {} as GameContext,
      events: {} as Intent,
      input: {} as MachineInput,
    },
    guards: {
      ...(guards as Record<string, (args: { context: GameContext; event: Intent }) => boolean>),
      isOver: ({ context }) => context.outcome !== null,
      allPartiesMoved: ({ context }) => context.turn >= level.turnOrder.length,
      drawsAutomatically: ({ context }) => !context.facilitated,
    },
    actions: {
      apply: assign(({ context, event }, params: { move: IntentType }) => ({
        ...moveOf(params.move).apply(level, context, event),
        step: context.step + 1,
      })),
      endRound: assign(({ context }) => endOfRound(level, context)),
    },
  }).createMachine({
    id: 'talks',
    // Games always start from `initialContext` (resolved in `newGame`); an actor made without input gets an empty one.
    context: ({ input }) => input?.context ?? ({} as GameContext),
    initial: 'briefing',
    states: {
      briefing: { on: transitionsIn('briefing') },
      negotiating: {
        initial: 'turns',
        states: {
          turns: {
            always: [
              { guard: 'isOver', target: '#talks.over' },
              { guard: 'allPartiesMoved', target: 'events' },
            ],
            on: transitionsIn('turns'),
          },
          events: {
            always: [
              { guard: 'isOver', target: '#talks.over' },
              { guard: 'drawsAutomatically', target: 'turns', actions: 'endRound' },
            ],
            on: transitionsIn('events'),
          },
          history: { type: 'history', history: 'shallow' },
        },
      },
      paused: { on: transitionsIn('paused') },
      over: { type: 'final' },
    },
  });
}

export type GameMachine = ReturnType<typeof gameMachine>;
