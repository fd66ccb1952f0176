import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@colyseus/sdk';
import { PARTY_IDS, type PartyId } from '../../src/core';
import { CLOSE_SEAT_RELEASED, CLOSE_SEAT_TAKEN_OVER, type Ack } from '../../src/protocol';
import {
  DEAL,
  F,
  createSession,
  joinTeacher,
  joinTeam,
  startServer,
  until,
  viewAt,
  type Seat,
  type SessionInfo,
  type TestServer,
} from './helpers';

/**
 * A team that tries to move for another party, to act as the teacher, or to break the room with
 * malformed, oversized or rapid-fire messages gets a refusal with a reason; the table's state does not
 * change, and the other clients never notice. Only a client that sends what no browser would (a frame
 * the WebSocket layer refuses to read) loses its own connection, and it can take its seat back.
 */

let t: TestServer;
let session: SessionInfo;
let teacher: Seat;
const teams = {} as Record<PartyId, Seat>;

const hashNow = () => teacher.lastView!.hash!;
const seqNow = () => teacher.lastView!.seq;

/** Nothing moved, and every other client is still connected and up to date. */
async function undisturbed(hash: string, except: PartyId[] = []): Promise<void> {
  const res = await fetch(`${t.url}/api/sessions/${session.sessionId}`, { headers: { Authorization: `Bearer ${session.teacherToken}` } });
  const overview = (await res.json()) as { tables: { hash: string }[] };
  expect(overview.tables[0].hash).toBe(hash);
  for (const p of PARTY_IDS) if (!except.includes(p)) expect(teams[p].room.connection.isOpen, `${p} connected`).toBe(true);
  expect(teacher.room.connection.isOpen).toBe(true);
}

beforeAll(async () => {
  t = await startServer();
  session = await createSession(t.url, { tables: 1, seed: 'hostile' });
  const code = session.tables[0].code;
  teacher = await joinTeacher(t.url, code, session.teacherToken);
  for (const p of PARTY_IDS) teams[p] = await joinTeam(t.url, code, p);
  expect((await teacher.intent(F('game.start'))).ok).toBe(true);
  await viewAt(teams.ukraine, 1);
});

afterAll(async () => {
  for (const s of [teacher, ...Object.values(teams)]) await s?.leave();
  await t.stop();
});

describe('who may do what', () => {
  it('refuses a move made in another party’s name', async () => {
    const hash = hashNow();
    expect(await teams.russia.intent({ type: 'party.pass', by: 'ukraine' })).toMatchObject({ ok: false, code: 'not-your-seat' });
    expect(await teams.us.intent({ type: 'party.propose', by: 'ukraine', package: DEAL })).toMatchObject({
      ok: false,
      code: 'not-your-seat',
      error: expect.stringContaining('United States'),
    });
    await undisturbed(hash);
  });

  it.each([
    F('game.start'),
    F('facilitator.pause'),
    F('facilitator.releaseEvent'),
    F('facilitator.end'),
    F('facilitator.inject', { eventId: 'embassy-damaged' }),
    F('facilitator.overrideEvent', { eventId: 'quiet-week' }),
    { type: 'game.start', by: 'ukraine' },
  ])('refuses a forged facilitator intent from a team: $type by $by', async (intent) => {
    const hash = hashNow();
    expect(await teams.ukraine.intent(intent)).toMatchObject({ ok: false, code: 'teacher-only' });
    await undisturbed(hash);
  });

  it('refuses the teacher’s console requests from a team, and party moves from the teacher', async () => {
    const hash = hashNow();
    expect(await teams.coalition.request('timer', { addSeconds: 60 })).toMatchObject({ ok: false, code: 'teacher-only' });
    expect(await teams.coalition.request('releaseSeat', { party: 'ukraine' })).toMatchObject({ ok: false, code: 'teacher-only' });
    expect(await teacher.intent({ type: 'party.pass', by: 'ukraine' })).toMatchObject({ ok: false, code: 'not-your-seat' });
    await undisturbed(hash);
  });

  it('refuses an illegal move with the rules’ reason and changes nothing', async () => {
    const hash = hashNow();
    expect(await teams.coalition.intent({ type: 'party.pass', by: 'coalition' })).toEqual({
      ok: false,
      code: 'illegal',
      error: "It is Ukraine's turn, not Coalition of the Willing's.",
      refusal: { code: 'not-your-turn', turn: 'ukraine', by: 'coalition' },
    });
    await undisturbed(hash);
  });

  it('applies an intent once, whatever the number of retries, and refuses an id its seat reuses for another move', async () => {
    const first = await teams.ukraine.intent({ type: 'party.pass', by: 'ukraine' }, 'retry-me');
    expect(first.ok).toBe(true);
    const again = await teams.ukraine.intent({ type: 'party.pass', by: 'ukraine' }, 'retry-me');
    expect(again).toEqual({ ...first, duplicate: true });
    await viewAt(teacher, (first as { seq: number }).seq);
    expect(await teams.ukraine.intent({ type: 'party.pass', by: 'ukraine', note: 'Another move.' }, 'retry-me')).toMatchObject({
      ok: false,
      code: 'id-reused',
    });
    expect(seqNow()).toBe((first as { seq: number }).seq);
  });
});

