import { LocalTable, seatsAll } from '../ai';
import {
  PARTY_IDS,
  currentParty,
  err,
  ok,
  viewFor,
  type Difficulty,
  type EventRecord,
  type GameView,
  type Intent,
  type Level,
  type LogEntry,
  type PartyId,
  type Result,
  type Seats,
} from '../core';
import { autoFacilitatorMove, type LoadedGame } from './discussion/games';
import { describeRefusal } from '../narrate';
import { paceMs } from './settings';
import { writeSave } from './save';

/** An intent as the player composes it: the session adds `by`. */
export type PlayerIntent = Intent extends infer I ? (I extends { by: unknown } ? Omit<I, 'by'> : never) : never;

export interface SessionChange {
  /** Log entries added by this change, in order. */
  entries: LogEntry[];
  /** A new seeded event, if one arrived with this change. */
  event: EventRecord | null;
  /** Who moved (null for a restore or a plain refresh). */
  by: PartyId | null;
  intent: Intent | null;
}

/** What a game played at a classroom table (classroom/remote-session.ts) adds to the table screen and the debrief. */
export interface ClassroomHooks {
  /** A status line under the table's head: the table, the turn timer, the connection (updates itself). */
  strip: HTMLElement;
  /** Shown in the briefing instead of "Open the talks": the teacher opens them. */
  briefingNote: string;
  /** Where the table's record is downloaded from. */
  recordUrl: string;
  /** The table's address (its join link, `?join=CODE`), so a reload takes the seat back. */
  address: string;
}

/**
 * One game in the browser: a LocalTable with a human seat, paced computer moves, and a save after
 * every move. Screens subscribe to changes and render `view()`, which is always `viewFor` the human's
 * seat, so nothing private about another party can reach the screen before the debrief.
 *
 * A branch ("play from here") may give several seats to people at one screen (hot seat): the session
 * then follows the turn, and `human` is the seat whose move it is. A game restored from a facilitated
 * record has no teacher here, so the session releases each round's event itself.
 */
export class GameSession {
  private listeners = new Set<(c: SessionChange) => void>();
  private running = false;
  private disposed = false;
  private timer = 0;
  private seat: PartyId;
  saveError: string | null = null;
  /** Set for a game played at a classroom table. */
  classroom: ClassroomHooks | null = null;
  /** The game this one branched from, while it is in memory (for the side-by-side comparison). */
  origin: LoadedGame | null = null;

  private playing: LocalTable;

  constructor(table: LocalTable, human: PartyId) {
    this.playing = table;
    this.seat = human;
    this.followTurn();
  }

  /** The game in this browser: for a classroom table, the table's record once the talks are over. */
  get table(): LocalTable {
    return this.playing;
  }

  /** A classroom table's game arrives whole at the end (the server keeps it until then). */
  protected replaceTable(table: LocalTable): void {
    this.playing = table;
  }

  /** A new game from step `step` of a finished one, with new seats (see LocalTable.branch). */
  static branch(game: LoadedGame, step: number, seats: Seats): Result<GameSession> {
    const human = PARTY_IDS.find((p) => seats[p].kind === 'human');
    if (!human) return err('At least one seat must be played by a person.');
    const table = LocalTable.branch(game.level, game.record, step, seats);
    if (!table.ok) return table;
    const session = new GameSession(table.value, human);
    session.origin = game;
    session.persist();
    return ok(session);
  }

  /** The seat played at this screen: with several human seats, the one whose move it is. */
  get human(): PartyId {
    return this.seat;
  }

  get humans(): PartyId[] {
    return PARTY_IDS.filter((p) => this.table.seats[p].kind === 'human');
  }

  private followTurn(): void {
    const p = this.table.whoseTurn();
    if (p && this.table.seats[p].kind === 'human') this.seat = p;
  }

  static start(level: Level, seed: string, human: PartyId, difficulty: Difficulty): GameSession {
    const table = new LocalTable(level, seed, { ...seatsAll(difficulty), [human]: { kind: 'human' } });
    const session = new GameSession(table, human);
    session.persist();
    return session;
  }

  get level(): Level {
    return this.table.level;
  }

  get isTutorial(): boolean {
    return this.level.kind === 'tutorial';
  }

