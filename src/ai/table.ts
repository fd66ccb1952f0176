import {
  RecordWriter,
  applyToGame,
  currentParty,
  newGame,
  replayRecord,
  err,
  ok,
  type GameRecord,
  type GameState,
  type Intent,
  type Level,
  type PartyId,
  type Applied,
  type Result,
  type Seats,
} from '../core';
import { describeRefusal, divergenceText } from '../narrate';
import { decideFor } from './decide';

/**
 * A table in one process: some seats human, the rest computer parties. The browser game and the
 * terminal game both use it; every applied intent goes into the record, so a game can be saved,
 * resumed and replayed from its record alone.
 */
export class LocalTable {
  state: GameState;
  private writer: RecordWriter;

  constructor(
    readonly level: Level,
    readonly seed: string,
    readonly seats: Seats,
    options: { parent?: GameRecord['parent']; from?: { state: GameState; steps: GameRecord['steps'] } } = {},
  ) {
    this.state = options.from?.state ?? newGame(level, { seed });
    // A table restored from a facilitated record stays facilitated, so its own record replays.
    this.writer = new RecordWriter(level, seed, seats, this.state.context.facilitated, options.parent ?? null);
    if (options.from) this.writer.steps.push(...options.from.steps);
  }

  /** Restores a table from a record, checking every step; a bad record is refused with the reason. */
  static fromRecord(level: Level, record: GameRecord, toStep?: number): Result<LocalTable> {
    const replayed = replayRecord(level, record, { toStep });
    if (!replayed.ok) return replayed;
    if (!replayed.value.ok) return err(`step ${replayed.value.divergence!.step}: ${divergenceText(level, replayed.value.divergence!)}`);
    const steps = record.steps.slice(0, replayed.value.steps);
    // The level the record was played on: a classroom record's brief variant stays with the table.
    const played = replayed.value.level;
    return ok(
      new LocalTable(played, record.seed, record.seats as Seats, { parent: record.parent, from: { state: replayed.value.state, steps } }),
    );
  }

  /**
   * "What if…?": a new table that starts from step `step` of `record` (the same seed stream, the same
   * state) with new seats. Its record is complete on its own and names its parent: the parent's final
   * hash and the step it branched at.
   */
  static branch(level: Level, record: GameRecord, step: number, seats: Seats): Result<LocalTable> {
    if (!Number.isInteger(step) || step < 0 || step > record.steps.length) return err(`step: expected 0 to ${record.steps.length}`);
    const replayed = replayRecord(level, record, { toStep: step });
    if (!replayed.ok) return replayed;
    if (!replayed.value.ok) return err(`step ${replayed.value.divergence!.step}: ${divergenceText(level, replayed.value.divergence!)}`);
    const steps = record.steps.slice(0, step);
    return ok(
      new LocalTable(replayed.value.level, record.seed, seats, {
        parent: { hash: record.finalHash, step },
        from: { state: replayed.value.state, steps },
      }),
    );
  }

  /** The party whose move it is, or null when the talks have not started, are over, or wait for events. */
  whoseTurn(): PartyId | null {
    if (this.state.phase !== 'turns') return null;
    return currentParty(this.level, this.state.context);
  }

  isComputerTurn(): boolean {
    if (this.state.phase === 'briefing') return Object.values(this.seats).every((s) => s.kind === 'computer');
    const p = this.whoseTurn();
    return p !== null && this.seats[p].kind === 'computer';
  }

  /** Applies a seat's intent; an illegal one is refused with a reason and changes nothing. */
  apply(intent: unknown): Applied {
    const next = applyToGame(this.level, this.state, intent);
    if (next.ok) {
      this.state = next.value;
      this.writer.add(intent as Intent, next.value);
    }
    return next;
  }

  /** Lets the computer party whose turn it is make one move; null if it is not a computer's turn. */
  stepComputer(): Intent | null {
    if (!this.isComputerTurn()) return null;
    const party = this.state.phase === 'briefing' ? this.level.turnOrder[0] : this.whoseTurn()!;
    const intent = decideFor(this.level, this.state, party, this.seats[party].difficulty ?? 'normal');
    const applied = this.apply(intent);
    if (!applied.ok) throw new Error(`computer ${party} chose an illegal move: ${describeRefusal(applied.refusal, this.level)}`);
    return intent;
  }

  /** Runs computer seats until a human must act or the game is over. */
  advanceComputers(limit = 1000): Intent[] {
    const done: Intent[] = [];
    for (let i = 0; i < limit; i++) {
      const intent = this.stepComputer();
      if (!intent) break;
      done.push(intent);
    }
    return done;
  }

  get steps(): number {
    return this.writer.steps.length;
  }

  record(): GameRecord {
    return this.writer.finish();
  }
}
