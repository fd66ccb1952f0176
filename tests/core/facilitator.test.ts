import { describe, expect, it } from 'vitest';
import {
  PARTY_IDS,
  RecordWriter,
  applyToGame,
  newGame,
  previewNextEvent,
  replayRecord,
  stateHash,
  type GameState,
  type Intent,
} from '../../src/core';
import { defaultSeats } from '../../src/core/record';
import { mainLevel, must, pass, play, propose, started } from '../helpers/game';
import { describeRefusal, narrateEntry } from '../../src/narrate';

/**
 * The facilitator (a teacher) seat: its intents are refused in a game without one, and in a facilitated
 * game it holds each round's event until released, may preview it without consuming the generator,
 * replace it, add injects, pause, resume and end. All of it is recorded and replays.
 */

const L = mainLevel();
const F = (type: string, extra: Record<string, unknown> = {}) => ({ type, by: 'facilitator', ...extra }) as Intent;
const release = F('facilitator.releaseEvent');

const briefing = () => newGame(L, { seed: 'facilitated', facilitated: true });
const turns = () => started(L, 'facilitated', true);
/** All four parties have moved in round 1: the round's event waits for the facilitator. */
const events = () => play(L, turns(), [pass('ukraine'), pass('russia'), pass('us'), pass('coalition')]);
const pausedInTurns = () => must(L, turns(), F('facilitator.pause'));
const pausedInEvents = () => must(L, events(), F('facilitator.pause'));

describe('facilitator intents in a game without a facilitator', () => {
  const plain = () => started(L, 'plain');
  it.each([
    F('game.start'),
    F('facilitator.pause'),
    F('facilitator.resume'),
    F('facilitator.overrideEvent', { eventId: 'quiet-week' }),
    F('facilitator.inject', { eventId: 'embassy-damaged' }),
    F('facilitator.releaseEvent'),
    F('facilitator.end'),
  ])('$type is refused: no facilitator seat', (intent) => {
    const s = intent.type === 'game.start' ? newGame(L, { seed: 'plain' }) : plain();
    const hash = stateHash(s);
    expect(applyToGame(L, s, intent)).toEqual({ ok: false, refusal: { code: 'no-facilitator' } });
    expect(stateHash(s)).toBe(hash);
  });
});

const illegal: { name: string; state: () => GameState; intent: Intent; reason: RegExp }[] = [
  { name: 'pause before the start', state: briefing, intent: F('facilitator.pause'), reason: /have not started yet/ },
  {
    name: 'a team opening the talks',
    state: briefing,
    intent: { type: 'game.start', by: 'russia' } as Intent,
    reason: /facilitator opens the talks/,
  },
  { name: 'pause twice', state: pausedInTurns, intent: F('facilitator.pause'), reason: /already paused/ },
  { name: 'resume when not paused', state: turns, intent: F('facilitator.resume'), reason: /not paused/ },
  {
    name: 'override before the start',
    state: briefing,
    intent: F('facilitator.overrideEvent', { eventId: 'quiet-week' }),
    reason: /not started/,
  },
  {
    name: 'override with an unknown event',
    state: turns,
    intent: F('facilitator.overrideEvent', { eventId: 'alien-landing' }),
    reason: /There is no event "alien-landing"/,
  },
  {
    name: 'inject before the start',
    state: briefing,
    intent: F('facilitator.inject', { eventId: 'embassy-damaged' }),
    reason: /not started/,
  },
  { name: 'inject with nothing chosen', state: turns, intent: F('facilitator.inject'), reason: /Choose an inject/ },
  { name: 'inject an unknown id', state: turns, intent: F('facilitator.inject', { eventId: 'nope' }), reason: /There is no inject "nope"/ },
  { name: 'release while the round is in progress', state: turns, intent: release, reason: /no event waiting/ },
  { name: 'release while paused', state: pausedInEvents, intent: release, reason: /has paused the talks/ },
  { name: 'start twice', state: turns, intent: F('game.start'), reason: /already started/ },
  { name: 'a party moving while paused', state: pausedInTurns, intent: propose('ukraine'), reason: /paused the talks/ },
  {
    name: 'a party moving while the event waits',
    state: events,
    intent: pass('ukraine'),
    reason: /Waiting for the facilitator to release/,
  },
  {
    name: 'a party move sent as the facilitator',
    state: turns,
    intent: { type: 'party.pass', by: 'facilitator' } as unknown as Intent,
    reason: /intent\.by/,
  },
  {
    name: 'a custom inject with an effect out of range',
    state: turns,
    intent: F('facilitator.inject', { custom: { title: 'Big', text: 'Too big.', effects: { tension: 500 } } }),
    reason: /intent\.custom\.effects\.tension/,
  },
  {
    name: 'anything after the end',
    state: () => must(L, turns(), F('facilitator.end')),
    intent: F('facilitator.resume'),
    reason: /The talks are over/,
  },
];

