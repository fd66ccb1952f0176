import type { IncomingMessage, ServerResponse } from 'node:http';
import QRCode from 'qrcode';
import { serializeRecord } from '../core';
import { findBuiltinLevel } from '../content/levels';
import type { TableDirectory } from './directory';
import { HttpError, clientIp, readJson, sendError, sendJson, teacherTokenOf } from './http-util';
import type { Journal, SessionRow } from './journal';
import type { WindowCounter } from './limits';
import type { TableRoom } from './room';
import { isWellFormedCode, normalizeCode, tokenMatches } from './secrets';
import { createSession } from './sessions';
import { compare, publicSummary, summarize } from './summary';

/**
 * The classroom's HTTP API (JSON):
 *   POST /api/sessions                 create a session → teacher token, codes, join links
 *   GET  /api/sessions/:id             (teacher) tables with seats, phase, round, scores
 *   GET  /api/sessions/:id/compare     (teacher) the parallel tables side by side
 *   GET  /api/tables/:code             free seats, for a join screen
 *   GET  /api/tables/:code/record      the table's record (*.bzrec.json) for replay
 *   GET  /api/tables/:code/qr.svg      a QR code of the join link, for the projector
 * Unknown codes, sessions and wrong teacher tokens count against the caller's address, like joins.
 */

export interface ApiDeps {
  journal: Journal;
  directory: TableDirectory;
  failures: WindowCounter;
  sessionsCreated: WindowCounter;
  defaultGraceSeconds: number;
  /** Base of join links as seen from the class's devices, e.g. http://192.168.1.20:8080. */
  baseUrl: (req: IncomingMessage) => string;
}

export const joinUrl = (base: string, code: string): string => `${base}/?join=${code}`;

export function createApi(deps: ApiDeps) {
  const { journal, directory, failures } = deps;

  async function route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const ip = clientIp(req);
    const parts = url.pathname.split('/').filter(Boolean).slice(1); // drop "api"
    const [kind, id, sub] = parts;
    if (failures.blocked(ip) && req.method === 'GET')
      throw new HttpError(429, 'Too many failed attempts from this network. Wait a few minutes.');

    if (kind === 'sessions' && !id && req.method === 'POST') return postSession(req, res, ip);
    if (kind === 'sessions' && id && req.method === 'GET' && (sub === undefined || sub === 'compare')) {
      const session = teacherSession(req, url, id, ip);
      return sub === 'compare' ? getComparison(res, session) : getSession(req, res, session);
    }
    if (kind === 'tables' && id && req.method === 'GET' && parts.length <= 3) {
      const room = await tableRoom(id, ip);
      if (sub === undefined) return sendJson(res, 200, publicSummary(room));
      if (sub === 'record') return sendRecord(res, room);
      if (sub === 'qr.svg') return sendQr(res, joinUrl(deps.baseUrl(req), room.table.code));
    }
    throw new HttpError(404, 'Not found.');
  }

  async function postSession(req: IncomingMessage, res: ServerResponse, ip: string): Promise<void> {
    if (deps.sessionsCreated.blocked(ip)) throw new HttpError(429, 'Too many sessions created from this address; wait a while.');
    const body = await readJson(req, 16 * 1024);
    const created = createSession(journal, body, deps.defaultGraceSeconds);
    if (!created.ok) throw new HttpError(400, created.error);
    deps.sessionsCreated.add(ip);
    const { session, teacherToken, codes } = created.value;
    // Open the rooms now, so the first team to join does not wait for them.
    for (const code of codes) await directory.open(code);
    const base = deps.baseUrl(req);
    sendJson(res, 201, {
      sessionId: session.id,
      teacherToken,
      levelId: session.levelId,
      seed: session.seed,
      settings: session.settings,
      tables: codes.map((code) => ({
        code,
        joinUrl: joinUrl(base, code),
        qrUrl: `/api/tables/${code}/qr.svg`,
        recordUrl: `/api/tables/${code}/record`,
      })),
    });
  }

  function teacherSession(req: IncomingMessage, url: URL, id: string, ip: string): SessionRow {
    const session = id.length <= 64 ? journal.session(id) : undefined;
    const first = session ? journal.tablesOf(session.id)[0] : undefined;
    if (!session || !first || !tokenMatches(teacherTokenOf(req, url), first.teacherHash)) {
      failures.add(ip);
      throw new HttpError(session ? 401 : 404, session ? 'The teacher token is missing or wrong.' : 'There is no such session.');
    }
    return session;
  }

  async function roomsOf(session: SessionRow): Promise<TableRoom[]> {
    const rooms: TableRoom[] = [];
    for (const row of journal.tablesOf(session.id)) {
      const opened = await directory.open(row.code);
      if (!opened.ok) throw new HttpError(500, opened.error);
      rooms.push(opened.value);
    }
    return rooms;
  }

  async function getSession(req: IncomingMessage, res: ServerResponse, session: SessionRow): Promise<void> {
    const base = deps.baseUrl(req);
    const rooms = await roomsOf(session);
    sendJson(res, 200, {
      sessionId: session.id,
      levelId: session.levelId,
      levelTitle: findBuiltinLevel(session.levelId)?.title ?? session.levelId,
      seed: session.seed,
      created: session.created,
      settings: session.settings,
      tables: rooms.map((room) => ({ ...summarize(room), joinUrl: joinUrl(base, room.table.code) })),
    });
  }

  async function getComparison(res: ServerResponse, session: SessionRow): Promise<void> {
    const rooms = await roomsOf(session);
    sendJson(res, 200, { sessionId: session.id, levelId: session.levelId, seed: session.seed, tables: rooms.map(compare) });
  }

  async function tableRoom(rawCode: string, ip: string): Promise<TableRoom> {
    const code = normalizeCode(decodeURIComponent(rawCode));
    const opened = isWellFormedCode(code) ? await directory.open(code) : null;
    if (!opened?.ok) {
      failures.add(ip);
      throw new HttpError(404, `No table has the code ${code.slice(0, 12)}.`);
    }
    return opened.value;
  }

  function sendRecord(res: ServerResponse, room: TableRoom): void {
    const text = serializeRecord(room.table.record());
    res.writeHead(200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="buffer-zone-${room.table.code}.bzrec.json"`,
      'Content-Length': Buffer.byteLength(text),
      'Cache-Control': 'no-store',
    });
    res.end(text);
  }

  async function sendQr(res: ServerResponse, link: string): Promise<void> {
    // Large modules and a wide quiet zone: it is read off a projector from the back of a classroom.
    const svg = await QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 4, width: 512 });
    res.writeHead(200, { 'Content-Type': 'image/svg+xml', 'Content-Length': Buffer.byteLength(svg), 'Cache-Control': 'no-store' });
    res.end(svg);
  }

  return async function api(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    try {
      await route(req, res, url);
    } catch (e) {
      if (e instanceof HttpError) sendError(res, e.status, e.message);
      else sendError(res, 500, `The server could not answer: ${(e as Error).message}`);
    }
  };
}
