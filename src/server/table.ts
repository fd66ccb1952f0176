import {
  RecordWriter,
  applyToGame,
  canonicalJson,
  newGame,
  replay,
  stateHash,
  err,
  ok,
  PARTY_IDS,
  type GameRecord,
  type GameState,
  type Intent,
  type Level,
  type Result,
  type Seats,
} from '../core';
import { findBuiltinLevel } from '../content/levels';
import { describeRefusal, divergenceText } from '../narrate';
import type { IntentSource, Journal, SessionRow, TableRow } from './journal';
import { refuse, type Ack, type StepMessage } from './protocol';

/**
 * One table's authoritative game: the engine state, the journal it writes through, and the intent ids
 * it has seen. It knows nothing about sockets; the room decides who may send what, this decides what
 * happens and makes it durable before anyone is told.
 */

interface Applied {
  seq: number;
  hash: string;
  intentJson: string;
}

export class Table {
  state: GameState;
  seq = 0;
  hash: string;
  private readonly seen = new Map<string, Applied>();
  private readonly steps: { intent: Intent; hash: string; source: IntentSource }[] = [];

  private constructor(
    private readonly journal: Journal,
    readonly session: SessionRow,
    readonly row: TableRow,
    readonly level: Level,
  ) {
    this.state = newGame(level, { seed: session.seed, facilitated: true });
    this.hash = stateHash(this.state);
  }

  get code(): string {
    return this.row.code;
  }

  /** Opens a table from the journal, replaying every stored intent and checking every stored hash. */
  static open(journal: Journal, code: string): Result<Table> {
    const row = journal.table(code);
    if (!row) return err(`There is no table with the code ${code}.`);
    const session = journal.session(row.sessionId);
    if (!session) return err(`Table ${code} belongs to a session that is not in the journal.`);
    const level = findBuiltinLevel(session.levelId);
    if (!level) return err(`Table ${code} uses the level "${session.levelId}", which this version of the game does not have.`);
    const table = new Table(journal, session, row, level);
    const stored = journal.intents(code);
    const gap = stored.findIndex((st, i) => st.seq !== i + 1);
    if (gap >= 0) return err(`table ${code}, step ${stored[gap].seq}: expected step ${gap + 1} (a gap in the journal).`);
    const replayed = replay(level, { seed: session.seed, facilitated: true }, stored, { keepStates: true });
    if (replayed.divergence) return err(`table ${code}, step ${replayed.divergence.step}: ${divergenceText(level, replayed.divergence)}`);
    stored.forEach((st, i) => table.commit(st.intentId, st.intent as Intent, replayed.states![i + 1], replayed.hashes[i], st.source));
    return ok(table);
  }

  /** Whether this intent id was already applied, and with what result. */
  previous(intentId: string, intent: Intent): Ack | null {
    const known = this.seen.get(intentId);
    if (!known) return null;
    if (known.intentJson !== canonicalJson(intent))
      return refuse('id-reused', `The intent id "${intentId}" was already used for a different move.`);
    return { ok: true, seq: known.seq, hash: known.hash, duplicate: true };
  }

  /**
   * Applies an intent the room has already authorised: the rules decide, the journal commits, and only
   * then does the table move on. A refusal or a failed write leaves everything as it was. Callers run
   * one apply at a time per table (the room's queue).
   */
  async apply(intentId: string, intent: Intent, source: IntentSource): Promise<Ack> {
    const again = this.previous(intentId, intent);
    if (again) return again;
    const next = applyToGame(this.level, this.state, intent);
    if (!next.ok) return { ok: false, code: 'illegal', error: describeRefusal(next.refusal, this.level), refusal: next.refusal };
    const hash = stateHash(next.value);
    try {
      // The room's queue holds this table's next request until this one is committed (or refused).
      await this.journal.commitIntent(this.code, { seq: this.seq + 1, intentId, intent, hash, source });
    } catch (e) {
      return refuse('journal-failed', `The move could not be saved, so it was not made (${(e as Error).message}). Try again.`);
    }
    this.commit(intentId, intent, next.value, hash, source);
    return { ok: true, seq: this.seq, hash };
  }

  /** Applied intents from step `from` (1-based) on: moves are public, so any seat may have them. */
  stepsFrom(from: number, limit = 1000): StepMessage[] {
    const start = Math.max(1, Math.floor(from));
    return this.steps.slice(start - 1, start - 1 + limit).map((s, i) => ({ seq: start + i, intent: s.intent, hash: s.hash }));
  }

  /** The table's record (`*.bzrec.json`): a seat counts as human if a team ever moved in it. */
  record(): GameRecord {
    const seats = {} as Seats;
    for (const p of PARTY_IDS) {
      const human = this.steps.some((s) => s.source !== 'computer' && s.intent.by === p);
      seats[p] = human ? { kind: 'human' } : { kind: 'computer', difficulty: this.session.settings.difficulty };
    }
    const writer = new RecordWriter(this.level, this.session.seed, seats, true);
    for (const s of this.steps) writer.steps.push({ intent: s.intent, hash: s.hash });
    return writer.finish();
  }

  private commit(intentId: string, intent: Intent, next: GameState, hash: string, source: IntentSource): void {
    this.state = next;
    this.seq++;
    this.hash = hash;
    this.seen.set(intentId, { seq: this.seq, hash, intentJson: canonicalJson(intent) });
    this.steps.push({ intent, hash, source });
  }
}
