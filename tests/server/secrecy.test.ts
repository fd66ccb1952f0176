import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Room } from '@colyseus/sdk';
import {
  PARTY_IDS,
  analyzeGame,
  drawVariant,
  parseRecordJson,
  recordLevel,
  type GameRecord,
  type GameView,
  type Intent,
  type Level,
  type PartyId,
} from '../../src/core';
import { findBuiltinLevel } from '../../src/content/levels';
import type { ViewMessage } from '../../src/protocol';
import { F, createSession, joinTeacher, joinTeam, playToEnd, startServer, teamMoves, until, type Seat, type TestServer } from './helpers';

/**
 * Private briefs stay private, played from the student's side. A classroom session draws its own
 * variant of every brief on the server, so the level as the game's files hold it (what a student can
 * read in the bundle, or play solo) is not what is played. Every byte each client receives over its
 * WebSocket is recorded (below the SDK's message decoding, so acks, errors and handshakes count too)
 * while four teams and the teacher play a table to its end, and every HTTP endpoint a team can call is
 * asked mid-game. Until the talks are over nothing a team receives carries another party's brief, red
 * lines or walk-away value, the seed, a state hash, the steps or the teacher's choice of the next event.
 * The debrief (the view in which the phase is "over") reveals every brief on purpose: it and what follows
 * are left out of the search, and checked to show the briefs that were really played.
 */

const published = findBuiltinLevel('buffer-zone-talks')!;

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

function messagesBeforeDebrief(seat: Seat) {
  const end = seat.messages.findIndex((m) => m.type === 'view' && (m.payload as ViewMessage).view.phase === 'over');
  return end < 0 ? seat.messages : seat.messages.slice(0, end);
}

/** Strings only party `p`'s brief as played carries: its brief text, interest notes and red-line reasons (added ones too). */
function secretsOf(level: Level, p: PartyId): string[] {
  const brief = level.parties[p];
  return [
    brief.brief,
    ...brief.redLines.map((r) => r.reason),
    ...Object.values(brief.interests)
      .map((i) => i?.note)
      .filter((n): n is string => !!n),
  ];
}

/** Keys that only appear inside a brief or the teacher's console: seeing one outside the team's own brief is a leak. */
const PRIVATE_KEYS = ['walkAway', 'currentWalkAway', 'redLines', 'interests', 'nextEvent', 'probabilities', 'facilitator', 'variant'];

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

/** The event the teacher picks for round 1: one no other path puts in front of the teams before it happens. */
const CHOSEN = 'back-channel';

let t: TestServer;
let teacher: Seat;
let code: string;
let seed: string;
const teams = {} as Record<PartyId, Seat>;
/** What each HTTP endpoint a team can call answered mid-game, by label. */
const http: Record<string, { status: number; body: string }> = {};
/** Frames each team had received when the override was made, and when the chosen event happened. */
const aroundOverride = {} as Record<PartyId, [number, number]>;
let stepsReply: unknown;
let record: GameRecord;
let played: Level;

async function get(label: string, path: string, headers: Record<string, string> = {}): Promise<void> {
  const res = await fetch(`${t.url}${path}`, { headers });
  http[label] = { status: res.status, body: await res.text() };
}

beforeAll(async () => {
  t = await startServer();
  // No seed given: the server draws one (and the briefs), as it does for a teacher who leaves the field empty.
  const session = await createSession(t.url, { tables: 1, seed: undefined, briefs: 'drawn' });
  seed = session.seed;
  code = session.tables[0].code;
  teacher = await joinTeacher(t.url, code, session.teacherToken);
  for (const p of PARTY_IDS) teams[p] = await joinTeam(t.url, code, p);
  await until(() => PARTY_IDS.every((p) => teams[p].lastView !== undefined), 'every team to get a view');
  expect((await teacher.intent(F('game.start'))).ok).toBe(true);
  await until(() => teacher.lastView?.view.phase === 'turns', 'the talks to start');
  // The injects change walk-away values; the test wants them moving during the game.
  expect((await teacher.intent(F('facilitator.inject', { eventId: 'embassy-damaged' }))).ok).toBe(true);
  const override = await teacher.intent(F('facilitator.overrideEvent', { eventId: CHOSEN }));
  expect(override.ok).toBe(true);
  await until(
    () => PARTY_IDS.every((p) => (teams[p].lastView?.seq ?? 0) >= (override.ok ? override.seq : 0)),
    'the override to reach the teams',
  );
  for (const p of PARTY_IDS) aroundOverride[p] = [framesBeforeDebrief(teams[p]).length, 0];

  // Mid-game, everything a team can ask for over HTTP and the socket.
  await get('table', `/api/tables/${code}`);
  await get('record', `/api/tables/${code}/record`);
  await get('record, own seat', `/api/tables/${code}/record?seat=russia`, { Authorization: `Bearer ${teams.russia.seatToken}` });
  await get('record, another seat', `/api/tables/${code}/record?seat=us`, { Authorization: `Bearer ${teams.russia.seatToken}` });
  await get('qr', `/api/tables/${code}/qr.svg`);
  stepsReply = await teams.ukraine.request('steps', { from: 1 });

  await playToEnd(teacher, teams, slowTalks);
  await until(() => PARTY_IDS.every((p) => teams[p].lastView?.view.phase === 'over'), 'every team to see the debrief');
  for (const p of PARTY_IDS) {
    const seen = framesBeforeDebrief(teams[p]);
    aroundOverride[p][1] = seen.findIndex((f, i) => i >= aroundOverride[p][0] && f.includes(Buffer.from(CHOSEN)));
  }
  const res = await fetch(`${t.url}/api/tables/${code}/record`);
  expect(res.status).toBe(200);
  const parsed = parseRecordJson(await res.text());
  if (!parsed.ok) throw new Error(parsed.error);
  record = parsed.value;
  const level = recordLevel(published, record);
  if (!level.ok) throw new Error(level.error);
  played = level.value;
}, 60_000);

