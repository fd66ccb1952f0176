import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Client } from '@colyseus/sdk';
import { parseRecordJson, replayRecord, type Intent } from '../../src/core';
import { findBuiltinLevel } from '../../src/content/levels';
import { JOURNAL_FILE, Journal } from '../../src/server/journal';
import { createSession } from '../../src/server/sessions';
import { Table } from '../../src/server/table';
import { F, joinTeacher, joinTeam, startServer, tempDataDir, type TestServer } from './helpers';

/**
 * Tables fail alone. Four parallel tables play a few moves; then, with the server stopped, one intent
 * row of the first is altered, one of the second deleted and one of the third overwritten with text
 * that is not JSON. The server starts again: the three are shown to the teacher as damaged (the step
 * and the reason), their records download up to the last good step, their teams are told the record
 * is damaged (not "no such code", and not a failed attempt), and the fourth table, the lobby and the
 * comparison go on as before. Nothing is logged as a crash.
 */

const level = findBuiltinLevel('buffer-zone-talks')!;
const dataDir = tempDataDir();
let t: TestServer;
let sessionId = '';
let teacherToken = '';
let codes: string[] = [];
let healthyHash = '';
const lines: string[] = [];

const moves: Intent[] = [
  F('game.start'),
  { type: 'party.pass', by: 'ukraine' },
  { type: 'party.pass', by: 'russia' },
  { type: 'party.pass', by: 'us' },
];

beforeAll(async () => {
  const journal = new Journal(dataDir);
  const created = createSession(journal, { levelId: level.id, seed: 'damaged', tables: 4, turnSeconds: 0 }, 60);
  if (!created.ok) throw new Error(created.error);
  ({ teacherToken, codes } = created.value);
  sessionId = created.value.session.id;
  for (const code of codes) {
    const opened = Table.open(journal, code);
    if (!opened.ok) throw new Error(opened.error);
    for (const [i, move] of moves.entries()) {
      const ack = await opened.value.apply(`m${i}`, move, i === 0 ? 'teacher' : 'team');
      if (!ack.ok) throw new Error(ack.error);
    }
    healthyHash = opened.value.hash;
  }
  await journal.close();

  const db = new DatabaseSync(join(dataDir, JOURNAL_FILE));
  db.prepare('UPDATE intents SET intent = ? WHERE code = ? AND seq = 3').run(
    JSON.stringify({ type: 'party.pass', by: 'russia', note: 'edited' }),
    codes[0],
  );
  db.prepare('DELETE FROM intents WHERE code = ? AND seq = 2').run(codes[1]);
  db.prepare('UPDATE intents SET intent = ? WHERE code = ? AND seq = 4').run('{"type": "party.pass", "by"', codes[2]);
  db.close();

  for (const method of ['warn', 'error', 'log'] as const)
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' ')));
  // Two failures would put this address over the limit, and then nothing unchecked would get through.
  // The computer waits a minute before it moves, so the healthy table stays where it was left.
  t = await startServer({ dataDir, computerDelayMs: 60_000, limits: { failedAttempts: 2, slowLookupQueue: 0 } });
});

afterAll(async () => {
  await t?.stop();
  vi.restoreAllMocks();
});

const asTeacher = () => ({ headers: { Authorization: `Bearer ${teacherToken}` } });

describe('a session with three damaged tables and a healthy one', () => {
  it('tells the teacher which tables are damaged, at which step and why', async () => {
    const res = await fetch(`${t.url}/api/sessions/${sessionId}`, asTeacher());
    expect(res.status).toBe(200);
    const { tables } = (await res.json()) as { tables: { code: string; seq: number; hash: string; damaged: unknown; recordUrl: string }[] };
    expect(tables.map((x) => x.code)).toEqual(codes);
    expect(tables[0]).toMatchObject({ seq: 2, damaged: { step: 3, reason: expect.stringMatching(/state hash .* differs/) } });
    expect(tables[1]).toMatchObject({ seq: 1, damaged: { step: 2, reason: expect.stringMatching(/step 2 is missing/) } });
    expect(tables[2]).toMatchObject({ seq: 3, damaged: { step: 4, reason: expect.stringMatching(/not readable \(not valid JSON\)/) } });
    expect(tables[3]).toMatchObject({ seq: 4, hash: healthyHash, damaged: null });
    expect(tables[1].recordUrl).toBe(`/api/tables/${codes[1]}/record`);
  });

  it('lists the healthy table in the comparison and marks the damaged ones', async () => {
    const res = await fetch(`${t.url}/api/sessions/${sessionId}/compare`, asTeacher());
    expect(res.status).toBe(200);
    const { tables } = (await res.json()) as { tables: { code: string; steps: number; damaged: { step: number } | null }[] };
    expect(tables.map((x) => [x.steps, x.damaged?.step ?? null])).toEqual([
      [2, 3],
      [1, 2],
      [3, 4],
      [4, null],
    ]);
  });

  it('serves a damaged table’s record up to its last good step, and it replays', async () => {
    // A damaged table never reaches its end: its record stays the teacher's.
    expect((await fetch(`${t.url}/api/tables/${codes[2]}/record`)).status).toBe(403);
    const res = await fetch(`${t.url}/api/tables/${codes[2]}/record`, asTeacher());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(`buffer-zone-${codes[2]}-to-step-3.bzrec.json`);
    const record = parseRecordJson(await res.text());
    if (!record.ok) throw new Error(record.error);
    expect(record.value.steps).toHaveLength(3);
    const replay = replayRecord(level, record.value);
    if (!replay.ok) throw new Error(replay.error);
    expect(replay.value.divergence).toBeNull();
  });

  it('tells the teams and the teacher that the record is damaged, without counting it as a failed attempt', async () => {
    for (let i = 0; i < 3; i++)
      await expect(new Client(t.url).joinById(codes[0], { seat: 'russia' })).rejects.toThrow(
        /record of table .* is damaged.*Ask your teacher/,
      );
    await expect(new Client(t.url).joinById(codes[1], { teacher: true, teacherToken })).rejects.toThrow(
      /cannot go on: its record is damaged at step 2 .*up to step 1 can be downloaded/,
    );
    const summary = await fetch(`${t.url}/api/tables/${codes[0]}`);
    expect(summary.status).toBe(409);
    expect(((await summary.json()) as { error: string }).error).toMatch(/damaged/);
    // Had those counted as failures, this address would now be refused.
    const team = await joinTeam(t.url, codes[3], 'russia');
    await team.leave();
  });

  it('lets the healthy table play on', async () => {
    const teacher = await joinTeacher(t.url, codes[3], teacherToken);
    const team = await joinTeam(t.url, codes[3], 'coalition');
    expect(await team.intent({ type: 'party.pass', by: 'coalition' })).toMatchObject({ ok: true, seq: 5 });
    await team.leave();
    await teacher.leave();
  });

  it('logs each damaged table once, in one line, and no crash', () => {
    const text = lines.join('\n');
    for (const code of codes.slice(0, 3)) expect(lines.filter((l) => l.includes(`table ${code} is damaged`))).toHaveLength(1);
    expect(text).not.toMatch(/onDispose|Cannot read properties|\n\s+at /);
  });
});
