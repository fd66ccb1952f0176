import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@colyseus/sdk';
import { PARTY_IDS, parseRecordJson, replayRecord, type PartyId } from '../../src/core';
import { findBuiltinLevel } from '../../src/content/levels';
import type { SeatMessage, ViewMessage } from '../../src/protocol';
import {
  F,
  Seat,
  createSession,
  joinTeacher,
  joinTeam,
  playToEnd,
  startServer,
  until,
  viewAt,
  type SessionInfo,
  type TestServer,
} from './helpers';

/**
 * A classroom session from start to debrief: two parallel tables on one seed, a teacher and four teams
 * at the first, only computer parties at the second. Along the way a team drops mid-round and takes its
 * seat back with its token, the teacher previews, overrides and injects events, and both tables'
 * downloaded records replay to the hashes the server reached.
 */

const root = join(import.meta.dirname, '../..');
const level = findBuiltinLevel('buffer-zone-talks')!;
let t: TestServer;
let session: SessionInfo;
let teacher: Seat;
const teams = {} as Record<PartyId, Seat>;

beforeAll(async () => {
  t = await startServer();
  session = await createSession(t.url, { tables: 2, seed: 'parallel-seed', difficulty: 'normal' });
});

afterAll(async () => {
  for (const s of [teacher, ...Object.values(teams)]) await s?.leave();
  await t.stop();
});