afterAll(async () => {
  for (const s of [teacher, ...Object.values(teams)]) await s?.leave();
  await t.stop();
});

describe('the briefs a classroom session plays', () => {
  it('are drawn on the server and differ from the briefs in the game’s files for every party', () => {
    expect(record.variant).toBeDefined();
    for (const p of PARTY_IDS) {
      const a = published.parties[p];
      const b = played.parties[p];
      const weightsDiffer = Object.keys(b.interests).some(
        (t) => b.interests[t as 'territory']!.weight !== a.interests[t as 'territory']!.weight,
      );
      expect(weightsDiffer || a.walkAway !== b.walkAway, p).toBe(true);
    }
  });

  it('spread over their ranges, so the files tell a student nothing certain', () => {
    const draws = Array.from({ length: 400 }, (_, i) => drawVariant(published, `secret-${i}`));
    for (const p of PARTY_IDS) {
      const range = published.briefVariants!.parties[p]!;
      const walkAways = new Set(draws.map((d) => d[p]!.walkAway));
      expect(walkAways.size, `${p} walk-away values`).toBe(2 * range.walkAway + 1);
      // The level's own value is only one of them.
      expect(draws.filter((d) => d[p]!.walkAway === published.parties[p].walkAway).length / draws.length).toBeLessThan(0.15);
      for (const r of range.mayAdd) {
        const share = draws.filter((d) => d[p]!.added.includes(r.term)).length / draws.length;
        expect(share, `${p} added red line on ${r.term}`).toBeGreaterThan(0.35);
        expect(share).toBeLessThan(0.65);
      }
      for (const term of range.mayDrop) {
        const share = draws.filter((d) => d[p]!.dropped.includes(term)).length / draws.length;
        expect(share, `${p} dropped red line on ${term}`).toBeGreaterThan(0.35);
        expect(share).toBeLessThan(0.65);
      }
    }
  });
});

