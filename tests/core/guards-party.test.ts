import { describe, expect, it } from 'vitest';
import { applyToGame, newGame, parseLevel, stateHash, type GameState, type Intent, type Level } from '../../src/core';
import {
  DEAL,
  accept,
  at,
  counter,
  deal,
  level,
  levelData,
  mainLevel,
  must,
  pass,
  passRound,
  passTo,
  play,
  propose,
  reject,
  started,
} from '../helpers/game';
import { describeRefusal } from '../../src/narrate';

/**
 * Every party move, legal and illegal, with the reason a player reads. Positions are reached by playing
 * legal moves from a fresh game (main level: Ukraine, Russia, the US, the Coalition move in that order).
 */

const L = mainLevel();
const fresh = () => newGame(L, { seed: 'guards' });
const s0 = () => started(L, 'guards');
/** Ukraine has put DEAL on the table; Russia to move. */
const tabled = (pkg = DEAL) => must(L, s0(), propose('ukraine', pkg));
/** Ukraine's DEAL is on the table and a full round has passed: Ukraine to move again. */
const nextRound = () => passRound(L, tabled());
/** The US to move with DEAL on the table. */
const usTurn = (pkg = DEAL) => play(L, s0(), [propose('ukraine', pkg), pass('russia')]);
/** The Coalition to move with nothing on the table. */
const coalitionTurn = () => play(L, s0(), [pass('ukraine'), pass('russia'), pass('us')]);

interface Case {
  name: string;
  state: () => GameState;
  intent: Intent;
  reason: RegExp;
  lvl?: Level;
}