describe('a session with two parallel tables', () => {
  it('gives each table a code and a join link, and keeps the seed shared', async () => {
    expect(session.tables).toHaveLength(2);
    for (const table of session.tables) {
      expect(table.code).toMatch(/^[A-Z0-9]{6}$/);
      expect(table.joinUrl).toBe(`${t.url}/?join=${table.code}`);
    }
    expect(session.seed).toBe('parallel-seed');
    const qr = await fetch(`${t.url}${session.tables[0].qrUrl}`);
    expect(qr.headers.get('content-type')).toBe('image/svg+xml');
    expect(await qr.text()).toContain('<svg');
  });

  it('seats the teacher and four teams, each with its own seat token', async () => {
    const code = session.tables[0].code;
    teacher = await joinTeacher(t.url, code, session.teacherToken);
    for (const p of PARTY_IDS) teams[p] = await joinTeam(t.url, code, p);
    await until(() => teacher.lastView?.seats.coalition.status === 'team', 'the lobby to fill');
    for (const p of PARTY_IDS) {
      expect(teams[p].seatToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(teacher.lastView!.seats[p]).toMatchObject({ status: 'team', claimed: true });
    }
    expect(teacher.lastView!.view.phase).toBe('briefing');
    expect(teacher.lastView!.facilitator!.injects.map((i) => i.id)).toEqual(level.injects.map((i) => i.id));
    // A second browser cannot take a claimed seat without the token.
    await expect(new Client(t.url).joinById(code, { seat: 'russia' })).rejects.toThrow(/This seat is taken/);
  });

  it('lets only the teacher start, then plays round 1 with a dropped team coming back', async () => {
    expect(await teams.ukraine.intent({ type: 'game.start', by: 'ukraine' })).toMatchObject({ ok: false, code: 'teacher-only' });
    const start = await teacher.intent(F('game.start'));
    expect(start).toMatchObject({ ok: true, seq: 1 });
    await viewAt(teams.ukraine, 1);
    expect(teams.ukraine.view.turn).toBe('ukraine');
    const ua = await teams.ukraine.intent({ type: 'party.pass', by: 'ukraine' });
    expect(ua.ok).toBe(true);

    // Russia's connection drops mid-round: the seat waits for it (grace period) instead of going to the computer.
    const token = teams.russia.seatToken!;
    await teams.russia.leave(false);
    await until(() => teacher.lastView?.seats.russia.status === 'away', 'Russia to show as away');
    expect(teacher.lastView!.view.turn).toBe('russia');

    // The same browser comes back with its token: same seat, no new token, and its view is sent again.
    teams.russia = await joinTeam(t.url, session.tables[0].code, 'russia', token);
    await until(() => teams.russia.lastView !== undefined, 'Russia to get its view back');
    const seatMessage = teams.russia.messages.find((m) => m.type === 'seat')!.payload as SeatMessage;
    expect(seatMessage).toEqual({ code: session.tables[0].code, seat: 'russia' });
    expect(teams.russia.view.brief?.party).toBe('russia');
    expect(teacher.lastView!.seats.russia.status).toBe('team');

    for (const p of ['russia', 'us', 'coalition'] as const) expect((await teams[p].intent({ type: 'party.pass', by: p })).ok).toBe(true);
    await until(() => teacher.lastView?.view.phase === 'events', 'the round to wait for its event');
  });

  it('lets the teacher preview the next seeded event, replace it, and add an inject', async () => {
    const extras = teacher.lastView!.facilitator!;
    expect(extras.nextEvent?.source).toBe('draw');
    expect(extras.probabilities.reduce((a, p) => a + p.p, 0)).toBeCloseTo(1, 5);
    const replacement = level.events.find((e) => e.id !== extras.nextEvent!.id)!.id;
    const override = await teacher.intent(F('facilitator.overrideEvent', { eventId: replacement }));
    await viewAt(teacher, (override as { seq: number }).seq);
    expect(teacher.lastView!.facilitator!.nextEvent).toMatchObject({ id: replacement, source: 'override' });
    const inject = await teacher.intent(F('facilitator.inject', { eventId: level.injects[0].id }));
    expect(inject.ok).toBe(true);
    const release = await teacher.intent(F('facilitator.releaseEvent'));
    await viewAt(teams.ukraine, (release as { seq: number }).seq);
    expect(teams.ukraine.view.lastEvent).toMatchObject({ id: replacement, source: 'override' });
    expect(teams.ukraine.view.round).toBe(2);
  });

  it('also takes a reconnection by the Colyseus token (a network blip)', async () => {
    const before = teams.us.room;
    before.reconnection.enabled = false;
    const token = before.reconnectionToken;
    await before.leave(false);
    await until(() => teacher.lastView?.seats.us.status === 'away', 'the US to show as away');
    const again = await new Client(t.url).reconnect(token);
    teams.us = new Seat(again, 'us');
    await until(() => teacher.lastView?.seats.us.status === 'team', 'the US to be back');
    expect(again.sessionId).toBe(before.sessionId);
  });

  it('plays the first table to the end with the four teams', async () => {
    await playToEnd(teacher, teams);
    const final = teacher.lastView!;
    expect(final.view.phase).toBe('over');
    expect(final.view.outcome).not.toBeNull();
    // Views after the first carry only new log entries; put together they are the whole log.
    const full = await teacher.request<{ view: ViewMessage }>('sync');
    expect(full.view.logStart).toBe(0);
    expect(final.logStart).toBeGreaterThan(0);
    for (const seat of [teacher, ...Object.values(teams)]) expect(seat.log).toEqual(full.view.view.log);
  });

  it('plays the second table to the end with computer parties in every seat', async () => {
    const code = session.tables[1].code;
    const second = await joinTeacher(t.url, code, session.teacherToken);
    await until(() => second.lastView !== undefined, 'the second table');
    for (const p of PARTY_IDS) expect(second.lastView!.seats[p]).toMatchObject({ status: 'computer', claimed: false });
    expect((await second.intent(F('game.start'))).ok).toBe(true);
    await playToEnd(second, {});
    expect(second.view.phase).toBe('over');
    await second.leave();
  });

  it('serves each record for download, and it replays to the hash the server reached', async () => {
    const overview = await fetch(`${t.url}/api/sessions/${session.sessionId}`, {
      headers: { Authorization: `Bearer ${session.teacherToken}` },
    });
    const tables = ((await overview.json()) as { tables: { code: string; hash: string; phase: string; seq: number }[] }).tables;
    expect(tables.map((x) => x.phase)).toEqual(['over', 'over']);
    for (const table of tables) {
      const res = await fetch(`${t.url}/api/tables/${table.code}/record`);
      expect(res.headers.get('content-disposition')).toContain(`buffer-zone-${table.code}.bzrec.json`);
      const record = parseRecordJson(await res.text());
      if (!record.ok) throw new Error(record.error);
      expect(record.value.facilitated).toBe(true);
      expect(record.value.steps).toHaveLength(table.seq);
      const replay = replayRecord(level, record.value);
      if (!replay.ok) throw new Error(replay.error);
      expect(replay.value.divergence).toBeNull();
      expect(record.value.finalHash).toBe(table.hash);
    }
    // The command line replays the downloaded file to the same hash, as a discussion group would.
    const file = join(t.dataDir, 'table.bzrec.json');
    writeFileSync(file, await (await fetch(`${t.url}/api/tables/${tables[0].code}/record`)).text());
    const cli = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), 'replay', file, '--json'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(JSON.parse(cli)).toMatchObject({ ok: true, stateHash: tables[0].hash });
    // The steps that came with the teacher's views are the record's steps: the client can rebuild the game.
    const first0 = parseRecordJson(await (await fetch(`${t.url}/api/tables/${tables[0].code}/record`)).text());
    const followed = teacher.messages.filter((m) => m.type === 'view').flatMap((m) => (m.payload as ViewMessage).steps);
    expect(first0.ok && followed.map((s) => ({ intent: s.intent, hash: s.hash }))).toEqual(first0.ok && first0.value.steps);
    expect(followed.map((s) => s.seq)).toEqual(followed.map((_, i) => i + 1));
    // Seats: the first table had four teams, the second only computers.
    const first = parseRecordJson(await (await fetch(`${t.url}/api/tables/${tables[0].code}/record`)).text());
    expect(first.ok && Object.values(first.value.seats).every((s) => s.kind === 'human')).toBe(true);
  });

  it('compares the parallel tables for the debrief (teacher only)', async () => {
    const denied = await fetch(`${t.url}/api/sessions/${session.sessionId}/compare`);
    expect(denied.status).toBe(401);
    const res = await fetch(`${t.url}/api/sessions/${session.sessionId}/compare?teacherToken=${session.teacherToken}`);
    const body = (await res.json()) as {
      seed: string;
      tables: { status: string; outcome: { kind: string } | null; scores: object | null }[];
    };
    expect(body.seed).toBe('parallel-seed');
    expect(body.tables).toHaveLength(2);
    for (const table of body.tables) {
      expect(table.outcome).not.toBeNull();
      expect(Object.keys(table.scores!)).toEqual(expect.arrayContaining([...PARTY_IDS]));
      expect(['signed', 'on-table', 'none']).toContain(table.status);
    }
  });
});
