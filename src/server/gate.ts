import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TableDirectory } from './directory';
import { HttpError, clientIp, readBody, sendError } from './http-util';
import type { WindowCounter } from './limits';
import { isWellFormedCode, normalizeCode } from './secrets';

/**
 * The door to the tables: Colyseus's matchmaking route, with what a classroom needs in front of it.
 * Only `joinById` (a code) and `reconnect` are open — nobody creates a room by asking. A join is
 * checked before a seat is reserved (wrong code, taken seat, bad token), a table that is not in
 * memory is reopened from the journal, and every failure counts against the caller's address.
 */

type Next = (req: IncomingMessage, res: ServerResponse) => void;

const MATCHMAKE = /^\/matchmake\/([A-Za-z]+)\/([^/?]+)/;
const JOIN_BODY_LIMIT = 4096;

export function createGate(directory: TableDirectory, failures: WindowCounter) {
  return async function gate(req: IncomingMessage, res: ServerResponse, next: Next): Promise<void> {
    const ip = clientIp(req);
    const match = MATCHMAKE.exec(req.url ?? '');
    if (req.method !== 'POST' || !match) {
      sendError(res, 404, 'Not found.');
      return;
    }
    const [, method, target] = match;
    if (failures.blocked(ip)) {
      sendError(res, 429, 'Too many failed attempts from this network. Wait a few minutes and check the code.', {
        'Retry-After': String(failures.retryAfter(ip)),
      });
      return;
    }
    if (method === 'reconnect') {
      // A stale reconnection token is a failed attempt too (it is a secret like a seat token).
      res.on('finish', () => {
        if (res.statusCode >= 400) failures.add(ip);
      });
      next(req, res);
      return;
    }
    if (method !== 'joinById') {
      sendError(res, 403, 'Tables are joined by their code.');
      return;
    }
    const code = normalizeCode(decodeURIComponent(target));
    if (!isWellFormedCode(code)) {
      failures.add(ip);
      sendError(res, 404, `No table has the code ${code.slice(0, 12)}.`);
      return;
    }
    let body: string;
    try {
      body = await readBody(req, JOIN_BODY_LIMIT);
    } catch (e) {
      sendError(res, e instanceof HttpError ? e.status : 400, (e as Error).message);
      return;
    }
    const opened = await directory.open(code);
    if (!opened.ok) {
      failures.add(ip);
      sendError(res, 404, opened.error);
      return;
    }
    let options: unknown;
    try {
      options = body ? JSON.parse(body) : {};
    } catch {
      sendError(res, 400, 'The join request is not valid JSON.');
      return;
    }
    const check = opened.value.checkJoin(options);
    if (!check.ok) {
      if (check.credential) failures.add(ip);
      sendError(res, check.credential ? 403 : 409, check.reason);
      return;
    }
    // Hand the body we consumed to Colyseus (its router reads `req.body` when present), under the normalised code.
    (req as IncomingMessage & { body?: string }).body = body;
    req.url = `/matchmake/joinById/${code}`;
    next(req, res);
  };
}
