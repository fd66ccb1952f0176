import type { IncomingMessage, ServerResponse } from 'node:http';
import QRCode from 'qrcode';
import { PARTY_IDS, serializeRecord, type PartyId } from '../core';
import { findBuiltinLevel } from '../content/levels';
import { damagedMessage, type DamagedTable, type TableDirectory } from './directory';
import { HttpError, clientIp, decodeSegment, readJson, sendError, sendJson, teacherTokenOf } from './http-util';
import type { Journal, SeatClaims, SessionRow, TableRow } from './journal';
import type { AttemptGuard, WindowCounter } from './limits';
import type { TableRoom } from './room';
import { isWellFormedCode, normalizeCode, tokenMatches } from './secrets';
import { createSession } from './sessions';
import { compare, compareDamaged, damagedSummary, publicSummary, summarize } from './summary';
import type { Table } from './table';
import { teamView } from './views';

/**
 * The classroom's HTTP API (JSON):
 *   POST /api/sessions                 create a session → teacher token, codes, join links
 *   GET  /api/sessions/:id             (teacher) tables with seats, phase, round, scores
 *   GET  /api/sessions/:id/compare     (teacher) the parallel tables side by side
 *   GET  /api/tables/:code             free seats, for a join screen
 *   GET  /api/tables/:code/record      the table's record (*.bzrec.json) for replay: for anyone once the talks
 *                                      are over; before, for the teacher (teacher token), and a team (seat
 *                                      and seat token) gets its own view instead
 *   GET  /api/tables/:code/qr.svg      a QR code of the join link, for the projector
 * Unknown codes, sessions and wrong teacher tokens count against the caller's address, like joins.
 * A table whose journal does not replay is listed as damaged (with the step and the reason) and its
 * record can be downloaded up to its last good step; the session's other tables are unaffected.
 */

export interface ApiDeps {
  journal: Journal;
  directory: TableDirectory;
  failures: AttemptGuard;
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
    const parts = url.pathname
      .split('/')
      .filter(Boolean)
      .slice(1) // drop "api"
      .map(decodeSegment);
    if (parts.some((p) => p === null)) throw new HttpError(400, 'The address is not valid (a malformed %-escape).');
    const [kind, id, sub] = parts as string[];

