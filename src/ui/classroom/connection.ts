import type { Room } from '@colyseus/sdk';
import type { Intent, LogEntry, PartyId } from '../../core';
import {
  CLOSE_SEAT_RELEASED,
  CLOSE_SEAT_TAKEN_OVER,
  type Ack,
  type SeatMessage,
  type StepMessage,
  type FullViewMessage,
  type TimerView,
  type ViewMessage,
  mergeView,
} from '../../protocol';

/**
 * One browser's connection to one classroom table. It joins by code (a team with its seat token, the
 * teacher with the session token), keeps the view with the whole log (views carry only new entries),
 * and never gives up on its own: when the connection drops — Wi-Fi lost, a tab put to sleep, the
 * teacher's laptop restarted — it says so and joins again with the same token, with a back-off, until
 * the table answers. Intents go out as requests with an id of their own, and a request cut off by a
 * drop is sent again with the same id after the rejoin, so the server applies it at most once.
 *
 * The Colyseus client is loaded on first use, so solo play never downloads it.
 */

export type JoinAs = { seat: PartyId; seatToken?: string; name?: string } | { teacher: true; teacherToken: string };

export type LinkState =
  | { kind: 'connecting' }
  | { kind: 'open' }
  /** Trying again; `error` says why the last attempt failed. */
  | { kind: 'reconnecting'; since: number; attempts: number; error: string }
  /** Over for good: taken over in another window, freed by the teacher, refused, or left. */
  | { kind: 'closed'; why: 'taken-over' | 'released' | 'refused' | 'left'; reason: string };

export type ConnectionEvent =
  | { type: 'view'; view: FullViewMessage; steps: StepMessage[] }
  | { type: 'timer'; timer: TimerView }
  | { type: 'state'; state: LinkState }
  | { type: 'seat'; seat: SeatMessage };

export type JoinResult = { ok: true } | { ok: false; error: string; final: boolean };

export const UNREACHABLE = 'The classroom server cannot be reached.';

let sdk: Promise<typeof import('@colyseus/sdk')> | null = null;
const loadSdk = () => (sdk ??= import('@colyseus/sdk'));

