import { isPartyId, type PartyId } from '../../core';

/**
 * What a browser keeps to get back into a classroom after a reload, a lost connection or a restarted
 * server: a team's seat token per table code (the server hands it out once), and the teacher's
 * session token. Both live in localStorage; a browser that blocks storage still plays, it just cannot
 * come back by itself (the teacher can free the seat).
 */

const SEATS_KEY = 'buffer-zone.classroom.seats.v1';
const TEACHER_KEY = 'buffer-zone.classroom.teacher.v1';

export interface SeatClaim {
  party: PartyId;
  token: string;
  name?: string;
  /** When the seat was taken (ISO), to forget old ones. */
  at: string;
}

export interface TeacherSession {
  sessionId: string;
  teacherToken: string;
  levelId: string;
  seed: string;
  codes: string[];
  created: string;
}

function read(key: string): unknown {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as unknown) : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or blocked: the game goes on; only the automatic way back is lost.
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function seats(): Record<string, SeatClaim> {
  const raw = read(SEATS_KEY);
  const out: Record<string, SeatClaim> = {};
  if (!isObject(raw)) return out;
  for (const [code, v] of Object.entries(raw)) {
    if (isObject(v) && typeof v.party === 'string' && isPartyId(v.party) && typeof v.token === 'string' && v.token.length <= 200)
      out[code] = {
        party: v.party,
        token: v.token,
        name: typeof v.name === 'string' ? v.name.slice(0, 60) : undefined,
        at: typeof v.at === 'string' ? v.at : new Date(0).toISOString(),
      };
  }
  return out;
}

export function seatFor(code: string): SeatClaim | null {
  return seats()[code] ?? null;
}

export function rememberSeat(code: string, claim: Omit<SeatClaim, 'at'>): void {
  const all = seats();
  all[code] = { ...claim, at: new Date().toISOString() };
  // Keep the most recent few: a device used in many lessons should not collect tokens for ever.
  const kept = Object.entries(all)
    .sort((a, b) => b[1].at.localeCompare(a[1].at))
    .slice(0, 12);
  write(SEATS_KEY, Object.fromEntries(kept));
}

export function forgetSeat(code: string): void {
  const all = seats();
  delete all[code];
  write(SEATS_KEY, all);
}

/** The seat taken most recently, e.g. to offer "back to your table" on the menu. */
export function latestSeat(): (SeatClaim & { code: string }) | null {
  const entries = Object.entries(seats()).sort((a, b) => b[1].at.localeCompare(a[1].at));
  return entries.length ? { code: entries[0][0], ...entries[0][1] } : null;
}

export function teacherSession(): TeacherSession | null {
  const v = read(TEACHER_KEY);
  if (!isObject(v)) return null;
  const { sessionId, teacherToken, levelId, seed, codes, created } = v;
  if (typeof sessionId !== 'string' || typeof teacherToken !== 'string' || typeof levelId !== 'string' || typeof seed !== 'string')
    return null;
  if (!Array.isArray(codes) || !codes.every((c) => typeof c === 'string')) return null;
  return { sessionId, teacherToken, levelId, seed, codes: codes as string[], created: typeof created === 'string' ? created : '' };
}

export function rememberTeacherSession(session: TeacherSession): void {
  write(TEACHER_KEY, session);
}

export function forgetTeacherSession(): void {
  try {
    localStorage.removeItem(TEACHER_KEY);
  } catch {
    // nothing to do
  }
}
