/**
 * Load on the classroom server: 50 tables with 5 clients each (the teacher and four teams) playing on
 * loopback for a bounded time. The server runs in a child process, so its memory is its own and the
 * clients' work does not delay it; the teams choose their moves as a class might (statements and passes
 * early, then packages, acceptances and rejections) on a copy of the game rebuilt from the steps the
 * teacher's views carry, cheaply, so the clients' own work does not cost the server its cores. Measured:
 * intent-to-acknowledgement latency (p50, p99) as the clients see it, the server's own time per move by
 * stage (queue, rules, journal, views), the event loop's delay, and server heap per table. A finished
 * table is replaced, so the load stays even. `capacity()` raises the number of tables until p99 passes a limit.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { Client, type Room } from '@colyseus/sdk';
import { applyToGame, newGame, type GameState, type Intent, type Level, type PartyId } from '../src/core';
import { findBuiltinLevel } from '../src/content/levels';
import type { Ack, StepMessage, ViewMessage } from '../src/protocol';
import type { TimingReport } from '../src/server/timings';
import { DEAL } from '../tests/helpers/game';

export interface LoadResult {
  tables: number;
  clients: number;
  ackP50Ms: number;
  ackP99Ms: number;
  memoryPerTableKb: number;
  /** Intents acknowledged during the run, and those refused (a refusal would be a bug here). */
  intents: number;
  refused: number;
  /** The first few refusals, with their reasons. */
  refusals?: string[];
  durationMs: number;
  /** The server's own account of each move's time, after the warm-up. */
  server: TimingReport;
  /** The bench's own event-loop delay p99 (its 250 clients share the machine with the server): part of what the clients see. */
  clientEventLoopDelayP99Ms: number;
}

export interface LoadOptions {
  tables?: number;
  durationMs?: number;
  /** A team's or the teacher's pause before each move (uniform between the two), in ms. */
  thinkMs?: [number, number];
  /** Moves sent in the first milliseconds are not counted: 50 tables opening at once and a cold JIT are not the steady state. */
  warmupMs?: number;
}

const root = new URL('..', import.meta.url).pathname;
const LEVEL_ID = 'buffer-zone-talks';
const PARTIES: PartyId[] = ['ukraine', 'russia', 'us', 'coalition'];

interface ServerProcess {
  url: string;
  memory(): Promise<number>;
  timings(): Promise<TimingReport>;
  resetTimings(): void;
  stop(): Promise<void>;
}

