import { describe, expect, it } from 'vitest';
import { MOVE_EFFECTS, PAIR_KEYS, PARTY_IDS, type GameState, type Intent, type Meters } from '../../src/core';
import { DEAL, accept, at, counter, deal, mainLevel, must, pass, play, propose, reject, started } from '../helpers/game';
import { narrateEntry } from '../../src/narrate';

/**
 * What each legal move does to the meters, the table, the commitments and the log. Games here are
 * facilitated, so the last move of a round waits for the facilitator instead of drawing an event:
 * every change seen comes from the move alone.
 */

const L = mainLevel();
const s0 = () => started(L, 'effects', true);
const tabled = () => must(L, s0(), propose('ukraine'));
const usTurn = () => play(L, s0(), [propose('ukraine'), pass('russia')]);
const coalitionTurn = () => play(L, s0(), [pass('ukraine'), pass('russia'), pass('us')]);

/** The meters that changed, flattened: { tension: 12, 'trust.ukraine-russia': -6, ... }. */
function meterChanges(a: Meters, b: Meters): Record<string, number> {
  const out: Record<string, number> = {};
  const put = (k: string, x: number, y: number) => {
    if (x !== y) out[k] = y - x;
  };
  put('tension', a.tension, b.tension);
  put('usEngagement', a.usEngagement, b.usEngagement);
  put('coalitionCapacity', a.coalitionCapacity, b.coalitionCapacity);
  put('casualties', a.casualties, b.casualties);
  put('roundsLeft', a.roundsLeft, b.roundsLeft);
  for (const k of PAIR_KEYS) put(`trust.${k}`, a.trust[k], b.trust[k]);
  for (const p of PARTY_IDS) put(`domesticSupport.${p}`, a.domesticSupport[p], b.domesticSupport[p]);
  return out;
}

const E = MOVE_EFFECTS;
const russiaPairs = (d: number) => ({ 'trust.ukraine-russia': d, 'trust.russia-us': d, 'trust.russia-coalition': d });

const cases: { name: string; state: () => GameState; intent: Intent; changes: Record<string, number> }[] = [
  { name: 'propose', state: s0, intent: propose('ukraine'), changes: {} },
  { name: 'pass', state: s0, intent: pass('ukraine'), changes: {} },
  { name: 'accept: trust with the proposer', state: tabled, intent: accept('russia'), changes: { 'trust.ukraine-russia': E.accept } },
  { name: 'reject: trust with the proposer', state: tabled, intent: reject('russia'), changes: { 'trust.ukraine-russia': E.reject } },
  {
    name: 'counter: trust with the proposer',
    state: tabled,
    intent: counter('russia', deal({ arms: 'none' })),
    changes: { 'trust.ukraine-russia': E.counterTrust },
  },
  {
    name: 'conciliatory statement',
    state: s0,
    intent: { type: 'party.statement', by: 'ukraine', tone: 'conciliatory' },
    changes: {
      'trust.ukraine-russia': E.conciliatory.trust,
      'trust.ukraine-us': E.conciliatory.trust,
      'trust.ukraine-coalition': E.conciliatory.trust,
      'domesticSupport.ukraine': E.conciliatory.support,
      tension: E.conciliatory.tension,
    },
  },
  {
    name: 'firm statement',
    state: tabled,
    intent: { type: 'party.statement', by: 'russia', tone: 'firm' },
    changes: { ...russiaPairs(E.firm.trust), 'domesticSupport.russia': E.firm.support, tension: E.firm.tension },
  },
  { name: 'walk out', state: tabled, intent: { type: 'party.walkOut', by: 'russia' }, changes: { tension: 10 } },
  {
    name: 'Russia escalates',
    state: tabled,
    intent: { type: 'russia.escalate', by: 'russia' },
    changes: {
      tension: E.escalate.tension,
      ...russiaPairs(E.escalate.trustWith.russia),
      'domesticSupport.russia': E.escalate.domesticSupport.russia,
      'domesticSupport.coalition': E.escalate.domesticSupport.coalition,
      casualties: L.casualtiesPerRound.base,
    },
  },
  {
    name: 'Russia stalls',
    state: tabled,
    intent: { type: 'russia.stall', by: 'russia' },
    changes: { ...russiaPairs(E.stall.trustWith.russia), usEngagement: E.stall.usEngagement },
  },
  {
    name: 'US offers air support',
    state: usTurn,
    intent: { type: 'us.offerAirSupport', by: 'us', level: 'air-defence' },
    changes: {
      usEngagement: E.airSupport.usEngagement,
      tension: E.airSupport.tension,
      'trust.ukraine-us': E.airSupport.trust['ukraine-us'],
      'trust.us-coalition': E.airSupport.trust['us-coalition'],
      'trust.russia-us': E.airSupport.trust['russia-us'],
    },
  },
  {
    name: 'Coalition pledges 15,000 (costs 2 points at home)',
    state: coalitionTurn,
    intent: { type: 'coalition.pledgeTroops', by: 'coalition', troops: 15000 },
    changes: { 'trust.ukraine-coalition': 5, 'trust.russia-coalition': -2, tension: 2, 'domesticSupport.coalition': -2 },
  },
  {
    name: 'Coalition pledges 1,000 (costs 1 point)',
    state: coalitionTurn,
    intent: { type: 'coalition.pledgeTroops', by: 'coalition', troops: 1000 },
    changes: { 'trust.ukraine-coalition': 5, 'trust.russia-coalition': -2, tension: 2, 'domesticSupport.coalition': -1 },
  },
  {
    name: 'Ukraine demands guarantees',
    state: s0,
    intent: { type: 'ukraine.demandGuarantees', by: 'ukraine' },
    changes: { 'domesticSupport.ukraine': 4, usEngagement: 2 },
  },
];