const illegal: Case[] = [
  { name: 'a move before the talks start', state: fresh, intent: propose('ukraine'), reason: /have not started yet/ },
  { name: 'starting twice', state: s0, intent: { type: 'game.start', by: 'ukraine' }, reason: /already started/ },
  { name: 'not your turn', state: s0, intent: propose('russia'), reason: /It is Ukraine's turn, not Russia's/ },
  { name: 'not your turn (pass)', state: tabled, intent: pass('us'), reason: /It is Russia's turn, not United States's/ },
  { name: 'accept with no package on the table', state: s0, intent: accept('ukraine'), reason: /no package on the table to accept/ },
  { name: 'reject with no package on the table', state: s0, intent: reject('ukraine'), reason: /no package on the table to reject/ },
  {
    name: 'counter with no package on the table',
    state: s0,
    intent: counter('ukraine', DEAL),
    reason: /no package on the table to counter/,
  },
  { name: 'propose over a package on the table', state: tabled, intent: propose('russia'), reason: /already on the table/ },
  { name: 'counter equal to the table', state: tabled, intent: counter('russia', DEAL), reason: /same as the package on the table/ },
  {
    name: 'propose across own red line',
    state: s0,
    intent: propose('ukraine', deal({ territory: 'donbas-ceded' })),
    reason: /You cannot put this forward: It crosses Ukraine's red line: Territory/,
  },
  {
    name: 'counter across own red line',
    state: tabled,
    intent: counter('russia', deal({ alignment: 'nato-path' })),
    reason: /You cannot put this forward: It crosses Russia's red line: Alignment/,
  },
  {
    name: 'accept across own red line',
    state: () => tabled(deal({ territory: 'pre-2022-lines' })),
    intent: accept('russia'),
    reason: /It crosses Russia's red line: Territory "Withdrawal to the lines before 2022"/,
  },
  {
    name: 'more peacekeepers than the Coalition can field',
    state: s0,
    intent: propose('ukraine', deal({ peacekeepers: '60000' })),
    reason: /at most 30,000 troops right now, not 60,000/,
  },
  {
    name: 'accepting twice (the proposer already accepted)',
    state: nextRound,
    intent: accept('ukraine'),
    reason: /Ukraine has already accepted/,
  },
  { name: 'rejecting own package', state: nextRound, intent: reject('ukraine'), reason: /cannot reject your own package/ },
  {
    name: 'rejecting twice',
    state: () => play(L, s0(), [propose('ukraine'), reject('russia'), pass('us'), pass('coalition'), pass('ukraine')]),
    intent: reject('russia'),
    reason: /Russia has already rejected/,
  },
  {
    name: 'US accepting above its engagement ceiling',
    state: () => usTurn(deal({ usSupport: 'strike-backstop' })),
    intent: accept('us'),
    reason: /Washington's engagement \(60\) does not stretch to "Long-range strike backstop"/,
  },
  {
    name: 'US proposing above its engagement ceiling',
    state: () => play(L, s0(), [pass('ukraine'), pass('russia')]),
    intent: propose('us', deal({ usSupport: 'strike-backstop' })),
    reason: /You cannot put this forward: Washington's engagement/,
  },
  {
    name: 'air support offered by Ukraine',
    state: s0,
    intent: { type: 'us.offerAirSupport', by: 'ukraine', level: 'air-defence' },
    reason: /Only the United States/,
  },
  {
    name: 'US "ground troops"',
    state: usTurn,
    intent: { type: 'us.offerAirSupport', by: 'us', level: 'ground troops' },
    reason: /ruled out ground troops/,
  },
  {
    name: 'US "Ground-Troops" (any case)',
    state: usTurn,
    intent: { type: 'us.offerAirSupport', by: 'us', level: 'Ground-Troops' },
    reason: /ruled out ground troops/,
  },
  {
    name: 'US offering no support',
    state: usTurn,
    intent: { type: 'us.offerAirSupport', by: 'us', level: 'none' },
    reason: /Choose a kind of support/,
  },
  {
    name: 'US offering an unknown kind of support',
    state: usTurn,
    intent: { type: 'us.offerAirSupport', by: 'us', level: 'carriers' },
    reason: /Choose a kind of support/,
  },
  {
    name: 'US offer above the engagement ceiling',
    state: usTurn,
    intent: { type: 'us.offerAirSupport', by: 'us', level: 'strike-backstop' },
    reason: /engagement \(60\) does not stretch to "Long-range strike backstop"/,
  },
  {
    name: 'US offering no more than it already has',
    state: () => passTo(L, must(L, usTurn(), { type: 'us.offerAirSupport', by: 'us', level: 'intel-logistics' }), 'us'),
    intent: { type: 'us.offerAirSupport', by: 'us', level: 'air-defence' },
    reason: /already offered that much/,
  },
  {
    name: 'a pledge by Ukraine',
    state: s0,
    intent: { type: 'coalition.pledgeTroops', by: 'ukraine', troops: 4000 },
    reason: /Only the Coalition/,
  },
  {
    name: 'a pledge above capacity',
    state: coalitionTurn,
    intent: { type: 'coalition.pledgeTroops', by: 'coalition', troops: 30001 },
    reason: /at most 30,000 troops right now/,
  },
  {
    name: 'a pledge below 1,000',
    state: coalitionTurn,
    intent: { type: 'coalition.pledgeTroops', by: 'coalition', troops: 999 },
    reason: /at least 1,000 troops/,
  },
  {
    name: 'a pledge of 0',
    state: coalitionTurn,
    intent: { type: 'coalition.pledgeTroops', by: 'coalition', troops: 0 },
    reason: /at least 1,000 troops/,
  },
  {
    name: 'the same pledge again',
    state: () => passTo(L, must(L, coalitionTurn(), { type: 'coalition.pledgeTroops', by: 'coalition', troops: 15000 }), 'coalition'),
    intent: { type: 'coalition.pledgeTroops', by: 'coalition', troops: 15000 },
    reason: /already pledged exactly that/,
  },
  {
    name: 'Ukraine demanding guarantees twice',
    state: () => passRound(L, must(L, s0(), { type: 'ukraine.demandGuarantees', by: 'ukraine' })),
    intent: { type: 'ukraine.demandGuarantees', by: 'ukraine' },
    reason: /already demanded/,
  },
  {
    name: 'the Coalition demanding guarantees',
    state: coalitionTurn,
    intent: { type: 'ukraine.demandGuarantees', by: 'coalition' },
    reason: /Only Ukraine/,
  },
  { name: 'escalation by Ukraine', state: s0, intent: { type: 'russia.escalate', by: 'ukraine' }, reason: /Only Russia can do that/ },
  { name: 'stalling by the US', state: usTurn, intent: { type: 'russia.stall', by: 'us' }, reason: /Only Russia can do that/ },
  {
    name: 'stalling by the Coalition',
    state: coalitionTurn,
    intent: { type: 'russia.stall', by: 'coalition' },
    reason: /Only Russia can do that/,
  },
  {
    name: 'a move after the talks are over',
    state: () => must(L, s0(), { type: 'party.walkOut', by: 'ukraine' }),
    intent: pass('russia'),
    reason: /The talks are over/,
  },
  {
    name: 'a term the level fixes (tutorial: no mandate to negotiate)',
    lvl: level('tutorial'),
    state: () => started(level('tutorial'), 'guards'),
    intent: {
      type: 'party.propose',
      by: 'ukraine',
      package: { ...level('tutorial').defaultPackage, guarantee: 'assurances', mandate: 'enforce' },
    },
    reason: /Peacekeeping mandate is fixed at "Patrol, train and defend"/,
  },
  // Malformed intents are refused by the schema, naming the field.
  {
    name: 'an unknown intent type',
    state: s0,
    intent: { type: 'party.dance', by: 'ukraine' } as unknown as Intent,
    reason: /intent\.type: unknown intent type "party.dance"/,
  },
  { name: 'an unknown party', state: s0, intent: { type: 'party.pass', by: 'moldova' } as unknown as Intent, reason: /intent\.by/ },
  {
    name: 'a package with an unknown option',
    state: s0,
    intent: propose('ukraine', deal({ bufferDepthKm: '25' })),
    reason: /intent\.package\.bufferDepthKm/,
  },
  {
    name: 'a party using a facilitator move',
    state: s0,
    intent: { type: 'facilitator.end', by: 'ukraine' } as unknown as Intent,
    reason: /intent\.by/,
  },
  {
    name: 'a pledge that is not a whole number',
    state: coalitionTurn,
    intent: { type: 'coalition.pledgeTroops', by: 'coalition', troops: 1500.5 },
    reason: /intent\.troops/,
  },
  {
    name: 'an extra field',
    state: s0,
    intent: { type: 'party.pass', by: 'ukraine', cheat: true } as unknown as Intent,
    reason: /Unrecognized key: "cheat"/,
  },
];