  view(): GameView {
    return viewFor(this.level, this.table.state, this.human);
  }

  isOver(): boolean {
    return this.table.state.phase === 'over';
  }

  isMyTurn(): boolean {
    return this.table.whoseTurn() === this.human;
  }

  /** The party the table is waiting for (null before the start and after the end). */
  waitingFor(): PartyId | null {
    return this.table.state.phase === 'turns' ? currentParty(this.level, this.table.state.context) : null;
  }

  subscribe(listener: (c: SessionChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The player's move. A refused move returns the engine's reason and changes nothing. */
  act(intent: PlayerIntent): Result<null> {
    const full = { ...intent, by: this.human } as Intent;
    const result = this.applyAndEmit(full);
    if (result.ok) this.runComputers();
    return result;
  }

  /** Starts (or resumes) the computer parties; they move one at a time at the player's chosen pace. */
  runComputers(): void {
    if (this.running || this.disposed) return;
    this.running = true;
    const tick = () => {
      if (this.disposed || (!this.table.isComputerTurn() && !this.facilitatorMove())) {
        this.running = false;
        return;
      }
      const roundBefore = this.table.state.context.round;
      this.stepComputer();
      // After an event the next move waits a little longer, so the card can be read.
      const extra = this.table.state.context.round !== roundBefore ? 1.6 : 1;
      this.timer = window.setTimeout(tick, paceMs() * extra);
    };
    this.timer = window.setTimeout(tick, paceMs());
  }

  /** Stops the computer parties (the player left the table); `runComputers` resumes them. */
  pause(): void {
    window.clearTimeout(this.timer);
    this.running = false;
  }

  dispose(): void {
    this.disposed = true;
    window.clearTimeout(this.timer);
    this.listeners.clear();
  }

  /** The move a teacher would make now in a facilitated game (this screen has none), or null. */
  private facilitatorMove(): Intent | null {
    return autoFacilitatorMove(this.table.state);
  }

  private stepComputer(): void {
    const auto = this.facilitatorMove();
    if (auto) {
      const before = this.snapshot();
      if (this.table.apply(auto).ok) this.afterApply(auto, before);
      return;
    }
    const party = this.table.state.phase === 'briefing' ? this.level.turnOrder[0] : this.table.whoseTurn();
    if (!party) return;
    const before = this.snapshot();
    let intent: Intent | null;
    try {
      intent = this.table.stepComputer();
    } catch (e) {
      // A computer party must never freeze the table: if it picks a move the rules refuse, it holds
      // its position instead, and the game goes on (the refusal is recorded for the developers).
      console.warn(`Computer ${party} move refused; it passes instead.`, e);
      intent = { type: 'party.pass', by: party, rationale: { code: 'hold' } };
      if (!this.table.apply(intent).ok) return;
    }
    if (intent) this.afterApply(intent, before);
  }

  private applyAndEmit(intent: Intent): Result<null> {
    const before = this.snapshot();
    const result = this.table.apply(intent);
    if (!result.ok) return err(describeRefusal(result.refusal, this.level));
    this.afterApply(intent, before);
    return { ok: true, value: null };
  }

  private snapshot() {
    return { log: this.table.state.context.log.length, event: this.table.state.context.lastEvent };
  }

  private afterApply(intent: Intent, before: { log: number; event: EventRecord | null }): void {
    this.persist();
    this.followTurn();
    if (this.isOver() && this.level.kind !== 'tutorial') {
      // Finished games (and finished branches) join the recent games list for replays and debriefs.
      const [level, record, state] = [this.level, this.table.record(), this.table.state];
      import('./discussion/library')
        .then((m) => m.rememberGame(level, record, state, 'played'))
        .catch((e: unknown) => console.warn('The game could not be added to the recent games.', e));
    }
    const ctx = this.table.state.context;
    const change: SessionChange = {
      entries: ctx.log.slice(before.log),
      event: ctx.lastEvent !== before.event ? ctx.lastEvent : null,
      by: intent.by === 'facilitator' ? null : intent.by,
      intent,
    };
    for (const l of this.listeners) l(change);
  }

  private persist(): void {
    this.saveError = writeSave(this.table);
  }
}