/** Starts `src/server/main.ts` in a child with `--expose-gc`; bounded waits everywhere. */
async function startServer(dataDir: string): Promise<ServerProcess> {
  const child: ChildProcess = fork(join(root, 'src/server/main.ts'), [], {
    cwd: root,
    // BENCH_SERVER_NODE_ARGS passes flags to the server's Node, e.g. "--cpu-prof --cpu-prof-dir=prof" to profile it.
    execArgv: ['--import', 'tsx', '--expose-gc', ...(process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean)],
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, QUIET: '1', STATIC_DIR: '', SESSIONS_PER_HOUR: '100000' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the classroom server did not start within 30 s')), 30_000);
    child.once('exit', (code) => reject(new Error(`the classroom server exited (${code})`)));
    child.on('message', (m: { type?: string; url?: string }) => {
      if (m.type === 'ready') {
        clearTimeout(timer);
        resolve(m.url!);
      }
    });
  });
  return {
    url,
    memory: () =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no memory report within 10 s')), 10_000);
        const onMessage = (m: { type?: string; memory?: NodeJS.MemoryUsage }) => {
          if (m.type !== 'memory') return;
          clearTimeout(timer);
          child.off('message', onMessage);
          resolve(m.memory!.heapUsed + m.memory!.external);
        };
        child.on('message', onMessage);
        child.send({ type: 'memory' });
      }),
    timings: () =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no timings report within 10 s')), 10_000);
        const onMessage = (m: { type?: string; timings?: TimingReport }) => {
          if (m.type !== 'timings') return;
          clearTimeout(timer);
          child.off('message', onMessage);
          resolve(m.timings!);
        };
        child.on('message', onMessage);
        child.send({ type: 'timings' });
      }),
    resetTimings: () => child.send({ type: 'timings-reset' }),
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Creates tables in sessions of up to eight (the API's maximum). */
interface TableTicket {
  code: string;
  teacherToken: string;
  seed: string;
}

async function createTables(url: string, count: number, prefix: string): Promise<TableTicket[]> {
  const out: TableTicket[] = [];
  while (out.length < count) {
    const n = Math.min(8, count - out.length);
    const seed = `${prefix}-${out.length}`;
    const res = await fetch(`${url}/api/sessions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      // The briefs as written: the driver's copy of each game is rebuilt from the level the bench reads.
      body: JSON.stringify({ levelId: LEVEL_ID, seed, tables: n, turnSeconds: 0, difficulty: 'normal', briefs: 'as-written' }),
    });
    if (res.status !== 201) throw new Error(`creating a session failed: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { teacherToken: string; tables: { code: string }[] };
    for (const t of body.tables) out.push({ code: t.code, teacherToken: body.teacherToken, seed });
  }
  return out;
}

/** Joins a table with every message type handled (the SDK warns about unhandled ones) and no auto-reconnect. */
async function joinTable(url: string, code: string, options: object): Promise<Room> {
  const room = await new Client(url).joinById(code, options);
  room.onMessage('*', () => undefined);
  room.reconnection.enabled = false;
  return room;
}

/** Leaves a room, bounded: a socket the server already closed never answers. */
async function leave(room: Room): Promise<void> {
  if (!room.connection.isOpen) return;
  await Promise.race([room.leave().catch(() => undefined), new Promise((r) => setTimeout(r, 2000))]);
}

/** One table: its five clients and a copy of its game, rebuilt from the steps in the teacher's views. */
class TableDriver {
  private state: GameState;
  private seq = 0;
  private busy = false;
  private nextId = 0;
  stopped = false;
  done: Promise<void>;
  private finish!: () => void;

  private constructor(
    private readonly level: Level,
    readonly teacher: Room,
    readonly teams: Record<PartyId, Room>,
    seed: string,
    private readonly think: () => number,
    private readonly latencies: { at: number; ms: number }[],
    private readonly counts: { refused: string[] },
  ) {
    this.state = newGame(level, { seed, facilitated: true });
    this.done = new Promise((r) => (this.finish = r));
  }

  static async open(
    url: string,
    level: Level,
    table: TableTicket,
    think: () => number,
    latencies: { at: number; ms: number }[],
    counts: { refused: string[] },
  ) {
    const steps: StepMessage[] = [];
    const teacher = await joinTable(url, table.code, { teacher: true, teacherToken: table.teacherToken });
    // Steps that arrive before the driver exists (none are expected before the start) are kept, not lost.
    let onStep = (step: StepMessage): void => {
      steps.push(step);
    };
    teacher.onMessage('view', (view: ViewMessage) => view.steps.forEach((step) => onStep(step)));
    const teams = {} as Record<PartyId, Room>;
    await Promise.all(PARTIES.map(async (p) => (teams[p] = await joinTable(url, table.code, { seat: p }))));
    const driver = new TableDriver(level, teacher, teams, table.seed, think, latencies, counts);
    onStep = (step) => driver.onStep(step);
    for (const step of steps) driver.onStep(step);
    return driver;
  }

  start(): void {
    this.schedule();
  }

  onStep(step: StepMessage): void {
    if (step.seq !== this.seq + 1) return;
    const next = applyToGame(this.level, this.state, step.intent);
    if (!next.ok) throw new Error(`step ${step.seq} does not apply: ${JSON.stringify(next.refusal)}`);
    this.state = next.value;
    this.seq = step.seq;
    this.schedule();
  }

  /** The next move: the teacher opens the talks and releases events, the team whose turn it is moves. */
  private nextMove(): { room: Room; intent: Intent } | null {
    const s = this.state;
    if (s.phase === 'briefing') return { room: this.teacher, intent: { type: 'game.start', by: 'facilitator' } };
    if (s.phase === 'events') return { room: this.teacher, intent: { type: 'facilitator.releaseEvent', by: 'facilitator' } };
    if (s.phase !== 'turns') return null;
    const party = this.level.turnOrder[s.context.turn];
    return { room: this.teams[party], intent: classMove(this.level, s, party) };
  }

  private schedule(): void {
    if (this.busy || this.stopped) return;
    if (this.state.phase === 'over') {
      this.finish();
      return;
    }
    this.busy = true;
    const seqAtStart = this.seq;
    setTimeout(() => void this.act(seqAtStart), this.think());
  }

  private async act(seqAtStart: number): Promise<void> {
    const move = this.stopped || this.seq !== seqAtStart ? null : this.nextMove();
    if (move) {
      const t0 = performance.now();
      const ack = (await move.room
        .request('intent', { id: `m${this.nextId++}`, intent: move.intent })
        .catch((e: Error) => ({ ok: false, code: 'unavailable', error: e.message }))) as Ack;
      // A request cut off by the end of the run is neither a latency nor a refusal.
      if (!this.stopped) {
        this.latencies.push({ at: t0, ms: performance.now() - t0 });
        if (!ack.ok) this.counts.refused.push(`${ack.code}: ${ack.error}`);
      }
    }
    this.busy = false;
    if (this.stopped) this.finish();
    else if (this.seq !== seqAtStart || !move) this.schedule();
    // Otherwise the step message for this move is still on its way, and will schedule the next one.
  }

  async close(): Promise<void> {
    this.stopped = true;
    this.finish();
    await Promise.all([this.teacher, ...Object.values(this.teams)].map(leave));
  }
}

/**
 * A team's move as a class plays: statements and passes, packages put forward and mostly rejected until
 * the last rounds, then signed; only moves the rules allow (checked on the copy of the game, which costs
 * microseconds where the computer player's search costs milliseconds).
 */
function classMove(level: Level, s: GameState, party: PartyId): Intent {
  const ctx = s.context;
  const candidates: Intent[] = [];
  // A package goes on the table now and then from round 4, and is signed only in the last rounds: a
  // class's game runs to the deadline (tables ending every few seconds would measure joins, not play).
  const closing = ctx.round >= level.rounds - 1;
  if (ctx.table && !ctx.table.acceptedBy.includes(party)) {
    candidates.push(closing || Math.random() < 0.3 ? { type: 'party.accept', by: party } : { type: 'party.reject', by: party });
  } else if (!ctx.table && ctx.round >= 4 && (closing || Math.random() < 0.2))
    candidates.push({ type: 'party.propose', by: party, package: DEAL } as Intent);
  else if (Math.random() < 0.5)
    candidates.push({ type: 'party.statement', by: party, tone: Math.random() < 0.5 ? 'firm' : 'conciliatory' });
  candidates.push({ type: 'party.pass', by: party });
  return candidates.find((i) => applyToGame(level, s, i).ok) ?? { type: 'party.pass', by: party };
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export async function measureLoad(options: LoadOptions = {}): Promise<LoadResult> {
  const tables = options.tables ?? 50;
  const durationMs = options.durationMs ?? 12_000;
  const [minThink, maxThink] = options.thinkMs ?? [50, 250];
  const think = () => minThink + Math.random() * (maxThink - minThink);
  const level = findBuiltinLevel(LEVEL_ID)!;
  const dataDir = mkdtempSync(join(tmpdir(), 'bz-load-'));
  const server = await startServer(dataDir);
  const latencies: { at: number; ms: number }[] = [];
  const warmupMs = options.warmupMs ?? 2000;
  const counts = { refused: [] as string[] };
  const drivers: TableDriver[] = [];
  try {
    const baseline = await server.memory();
    const initial = await createTables(server.url, tables, 'load');
    const opened = await Promise.all(initial.map((t) => TableDriver.open(server.url, level, t, think, latencies, counts)));
    drivers.push(...opened);
    const withTables = await server.memory();
    const memoryPerTableKb = Math.round((withTables - baseline) / tables / 1024);

    const deadline = Date.now() + durationMs;
    const started = performance.now();
    const loop = monitorEventLoopDelay({ resolution: 10 });
    const warm = setTimeout(() => {
      server.resetTimings();
      loop.enable();
    }, warmupMs);
    let spare: TableTicket[] = [];
    let spareSessions = 0;
    // Each slot plays a table to its end, then opens a fresh one, until the time is up.
    const slot = async (driver: TableDriver): Promise<void> => {
      let current = driver;
      for (;;) {
        current.start();
        await Promise.race([current.done, new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now())))]);
        if (Date.now() >= deadline) return;
        await current.close();
        if (!spare.length) spare = await createTables(server.url, 8, `spare-${spareSessions++}`);
        current = await TableDriver.open(server.url, level, spare.shift()!, think, latencies, counts);
        drivers.push(current);
      }
    };
    await Promise.all(opened.map(slot));
    clearTimeout(warm);
    loop.disable();
    const elapsed = performance.now() - started;
    const serverTimings = await server.timings();
    const sorted = latencies
      .filter((l) => l.at >= started + warmupMs)
      .map((l) => l.ms)
      .sort((a, b) => a - b);
    return {
      tables,
      clients: tables * 5,
      ackP50Ms: Math.round(percentile(sorted, 50) * 100) / 100,
      ackP99Ms: Math.round(percentile(sorted, 99) * 100) / 100,
      memoryPerTableKb,
      intents: sorted.length,
      refused: counts.refused.length,
      ...(counts.refused.length ? { refusals: counts.refused.slice(0, 5) } : {}),
      durationMs: Math.round(elapsed),
      server: serverTimings,
      clientEventLoopDelayP99Ms: Math.round(loop.percentile(99) / 1e4) / 100,
    };
  } finally {
    await Promise.all(drivers.map((d) => d.close()));
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * How many tables one server process holds with the p99 acknowledgement under `limitMs`: the table
 * count doubles until the limit is passed, then halves the gap between the last count under it and
 * the first over it (to the nearest `stepTables`). Each count is two shorter runs of `measureLoad`.
 */
export async function capacity(
  limitMs = 50,
  options: { start?: number; max?: number; stepTables?: number; durationMs?: number } = {},
): Promise<{ tables: number; runs: { tables: number; ackP99Ms: number }[] }> {
  const { start = 50, max = 800, stepTables = 25, durationMs = 10_000 } = options;
  const runs: { tables: number; ackP99Ms: number }[] = [];
  // Two runs per count, averaged: one run's p99 moves by a third from run to run on a busy machine.
  const under = async (tables: number) => {
    const a = await measureLoad({ tables, durationMs, warmupMs: 2000 });
    const b = await measureLoad({ tables, durationMs, warmupMs: 2000 });
    const p99 = Math.round(((a.ackP99Ms + b.ackP99Ms) / 2) * 10) / 10;
    runs.push({ tables, ackP99Ms: p99 });
    return p99 < limitMs;
  };
  let good = 0;
  let bad = max + stepTables;
  for (let n = start; n <= max; n *= 2) {
    if (await under(n)) good = n;
    else {
      bad = n;
      break;
    }
  }
  while (bad - good > stepTables && good > 0) {
    const mid = Math.round((good + bad) / 2 / stepTables) * stepTables;
    if (mid <= good || mid >= bad) break;
    if (await under(mid)) good = mid;
    else bad = mid;
  }
  return { tables: good, runs };
}

// Run directly (`npx tsx bench/load.ts [--capacity]`) it prints its figures.
if (process.argv[1]?.endsWith('bench/load.ts')) {
  const result = process.argv.includes('--capacity') ? await capacity() : await measureLoad();
  console.log(JSON.stringify(result, null, 2));
}