describe('each move changes exactly the meters it should', () => {
  it.each(cases)('$name', ({ state, intent, changes }) => {
    const before = state();
    const after = must(L, before, intent);
    expect(meterChanges(before.context.meters, after.context.meters)).toEqual(changes);
  });
});

describe('the signs of the effects read as the domain does', () => {
  it('escalation raises tension and costs Russia trust; conciliation builds trust', () => {
    expect(E.escalate.tension).toBeGreaterThan(0);
    expect(E.escalate.trustWith.russia).toBeLessThan(0);
    expect(E.conciliatory.trust).toBeGreaterThan(0);
    expect(E.conciliatory.tension, 'a conciliatory statement is a confidence-building step').toBeLessThan(0);
    expect(E.firm.support).toBeGreaterThan(0);
    expect(E.accept).toBeGreaterThan(0);
    expect(E.reject).toBeLessThan(0);
  });
});

describe('meters stay inside their ranges at the edges', () => {
  it('escalation at tension 95 stops at 100; a firm statement at trust 1 stops at 0', () => {
    const s = tabled();
    const edge = at(s, { meters: { ...s.context.meters, tension: 95, trust: { ...s.context.meters.trust, 'ukraine-russia': 1 } } });
    expect(must(L, edge, { type: 'russia.escalate', by: 'russia' }).context.meters.tension).toBe(100);
    expect(must(L, edge, { type: 'party.statement', by: 'russia', tone: 'firm' }).context.meters.trust['ukraine-russia']).toBe(0);
  });
});

describe('the table, positions, commitments and log', () => {
  it('a proposal puts the package on the table, accepted by its proposer, and records the position', () => {
    const s = tabled();
    expect(s.context.table).toEqual({ terms: DEAL, proposedBy: 'ukraine', round: 1, acceptedBy: ['ukraine'], rejectedBy: [] });
    expect(s.context.positions).toEqual({ ukraine: DEAL });
    expect(s.context.turn).toBe(1);
    const entry = s.context.log.at(-1)!;
    expect(entry).toMatchObject({ round: 1, by: 'ukraine', kind: 'propose' });
    expect(narrateEntry(L, entry)).toMatch(/^Ukraine proposes: .*ceasefire.*full ceasefire.*20 km.*15,000 troops/i);
  });

  it('a counter replaces the package, starts a fresh list of acceptances and names only what changed', () => {
    const changed = deal({ bufferDepthKm: '40', alignment: 'deferred' });
    const s = play(L, tabled(), [accept('russia'), counter('us', changed)]);
    expect(s.context.table).toEqual({ terms: changed, proposedBy: 'us', round: 1, acceptedBy: ['us'], rejectedBy: [] });
    expect(s.context.positions).toEqual({ ukraine: DEAL, us: changed });
    expect(s.context.log.at(-1)).toMatchObject({
      kind: 'counter',
      changes: [
        { term: 'bufferDepthKm', from: '20', to: '40' },
        { term: 'alignment', from: 'neutrality', to: 'deferred' },
      ],
    });
    expect(narrateEntry(L, s.context.log.at(-1)!)).toMatch(
      /^United States counters: buffer zone depth → 40 km; alignment → question deferred\.$/i,
    );
  });

  it('accepting adds the party; rejecting after accepting takes it off the list', () => {
    const accepted = play(L, tabled(), [accept('russia')]);
    expect(accepted.context.table!.acceptedBy).toEqual(['ukraine', 'russia']);
    const s = play(L, accepted, [
      pass('us'),
      pass('coalition'),
      { type: 'facilitator.releaseEvent', by: 'facilitator' },
      pass('ukraine'),
      reject('russia'),
    ]);
    expect(s.context.table!.acceptedBy).toEqual(['ukraine']);
    expect(s.context.table!.rejectedBy).toEqual(['russia']);
  });

  it('commitments record the US offer, the pledge and the demand', () => {
    let s = must(L, s0(), { type: 'ukraine.demandGuarantees', by: 'ukraine' });
    s = play(L, s, [
      pass('russia'),
      { type: 'us.offerAirSupport', by: 'us', level: 'intel-logistics' },
      { type: 'coalition.pledgeTroops', by: 'coalition', troops: 12000 },
    ]);
    expect(s.context.commitments).toEqual({ usSupport: 'intel-logistics', peacekeepers: 12000, guaranteesDemanded: true });
    const texts = s.context.log.map((e) => narrateEntry(L, e));
    expect(texts).toContain('The United States offers intelligence and logistics (no ground troops).');
    expect(texts).toContain('The Coalition pledges 12,000 peacekeepers after a ceasefire.');
  });

  it('escalation costs both warring parties their position without a deal, Russia most', () => {
    expect(E.escalateWalkAway.russia).toBeLessThan(E.escalateWalkAway.ukraine);
    expect(E.escalateWalkAway.ukraine).toBeLessThan(0);
    expect(E.escalate.domesticSupport.russia).toBeLessThan(0);
    const before = tabled();
    const after = must(L, before, { type: 'russia.escalate', by: 'russia' });
    expect(after.context.walkAway.ukraine).toBe(before.context.walkAway.ukraine + E.escalateWalkAway.ukraine);
    expect(after.context.walkAway.russia).toBe(before.context.walkAway.russia + E.escalateWalkAway.russia);
  });

  it('a statement quotes its text, and every move counts one step', () => {
    const s = must(L, s0(), { type: 'party.statement', by: 'ukraine', tone: 'firm', text: 'No deal without guarantees.' });
    expect(narrateEntry(L, s.context.log.at(-1)!)).toBe('Ukraine makes a firm public statement: "No deal without guarantees."');
    expect(s.context.step).toBe(2);
  });
});
