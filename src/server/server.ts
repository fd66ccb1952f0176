import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { relative } from 'node:path';
import { Server, matchMaker } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { createApi } from './api';
import { resolveOptions, type ClassroomOptions } from './config';
import { TableDirectory } from './directory';
import { createGate } from './gate';
import { sendError } from './http-util';
import { Journal } from './journal';
import { isLoopback, lanAddresses } from './lan';
import { AttemptGuard, WindowCounter } from './limits';
import { colyseusLogger } from './logger';
import { tableRoomClass } from './room';
import { clearRunningServer, markRunningServer } from './running';
import { serveStatic } from './static';
import { Timings } from './timings';

/**
 * The classroom server: the game's files, the HTTP API and the tables' WebSockets on one port, with
 * one SQLite journal. Colyseus keeps its matchmaker in module state, so there is one server per process.
 */

export interface ClassroomServer {
  /** Where this machine reaches the server, e.g. http://127.0.0.1:8080. */
  url: string;
  port: number;
  /** Addresses the class can use (empty when listening on loopback only). */
  lanUrls: string[];
  /** Rooms in memory (for tests and the load bench). */
  openTables(): number;
  /** Where the moves' time went since the start or the last reset (for the load bench). */
  timings: Timings;
  close(): Promise<void>;
}

const ROOM_NAME = 'table';
let running = false;

export async function createClassroomServer(options: ClassroomOptions = {}): Promise<ClassroomServer> {
  if (running) throw new Error('A classroom server is already running in this process.');
  running = true;
  const o = resolveOptions(options);
  const log = (message: string) => console.warn(`[classroom] ${message}`);
  const info = o.quiet ? () => undefined : (message: string) => console.log(`[classroom] ${message}`);
  let journal: Journal;
  try {
    journal = new Journal(o.dataDir);
  } catch (e) {
    running = false;
    throw e;
  }
  if (journal.problem) journalProblem(journal, log);

  const httpServer = createServer();
  const transport = new WebSocketTransport({ server: httpServer, maxPayload: o.limits.maxPayloadBytes });
  const colyseus = new Server({ transport, greet: false, gracefullyShutdown: false, logger: colyseusLogger(o.quiet) });
  const directory = new TableDirectory(journal, ROOM_NAME, log);
  const timings = new Timings();
  colyseus.define(ROOM_NAME, tableRoomClass({ journal, timings, options: o, log, prepared: directory }));
  const l = o.limits;
  const failures = new AttemptGuard(l.failedAttempts, l.failedAttemptWindowMs, l.slowLookupsPerSecond, l.slowLookupQueue);

  try {
    // Colyseus only watches for errors once listening, so a busy port would hang without this race.
    await Promise.race([colyseus.listen(o.port, o.host), new Promise((_, reject) => httpServer.once('error', reject))]);
  } catch (e) {
    running = false;
    await journal.close();
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(code === 'EADDRINUSE' ? `Port ${o.port} is already in use: choose another port (PORT=…).` : (e as Error).message);
  }
  // Clients may only join tables by code and reconnect; rooms are created by the server alone.
  matchMaker.controller.exposedMethods = ['joinById', 'reconnect'];
  const port = (httpServer.address() as AddressInfo).port;
  const anyInterface = o.host === '0.0.0.0' || o.host === '::';
  const lanUrls = anyInterface ? lanAddresses().map((a) => `http://${a}:${port}`) : [];

  const baseUrl = (req: IncomingMessage): string => {
    if (o.publicUrl) return o.publicUrl;
    const host = req.headers.host ?? `127.0.0.1:${port}`;
    const hostname = host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
    // A teacher on localhost would otherwise hand out links that only work on the teacher's laptop.
    if (isLoopback(hostname) && lanUrls.length) return lanUrls[0];
    return `http://${host}`;
  };
  const api = createApi({
    journal,
    directory,
    failures,
    sessionsCreated: new WindowCounter(o.limits.sessionsPerHour, 3600_000),
    defaultGraceSeconds: o.graceSeconds,
    baseUrl,
  });
  const gate = createGate(directory, failures);

  // Colyseus answers every request with its router; ours goes first and hands it only matchmaking.
  const colyseusHandlers = httpServer.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  const toColyseus = (req: IncomingMessage, res: ServerResponse) => {
    for (const handler of colyseusHandlers) handler.call(httpServer, req, res);
  };
  httpServer.removeAllListeners('request');
  httpServer.on('request', (req: IncomingMessage, res: ServerResponse) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      sendError(res, 400, 'Bad request.');
      return;
    }
    const fail = (e: unknown) => sendError(res, 500, (e as Error).message);
    if (url.pathname.startsWith('/api/')) api(req, res, url).catch(fail);
    else if (url.pathname.startsWith('/matchmake/')) gate(req, res, toColyseus).catch(fail);
    else if (url.pathname === '/__healthcheck') toColyseus(req, res);
    else serveStatic(o.staticDir, req, res);
  });

  // Reopen the recent tables now, so teams whose browsers retry after a restart find them at once.
  const since = new Date(Date.now() - o.restoreWindowHours * 3600_000).toISOString();
  for (const code of journal.recentTableCodes(since)) {
    const opened = await directory.open(code);
    // A damaged table has been reported by the directory; anything else is reported here.
    if (!opened.ok && !opened.damaged) log(opened.error);
  }
  const url = `http://${anyInterface ? '127.0.0.1' : o.host}:${port}`;
  info(`listening on ${url} (journal: ${journal.file})`);
  markRunningServer(o.dataDir, { pid: process.pid, url, journal: journal.file });

  // Every minute, what the write-ahead log holds goes into the database file itself: a copy of
  // classroom.sqlite alone then has (nearly) everything, even if the -wal file beside it is lost.
  const checkpoints = setInterval(() => {
    journal.checkpoint().catch((e: unknown) => log(`could not checkpoint the journal (${(e as Error).message})`));
  }, o.checkpointSeconds * 1000);
  checkpoints.unref();

  let closing: Promise<void> | null = null;
  const shutdown = async () => {
    clearInterval(checkpoints);
    await colyseus.gracefullyShutdown(false);
    httpServer.closeAllConnections();
    await journal.close();
    timings.dispose();
    clearRunningServer(o.dataDir, process.pid);
    running = false;
  };
  return {
    url,
    port,
    lanUrls,
    openTables: () => matchMaker.stats.local.roomCount,
    timings,
    close: () => (closing ??= shutdown()),
  };
}

/** The usual journal file cannot be used: say which, what is wrong and what to do, and carry on with the fresh one. */
function journalProblem(journal: Journal, log: (message: string) => void): void {
  const problem = journal.problem!;
  const show = (f: string) => {
    const inside = relative(process.cwd(), f);
    return inside && !inside.startsWith('..') ? inside : f;
  };
  log(`The journal ${show(problem.file)} cannot be used: ${problem.reason}.`);
  log(`  It was left exactly as it is. This server keeps new sessions in ${show(journal.file)} instead.`);
  log(
    `  To get its tables back: stop the server, then restore a backup with "npm run cli -- restore <backup.sqlite>" ` +
      `(or put a good copy of the file in its place) and start again. See "Backups" in docs/classroom.md.`,
  );
}
