import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Room } from '@colyseus/sdk';
import { PARTY_IDS, type GameView, type Intent, type PartyId } from '../../src/core';
import { findBuiltinLevel } from '../../src/content/levels';
import { F, createSession, joinTeacher, joinTeam, playToEnd, startServer, teamMoves, until, type Seat, type TestServer } from './helpers';

/**
 * Private briefs stay private. Every byte each client receives over its WebSocket is recorded (below
 * the SDK's message decoding, so acks, errors and handshakes count too) while four teams and the
 * teacher play a table to its end. Until the talks are over, no team's bytes contain another party's
 * brief, red lines or walk-away value, and the teacher's contain none at all. The debrief (the view
 * in which the phase is "over") reveals every brief on purpose, so it and what follows are left out.
 */

const level = findBuiltinLevel('buffer-zone-talks')!;

/** Every frame each SDK room receives, recorded before the SDK decodes it. */
const frames = new Map<Room, Buffer[]>();
const proto = Room.prototype as unknown as { onMessageCallback: (event: MessageEvent) => void };
const original = proto.onMessageCallback;
proto.onMessageCallback = function (this: Room, event: MessageEvent) {
  const list = frames.get(this) ?? [];
  list.push(Buffer.from(event.data as ArrayBuffer));
  frames.set(this, list);
  original.call(this, event);
};

/** msgpack of `phase: "over"` (fixstr key, fixstr value): where the debrief starts. */
const OVER = Buffer.concat([Buffer.from([0xa5]), Buffer.from('phase'), Buffer.from([0xa4]), Buffer.from('over')]);

function framesBeforeDebrief(seat: Seat): Buffer[] {
  const all = frames.get(seat.room) ?? [];
  const end = all.findIndex((f) => f.includes(OVER));
  return end < 0 ? all : all.slice(0, end);
}

/** Strings only party `p`'s own brief carries: its brief text, interest notes and red-line reasons. */
function secretsOf(p: PartyId): string[] {
  const brief = level.parties[p];
  return [
    brief.brief,
    ...brief.redLines.map((r) => r.reason),
    ...Object.values(brief.interests)
      .map((i) => i?.note)
      .filter((n): n is string => !!n),
  ];
}

/** Keys that only appear inside a brief: seeing one outside the team's own brief is a leak. */
const PRIVATE_KEYS = ['walkAway', 'currentWalkAway', 'redLines', 'interests'];

function privateKeysIn(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => privateKeysIn(v, `${path}[${i}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => [
      ...(PRIVATE_KEYS.includes(k) ? [`${path}.${k}`] : []),
      ...privateKeysIn(v, `${path}.${k}`),
    ]);
  return [];
}

/** Three rounds of statements, demands and commitments before anyone puts a package forward: a long, varied game. */
function slowTalks(party: PartyId, view: GameView): Intent[] {
  if (view.round > 3) return teamMoves(party, view);
  const special: Record<PartyId, Intent> = {
    ukraine: { type: 'ukraine.demandGuarantees', by: 'ukraine' },
    russia: { type: 'russia.stall', by: 'russia' },
    us: { type: 'us.offerAirSupport', by: 'us', level: 'air-defence' },
    coalition: { type: 'coalition.pledgeTroops', by: 'coalition', troops: 10_000 + view.round * 1000 },
  };
  const statement: Intent = {
    type: 'party.statement',
    by: party,
    tone: view.round % 2 ? 'firm' : 'conciliatory',
    text: 'We are ready to talk.',
  };
  return [special[party], statement, { type: 'party.pass', by: party }];
}

let t: TestServer;
let teacher: Seat;
const teams = {} as Record<PartyId, Seat>;

beforeAll(async () => {
  t = await startServer();
  const session = await createSession(t.url, { tables: 1, seed: 'secrecy' });
  const code = session.tables[0].code;
  teacher = await joinTeacher(t.url, code, session.teacherToken);
  for (const p of PARTY_IDS) teams[p] = await joinTeam(t.url, code, p);
  await until(() => PARTY_IDS.every((p) => teams[p].lastView !== undefined), 'every team to get a view');
  expect((await teacher.intent(F('game.start'))).ok).toBe(true);
  // The injects change walk-away values; the test wants them moving during the game.
  await until(() => teacher.lastView?.view.phase === 'turns', 'the talks to start');
  expect((await teacher.intent(F('facilitator.inject', { eventId: 'embassy-damaged' }))).ok).toBe(true);
  await playToEnd(teacher, teams, slowTalks);
  await until(() => PARTY_IDS.every((p) => teams[p].lastView?.view.phase === 'over'), 'every team to see the debrief');
});

afterAll(async () => {
  for (const s of [teacher, ...Object.values(teams)]) await s?.leave();
  await t.stop();
});

describe('what each client receives while the talks run', () => {
  it.each(PARTY_IDS)('%s receives no other party’s brief, red lines or walk-away value', (me) => {
    const seen = framesBeforeDebrief(teams[me]);
    expect(seen.length).toBeGreaterThan(20);
    for (const other of PARTY_IDS.filter((p) => p !== me))
      for (const secret of secretsOf(other))
        expect(
          seen.some((f) => f.includes(Buffer.from(secret))),
          `${other}: ${secret.slice(0, 50)}`,
        ).toBe(false);
    // Positive control: its own brief did arrive, so the search would have found a leak.
    expect(seen.some((f) => f.includes(Buffer.from(level.parties[me].brief)))).toBe(true);
  });

  it.each(PARTY_IDS)('%s: every decoded message carries private fields only in its own brief', (me) => {
    const messages = teams[me].messages.filter(
      (m) => !(m.type === 'view' && (m.payload as { view: { phase: string } }).view.phase === 'over'),
    );
    for (const m of messages) {
      const payload = structuredClone(m.payload) as { view?: { brief: { party: string } | null; revealed: unknown } };
      if (payload.view) {
        expect(payload.view.brief === null || payload.view.brief.party === me).toBe(true);
        expect(payload.view.revealed).toBeNull();
        payload.view.brief = null;
      }
      expect(privateKeysIn(payload), String(m.type)).toEqual([]);
    }
  });

  it('the teacher receives no brief at all before the debrief', () => {
    const seen = framesBeforeDebrief(teacher);
    for (const p of PARTY_IDS) for (const secret of secretsOf(p)) expect(seen.some((f) => f.includes(Buffer.from(secret)))).toBe(false);
    for (const m of teacher.messages) {
      if (m.type !== 'view') continue;
      const view = (m.payload as { view: { phase: string; brief: unknown } }).view;
      expect(view.brief).toBeNull();
    }
  });

  it('the debrief then reveals every brief to everyone, as the game intends', () => {
    const last = teams.russia.view;
    expect(last.phase).toBe('over');
    expect(last.revealed?.map((b) => b.party)).toEqual([...PARTY_IDS]);
  });
});
