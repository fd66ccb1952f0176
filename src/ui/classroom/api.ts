import type { Difficulty, PartyId, Phase } from '../../core';
import type { SeatView, TableComparison, TableSummary } from '../../protocol';

/**
 * The classroom server's HTTP API, from the browser (same origin: the server serves the game). Every
 * call returns a result with a sentence a teacher or a student can act on, never a raw exception.
 */

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: string; status: number };

export interface CreatedSession {
  sessionId: string;
  teacherToken: string;
  levelId: string;
  seed: string;
  settings: SessionSettings;
  tables: { code: string; joinUrl: string; qrUrl: string; recordUrl: string }[];
}

export interface SessionSettings {
  tables: number;
  turnSeconds: number;
  difficulty: Difficulty;
  graceSeconds: number;
}

export interface SessionOverview {
  sessionId: string;
  levelId: string;
  levelTitle: string;
  seed: string;
  created: string;
  settings: SessionSettings;
  tables: (TableSummary & { joinUrl: string })[];
}

export interface Comparison {
  sessionId: string;
  levelId: string;
  seed: string;
  tables: TableComparison[];
}

export interface PublicTable {
  code: string;
  levelId: string;
  levelTitle: string;
  phase: Phase;
  round: number;
  rounds: number;
  seats: Record<PartyId, SeatView>;
}

export interface NewSessionRequest {
  levelId: string;
  /** Absent: the server draws a seed no student can guess. */
  seed?: string;
  /** "drawn": each brief is drawn within the scenario's ranges for this session; "as-written": as in the scenario. */
  briefs: 'drawn' | 'as-written';
  tables: number;
  turnSeconds: number;
  difficulty: Difficulty;
}

const UNREACHABLE = 'The classroom server cannot be reached. Check the Wi-Fi, or that the teacher’s laptop is still running the game.';

async function call<T>(path: string, init: RequestInit = {}): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(path, { cache: 'no-store', ...init });
  } catch {
    return { ok: false, error: UNREACHABLE, status: 0 };
  }
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // A page instead of JSON: this copy of the game is not served by a classroom server.
    return {
      ok: false,
      status: res.status,
      error:
        res.status === 404 || res.ok
          ? 'This copy of the game has no classroom server. Start it with “npm start” and open the address it prints.'
          : `The server answered ${res.status}.`,
    };
  }
  if (!res.ok) {
    const message =
      typeof (body as { error?: unknown })?.error === 'string' ? (body as { error: string }).error : `The server answered ${res.status}.`;
    return { ok: false, error: message, status: res.status };
  }
  return { ok: true, value: body as T };
}

const teacherHeaders = (token: string): HeadersInit => ({ Authorization: `Bearer ${token}` });

export function createSession(request: NewSessionRequest): Promise<ApiResult<CreatedSession>> {
  return call('/api/sessions', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(request) });
}

export function sessionOverview(sessionId: string, token: string): Promise<ApiResult<SessionOverview>> {
  return call(`/api/sessions/${encodeURIComponent(sessionId)}`, { headers: teacherHeaders(token) });
}

export function comparison(sessionId: string, token: string): Promise<ApiResult<Comparison>> {
  return call(`/api/sessions/${encodeURIComponent(sessionId)}/compare`, { headers: teacherHeaders(token) });
}

export function publicTable(code: string): Promise<ApiResult<PublicTable>> {
  return call(`/api/tables/${encodeURIComponent(code)}`);
}

export const recordUrl = (code: string): string => `/api/tables/${encodeURIComponent(code)}/record`;
export const qrUrl = (code: string): string => `/api/tables/${encodeURIComponent(code)}/qr.svg`;
export const joinLink = (code: string): string => `${location.origin}/?join=${code}`;

/** Join codes as the server forgives them: upper case, no spaces or dashes. */
export function normalizeCode(text: string): string {
  return text.toUpperCase().replace(/[\s-]+/g, '');
}

/** Well-formed for the server: six characters of its alphabet (no look-alikes). */
export function isCode(text: string): boolean {
  return /^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/.test(text);
}

/** "K7M3QX" → "K7M 3QX": easier to read off a projector and type. */
export function spacedCode(code: string): string {
  return code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}