/** Random ids for intents. `crypto.randomUUID` needs a secure context, which a classroom's http://192.168… is not. */
export function newRequestId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return `c-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Join refusals that trying again will not change. */
const FINAL_STATUS = new Set([400, 403, 404, 409]);
const PING_EVERY_MS = 8000;
const PING_TIMEOUT_MS = 6000;

export class TableConnection {
  state: LinkState = { kind: 'connecting' };
  /** The latest view, with the whole log merged in. */
  view: FullViewMessage | null = null;
  timer: TimerView | null = null;
  private room: Room | null = null;
  private log: LogEntry[] = [];
  private listeners = new Set<(e: ConnectionEvent) => void>();
  private closed = false;
  private rejoining = false;
  private wake: (() => void) | null = null;
  private openWaiters: { resolve: () => void; reject: (e: Error) => void }[] = [];
  private pinger = 0;
  private readonly onOnline = () => this.wake?.();

  constructor(
    readonly code: string,
    private as: JoinAs,
  ) {
    window.addEventListener('online', this.onOnline);
  }

  get seatToken(): string | undefined {
    return 'seat' in this.as ? this.as.seatToken : undefined;
  }

  on(listener: (e: ConnectionEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Joins the table. With `retry`, trouble reaching the server is waited out (the state says
   * "reconnecting"); a refusal (a taken seat, a wrong token, an unknown code) ends it either way.
   */
  async open(retry: boolean): Promise<JoinResult> {
    for (let attempt = 1; !this.closed; attempt++) {
      const result = await this.joinOnce();
      if (result.ok) return result;
      if (result.final || !retry) {
        if (result.final) this.setState({ kind: 'closed', why: 'refused', reason: result.error });
        return result;
      }
      const since = this.state.kind === 'reconnecting' ? this.state.since : Date.now();
      this.setState({ kind: 'reconnecting', since, attempts: attempt, error: result.error });
      await this.pause(Math.min(5000, 400 * 1.6 ** Math.min(attempt, 8)));
    }
    return { ok: false, error: 'The connection was closed.', final: true };
  }

  /** A request, sent when the connection is open; a refusal comes back as `{ ok: false }`. */
  async request<T>(name: string, payload?: unknown): Promise<T | { ok: false; code: string; error: string }> {
    for (let attempt = 0; attempt < 30; attempt++) {
      if (this.closed || this.state.kind === 'closed') return { ok: false, code: 'unavailable', error: this.closedReason() };
      let room: Room;
      try {
        room = await this.whenOpen();
      } catch (e) {
        return { ok: false, code: 'unavailable', error: (e as Error).message };
      }
      try {
        return (await room.request(name, payload, { timeout: 10_000 })) as T;
      } catch {
        // Cut off by a drop (or no answer): the same request again once the table is back.
        if (this.room === room) this.reconnect('The table did not answer.');
      }
    }
    return { ok: false, code: 'unavailable', error: 'The table did not answer. Try again in a moment.' };
  }

  /** Sends an intent under a fresh id; retried sends use the same id, so it is applied once at most. */
  sendIntent(intent: Intent): Promise<Ack> {
    return this.request<Ack>('intent', { id: newRequestId(), intent }) as Promise<Ack>;
  }

  /** Leaves the table for good (this connection only: the seat token stays in the browser). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    window.removeEventListener('online', this.onOnline);
    window.clearInterval(this.pinger);
    const room = this.room;
    this.room = null;
    this.setState({ kind: 'closed', why: 'left', reason: 'You left the table.' });
    this.wake?.();
    room?.leave(true).catch(() => undefined);
  }

  private closedReason(): string {
    return this.state.kind === 'closed' ? this.state.reason : 'The connection was closed.';
  }

  private whenOpen(): Promise<Room> {
    if (this.room && this.state.kind === 'open') return Promise.resolve(this.room);
    return new Promise<void>((resolve, reject) => this.openWaiters.push({ resolve, reject })).then(() => {
      if (!this.room) throw new Error(this.closedReason());
      return this.room;
    });
  }

  private async joinOnce(): Promise<JoinResult> {
    let Client: typeof import('@colyseus/sdk').Client;
    try {
      ({ Client } = await loadSdk());
    } catch {
      sdk = null;
      return { ok: false, error: UNREACHABLE, final: false };
    }
    const client = new Client(location.origin, import.meta.env.DEV ? { urlBuilder: devSocketUrl } : {});
    const options = 'teacher' in this.as ? this.as : dropEmpty(this.as);
    try {
      const room = await client.joinById(this.code, options);
      if (this.closed) {
        room.leave(true).catch(() => undefined);
        return { ok: false, error: 'The connection was closed.', final: true };
      }
      this.attach(room);
      return { ok: true };
    } catch (e) {
      const status = (e as { code?: unknown }).code;
      const message = e instanceof Error && e.message ? e.message : UNREACHABLE;
      if (typeof status === 'number' && FINAL_STATUS.has(status)) return { ok: false, error: message, final: true };
      if (status === 429) return { ok: false, error: message, final: false };
      return { ok: false, error: typeof status === 'number' && status >= 500 ? message : UNREACHABLE, final: false };
    }
  }

  private attach(room: Room): void {
    this.room = room;
    // We take the seat back ourselves (with the token), which also works after a server restart.
    room.reconnection.enabled = false;
    room.onMessage('seat', (m: SeatMessage) => {
      if (m.seatToken && 'seat' in this.as) this.as = { ...this.as, seatToken: m.seatToken };
      this.emit({ type: 'seat', seat: m });
    });
    room.onMessage('view', (m: ViewMessage) => {
      if (this.room !== room) return;
      this.log = this.log.slice(0, m.logStart).concat(m.view.log);
      this.view = { ...m, view: mergeView(m.view, this.log, this.view?.view ?? null) };
      this.timer = m.timer;
      this.emit({ type: 'view', view: this.view, steps: m.steps });
    });
    room.onMessage('timer', (t: TimerView) => {
      if (this.room !== room) return;
      this.timer = t;
      this.emit({ type: 'timer', timer: t });
    });
    room.onMessage('error', () => undefined);
    room.onMessage('ack', () => undefined);
    room.onLeave((code: number, reason?: string) => this.left(room, code, reason));
    this.setState({ kind: 'open' });
    for (const w of this.openWaiters.splice(0)) w.resolve();
    this.watch(room);
  }

  /** A silent network (Wi-Fi gone without a goodbye) shows up as a ping with no answer. */
  private watch(room: Room): void {
    window.clearInterval(this.pinger);
    let waiting = 0;
    let sent = Date.now();
    this.pinger = window.setInterval(() => {
      if (this.room !== room) return;
      const now = Date.now();
      if (waiting && now - waiting > PING_TIMEOUT_MS) {
        this.reconnect('The table stopped answering.');
        return;
      }
      if (waiting || now - sent < PING_EVERY_MS) return;
      waiting = sent = now;
      try {
        room.ping(() => (waiting = 0));
      } catch {
        this.reconnect('The connection was lost.');
      }
    }, 2000);
  }

  private left(room: Room, code: number, reason?: string): void {
    if (this.room !== room) return;
    this.room = null;
    window.clearInterval(this.pinger);
    if (this.closed) return;
    if (code === CLOSE_SEAT_TAKEN_OVER) {
      this.finish('taken-over', reason || 'This seat was taken over in another browser window.');
      return;
    }
    if (code === CLOSE_SEAT_RELEASED) {
      this.finish('released', reason || 'Your teacher freed this seat.');
      return;
    }
    this.rejoin(reason ? `The connection was lost (${reason}).` : 'The connection was lost.');
  }

  /** Drops the current socket (if any) and joins again. */
  private reconnect(why: string): void {
    const room = this.room;
    this.room = null;
    window.clearInterval(this.pinger);
    room?.leave(false).catch(() => undefined);
    this.rejoin(why);
  }

  private rejoin(why: string): void {
    if (this.rejoining || this.closed) return;
    this.rejoining = true;
    this.setState({ kind: 'reconnecting', since: Date.now(), attempts: 0, error: why });
    void this.open(true).then((result) => {
      this.rejoining = false;
      if (!result.ok) for (const w of this.openWaiters.splice(0)) w.reject(new Error(result.error));
    });
  }

  private finish(why: 'taken-over' | 'released', reason: string): void {
    this.setState({ kind: 'closed', why, reason });
    for (const w of this.openWaiters.splice(0)) w.reject(new Error(reason));
  }

  /** Waits `ms`, or less if the browser says it is back online or the connection is closed. */
  private pause(ms: number): Promise<void> {
    return Promise.race([sleep(ms), new Promise<void>((r) => (this.wake = r))]).then(() => {
      this.wake = null;
    });
  }

  private setState(state: LinkState): void {
    this.state = state;
    this.emit({ type: 'state', state });
  }

  private emit(e: ConnectionEvent): void {
    for (const l of this.listeners) {
      try {
        l(e);
      } catch (error) {
        console.warn('A classroom screen failed to update.', error);
      }
    }
  }
}

function dropEmpty(o: { seat: PartyId; seatToken?: string; name?: string }) {
  return { seat: o.seat, ...(o.seatToken ? { seatToken: o.seatToken } : {}), ...(o.name ? { name: o.name } : {}) };
}

/** Under `npm run dev` the tables' sockets go through Vite's proxy (see vite.config.ts). */
function devSocketUrl(url: URL): string {
  url.pathname = `/classroom-ws${url.pathname}`;
  return url.toString();
}
