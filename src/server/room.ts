import { Room, ServerError, type Client, type Delayed, type RoomException, type RoomMethodName } from '@colyseus/core';
import { currentParty, type PartyId, type PrivateBrief } from '../core';
import type { ResolvedOptions } from './config';
import type { Journal } from './journal';
import { TokenBucket } from './limits';
import {
  CLOSE_SEAT_RELEASED,
  CLOSE_SEAT_TAKEN_OVER,
  JoinOptionsSchema,
  TEAM_NAME_MAX,
  type JoinOptions,
  type SeatId,
  type ViewMessage,
} from '../protocol';
import { RoomRequests } from './room-requests';
import { SeatBook, type JoinCheck } from './seats';
import { tokenMatches } from './secrets';
import { Table } from './table';
import { TurnTimer } from './timer';
import { viewMessage, type ViewContext } from './views';
import type { Timings } from './timings';
import { ComputerSeats } from './computer';

/**
 * One table of a classroom session as a Colyseus room (roomId = the join code). The room is the
 * adapter between sockets and the table: it seats people, turns requests into authorised intents,
 * runs them one at a time through the table (which journals them) and tells every client what its
 * seat may see. Computer parties and the turn timer send their moves through the same path.
 */

export interface RoomDeps {
  journal: Journal;
  /** Where each move's time goes (see timings.ts), shared by every table of the server. */
  timings: Timings;
  options: ResolvedOptions;
  log: (message: string) => void;
  /** Hands over a table already replayed for this room (the directory does it), so it is not replayed twice. */
  prepared?: { take(code: string): Table | undefined };
}

export interface Member {
  client: Client;
  seat: SeatId;
  bucket: TokenBucket;
  /** Removed by the server (seat taken over or released): no reconnection for it. */
  kicked: boolean;
  /** Log entries this client has been sent: views carry only the newer ones (the log grows every step). */
  logSent: number;
  /** The last step this client has been sent. */
  stepsSent: number;
  /** The brief this client was last sent (a view leaves it out while it is unchanged). */
  briefSent: PrivateBrief | null;
}

/** Error codes a refused join carries to the client (the SDK's MatchMakeError.code). */
const FORBIDDEN = 403;
const BAD_REQUEST = 400;

export abstract class TableRoom extends Room {
  protected abstract deps: RoomDeps;
  autoDispose = false;
  table!: Table;
  seats!: SeatBook;
  timer!: TurnTimer;
  readonly members = new Map<string, Member>();
  private queue: Promise<unknown> = Promise.resolve();
  private computers!: ComputerSeats;
  private lastSeats = '';
  private idleDispose: Delayed | null = null;

  get options(): ResolvedOptions {
    return this.deps.options;
  }

  onCreate(options: { code: string }): void {
    const table = this.deps.prepared?.take(options.code);
    const opened = table ? { ok: true as const, value: table } : Table.open(this.deps.journal, options.code);
    if (!opened.ok) throw new ServerError(500, opened.error);
    if (opened.value.damage) throw new ServerError(500, `the journal does not replay at step ${opened.value.damage.step}`);
    this.table = opened.value;
    this.roomId = this.table.code;
    const settings = this.table.session.settings;
    const { limits, tickMs } = this.deps.options;
    this.maxMessagesPerSecond = limits.hardMessagesPerSecond;
    this.seats = new SeatBook(this.table.row.seats, settings.graceSeconds * 1000, Date.now);
    this.timer = new TurnTimer(settings.turnSeconds);
    this.computers = new ComputerSeats(this, this.deps.options.computerDelayMs);
    new RoomRequests(this).register();
    this.clock.setInterval(() => this.onTick(), tickMs);
    this.syncTimer();
  }