describe('what a team can reach while the talks run', () => {
  it.each(PARTY_IDS)('%s receives no other party’s brief, red lines or walk-away value, and not the seed', (me) => {
    const seen = framesBeforeDebrief(teams[me]);
    expect(seen.length).toBeGreaterThan(20);
    for (const other of PARTY_IDS.filter((p) => p !== me))
      for (const secret of secretsOf(played, other))
        expect(
          seen.some((f) => f.includes(Buffer.from(secret))),
          `${other}: ${secret.slice(0, 50)}`,
        ).toBe(false);
    expect(seen.some((f) => f.includes(Buffer.from(seed)))).toBe(false);
    // Positive control: its own brief did arrive, so the search would have found a leak.
    expect(seen.some((f) => f.includes(Buffer.from(played.parties[me].brief)))).toBe(true);
  });

  it.each(PARTY_IDS)('%s: every message carries private fields only in its own brief (the one drawn), and no seed, hash or steps', (me) => {
    let views = 0;
    let briefs = 0;
    for (const m of messagesBeforeDebrief(teams[me])) {
      const payload = structuredClone(m.payload) as Partial<ViewMessage> & { hash?: unknown };
      if (m.type === 'view') {
        views++;
        const view = payload.view!;
        // A view after the first leaves the brief out while it is unchanged.
        if (view.brief !== undefined) {
          briefs++;
          expect(view.brief?.party).toBe(me);
          expect(view.brief?.walkAway).toBe(played.parties[me].walkAway);
          expect(view.brief?.redLines.map((r) => r.term)).toEqual(played.parties[me].redLines.map((r) => r.term));
        }
        expect(view.revealed).toBeNull();
        expect(view.seed).toBe('');
        expect(payload.hash).toBeNull();
        expect(payload.steps).toEqual([]);
        expect(payload.legal?.seat).toBe(me);
        for (const e of view.log) if (e.kind === 'override') expect(e.eventId).toBeNull();
        view.brief = null;
      } else if (payload && typeof payload === 'object' && 'hash' in payload) expect(payload.hash, String(m.type)).toBeUndefined();
      expect(privateKeysIn(payload), String(m.type)).toEqual([]);
    }
    expect(views).toBeGreaterThan(20);
    expect(briefs).toBeGreaterThan(0);
    // The views that left it out: the brief is sent when it changes (an event moved the walk-away), not with every move.
    expect(briefs).toBeLessThan(views / 2);
  });

  it.each(PARTY_IDS)('%s does not learn the event the teacher chose until it happens', (me) => {
    const [from, happened] = aroundOverride[me];
    expect(happened, 'the chosen event did happen').toBeGreaterThan(from);
    // The first frame that names the chosen event came after the choice, and the first message naming it is the event itself.
    expect(framesBeforeDebrief(teams[me]).findIndex((f) => f.includes(Buffer.from(CHOSEN)))).toBe(happened);
    const first = messagesBeforeDebrief(teams[me]).find((m) => JSON.stringify(m.payload).includes(CHOSEN));
    expect(first?.type).toBe('view');
    const view = (first!.payload as ViewMessage).view;
    expect(view.lastEvent?.id).toBe(CHOSEN);
    expect(view.log.some((e) => e.kind === 'event' && e.eventId === CHOSEN)).toBe(true);
  });

  it('the steps of the game are refused to a team', () => {
    expect(stepsReply).toMatchObject({ ok: false, code: 'teacher-only' });
  });

  it('the join screen’s summary holds no seed and no brief', () => {
    expect(http.table.status).toBe(200);
    expect(http.table.body).not.toContain(seed);
    expect(privateKeysIn(JSON.parse(http.table.body))).toEqual([]);
    expect(http.qr.status).toBe(200);
  });

  it('the record of the unfinished table is refused without the teacher’s token', () => {
    expect(http.record.status).toBe(403);
    expect(JSON.parse(http.record.body).error).toMatch(/given out when its talks are over/);
    expect(http.record.body).not.toContain(seed);
    expect(http['record, another seat'].status).toBe(403);
  });

  it('a team that shows its seat token downloads its own view: its brief only, no seed', () => {
    const own = http['record, own seat'];
    expect(own.status).toBe(200);
    const body = JSON.parse(own.body) as { format: string; view: GameView; legal: { seat: string } };
    expect(body.format).toBe('buffer-zone-view');
    expect(body.view.brief?.party).toBe('russia');
    expect(body.view.revealed).toBeNull();
    expect(body.view.seed).toBe('');
    expect(own.body).not.toContain(seed);
    for (const other of PARTY_IDS.filter((p) => p !== 'russia'))
      for (const secret of secretsOf(played, other)) expect(own.body).not.toContain(secret);
  });
});

describe('the teacher, and the end of the talks', () => {
  it('the teacher receives no brief at all before the debrief', () => {
    const seen = framesBeforeDebrief(teacher);
    for (const p of PARTY_IDS)
      for (const secret of secretsOf(played, p)) expect(seen.some((f) => f.includes(Buffer.from(secret)))).toBe(false);
    for (const m of teacher.messages) {
      if (m.type !== 'view') continue;
      const view = (m.payload as { view: { phase: string; brief: unknown } }).view;
      expect(view.brief).toBeNull();
    }
  });

  it('the debrief then reveals every brief as it was played, the seed and the full log', () => {
    const last = teams.russia.view;
    expect(last.phase).toBe('over');
    expect(last.seed).toBe(seed);
    expect(last.revealed?.map((b) => b.party)).toEqual([...PARTY_IDS]);
    for (const b of last.revealed!) expect(b.walkAway).toBe(played.parties[b.party].walkAway);
    expect(teams.russia.log.find((e) => e.kind === 'override')).toMatchObject({ eventId: CHOSEN });
    expect(teams.russia.lastView?.hash).toBe(teacher.lastView?.hash);
  });

  it('the record carries the variant, and the analysis works on the briefs that were played', () => {
    const d = analyzeGame(published, record);
    if (!d.ok) throw new Error(d.error);
    expect(d.value.variant.map((c) => c.party)).toEqual([...PARTY_IDS]);
    expect(d.value.walkAways.start).toEqual(Object.fromEntries(PARTY_IDS.map((p) => [p, played.parties[p].walkAway])));
  });
});
