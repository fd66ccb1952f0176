import { fork, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARTY_IDS, parseRecordJson, replayRecord, type GameRecord, type PartyId } from '../../src/core';
import { findBuiltinLevel } from '../../src/content/levels';
import type { Ack } from '../../src/protocol';
import { F, createSession, joinTeacher, joinTeam, playToEnd, tempDataDir, until, viewAt, type Seat, type SessionInfo } from './helpers';

/**
 * The server process is killed with SIGKILL in the middle of a game (no shutdown code runs) and started
 * again on the same data folder. The table comes back from its journal at the hash it had, no
 * acknowledged intent is lost, the teams take their seats back with their tokens, and the game goes
 * on to an end whose record replays.
 */

const root = resolve(import.meta.dirname, '../..');
const level = findBuiltinLevel('buffer-zone-talks')!;
const dataDir = tempDataDir();
let child: ChildProcess | null = null;
let url = '';
let session: SessionInfo;
let teacher: Seat;
const teams = {} as Record<PartyId, Seat>;
const tokens = {} as Record<PartyId, string>;

/** Starts the server in a child process on an ephemeral port and waits (bounded) for it to report its address. */
function startChild(): Promise<string> {
  const proc = fork(join(root, 'src/server/main.ts'), [], {
    cwd: root,
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, QUIET: '1', COMPUTER_DELAY_MS: '0', STATIC_DIR: '' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  child = proc;
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not start within 20 s')), 20_000);
    proc.once('exit', (code) => reject(new Error(`the server exited early (${code})`)));
    proc.on('message', (m: { type?: string; url?: string }) => {
      if (m.type !== 'ready') return;
      clearTimeout(timer);
      resolvePromise(m.url!);
    });
  });
}

async function killChild(): Promise<void> {
  const proc = child!;
  const exited = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGKILL');
  await exited;
  child = null;
}

async function seatEveryone(): Promise<void> {
  const code = session.tables[0].code;
  teacher = await joinTeacher(url, code, session.teacherToken);
  for (const p of PARTY_IDS) teams[p] = await joinTeam(url, code, p, tokens[p]);
  await until(() => [teacher, ...Object.values(teams)].every((s) => s.lastView !== undefined), 'everyone to get a view');
}

async function record(): Promise<GameRecord> {
  const res = await fetch(`${url}/api/tables/${session.tables[0].code}/record`, {
    headers: { Authorization: `Bearer ${session.teacherToken}` },
  });
  const parsed = parseRecordJson(await res.text());
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

beforeAll(async () => {
  url = await startChild();
  session = await createSession(url, { tables: 1, seed: 'restart' });
  const code = session.tables[0].code;
  teacher = await joinTeacher(url, code, session.teacherToken);
  for (const p of PARTY_IDS) {
    teams[p] = await joinTeam(url, code, p);
    await until(() => teams[p].seatToken !== undefined, `${p}'s seat token`);
    tokens[p] = teams[p].seatToken!;
  }
}, 30_000);

afterAll(async () => {
  for (const s of [teacher, ...Object.values(teams)]) await s?.leave();
  if (child) await killChild();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('kill -9 in mid-game, then restart on the same data folder', () => {
  it('resumes at the same hash after a kill while the table is idle', async () => {
    expect((await teacher.intent(F('game.start'))).ok).toBe(true);
    for (const p of ['ukraine', 'russia'] as const) expect((await teams[p].intent({ type: 'party.pass', by: p })).ok).toBe(true);
    await viewAt(teacher, 3);
    const before = teacher.lastView!;
    await killChild();
    url = await startChild();
    await seatEveryone();
    const after = teacher.lastView!;
    expect({ seq: after.seq, hash: after.hash }).toEqual({ seq: before.seq, hash: before.hash });
    expect(after.view.turn).toBe('us');
    // The teams are back in their own seats, with their own briefs, and no new tokens were issued.
    for (const p of PARTY_IDS) {
      expect(teams[p].view.brief?.party).toBe(p);
      expect(teams[p].messages.find((m) => m.type === 'seat')!.payload).not.toHaveProperty('seatToken');
      expect(after.seats[p].status).toBe('team');
    }
  }, 30_000);

  it('loses no acknowledged intent when killed with intents in flight', async () => {
    const acked: Ack[] = [];
    const proc = child!;
    const exited = new Promise((r) => proc.once('exit', r));
    // Sixteen injects at once; the server is killed the moment the third acknowledgement arrives.
    const sends = Array.from({ length: 16 }, (_, i) =>
      teacher
        .intent(F('facilitator.inject', { eventId: level.injects[i % level.injects.length].id }))
        .then((ack) => {
          acked.push(ack);
          if (acked.length === 3) proc.kill('SIGKILL');
        })
        .catch(() => undefined),
    );
    await exited;
    child = null;
    await Promise.all(sends);
    expect(acked.length).toBeGreaterThanOrEqual(3);
    url = await startChild();
    await seatEveryone();
    const steps = (await record()).steps;
    for (const ack of acked) {
      if (!ack.ok) throw new Error(ack.error);
      expect(steps[ack.seq - 1]?.hash, `step ${ack.seq}`).toBe(ack.hash);
    }
    expect(teacher.lastView!.seq).toBe(steps.length);
  }, 30_000);

  it('plays on to the end, and the record replays to the final hash', async () => {
    await playToEnd(teacher, teams);
    const final = teacher.lastView!;
    const rec = await record();
    const replay = replayRecord(level, rec);
    if (!replay.ok) throw new Error(replay.error);
    expect(replay.value.divergence).toBeNull();
    expect(rec.finalHash).toBe(final.hash);
    expect(final.view.phase).toBe('over');
  }, 30_000);
});