describe('facilitator intents refused in a facilitated game', () => {
  it.each(illegal)('$name', ({ state, intent, reason }) => {
    const s = state();
    const hash = stateHash(s);
    const result = applyToGame(L, s, intent);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(describeRefusal(result.refusal, L)).toMatch(reason);
    expect(stateHash(s)).toBe(hash);
  });
});

const legal: { name: string; state: () => GameState; intent: Intent; phase: GameState['phase'] }[] = [
  { name: 'start', state: briefing, intent: F('game.start'), phase: 'turns' },
  { name: 'end in the briefing', state: briefing, intent: F('facilitator.end'), phase: 'over' },
  { name: 'pause during turns', state: turns, intent: F('facilitator.pause'), phase: 'paused' },
  { name: 'pause while the event waits', state: events, intent: F('facilitator.pause'), phase: 'paused' },
  { name: 'resume to turns', state: pausedInTurns, intent: F('facilitator.resume'), phase: 'turns' },
  { name: 'resume to the waiting event', state: pausedInEvents, intent: F('facilitator.resume'), phase: 'events' },
  { name: 'override during turns', state: turns, intent: F('facilitator.overrideEvent', { eventId: 'quiet-week' }), phase: 'turns' },
  {
    name: 'override while the event waits',
    state: events,
    intent: F('facilitator.overrideEvent', { eventId: 'strike-on-kyiv' }),
    phase: 'events',
  },
  {
    name: 'override while paused',
    state: pausedInTurns,
    intent: F('facilitator.overrideEvent', { eventId: 'flank-alert' }),
    phase: 'paused',
  },
  {
    name: 'override with an inject card',
    state: turns,
    intent: F('facilitator.overrideEvent', { eventId: 'leaders-meeting' }),
    phase: 'turns',
  },
  { name: 'inject from the list', state: turns, intent: F('facilitator.inject', { eventId: 'embassy-damaged' }), phase: 'turns' },
  { name: 'inject while paused', state: pausedInTurns, intent: F('facilitator.inject', { eventId: 'aid-package' }), phase: 'paused' },
  {
    name: 'inject written by the teacher',
    state: events,
    intent: F('facilitator.inject', {
      custom: { title: 'Border incident', text: 'Shots are exchanged at a checkpoint.', effects: { tension: 5 } },
    }),
    phase: 'events',
  },
  { name: 'release the event', state: events, intent: release, phase: 'turns' },
  { name: 'end during turns', state: turns, intent: F('facilitator.end'), phase: 'over' },
  { name: 'end while the event waits', state: events, intent: F('facilitator.end'), phase: 'over' },
  { name: 'end while paused', state: pausedInEvents, intent: F('facilitator.end'), phase: 'over' },
];

describe('facilitator intents in a facilitated game', () => {
  it.each(legal)('$name → $phase', ({ state, intent, phase }) => {
    const s = state();
    const next = must(L, s, intent);
    expect(next.phase).toBe(phase);
    expect(next.context.step).toBe(s.context.step + 1);
  });
});