describe('illegal party moves are refused with a readable reason and change nothing', () => {
  it.each(illegal)('$name', ({ state, intent, reason, lvl = L }) => {
    const before = state();
    const snapshot = structuredClone(before);
    const hash = stateHash(before);
    const result = applyToGame(lvl, before, intent);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(describeRefusal(result.refusal, lvl ?? L)).toMatch(reason);
    expect(stateHash(before)).toBe(hash);
    expect(before).toEqual(snapshot);
  });
});

describe('Ukraine cannot sign a package without guarantees once it has demanded them', () => {
  // Both built-in levels also make "no guarantee" a red line for Ukraine; this level drops it to test the demand alone.
  const data = levelData('buffer-zone-talks');
  data.parties.ukraine.redLines = data.parties.ukraine.redLines.filter((r: { term: string }) => r.term !== 'guarantee');
  const custom = parseLevel(data);
  if (!custom.ok) throw new Error(custom.error);
  const lvl = custom.value;

  it('refuses the acceptance with the reason, and allows it without the demand', () => {
    const start = must(lvl, newGame(lvl, { seed: 'g' }), { type: 'game.start', by: 'ukraine' });
    const noGuarantee = deal({ guarantee: 'none' });
    const demanded = play(lvl, start, [
      { type: 'ukraine.demandGuarantees', by: 'ukraine' },
      propose('russia', noGuarantee),
      pass('us'),
      pass('coalition'),
    ]);
    const refused = applyToGame(lvl, demanded, accept('ukraine'));
    expect(refused).toEqual({ ok: false, refusal: { code: 'guarantees-demanded' } });
    if (!refused.ok)
      expect(describeRefusal(refused.refusal)).toBe('Ukraine has demanded defined security guarantees, and this package has none.');
    const notDemanded = play(lvl, start, [pass('ukraine'), propose('russia', noGuarantee), pass('us'), pass('coalition')]);
    expect(applyToGame(lvl, notDemanded, accept('ukraine')).ok).toBe(true);
  });
});

