import { LocalTable, seatsAll } from '../../ai';
import {
  PARTY_NAMES,
  err,
  ok,
  parseRecordJson,
  refusalFor,
  stateHash,
  type GameRecord,
  type GameView,
  type Intent,
  type Level,
  type PartyId,
  type Result,
} from '../../core';
import { findBuiltinLevel } from '../../content/levels';
import { describeRefusal } from '../../narrate';
import type { FullViewMessage as ViewMessage } from '../../protocol';
import { announce } from '../announce';
import { button, h } from '../dom';
import { GameSession, type ClassroomHooks, type PlayerIntent, type SessionChange } from '../session';
import { recordUrl, spacedCode } from './api';
import { forgetSeat } from './store';
import type { ConnectionEvent, TableConnection } from './connection';
import { clock, linkLine, timerLine } from './words';

/**
 * A team's game at a classroom table, shaped like the solo game's session so the same table screen
 * plays it. The server decides and keeps the game: during the talks this browser holds only the
 * server's view for its seat (no seed, no other party's brief, no steps), and checks a move against
 * that view with the same rules the server applies, so a refusal reads exactly as in solo play. When
 * the talks are over the table's record arrives (with the seed and the briefs the session drew) and
 * becomes the game here, for the debrief, the replay and the record download.
 */
export class RemoteSession extends GameSession {
  override classroom: ClassroomHooks;
  private readonly subscribers = new Set<(c: SessionChange) => void>();
  private current: GameView;
  private record: GameRecord | null = null;
  private sending = false;
  private work: Promise<void> = Promise.resolve();
  private stopListening: () => void;
  private readonly strip: TeamStrip;
  private lastTimerCue: number | null = null;

  private constructor(
    level: Level,
    readonly party: PartyId,
    readonly connection: TableConnection,
    first: ViewMessage,
    leave: () => void,
  ) {
    // Only this seat is a person's here: the others are played elsewhere (by teams or the server's computer).
    // Until the end the local table is an empty stand-in: the game itself stays on the server.
    const seats = { ...seatsAll('normal'), [party]: { kind: 'human' as const } };
    super(new LocalTable(level, '', seats), party);
    this.current = first.view;
    this.strip = new TeamStrip(this, leave);
    this.classroom = {
      strip: this.strip.el,
      briefingNote: 'Your teacher opens the talks once every team has read its brief.',
      recordUrl: recordUrl(connection.code),
      address: `?join=${connection.code}`,
    };
    this.stopListening = connection.on((e) => this.onEvent(e));
  }

  /** Builds the session from the first view (with the table's record, if the talks are already over). */
  static async create(connection: TableConnection, party: PartyId, leave: () => void): Promise<Result<RemoteSession>> {
    const first = connection.view;
    if (!first) return err('The table has not sent its state yet.');
    const level = findBuiltinLevel(first.view.levelId);
    if (!level)
      return err(
        `This table plays “${first.view.levelTitle}”, which this copy of the game does not have. Reload the page to get the teacher’s version.`,
      );
    const session = new RemoteSession(level, party, connection, first, leave);
    if (first.view.phase === 'over') await session.loadRecord(first);
    return ok(session);
  }

  get code(): string {
    return this.connection.code;
  }

  override view(): GameView {
    return this.current;
  }

  override isOver(): boolean {
    return this.current.phase === 'over';
  }

  override isMyTurn(): boolean {
    return this.current.phase === 'turns' && this.current.turn === this.party;
  }

  override waitingFor(): PartyId | null {
    return this.current.turn;
  }

  override subscribe(listener: (c: SessionChange) => void): () => void {
    this.subscribers.add(listener);
    return () => this.subscribers.delete(listener);
  }

