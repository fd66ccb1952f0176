import { describe, expect, it } from 'vitest';
import { playComputerGame, seatsAll } from '../../src/ai';
import { newGame, stateHash, type Intent, type OutcomeKind, type Seats } from '../../src/core';
import { level, mainLevel, play, propose, pass, started, accept } from '../helpers/game';
import { cardText } from '../../src/narrate';

/**
 * Golden games: fixed (level, seed, seats) whose final state hash and outcome are pinned. A failure here
 * means games play differently than before: if the change is intended (rules, AI or level data; log
 * wording is not hashed), update the pins and say so in the CHANGELOG, because every shared seed and
 * every saved record made before the change will play or replay differently.
 *
 * Re-pinned for record format 2 (structured log, rationales and outcomes, pause through the chart's
 * history state): every outcome, round and step count stayed as it was; only the hashes moved.
 *
 * Re-pinned again for the deal model and the negotiators that respond (durability in every payoff,
 * mandates valued as their force can carry them, costly escalation, conciliatory statements that lower
 * tension, counters built from the table, a learning opponent model, per-party pace): outcomes changed,
 * so the breakdown and deadline pins moved to the first seeds that still show those paths, and the
 * tutorial pin to the first tutorial seed that ends in a deal.
 */

interface Golden {
  why: string;
  level: string;
  seed: string;
  seats: Seats;
  kind: OutcomeKind;
  round: number;
  steps: number;
  hash: string;
}

const goldens: Golden[] = [
  {
    // main level, seed classroom-1: the CLI example and tests/fixtures/classroom-1.bzrec.json; a change here means every shared seed plays differently.
    why: 'main level, classroom-1, all normal: an agreement in round 6',
    level: 'buffer-zone-talks',
    seed: 'classroom-1',
    seats: seatsAll('normal'),
    kind: 'agreement',
    round: 6,
    steps: 22,
    hash: 'a0bd2b18cc4cf0605e232088a3194c014eacfcf2241fb576e410fe4621beec80',
  },
  {
    // main level, seed "7": the first batch seed that breaks down; pins the walk-out path of the computer parties.
    why: 'main level, seed 7, all normal: Russia walks out',
    level: 'buffer-zone-talks',
    seed: '7',
    seats: seatsAll('normal'),
    kind: 'breakdown',
    round: 6,
    steps: 23,
    hash: '447d9f85c82a87f62a22b28a85b7ef61d39fa0bfa297865dc9a400f54cf1e525',
  },
  {
    // main level, seed "8": the first batch seed that runs to the deadline, so it pins all ten rounds of event draws.
    why: 'main level, seed 8, all normal: no agreement by the deadline',
    level: 'buffer-zone-talks',
    seed: '8',
    seats: seatsAll('normal'),
    kind: 'deadline',
    round: 10,
    steps: 41,
    hash: '6fb462545f2b0ff587c6074d1ac5d2732fd0904930449206f7efa9c81e7ab93b',
  },
  {
    // tutorial, seed tutorial-6: the first tutorial seed whose four rounds end in a deal with the computer in every seat.
    why: 'tutorial, tutorial-6, all normal: a deal within four rounds',
    level: 'tutorial',
    seed: 'tutorial-6',
    seats: seatsAll('normal'),
    kind: 'agreement',
    round: 4,
    steps: 14,
    hash: '01e8ca4645dbbec3e4a4004348ac8f4447782d62fa566e5795f2fe238c0a3b37',
  },
  {
    // second scenario with the hard profile everywhere: pins the after-the-strike level data and the hard parties.
    why: 'after-the-strike, seed 42, all hard',
    level: 'after-the-strike',
    seed: '42',
    seats: seatsAll('hard'),
    kind: 'deadline',
    round: 8,
    steps: 33,
    hash: '4e07702da180f6014e1f1c3c2eff811aaa737f54cadff35603de893d4a09c8ce',
  },
  {
    // one difficulty per seat (Russia hard, Ukraine easy): pins that each seat plays at its own difficulty.
    why: 'main level, mixed-7, Russia hard and Ukraine easy',
    level: 'buffer-zone-talks',
    seed: 'mixed-7',
    seats: seatsAll('normal', { russia: 'hard', ukraine: 'easy' }),
    kind: 'deadline',
    round: 10,
    steps: 41,
    hash: '1e78eea08aac2e8a6b3e744f76f56c43a72aba58f22e8096c60a8c1ca5ad981f',
  },
];

describe('golden computer games', () => {
  it.each(goldens)('$why', ({ level: id, seed, seats, kind, round, steps, hash }) => {
    const { state } = playComputerGame(level(id), seed, seats);
    expect(state.context.outcome).toMatchObject({ kind, round });
    expect(state.context.step).toBe(steps);
    expect(stateHash(state)).toBe(hash);
  });

  it('a golden game is the same when played twice in one process', () => {
    const a = playComputerGame(mainLevel(), 'classroom-1', seatsAll('normal'));
    const b = playComputerGame(mainLevel(), 'classroom-1', seatsAll('normal'));
    expect(stateHash(a.state)).toBe(stateHash(b.state));
  });
});

describe('golden positions without computer parties', () => {
  // the opening position of the main level: pins the starting meters and the seeding of the generator.
  it('main level, classroom-1: the state before any move', () => {
    expect(stateHash(newGame(mainLevel(), { seed: 'classroom-1' }))).toBe(
      '4b4d1016595142107c3818c6c086a421a4f5b723224b1b00a6743ff9aa0f5bfd',
    );
  });

  // a scripted facilitated game: pins the event draws, an override, an inject and the agreement arithmetic, independent of the AI.
  it('main level, classroom-1, facilitated and scripted', () => {
    const L = mainLevel();
    const F = (type: string, extra: Record<string, unknown> = {}) => ({ type, by: 'facilitator', ...extra }) as Intent;
    const s = play(L, started(L, 'classroom-1', true), [
      { type: 'ukraine.demandGuarantees', by: 'ukraine' },
      { type: 'russia.escalate', by: 'russia' },
      { type: 'us.offerAirSupport', by: 'us', level: 'air-defence' },
      { type: 'coalition.pledgeTroops', by: 'coalition', troops: 15000 },
      F('facilitator.releaseEvent'),
      propose('ukraine'),
      { type: 'party.statement', by: 'russia', tone: 'firm' },
      accept('us'),
      pass('coalition'),
      F('facilitator.overrideEvent', { eventId: 'back-channel' }),
      F('facilitator.releaseEvent'),
      F('facilitator.inject', { eventId: 'leaders-meeting' }),
      pass('ukraine'),
      accept('russia'),
      pass('us'),
      accept('coalition'),
    ]);
    expect(s.context.outcome).toMatchObject({ kind: 'agreement', round: 3 });
    expect(s.context.outcome!.scores).toEqual({ ukraine: 12.1, russia: 3.3, us: 20.2, coalition: 20.7 });
    expect(s.context.outcome!.durability).toBe(72);
    expect(
      s.context.log
        .filter((e) => e.by === 'events')
        .map((e) => cardText(L, { id: (e as { eventId: string }).eventId, round: e.round, source: 'drawn' }).title),
    ).toEqual(['NATO eastern-flank alert', 'Back-channel progress', 'Leaders agree to meet']);
    expect(stateHash(s)).toBe('288b531b2d4eb3ce2e93120a29ef4fa676b8d10df30d18963c717571277be21b');
  });
});