describe('accepting checks the package again against the state now', () => {
  it('refuses a package whose troops the Coalition can no longer field', () => {
    const s = at(tabled(deal({ peacekeepers: '30000' })), {
      meters: { ...tabled().context.meters, coalitionCapacity: 20000 },
    });
    const result = applyToGame(L, s, accept('russia'));
    expect(result).toEqual({ ok: false, refusal: { code: 'over-capacity', capacity: 20000, troops: 30000 } });
    if (!result.ok) expect(describeRefusal(result.refusal)).toBe('The Coalition can field at most 20,000 troops right now, not 30,000.');
  });
});

const legal: { name: string; state: () => GameState; intent: Intent }[] = [
  { name: 'game.start by the first party', state: fresh, intent: { type: 'game.start', by: 'ukraine' } },
  { name: 'game.start by any party', state: fresh, intent: { type: 'game.start', by: 'coalition' } },
  { name: 'propose', state: s0, intent: propose('ukraine') },
  { name: 'counter', state: tabled, intent: counter('russia', deal({ bufferDepthKm: '40' })) },
  { name: 'counter own package', state: nextRound, intent: counter('ukraine', deal({ arms: 'major' })) },
  { name: 'accept', state: tabled, intent: accept('russia') },
  { name: 'reject', state: tabled, intent: reject('russia') },
  {
    name: 'reject after accepting',
    state: () => play(L, tabled(), [accept('russia'), pass('us'), pass('coalition'), pass('ukraine')]),
    intent: reject('russia'),
  },
  {
    name: 'conciliatory statement',
    state: s0,
    intent: { type: 'party.statement', by: 'ukraine', tone: 'conciliatory', text: 'We are ready.' },
  },
  { name: 'firm statement', state: tabled, intent: { type: 'party.statement', by: 'russia', tone: 'firm' } },
  { name: 'pass', state: s0, intent: pass('ukraine') },
  { name: 'walk out', state: tabled, intent: { type: 'party.walkOut', by: 'russia' } },
  { name: 'US air support within the ceiling', state: usTurn, intent: { type: 'us.offerAirSupport', by: 'us', level: 'no-fly-zone' } },
  { name: 'Coalition pledge of 1,000', state: coalitionTurn, intent: { type: 'coalition.pledgeTroops', by: 'coalition', troops: 1000 } },
  {
    name: 'Coalition pledge at capacity',
    state: coalitionTurn,
    intent: { type: 'coalition.pledgeTroops', by: 'coalition', troops: 30000 },
  },
  { name: 'Ukraine demands guarantees', state: s0, intent: { type: 'ukraine.demandGuarantees', by: 'ukraine' } },
  { name: 'Russia escalates', state: tabled, intent: { type: 'russia.escalate', by: 'russia' } },
  { name: 'Russia stalls', state: tabled, intent: { type: 'russia.stall', by: 'russia', note: 'Time is on our side.' } },
];

describe('legal party moves are applied', () => {
  it.each(legal)('$name', ({ state, intent }) => {
    const before = state();
    const result = applyToGame(L, before, intent);
    if (!result.ok) throw new Error(describeRefusal(result.refusal, L));
    expect(result.value.context.step).toBe(before.context.step + 1);
    expect(stateHash(result.value)).not.toBe(stateHash(before));
    // The move's own log entry comes first; the last move of a round is followed by the round's event.
    const entry = result.value.context.log[before.context.log.length];
    expect(entry.by).toBe(intent.by);
    expect(entry.round).toBe(before.context.round);
    if (intent.note) expect(entry.note).toBe(intent.note);
  });
});

describe('a refusal leaves the game as it was', () => {
  it('the same legal move afterwards gives the same state as without the refusal', () => {
    const direct = must(L, tabled(), accept('russia'));
    const s = tabled();
    expect(applyToGame(L, s, propose('us')).ok).toBe(false);
    expect(applyToGame(L, s, accept('us')).ok).toBe(false);
    const after = must(L, s, accept('russia'));
    expect(stateHash(after)).toBe(stateHash(direct));
  });

  it('applying a move never changes the state it was applied to (branching from an old state)', () => {
    const s = tabled();
    const copy = structuredClone(s);
    const a = must(L, s, accept('russia'));
    const b = must(L, s, reject('russia'));
    expect(s).toEqual(copy);
    expect(stateHash(a)).not.toBe(stateHash(b));
    expect(stateHash(must(L, s, accept('russia')))).toBe(stateHash(a));
  });
});
