import type { Intent } from '../../core';
import type { Ack } from '../../protocol';
import { sessionOverview, type SessionOverview } from './api';
import { TableConnection, type ConnectionEvent } from './connection';
import type { TeacherSession } from './store';

/**
 * The teacher's live link to every table of a session: one connection per table (as the
 * facilitator), kept open while the teacher moves between the lobby, the consoles and the comparison,
 * so each screen shows the tables as they are and the console comes straight back.
 */
export type HubEvent = { code: string; event: ConnectionEvent } | { code: null; event: { type: 'overview' } };

export class TeacherHub {
  readonly tables = new Map<string, TableConnection>();
  overview: SessionOverview | null = null;
  overviewError: string | null = null;
  private listeners = new Set<(e: HubEvent) => void>();
  private closed = false;

  constructor(readonly session: TeacherSession) {
    for (const code of session.codes) {
      const connection = new TableConnection(code, { teacher: true, teacherToken: session.teacherToken });
      connection.on((event) => this.emit({ code, event }));
      this.tables.set(code, connection);
      void connection.open(true);
    }
    void this.refresh();
  }

  on(listener: (e: HubEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Re-reads the session (join links, table numbers); the live state comes through the connections. */
  async refresh(): Promise<void> {
    const result = await sessionOverview(this.session.sessionId, this.session.teacherToken);
    if (this.closed) return;
    if (result.ok) {
      this.overview = result.value;
      this.overviewError = null;
    } else if (result.status === 401 || result.status === 404) {
      // The session is gone from this server (or the token is wrong): the screens say so.
      this.overviewError = result.error;
    } else {
      // The server is restarting or the Wi-Fi dropped: try again, the tables' connections do the same.
      setTimeout(() => void this.refresh(), 3000);
      return;
    }
    this.emit({ code: null, event: { type: 'overview' } });
  }

  /** A facilitator's intent at one table; the reply says why if the rules or the server refuse. */
  act(code: string, intent: Omit<Intent, 'by'> & { type: Intent['type'] }): Promise<Ack> {
    const connection = this.tables.get(code);
    if (!connection) return Promise.resolve({ ok: false, code: 'unavailable', error: 'There is no such table in this session.' });
    return connection.sendIntent({ ...intent, by: 'facilitator' } as Intent);
  }

  request(code: string, name: 'timer' | 'releaseSeat', payload: unknown): Promise<{ ok: boolean; error?: string }> {
    const connection = this.tables.get(code);
    if (!connection) return Promise.resolve({ ok: false, error: 'There is no such table in this session.' });
    return connection.request<{ ok: true }>(name, payload);
  }

  /** Table number (1-based) for a code, in the order the session created them. */
  number(code: string): number {
    return this.session.codes.indexOf(code) + 1;
  }

  close(): void {
    this.closed = true;
    for (const c of this.tables.values()) c.close();
    this.listeners.clear();
  }

  private emit(e: HubEvent): void {
    for (const l of this.listeners) l(e);
  }
}

let current: TeacherHub | null = null;

/** The hub for this session, opened once per page. */
export function hubFor(session: TeacherSession): TeacherHub {
  if (current && current.session.sessionId === session.sessionId && current.session.teacherToken === session.teacherToken) return current;
  current?.close();
  current = new TeacherHub(session);
  return current;
}

export function closeHub(): void {
  current?.close();
  current = null;
}