    if (kind === 'sessions' && !id && req.method === 'POST') return postSession(req, res, ip);
    if (kind === 'sessions' && id && req.method === 'GET' && (sub === undefined || sub === 'compare')) {
      const session = teacherSession(req, url, id, ip);
      return sub === 'compare' ? getComparison(res, session) : getSession(req, res, session);
    }
    if (kind === 'tables' && id && req.method === 'GET' && parts.length <= 3 && [undefined, 'record', 'qr.svg'].includes(sub)) {
      const found = await lookUpTable(id, ip);
      if ('damaged' in found) {
        const { damaged } = found;
        if (sub === 'record' && damaged.table)
          return recordFor(req, res, url, ip, damaged.table, damaged, journal.table(damaged.code)?.seats ?? {});
        if (sub === 'qr.svg') return sendQr(res, joinUrl(deps.baseUrl(req), damaged.code));
        return sendJson(res, 409, { error: damagedMessage(damaged, 'team'), code: damaged.code, damaged: { step: damaged.step } });
      }
      const { room } = found;
      if (sub === undefined) return sendJson(res, 200, publicSummary(room));
      if (sub === 'record') return recordFor(req, res, url, ip, room.table, null, room.seats.allClaims());
      return sendQr(res, joinUrl(deps.baseUrl(req), room.table.code));
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
      failures.fail(ip);
      throw new HttpError(session ? 401 : 404, session ? 'The teacher token is missing or wrong.' : 'There is no such session.');
    }
    return session;
  }

  type Opened = { row: TableRow; room: TableRoom } | { row: TableRow; damaged: DamagedTable };

  /** Every table of a session: its room, or (a journal that does not replay) what is known of it. */
  async function tablesOf(session: SessionRow): Promise<Opened[]> {
    const out: Opened[] = [];
    for (const row of journal.tablesOf(session.id)) {
      const opened = await directory.open(row.code);
      if (opened.ok) out.push({ row, room: opened.value });
      else out.push({ row, damaged: opened.damaged ?? { code: row.code, table: null, step: 0, reason: opened.error } });
    }
    return out;
  }

  async function getSession(req: IncomingMessage, res: ServerResponse, session: SessionRow): Promise<void> {
    const base = deps.baseUrl(req);
    const tables = await tablesOf(session);
    sendJson(res, 200, {
      sessionId: session.id,
      levelId: session.levelId,
      levelTitle: findBuiltinLevel(session.levelId)?.title ?? session.levelId,
      seed: session.seed,
      created: session.created,
      settings: session.settings,
      tables: tables.map((t) => ({
        ...('room' in t ? summarize(t.room) : damagedSummary(t.row, t.damaged)),
        joinUrl: joinUrl(base, t.row.code),
        recordUrl: `/api/tables/${t.row.code}/record`,
      })),
    });
  }

  async function getComparison(res: ServerResponse, session: SessionRow): Promise<void> {
    const tables = await tablesOf(session);
    sendJson(res, 200, {
      sessionId: session.id,
      levelId: session.levelId,
      seed: session.seed,
      tables: tables.map((t) => ('room' in t ? compare(t.room) : compareDamaged(t.row, t.damaged))),
    });
  }

  /** A table by the code in the address: its room, or its damage. Unknown codes count as failures; an address over the limit waits its turn. */
  async function lookUpTable(rawCode: string, ip: string): Promise<{ room: TableRoom } | { damaged: DamagedTable }> {
    const code = normalizeCode(rawCode);
    if (!(await failures.admit(ip))) throw new HttpError(429, 'Too many failed attempts from this network. Wait a moment and try again.');
    const opened = isWellFormedCode(code) ? await directory.open(code) : null;
    if (opened?.ok) return { room: opened.value };
    if (opened?.damaged) return { damaged: opened.damaged };
    failures.fail(ip);
    throw new HttpError(404, `No table has the code ${code.slice(0, 12)}.`);
  }

  /**
   * The record holds the seed and every brief, so before the talks are over it is the teacher's alone: a
   * team that shows its seat token gets its own view (what its screen shows), anyone else a refusal.
   */
  function recordFor(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    ip: string,
    table: Table,
    damaged: DamagedTable | null,
    claims: SeatClaims,
  ): void {
    if (table.state.phase === 'over' && !damaged) return sendRecord(res, table, null);
    const token = teacherTokenOf(req, url);
    if (tokenMatches(token, table.row.teacherHash)) return sendRecord(res, table, damaged);
    const seat = url.searchParams.get('seat');
    const party = PARTY_IDS.find((p) => p === seat);
    if (party && tokenMatches(token, claims[party]?.tokenHash)) return sendOwnView(res, table, party);
    if (token !== undefined) failures.fail(ip);
    throw new HttpError(403, 'The record of this table is given out when its talks are over; until then only the teacher can download it.');
  }

  function sendOwnView(res: ServerResponse, table: Table, party: PartyId): void {
    const text = `${JSON.stringify({ format: 'buffer-zone-view', ...teamView(table, party) }, null, 2)}\n`;
    sendJsonFile(res, text, `buffer-zone-${table.code}-${party}-view.json`);
  }

  function sendRecord(res: ServerResponse, table: Table, damaged: DamagedTable | null): void {
    // A damaged table's record stops at its last good step, and says so in its name.
    const name = damaged ? `buffer-zone-${table.code}-to-step-${table.seq}` : `buffer-zone-${table.code}`;
    sendJsonFile(res, serializeRecord(table.record()), `${name}.bzrec.json`, damaged ? { 'X-Table-Damaged': `step ${damaged.step}` } : {});
  }

  /** JSON as a download, never cached: it holds the state of a live table. */
  function sendJsonFile(res: ServerResponse, text: string, filename: string, extra: Record<string, string> = {}): void {
    res.writeHead(200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Content-Length': Buffer.byteLength(text),
      'Cache-Control': 'no-store',
      ...extra,
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
