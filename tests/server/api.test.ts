import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { F, createSession, joinTeacher, startServer, type SessionInfo, type TestServer } from './helpers';

/**
 * The HTTP side of the classroom server: creating sessions (and refusing bad requests with the field
 * at fault), the teacher's overview, the join screen's table lookup, and the game's own files served
 * on the same port.
 */

const site = mkdtempSync(join(tmpdir(), 'bz-site-'));
writeFileSync(join(site, 'index.html'), '<!doctype html><title>Buffer Zone</title>');
let t: TestServer;
let session: SessionInfo;

const post = (body: string, headers: Record<string, string> = { 'Content-Type': 'application/json' }) =>
  fetch(`${t.url}/api/sessions`, { method: 'POST', headers, body });

beforeAll(async () => {
  t = await startServer({ staticDir: site, publicUrl: 'http://class.example:8080/' });
  session = await createSession(t.url, { tables: 3, seed: 'api', turnSeconds: 120, difficulty: 'hard' });
});

afterAll(async () => {
  await t.stop();
  rmSync(site, { recursive: true, force: true });
});

describe('POST /api/sessions', () => {
  it('creates the tables with links on the public address', () => {
    expect(session.tables).toHaveLength(3);
    expect(new Set(session.tables.map((x) => x.code)).size).toBe(3);
    expect(session.tables[0].joinUrl).toBe(`http://class.example:8080/?join=${session.tables[0].code}`);
    expect(session.teacherToken.length).toBeGreaterThanOrEqual(32);
  });

  it.each([
    ['an unknown level', JSON.stringify({ levelId: 'no-such-level' }), 400, /levelId: there is no level/],
    ['too many tables', JSON.stringify({ levelId: 'tutorial', tables: 9 }), 400, /^tables:/],
    ['no tables', JSON.stringify({ levelId: 'tutorial', tables: 0 }), 400, /^tables:/],
    ['a wrong difficulty', JSON.stringify({ levelId: 'tutorial', difficulty: 'brutal' }), 400, /^difficulty:/],
    ['an unknown field', JSON.stringify({ levelId: 'tutorial', admin: true }), 400, /admin/],
    ['malformed JSON', '{"levelId":', 400, /not valid JSON/],
    ['a huge body', JSON.stringify({ levelId: 'tutorial', seed: 'x'.repeat(20_000) }), 413, /larger than/],
  ])('refuses %s', async (_name, body, status, message) => {
    const res = await post(body);
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: string }).error).toMatch(message);
  });
});

describe('GET /api/sessions/:id', () => {
  it('shows the teacher each table’s seats, phase and round', async () => {
    const res = await fetch(`${t.url}/api/sessions/${session.sessionId}`, { headers: { Authorization: `Bearer ${session.teacherToken}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      seed: string;
      settings: { turnSeconds: number; difficulty: string; graceSeconds: number };
      tables: { code: string; phase: string; round: number; seats: Record<string, { status: string }>; scores: unknown }[];
    };
    expect(body.seed).toBe('api');
    expect(body.settings).toMatchObject({ turnSeconds: 120, difficulty: 'hard', graceSeconds: 60 });
    expect(body.tables.map((x) => x.code)).toEqual(session.tables.map((x) => x.code));
    expect(body.tables[0]).toMatchObject({ phase: 'briefing', round: 1, scores: null, seats: { ukraine: { status: 'computer' } } });
  });

  it('refuses a missing or wrong token, and an unknown session', async () => {
    expect((await fetch(`${t.url}/api/sessions/${session.sessionId}`)).status).toBe(401);
    expect((await fetch(`${t.url}/api/sessions/${session.sessionId}?teacherToken=nope`)).status).toBe(401);
    expect((await fetch(`${t.url}/api/sessions/no-such-session?teacherToken=${session.teacherToken}`)).status).toBe(404);
  });
});

describe('tables by code', () => {
  it('tells a join screen which seats are free, and forgives a lower-case code', async () => {
    const res = await fetch(`${t.url}/api/tables/${session.tables[1].code.toLowerCase()}`);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ code: session.tables[1].code, levelId: 'buffer-zone-talks', phase: 'briefing' });
    expect(Object.keys(body)).not.toContain('teacherToken');
  });

  it('hands a client the steps so far, to rebuild the game locally', async () => {
    const teacher = await joinTeacher(t.url, session.tables[2].code, session.teacherToken);
    expect((await teacher.intent(F('game.start'))).ok).toBe(true);
    const reply = await teacher.request<{ ok: boolean; steps: { seq: number; intent: { type: string } }[] }>('steps', { from: 1 });
    // Computer parties hold every seat here, so more steps may follow the start at once.
    expect(reply.steps[0]).toMatchObject({ seq: 1, intent: { type: 'game.start' } });
    expect(reply.steps.map((x) => x.seq)).toEqual(reply.steps.map((_, i) => i + 1));
    expect(await teacher.request('steps', { from: 0 })).toMatchObject({ ok: false, code: 'bad-request' });
    await teacher.leave();
  });

  it('serves the teacher an empty record before the first move (and nobody else), and a QR code of the public link', async () => {
    const url = `${t.url}/api/tables/${session.tables[0].code}/record`;
    expect((await fetch(url)).status).toBe(403);
    expect((await fetch(url, { headers: { Authorization: 'Bearer not-the-token' } })).status).toBe(403);
    const record = (await (await fetch(url, { headers: { Authorization: `Bearer ${session.teacherToken}` } })).json()) as {
      steps: unknown[];
      seed: string;
    };
    expect(record).toMatchObject({ steps: [], seed: 'api' });
    const svg = await (await fetch(`${t.url}/api/tables/${session.tables[0].code}/qr.svg`)).text();
    expect(svg).toMatch(/^<svg/);
  });
});

describe('the game’s files on the same port', () => {
  it('serves the page, refuses other methods and never a file outside the folder', async () => {
    const page = await fetch(`${t.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Buffer Zone');
    expect((await fetch(`${t.url}/`, { method: 'POST' })).status).toBe(405);
    // fetch resolves the dots itself, so this asks for /etc/passwd: an address the page answers, not a file.
    const outside = await fetch(`${t.url}/%2e%2e/%2e%2e/etc/passwd`);
    expect(await outside.text()).not.toMatch(/root:/);
    expect((await fetch(`${t.url}/missing.js`)).status).toBe(404);
    expect((await fetch(`${t.url}/api/nothing-here`)).status).toBe(404);
    expect((await fetch(`${t.url}/__healthcheck`)).status).toBe(200);
  });
});