describe('the round event in a facilitated game', () => {
  it('waits for the release; the release draws it and opens the next round', () => {
    const waiting = events();
    expect(waiting.phase).toBe('events');
    expect(waiting.context.round).toBe(1);
    expect(waiting.context.lastEvent).toBeNull();
    const next = must(L, waiting, release);
    expect(next.phase).toBe('turns');
    expect(next.context.round).toBe(2);
    expect(next.context.turn).toBe(0);
    expect(next.context.lastEvent).toMatchObject({ round: 1, source: 'drawn' });
  });

  it('draws the same event as a game without a facilitator', () => {
    const plain = play(L, started(L, 'facilitated'), [pass('ukraine'), pass('russia'), pass('us'), pass('coalition')]);
    const facilitated = must(L, events(), release);
    expect(facilitated.context.lastEvent).toEqual(plain.context.lastEvent);
    expect(facilitated.context.rng).toEqual(plain.context.rng);
  });

  it('an override replaces the draw with the named event and leaves the generator untouched', () => {
    for (const id of ['quiet-week', 'strike-on-kyiv', 'leaders-meeting']) {
      const chosen = must(L, events(), F('facilitator.overrideEvent', { eventId: id }));
      expect(chosen.context.eventOverride).toBe(id);
      const next = must(L, chosen, release);
      expect(next.context.lastEvent).toMatchObject({ id, source: 'override', round: 1 });
      expect(next.context.eventOverride).toBeNull();
      expect(next.context.rng).toEqual(chosen.context.rng);
    }
  });

  it('previewing does not consume the generator: preview then release gives the previewed event', () => {
    for (let seed = 1; seed <= 12; seed++) {
      let s = started(L, `preview-${seed}`, true);
      for (let round = 1; round <= L.rounds; round++) {
        s = play(L, s, [pass('ukraine'), pass('russia'), pass('us'), pass('coalition')]);
        const before = stateHash(s);
        const first = previewNextEvent(L, s.context);
        const again = previewNextEvent(L, s.context);
        expect(again.id).toBe(first.id);
        expect(stateHash(s)).toBe(before);
        s = must(L, s, release);
        expect(s.context.lastEvent!.id).toBe(first.id);
        if (s.phase === 'over') break;
      }
      expect(s.context.outcome?.kind).toBe('deadline');
    }
  });

  it('previewing shows the override once one is chosen', () => {
    const s = must(L, events(), F('facilitator.overrideEvent', { eventId: 'flank-alert' }));
    expect(previewNextEvent(L, s.context).id).toBe('flank-alert');
  });
});

describe('pause, resume, injects and the end', () => {
  it('pausing keeps the turn; resuming returns to it', () => {
    const s = must(L, turns(), propose('ukraine'));
    const resumed = play(L, s, [F('facilitator.pause'), F('facilitator.resume')]);
    expect(resumed.phase).toBe('turns');
    expect(resumed.context.turn).toBe(1);
    expect(resumed.resumes).toBeUndefined();
    expect(must(L, resumed, pass('russia')).context.turn).toBe(2);
  });

  it('an inject applies its effects at once, uses no random numbers and is logged as an inject', () => {
    const s = turns();
    const next = must(
      L,
      s,
      F('facilitator.inject', {
        custom: { title: 'Talks in Geneva', text: 'A new venue.', effects: { tension: -10 }, walkAway: { russia: -3 } },
      }),
    );
    expect(next.context.meters.tension).toBe(s.context.meters.tension - 10);
    expect(next.context.walkAway.russia).toBe(s.context.walkAway.russia - 3);
    expect(next.context.rng).toEqual(s.context.rng);
    expect(next.context.lastEvent).toMatchObject({ id: 'custom', custom: { title: 'Talks in Geneva' }, source: 'inject' });
    expect(next.context.log.at(-1)).toMatchObject({
      by: 'events',
      kind: 'inject',
      custom: { title: 'Talks in Geneva', text: 'A new venue.' },
    });
    expect(narrateEntry(L, next.context.log.at(-1)!)).toBe('Talks in Geneva: A new venue.');
    expect(next.context.turn).toBe(s.context.turn);
  });

  it('ending gives a deadline outcome with every party at its walk-away value', () => {
    const s = must(L, events(), F('facilitator.end'));
    expect(s.context.outcome).toMatchObject({
      kind: 'deadline',
      round: 1,
      cause: { code: 'facilitator-ended' },
      package: null,
    });
    for (const p of PARTY_IDS) expect(s.context.outcome!.scores[p]).toBe(0);
  });

  it('a facilitated game with every kind of facilitator intent replays from its record', () => {
    const seats = defaultSeats('human');
    const writer = new RecordWriter(L, 'facilitated', seats, true);
    let s = briefing();
    const intents: Intent[] = [
      F('game.start'),
      propose('ukraine'),
      F('facilitator.pause'),
      F('facilitator.inject', { eventId: 'embassy-damaged' }),
      F('facilitator.resume'),
      pass('russia'),
      pass('us'),
      pass('coalition'),
      F('facilitator.overrideEvent', { eventId: 'back-channel' }),
      release,
      pass('ukraine'),
      F('facilitator.end'),
    ];
    for (const i of intents) {
      s = must(L, s, i);
      writer.add(i, s);
    }
    const replayed = replayRecord(L, writer.finish());
    expect(replayed.ok && replayed.value.ok).toBe(true);
    if (replayed.ok) expect(stateHash(replayed.value.state)).toBe(stateHash(s));
  });
});