  /** The move goes to the server; the rules are asked first (on this seat's view), so a refusal reads as in solo play. */
  override act(intent: PlayerIntent): Result<null> {
    if (intent.type === 'game.start') return err(this.classroom.briefingNote);
    if (this.connection.state.kind !== 'open')
      return err('You are not connected to the table right now. Your move can be made as soon as the connection is back.');
    if (this.sending) return err('Your last move is still on its way to the table.');
    const full = { ...intent, by: this.party } as Intent;
    const problem = refusalFor(this.level, this.current, full);
    if (problem) return err(describeRefusal(problem, this.level));
    this.sending = true;
    void this.connection.sendIntent(full).then((ack) => {
      this.sending = false;
      if (!ack.ok) {
        this.strip.refusal(`Your move was not made: ${ack.error}`);
        announce(`Your move was not made: ${ack.error}`, 'assertive');
      }
    });
    return ok(null);
  }

  // The table moves on the server: nothing runs here.
  override runComputers(): void {}
  override pause(): void {}

  override dispose(): void {
    this.stopListening();
    this.subscribers.clear();
    this.connection.close();
    super.dispose();
  }

  private onEvent(e: ConnectionEvent): void {
    if (e.type === 'view') {
      const message = e.view;
      this.work = this.work.then(() => this.follow(message)).catch((error: unknown) => console.warn(error));
    } else if (e.type === 'timer') {
      this.strip.update();
      this.timerCue();
    } else if (e.type === 'state') {
      this.strip.update();
      if (e.state.kind === 'reconnecting' && e.state.attempts === 0)
        announce('The connection to the table was lost. Reconnecting: your seat is kept for you.', 'assertive');
      if (e.state.kind === 'open') announce('Connected to the table again.');
      if (e.state.kind === 'closed' && e.state.why !== 'left') announce(e.state.reason, 'assertive');
      // A freed seat's token is worthless now: the team can take a free seat again from the join link.
      if (e.state.kind === 'closed' && e.state.why === 'released') forgetSeat(this.code);
    }
  }

  /** Shows the server's new view; at the end, once the table's record is here. */
  private async follow(message: ViewMessage): Promise<void> {
    const before = this.current;
    if (message.view.phase === 'over' && !this.record) await this.loadRecord(message);
    // A newer view may have arrived meanwhile: show the newest.
    const latest = this.connection.view && this.connection.view.seq >= message.seq ? this.connection.view : message;
    this.current = latest.view;
    if (before.phase !== 'over' && latest.view.phase === 'over') void this.remember();
    const entries = latest.view.log.slice(before === latest.view ? latest.view.log.length : before.log.length);
    const mover = [...entries].reverse().find((e) => e.by !== 'events' && e.by !== 'facilitator')?.by ?? null;
    const event =
      latest.view.lastEvent &&
      (latest.view.lastEvent.round !== before.lastEvent?.round || latest.view.lastEvent.id !== before.lastEvent?.id)
        ? latest.view.lastEvent
        : null;
    const change: SessionChange = {
      entries,
      event: before === latest.view ? null : event,
      by: mover as PartyId | null,
      intent: null,
    };
    this.strip.update();
    for (const l of this.subscribers) l(change);
  }

  /**
   * The finished table's record, replayed here step by step on the briefs it carries: from now on the
   * debrief, the replay and the download work on the game as the server played it.
   */
  private async loadRecord(message: ViewMessage): Promise<void> {
    let problem = '';
    for (let attempt = 0; attempt < 3 && !this.record; attempt++) {
      try {
        const res = await fetch(this.classroom.recordUrl, { cache: 'no-store' });
        if (!res.ok) throw new Error(`the server answered ${res.status}`);
        const record = parseRecordJson(await res.text(), 'the table’s record');
        if (!record.ok) throw new Error(record.error);
        const table = LocalTable.fromRecord(this.level, record.value);
        if (!table.ok) throw new Error(table.error);
        if (message.hash && stateHash(table.value.state) !== message.hash) throw new Error('it does not end where the table did');
        this.replaceTable(table.value);
        this.record = record.value;
      } catch (e) {
        problem = (e as Error).message;
        await new Promise((resolve) => setTimeout(resolve, 400 * (attempt + 1)));
      }
    }
    if (!this.record) console.warn(`Table ${this.code}: the record could not be loaded (${problem}); it can still be downloaded.`);
  }

