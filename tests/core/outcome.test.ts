import { describe, expect, it } from 'vitest';
import { PARTY_IDS, durabilityOf, round1, stateHash, utility } from '../../src/core';
import { DEAL, accept, deal, level, mainLevel, must, pass, passRound, play, propose, reject, started } from '../helpers/game';
import { describeFactor, describeOutcome, narrateEntry } from '../../src/narrate';

/** How the talks end: a package signed by all four, a walk-out, or the deadline; and how each party scores. */

const L = mainLevel();
const s0 = () => started(L, 'outcomes');

describe('two rejections take a package off the table', () => {
  it('the first rejection keeps it, the second withdraws it', () => {
    const once = play(L, s0(), [propose('ukraine'), reject('russia')]);
    expect(once.context.table).toMatchObject({ rejectedBy: ['russia'] });
    const twice = must(L, once, reject('us'));
    expect(twice.context.table).toBeNull();
    expect(narrateEntry(L, twice.context.log.at(-1)!)).toBe('United States rejects the package; it is withdrawn.');
    // With the table empty, the next party must propose; accepting is no longer possible.
    expect(must(L, twice, propose('coalition')).context.table!.proposedBy).toBe('coalition');
  });
});

describe('four acceptances make an agreement', () => {
  const signed = () => play(L, s0(), [propose('ukraine'), accept('russia'), accept('us'), accept('coalition')]);

  it('ends the talks at once with the package, in the round it was signed', () => {
    const s = signed();
    expect(s.phase).toBe('over');
    const o = s.context.outcome!;
    expect(o.kind).toBe('agreement');
    expect(o.round).toBe(1);
    expect(o.package).toEqual(DEAL);
    expect(describeOutcome(o)).toBe('All four parties signed the package on the table.');
  });

  it('scores each party by the deal value (walk-away plus the gain weighted by durability) minus the level walk-away value', () => {
    const s = signed();
    const o = s.context.outcome!;
    for (const p of PARTY_IDS) {
      const w = s.context.walkAway[p];
      expect(o.values[p]).toBe(round1(w + ((utility(L, p, DEAL) - w) * o.durability!) / 100));
      expect(o.scores[p]).toBe(round1(o.values[p] - L.parties[p].walkAway));
    }
  });

  it('estimates durability 0–100 with the factors that made it', () => {
    const s = signed();
    const o = s.context.outcome!;
    const expected = durabilityOf(L, s.context, DEAL);
    expect(o.durability).toBe(expected.value);
    expect(o.durability).toBeGreaterThanOrEqual(0);
    expect(o.durability).toBeLessThanOrEqual(100);
    expect(o.durabilityFactors).toContainEqual({ factor: 'full-ceasefire', points: 12 });
    expect(o.durabilityFactors.map(describeFactor)).toContain('+12 full ceasefire');
  });

  it('an enforceable, policed, backed deal is judged more durable than a thin one', () => {
    const ctx = s0().context;
    const strong = durabilityOf(L, ctx, deal({ peacekeepers: '30000', bufferDepthKm: '40', usSupport: 'no-fly-zone' })).value;
    const thin = durabilityOf(L, ctx, deal({ ceasefire: 'partial', peacekeepers: '0', mandate: 'observe', guarantee: 'assurances' })).value;
    expect(strong).toBeGreaterThan(thin);
  });

  it('three acceptances are not enough', () => {
    const s = play(L, s0(), [propose('ukraine'), accept('russia'), accept('us'), pass('coalition')]);
    expect(s.phase).toBe('turns');
    expect(s.context.outcome).toBeNull();
    expect(s.context.table!.acceptedBy).toEqual(['ukraine', 'russia', 'us']);
  });

  it('acceptances carry over rounds until the fourth signs', () => {
    const s = play(L, s0(), [propose('ukraine'), accept('russia'), accept('us'), pass('coalition')]);
    const next = play(L, passRound(L, s), [pass('ukraine'), pass('russia'), pass('us'), accept('coalition')]);
    expect(next.context.outcome).toMatchObject({ kind: 'agreement', round: 3 });
  });
});

describe('a walk-out breaks the talks down', () => {
  it('ends at once; values are the current walk-away values, scores relative to the level', () => {
    const s = play(L, s0(), [propose('ukraine'), { type: 'russia.escalate', by: 'russia' }, { type: 'party.walkOut', by: 'us' }]);
    expect(s.phase).toBe('over');
    const o = s.context.outcome!;
    expect(o).toMatchObject({
      kind: 'breakdown',
      round: 1,
      package: null,
      durability: null,
      cause: { code: 'walked-out', by: 'us' },
    });
    for (const p of PARTY_IDS) {
      expect(o.values[p]).toBe(round1(s.context.walkAway[p]));
      expect(o.scores[p]).toBe(round1(s.context.walkAway[p] - L.parties[p].walkAway));
    }
    // The escalation lowered Ukraine's walk-away value, so Ukraine ends below zero.
    expect(o.scores.ukraine).toBeLessThan(0);
  });
});

describe('the deadline', () => {
  it.each(['buffer-zone-talks', 'tutorial', 'after-the-strike'])('%s: ends after the last round, not before', (id) => {
    const lvl = level(id);
    let s = started(lvl, 'deadline');
    for (let r = 1; r < lvl.rounds; r++) {
      s = passRound(lvl, s);
      expect(s.phase).toBe('turns');
      expect(s.context.round).toBe(r + 1);
      expect(s.context.meters.roundsLeft).toBe(lvl.rounds - r);
      expect(s.context.lastEvent).toMatchObject({ round: r, source: 'drawn' });
    }
    s = passRound(lvl, s);
    expect(s.phase).toBe('over');
    expect(s.context.outcome).toMatchObject({
      kind: 'deadline',
      round: lvl.rounds,
      cause: { code: 'deadline', rounds: lvl.rounds },
    });
    expect(s.context.meters.roundsLeft).toBe(0);
    expect(s.context.step).toBe(1 + 4 * lvl.rounds);
  });

  it('the war goes on while the talks do: casualties rise every round', () => {
    const s = passRound(L, s0());
    expect(s.context.meters.casualties).toBeGreaterThan(0);
  });

  it('nothing moves once the talks are over', () => {
    const over = must(L, s0(), { type: 'party.walkOut', by: 'ukraine' });
    const hash = stateHash(over);
    for (const p of PARTY_IDS) expect(() => must(L, over, pass(p))).toThrow(/talks-over/);
    expect(stateHash(over)).toBe(hash);
  });
});