describe('malformed and oversized messages', () => {
  it.each([
    ['no payload', undefined],
    ['a string', 'party.pass'],
    ['a number', 42],
    ['an array', [1, 2]],
    ['no intent', { id: 'm1' }],
    ['a null intent', { id: 'm2', intent: null }],
    ['a bad id', { id: 'has spaces', intent: { type: 'party.pass', by: 'russia' } }],
    ['a long id', { id: 'x'.repeat(65), intent: { type: 'party.pass', by: 'russia' } }],
    ['an unknown intent type', { id: 'm3', intent: { type: 'party.teleport', by: 'russia' } }],
    ['an extra field', { id: 'm4', intent: { type: 'party.pass', by: 'russia', admin: true } }],
    ['an extra top-level field', { id: 'm5', intent: { type: 'party.pass', by: 'russia' }, seq: 99 }],
    ['a wrong package', { id: 'm6', intent: { type: 'party.propose', by: 'russia', package: { ceasefire: 'forever' } } }],
  ])('answers %s with a bad-request reply', async (_name, payload) => {
    const hash = hashNow();
    const reply = await teams.russia.request<Ack>('intent', payload);
    expect(reply).toMatchObject({ ok: false, code: 'bad-request' });
    expect((reply as { error: string }).error.length).toBeGreaterThan(5);
    await undisturbed(hash);
  });

  it('answers a large message with too-large, without reading it', async () => {
    const hash = hashNow();
    const reply = await teams.russia.intent({ type: 'party.pass', by: 'russia', note: 'x'.repeat(20_000) });
    expect(reply).toMatchObject({ ok: false, code: 'too-large' });
    await undisturbed(hash);
  });

  it('answers an undecodable request with an error, and keeps the sender connected', async () => {
    const hash = hashNow();
    const packr = (teams.russia.room as unknown as { packr: { pack: (v: unknown) => Uint8Array } }).packr;
    const pack = packr.pack;
    packr.pack = () => Uint8Array.from([0xc1, 0xc1, 0xc1]); // 0xc1 is never valid MessagePack
    try {
      await expect(teams.russia.request('intent', {})).rejects.toThrow();
    } finally {
      packr.pack = pack;
    }
    await undisturbed(hash);
    expect(teams.russia.room.connection.isOpen).toBe(true);
  });

  it('answers a bare send() with an error or an ack message instead of a disconnect', async () => {
    teams.russia.room.send('shout', { text: 'hello' });
    teams.russia.room.send('intent', { id: 'sent-not-requested', intent: { type: 'party.pass', by: 'ukraine' } });
    await until(() => teams.russia.messages.some((m) => m.type === 'error'), 'an error message');
    await until(() => teams.russia.messages.some((m) => m.type === 'ack'), 'an ack message');
    expect(teams.russia.messages.find((m) => m.type === 'ack')!.payload).toMatchObject({ ok: false, code: 'not-your-seat' });
    expect(teams.russia.room.connection.isOpen).toBe(true);
  });

  it('rate-limits a burst of requests with a reply, then serves the client again', async () => {
    const hash = hashNow();
    const replies = await Promise.all(Array.from({ length: 40 }, () => teams.us.request<Ack>('intent', { id: 'burst', intent: null })));
    const limited = replies.filter((r) => !r.ok && r.code === 'rate-limited').length;
    expect(limited).toBeGreaterThan(10);
    expect(teams.us.room.connection.isOpen).toBe(true);
    await new Promise((r) => setTimeout(r, 1200));
    expect(await teams.us.request<Ack>('intent', { id: 'after-burst', intent: null })).toMatchObject({ code: 'bad-request' });
    await undisturbed(hash);
  });

  it('closes only the sender’s socket on a frame above the size limit; it takes its seat back', async () => {
    const hash = hashNow();
    const token = teams.coalition.seatToken!;
    const closed = new Promise<number>((resolve) => teams.coalition.room.onLeave((code) => resolve(code)));
    void teams.coalition.room.request('intent', { id: 'huge', intent: { note: 'x'.repeat(100_000) } }).catch(() => undefined);
    expect(await closed).toBe(1009);
    await undisturbed(hash, ['coalition']);
    // The others play on; the coalition's seat waits for it and it rejoins with its token.
    expect((await teams.russia.intent({ type: 'party.pass', by: 'russia' })).ok).toBe(true);
    teams.coalition = await joinTeam(t.url, session.tables[0].code, 'coalition', token);
    await until(() => teacher.lastView?.seats.coalition.status === 'team', 'the coalition to be back');
  });

  it('refuses a join with a wrong seat token or teacher token', async () => {
    const code = session.tables[0].code;
    await expect(new Client(t.url).joinById(code, { seat: 'us', seatToken: 'not-the-token' })).rejects.toThrow(/does not match/);
    await expect(new Client(t.url).joinById(code, { teacher: true, teacherToken: 'guess' })).rejects.toThrow(/not valid/);
    await expect(new Client(t.url).joinById(code, { seat: 'nobody' })).rejects.toThrow(/Join with/);
    await expect(new Client(t.url).create('table', { code: 'QQQQQQ' })).rejects.toThrow();
    await undisturbed(hashNow());
  });

  it('moves a seat to the newest window holding its token, and lets the teacher free a seat', async () => {
    const code = session.tables[0].code;
    const first = teams.us;
    const firstClosed = new Promise<number>((resolve) => first.room.onLeave((c) => resolve(c)));
    const second = await joinTeam(t.url, code, 'us', first.seatToken);
    expect(await firstClosed).toBe(CLOSE_SEAT_TAKEN_OVER);
    teams.us = second;
    await until(() => second.lastView !== undefined, 'the new window’s view');
    const secondClosed = new Promise<number>((resolve) => second.room.onLeave((c) => resolve(c)));
    expect(await teacher.request('releaseSeat', { party: 'us' })).toEqual({ ok: true });
    expect(await secondClosed).toBe(CLOSE_SEAT_RELEASED);
    await until(() => teacher.lastView?.seats.us.claimed === false, 'the seat to be free');
    teams.us = await joinTeam(t.url, code, 'us');
    await until(() => teams.us.seatToken !== undefined, 'a new token');
    expect(teams.us.seatToken).not.toBe(first.seatToken);
  });
});
