import type { IncomingMessage, ServerResponse } from 'node:http';
import { damagedMessage, type TableDirectory } from './directory';
import { HttpError, clientIp, decodeSegment, readBody, sendError } from './http-util';
import type { AttemptGuard } from './limits';
import { isWellFormedCode, normalizeCode } from './secrets';

/**
 * The door to the tables: Colyseus's matchmaking route, with what a classroom needs in front of it.
 * Only `joinById` (a code) and `reconnect` are open — nobody creates a room by asking. A join is
 * checked before a seat is reserved (wrong code, taken seat, bad token), a table that is not in
 * memory is reopened from the journal, and every failure counts against the caller's address.
 *
 * An address with too many failures is slowed down, never locked out: a team coming back with its
 * seat token (or the teacher with the teacher token) and a reconnection go straight through; a join
 * with only a code waits its turn in the slow lane, so a right code still gets in.
 */

type Next = (req: IncomingMessage, res: ServerResponse) => void;

const MATCHMAKE = /^\/matchmake\/([A-Za-z]+)\/([^/?]+)/;
const JOIN_BODY_LIMIT = 4096;

const hasCredential = (options: unknown): boolean =>
  typeof options === 'object' && options !== null && ('seatToken' in options || 'teacherToken' in options);

export function createGate(directory: TableDirectory, failures: AttemptGuard) {
  return async function gate(req: IncomingMessage, res: ServerResponse, next: Next): Promise<void> {
    const ip = clientIp(req);
    const match = MATCHMAKE.exec(req.url ?? '');
    if (req.method !== 'POST' || !match) {
      sendError(res, 404, 'Not found.');
      return;
    }
    const [, method, target] = match;
    if (method === 'reconnect') {
      // A reconnection token is a long random secret: never slowed, but a stale one still counts as a failure.
      res.on('finish', () => {
        if (res.statusCode >= 400) failures.fail(ip);
      });
      next(req, res);
      return;
    }
    if (method !== 'joinById') {
      sendError(res, 403, 'Tables are joined by their code.');
      return;
    }
    const decoded = decodeSegment(target);
    if (decoded === null) {
      sendError(res, 400, 'The table code in the address is not valid (a malformed %-escape).');
      return;
    }
    const code = normalizeCode(decoded);
    let body: string;
    try {
      body = await readBody(req, JOIN_BODY_LIMIT);
    } catch (e) {
      sendError(res, e instanceof HttpError ? e.status : 400, (e as Error).message);
      return;
    }
    let options: unknown;
    try {
      options = body ? JSON.parse(body) : {};
    } catch {
      sendError(res, 400, 'The join request is not valid JSON.');
      return;
    }
    // A right code with a right token is let in at once, even from an address over the failure limit.
    let fast = false;
    if (failures.overLimit(ip) && hasCredential(options) && isWellFormedCode(code)) {
      const opened = await directory.open(code);
      fast = opened.ok && opened.value.checkJoin(options).ok;
    }
    if (!fast && !(await failures.admit(ip))) {
      sendError(res, 429, 'Too many failed attempts from this network. Wait a moment and check the code.', {
        'Retry-After': String(failures.retryAfter(ip)),
      });
      return;
    }
    if (!isWellFormedCode(code)) {
      failures.fail(ip);
      sendError(res, 404, `No table has the code ${code.slice(0, 12)}.`);
      return;
    }
    const opened = await directory.open(code);
    if (!opened.ok) {
      // A damaged table is a right code: its teams are told what happened, and it is not a failed attempt.
      if (opened.damaged) {
        const teacher = typeof options === 'object' && options !== null && 'teacher' in options;
        sendError(res, 409, damagedMessage(opened.damaged, teacher ? 'teacher' : 'team'));
        return;
      }
      failures.fail(ip);
      sendError(res, 404, opened.error);
      return;
    }
    const check = opened.value.checkJoin(options);
    if (!check.ok) {
      if (check.credential) failures.fail(ip);
      sendError(res, check.credential ? 403 : 409, check.reason);
      return;
    }
    // Hand the body we consumed to Colyseus (its router reads `req.body` when present), under the normalised code.
    (req as IncomingMessage & { body?: string }).body = body;
    req.url = `/matchmake/joinById/${code}`;
    next(req, res);
  };
}