  /** Runs `task` after every task queued before it: intents never interleave, whatever a task awaits. */
  enqueue<T>(task: () => T | Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  get timings(): Timings {
    return this.deps.timings;
  }

  log(message: string): void {
    this.deps.log(`table ${this.roomId}: ${message}`);
  }

  /** Queues work nobody waits for (a computer's move, the timer's): a fault is logged, never left unhandled. */
  background(what: string, task: () => unknown): void {
    this.enqueue(task).catch((e: unknown) => this.log(`${what} failed: ${(e as Error).message}`));
  }

  /** Colyseus routes faults in hooks and clock callbacks here instead of letting them end the process. */
  onUncaughtException(error: RoomException, method: RoomMethodName): void {
    // A refused join is an answer to the client, not a fault.
    if (error.cause instanceof ServerError) return;
    this.log(`${method} failed: ${error.message}`);
  }

  // ---------------------------------------------------------------------------------------------
  // Seats
  // ---------------------------------------------------------------------------------------------

  /** Would these join options be accepted? Used by the HTTP gate before a seat is reserved. */
  checkJoin(raw: unknown): JoinCheck {
    const parsed = JoinOptionsSchema.safeParse(raw);
    if (!parsed.success) {
      const tooLong = parsed.error.issues.some((i) => i.path.includes('name'));
      const reason = tooLong
        ? `A team name has at most ${TEAM_NAME_MAX} characters.`
        : 'Join with { seat: party } or { teacher: true, teacherToken }.';
      return { ok: false, reason, credential: false };
    }
    const o = parsed.data;
    if ('teacher' in o)
      return tokenMatches(o.teacherToken, this.table.row.teacherHash)
        ? { ok: true, claim: false }
        : { ok: false, reason: 'This teacher link is not valid for this table.', credential: true };
    return this.seats.check(o.seat, o.seatToken);
  }

  onJoin(client: Client, raw: unknown): void {
    const check = this.checkJoin(raw);
    if (!check.ok) throw new ServerError(check.credential ? FORBIDDEN : BAD_REQUEST, check.reason);
    const o = raw as JoinOptions;
    const seat: SeatId = 'teacher' in o ? 'facilitator' : o.seat;
    const { limits } = this.deps.options;
    this.members.set(client.sessionId, {
      client,
      seat,
      bucket: new TokenBucket(limits.requestsPerSecond, limits.requestBurst),
      kicked: false,
      logSent: 0,
      stepsSent: this.table.seq,
      briefSent: null,
    });
    let seatToken: string | undefined;
    if (seat !== 'facilitator') {
      if (check.claim) {
        seatToken = this.seats.claim(seat, 'seat' in o ? o.name : undefined);
        this.saveSeats();
      }
      const displaced = this.seats.sit(seat, client.sessionId);
      if (displaced) this.kick(displaced, CLOSE_SEAT_TAKEN_OVER, 'This seat was taken over in another browser window.');
    }
    client.send('seat', { code: this.table.code, seat, ...(seatToken ? { seatToken } : {}) });
    this.cancelIdleDispose();
    this.changed();
  }

  onDrop(client: Client): void {
    const member = this.members.get(client.sessionId);
    if (!member || member.kicked) return;
    if (member.seat !== 'facilitator') this.seats.drop(member.seat, client.sessionId);
    this.changed();
    // A rejected reconnection (the grace period ran out) is followed by onLeave.
    this.allowReconnection(client, this.table.session.settings.graceSeconds).then(undefined, () => undefined);
  }

  onReconnect(client: Client): void {
    const member = this.members.get(client.sessionId);
    if (!member) throw new ServerError(FORBIDDEN, 'This connection is no longer part of the table.');
    if (member.seat !== 'facilitator') {
      const holder = this.seats.holder(member.seat);
      if (holder && holder !== client.sessionId) throw new ServerError(FORBIDDEN, 'Your seat was taken back from another browser window.');
      this.seats.sit(member.seat, client.sessionId);
    }
    member.client = client;
    // Messages sent while the connection was down are lost: the next view carries the whole log again.
    member.logSent = 0;
    member.stepsSent = this.table.seq;
    member.briefSent = null;
    this.changed();
  }

  onLeave(client: Client): void {
    const member = this.members.get(client.sessionId);
    if (!member) return;
    this.members.delete(client.sessionId);
    // A team that leaves on purpose still gets the grace period: it may have closed the wrong tab.
    if (member.seat !== 'facilitator') this.seats.drop(member.seat, client.sessionId);
    this.changed();
    this.scheduleIdleDispose();
  }

  onDispose(): void {
    // A room whose creation failed is disposed too, before it had computer seats.
    this.computers?.stop();
  }

  releaseSeat(party: PartyId): void {
    const holder = this.seats.holder(party);
    this.seats.release(party);
    this.seats.vacate(party);
    this.saveSeats();
    if (holder) this.kick(holder, CLOSE_SEAT_RELEASED, 'Your teacher freed this seat.');
    this.changed();
  }

  private kick(sessionId: string, code: number, reason: string): void {
    const member = this.members.get(sessionId);
    if (!member) return;
    member.kicked = true;
    this.members.delete(sessionId);
    member.client.leave(code, reason);
  }

  private saveSeats(): void {
    this.deps.journal
      .setSeats(this.table.code, this.seats.allClaims())
      .catch((e: unknown) => this.log(`could not save the seats (${(e as Error).message})`));
  }

  // ---------------------------------------------------------------------------------------------
  // After every change: timer, views, computer parties
  // ---------------------------------------------------------------------------------------------

  /** The game or the seats changed: re-sync the timer, send every client its view, let computers move. */
  changed(): void {
    this.syncTimer();
    this.lastSeats = JSON.stringify(this.seats.view());
    this.broadcastViews();
    this.computers.pump();
    if (this.table.state.phase === 'over') this.scheduleIdleDispose();
  }

  /** The full view for a member (the `sync` request): the client starts its log afresh. */
  fullView(member: Member): ViewMessage {
    const message = viewMessage(this.viewContext(), member.seat);
    member.logSent = message.view.log.length;
    member.stepsSent = this.table.seq;
    member.briefSent = message.view.brief ?? null;
    return message;
  }

  private viewContext(): ViewContext {
    let teachers = 0;
    for (const m of this.members.values()) if (m.seat === 'facilitator') teachers++;
    return { table: this.table, seats: this.seats.view(), timer: this.timer.view(), teachers };
  }

  private broadcastViews(): void {
    const ctx = this.viewContext();
    const logLength = this.table.state.context.log.length;
    const cache = new Map<string, ViewMessage>();
    for (const m of this.members.values()) {
      const start = m.logSent <= logLength ? m.logSent : 0;
      const key = `${m.seat}:${start}:${m.stepsSent}:${m.briefSent?.currentWalkAway ?? '-'}`;
      let message = cache.get(key);
      if (!message) {
        message = viewMessage(ctx, m.seat, start, m.stepsSent + 1, m.briefSent);
        cache.set(key, message);
      }
      if (message.view.brief !== undefined) m.briefSent = message.view.brief;
      m.client.send('view', message);
      m.logSent = logLength;
      m.stepsSent = this.table.seq;
    }
  }

  private syncTimer(): void {
    this.timer.sync(this.table.level, this.table.state, (p) => this.seats.status(p) !== 'computer');
  }

  private onTick(): void {
    // A seat whose grace period ran out passes to the computer: everyone sees it, and it may be its turn.
    if (JSON.stringify(this.seats.view()) !== this.lastSeats) this.changed();
    const outOfTime = this.timer.tick();
    if (this.timer.isRunning) this.broadcast('timer', this.timer.view());
    if (outOfTime) this.background('the timer', () => this.timeRanOut(outOfTime));
    this.computers.pump();
  }

  private async timeRanOut(party: PartyId): Promise<void> {
    const { state, level } = this.table;
    if (state.phase !== 'turns' || currentParty(level, state.context) !== party) return;
    const ack = await this.table.apply(
      `timer-${this.table.seq + 1}-${party}`,
      { type: 'party.pass', by: party, note: 'Time ran out.' },
      'timer',
    );
    if (ack.ok) this.changed();
    else this.log(`the timer's move was refused (${ack.error})`);
  }

  // ---------------------------------------------------------------------------------------------
  // Memory: a finished table nobody watches is closed; a later join reopens it from the journal.
  // ---------------------------------------------------------------------------------------------

  private scheduleIdleDispose(): void {
    if (this.idleDispose || this.members.size > 0 || this.table.state.phase !== 'over') return;
    this.idleDispose = this.clock.setTimeout(() => {
      if (this.members.size === 0) this.disconnect().catch(() => undefined);
      this.idleDispose = null;
    }, this.deps.options.idleDisposeMinutes * 60_000);
  }

  private cancelIdleDispose(): void {
    this.idleDispose?.clear();
    this.idleDispose = null;
  }
}

/** The concrete room class for a server: Colyseus instantiates rooms itself, so dependencies come in by subclassing. */
export function tableRoomClass(deps: RoomDeps): new () => TableRoom {
  return class extends TableRoom {
    protected deps = deps;
  };
}
