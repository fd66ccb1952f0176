import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Room } from '@colyseus/sdk';
import type { GameView, Intent, LogEntry, PartyId } from '../../src/core';
import { createClassroomServer, type ClassroomOptions, type ClassroomServer } from '../../src/server';
import { mergeView, type Ack, type SeatMessage, type ViewMessage } from '../../src/protocol';
import { DEAL } from '../helpers/game';

/** Shared fixtures for the classroom server tests: a server on an ephemeral loopback port, sessions and seats. */

export interface TestServer {
  server: ClassroomServer;
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'bz-classroom-'));
}

export async function startServer(options: ClassroomOptions = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDataDir();
  const server = await createClassroomServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    staticDir: null,
    computerDelayMs: 0,
    quiet: true,
    ...options,
  });
  return {
    server,
    url: server.url,
    dataDir,
    async stop() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface SessionInfo {
  sessionId: string;
  teacherToken: string;
  seed: string;
  tables: { code: string; joinUrl: string; qrUrl: string; recordUrl: string }[];
}

export async function createSession(url: string, body: Record<string, unknown> = {}): Promise<SessionInfo> {
  const res = await fetch(`${url}/api/sessions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      levelId: 'buffer-zone-talks',
      seed: 'classroom-test',
      // The briefs as the level writes them, so a test's moves meet the same red lines every run (the secrecy test draws them).
      briefs: 'as-written',
      tables: 2,
      turnSeconds: 0,
      difficulty: 'normal',
      ...body,
    }),
  });
  if (res.status !== 201) throw new Error(`POST /api/sessions: ${res.status} ${await res.text()}`);
  return (await res.json()) as SessionInfo;
}

/** A connected client (a team or the teacher) that keeps every message it receives, in order. */
export class Seat {
  readonly messages: { type: string | number; payload: unknown }[] = [];
  seatToken: string | undefined;
  /** The whole log, rebuilt from the views (each carries only the entries from its `logStart` on). */
  log: LogEntry[] = [];
  private whole: GameView | null = null;
  private nextId = 0;

  constructor(
    readonly room: Room,
    readonly label: string,
  ) {
    room.reconnection.enabled = false;
    room.onMessage('*', (type, payload) => {
      this.messages.push({ type, payload });
      if (type === 'seat') this.seatToken = (payload as SeatMessage).seatToken ?? this.seatToken;
      if (type === 'view') {
        const message = payload as ViewMessage;
        this.log = this.log.slice(0, message.logStart).concat(message.view.log);
        this.whole = mergeView(message.view, this.log, this.whole);
      }
    });
  }

  get lastView(): ViewMessage | undefined {
    for (let i = this.messages.length - 1; i >= 0; i--)
      if (this.messages[i].type === 'view') return this.messages[i].payload as ViewMessage;
    return undefined;
  }

  /** The latest view made whole: the whole log, and the positions and brief later views leave out. */
  get view(): GameView {
    if (!this.whole) throw new Error(`${this.label} has no view yet`);
    return this.whole;
  }

  /** Sends an intent as a request and returns the ack. */
  intent(intent: Intent | Record<string, unknown>, id = `${this.label}-${this.room.sessionId}-${this.nextId++}`): Promise<Ack> {
    return this.room.request('intent', { id, intent }) as Promise<Ack>;
  }

  request<T = unknown>(type: string, payload?: unknown): Promise<T> {
    return this.room.request(type, payload) as Promise<T>;
  }

  /** Leaves the room (bounded: a connection the server already closed never answers). */
  async leave(consented = true): Promise<void> {
    if (!this.room.connection.isOpen) return;
    await Promise.race([this.room.leave(consented).catch(() => undefined), new Promise((r) => setTimeout(r, 2000))]);
  }
}

export async function joinTeam(url: string, code: string, party: PartyId, seatToken?: string): Promise<Seat> {
  const room = await new Client(url).joinById(code, seatToken ? { seat: party, seatToken } : { seat: party });
  const seat = new Seat(room, party);
  if (seatToken) seat.seatToken = seatToken;
  return seat;
}

export async function joinTeacher(url: string, code: string, teacherToken: string): Promise<Seat> {
  const room = await new Client(url).joinById(code, { teacher: true, teacherToken });
  return new Seat(room, 'teacher');
}

/** Waits until `check` holds, polling; fails after `timeoutMs` with `what` in the message. */
export async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Waits until this seat has seen a view at or after step `seq`. */
export function viewAt(seat: Seat, seq: number, timeoutMs = 5000): Promise<void> {
  return until(() => (seat.lastView?.seq ?? -1) >= seq, `${seat.label} to see step ${seq}`, timeoutMs);
}

export const F = (type: string, extra: Record<string, unknown> = {}): Intent => ({ type, by: 'facilitator', ...extra }) as Intent;

export { DEAL };

/** What a simple team does on its turn: sign what is on the table, else put the deal forward, else hold. */
export function teamMoves(party: PartyId, view: GameView): Intent[] {
  const moves: Intent[] = [];
  if (view.table && !view.table.acceptedBy.includes(party)) moves.push({ type: 'party.accept', by: party });
  if (!view.table) moves.push({ type: 'party.propose', by: party, package: DEAL } as Intent);
  moves.push({ type: 'party.pass', by: party });
  return moves;
}

/**
 * Plays a table to its end: teams (where seated) move with `teamMoves`, the teacher releases each
 * round's event, computer parties move by themselves. Returns every ack the teams and teacher got.
 */
export async function playToEnd(
  teacher: Seat,
  teams: Partial<Record<PartyId, Seat>>,
  strategy: (party: PartyId, view: GameView) => Intent[] = teamMoves,
  maxSteps = 400,
): Promise<Ack[]> {
  const acks: Ack[] = [];
  for (let i = 0; i < maxSteps; i++) {
    const before = teacher.lastView!;
    const view = before.view;
    if (view.phase === 'over') return acks;
    if (view.phase === 'events') {
      const ack = await teacher.intent(F('facilitator.releaseEvent'));
      acks.push(ack);
      if (ack.ok) await viewAt(teacher, ack.seq);
      continue;
    }
    const seat = view.turn ? teams[view.turn] : undefined;
    if (view.phase === 'turns' && seat) {
      await viewAt(seat, before.seq);
      for (const move of strategy(view.turn!, seat.view)) {
        const ack = await seat.intent(move);
        if (!ack.ok) continue;
        acks.push(ack);
        await viewAt(teacher, ack.seq);
        break;
      }
      continue;
    }
    // A computer party's turn (or a seat waiting out its grace period): wait for the next step.
    await viewAt(teacher, before.seq + 1, 10_000);
  }
  throw new Error(`the table did not finish within ${maxSteps} steps`);
}