  /** A finished table joins this browser's recent games (for replays and the full debrief). */
  private async remember(): Promise<void> {
    if (!this.record) return;
    try {
      // Loaded on demand, like the replays it feeds.
      const { rememberGame } = await import('../discussion/library');
      rememberGame(this.level, this.record, this.table.state, 'played');
    } catch {
      // Not essential: the record can still be downloaded from the debrief.
    }
  }

  /** A spoken warning when this team's own time runs short. */
  private timerCue(): void {
    const t = this.connection.timer;
    if (!t || !t.running || t.party !== this.party || t.remaining === null) return;
    for (const mark of [60, 30, 10])
      if (t.remaining === mark && this.lastTimerCue !== mark) {
        this.lastTimerCue = mark;
        announce(`${mark} seconds left for your move.`, mark === 10 ? 'assertive' : 'polite');
      }
    if (t.remaining > 60) this.lastTimerCue = null;
  }
}

/**
 * The line under the table's head: which table and seat, the turn timer, the connection. When the
 * connection is lost it becomes a banner across the top of the screen until the table is back.
 */
class TeamStrip {
  readonly el: HTMLElement;
  private readonly timerEl = h('span', { class: 'cr-timer' });
  private readonly linkEl = h('span', { class: 'cr-link' });
  private readonly banner = h('div', { class: 'cr-banner', role: 'status', hidden: true });
  private readonly refusalEl = h('p', { class: 'cr-refusal', role: 'alert' });
  private refusalTimer = 0;

  constructor(
    private readonly session: RemoteSession,
    private readonly leave: () => void,
  ) {
    const name = session.connection.view?.seats[session.party]?.name;
    this.el = h(
      'div',
      { class: 'cr-strip' },
      h(
        'span',
        { class: 'cr-where' },
        `Classroom table ${spacedCode(session.code)} · you are ${PARTY_NAMES[session.party]}${name ? ` (${name})` : ''}`,
      ),
      this.timerEl,
      this.linkEl,
      this.refusalEl,
      this.banner,
    );
    this.update();
  }

  update(): void {
    const c = this.session.connection;
    const timer = timerLine(c.timer, this.session.party);
    this.timerEl.textContent = timer ?? '';
    this.timerEl.hidden = !timer;
    const mine = c.timer?.running && c.timer.party === this.session.party && c.timer.remaining !== null;
    this.timerEl.classList.toggle('is-mine', !!mine);
    this.timerEl.classList.toggle('is-short', !!mine && (c.timer?.remaining ?? 99) <= 30);
    const state = c.state;
    this.linkEl.textContent = linkLine(state);
    this.linkEl.dataset.state = state.kind;
    if (state.kind === 'open' || state.kind === 'connecting') {
      this.banner.hidden = true;
      this.banner.replaceChildren();
      return;
    }
    this.banner.hidden = false;
    if (state.kind === 'reconnecting') {
      const waited = Math.round((Date.now() - state.since) / 1000);
      this.banner.replaceChildren(
        h('strong', null, 'Reconnecting to the table…'),
        h(
          'span',
          null,
          ` Your seat is kept for you and nothing is lost. Moves wait until the connection is back${waited >= 5 ? ` (trying for ${clock(waited)})` : ''}.`,
        ),
      );
    } else {
      this.banner.replaceChildren(
        h('strong', null, state.why === 'taken-over' ? 'This seat is open in another window' : 'You are no longer at the table'),
        h('span', null, ` ${state.reason} `),
        button('Main menu', () => this.leave(), { class: 'chip' }),
      );
    }
  }

  refusal(text: string): void {
    this.refusalEl.textContent = text;
    window.clearTimeout(this.refusalTimer);
    this.refusalTimer = window.setTimeout(() => (this.refusalEl.textContent = ''), 12_000);
  }
}
