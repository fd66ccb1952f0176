import {
  RecordWriter,
  applyToGame,
  applyVariant,
  canonicalJson,
  newGame,
  parseIntent,
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
import type { IntentSource, Journal, SessionRow, StoredIntent, TableRow } from './journal';
import type { Ack, StepMessage, TableDamage } from '../protocol';
import { refuse } from './refuse';
import { since, type Timings } from './timings';
import { performance } from 'node:perf_hooks';

/**
 * One table's authoritative game: the engine state, the journal it writes through, and the intent ids
 * it has seen. It knows nothing about sockets; the room decides who may send what, this decides what
 * happens and makes it durable before anyone is told.
 *
 * Intent ids are the sender's: a retry is recognised by its seat and id together, so one team cannot
 * use up an id another seat (or the server) will send. The server's own moves (computer parties, the
 * turn timer) are in a scope of their own that no client reaches. In the journal an id is stored with
 * its scope (`russia/3f2a…`, `server/auto-4-us`); client ids cannot contain `/`.
 */

/** Whose ids an intent's id belongs to: its seat, the facilitator's console, or the server itself. */
export function idScope(source: IntentSource, intent: Intent): string {
  if (source === 'computer' || source === 'timer') return 'server';
  if (source === 'teacher') return 'facilitator';
  return intent.by;
}

interface Applied {
  seq: number;
  hash: string;
  intentJson: string;
}

const scopedId = (scope: string, id: string): string => `${scope}/${id}`;

export class Table {
  state: GameState;
  seq = 0;
  hash: string;
  /** Set when the journal stopped replaying before its end: the table shows its last good step and takes no moves. */
  damage: TableDamage | null = null;
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

  /**
   * Opens a table from the journal, replaying every stored intent and checking every stored hash. A
   * step that does not replay (altered, missing, unreadable) stops the replay there: the table is
   * returned at its last good step with `damage` set, and refuses new moves. An error means there is
   * no table to show at all (no such code, or its session or level is missing).
   */
  static open(journal: Journal, code: string): Result<Table> {
    const row = journal.table(code);
    if (!row) return err(`There is no table with the code ${code}.`);
    const session = journal.session(row.sessionId);
    if (!session) return err(`Table ${code} belongs to a session that is not in the journal.`);
    const published = findBuiltinLevel(session.levelId);
    if (!published) return err(`Table ${code} uses the level "${session.levelId}", which this version of the game does not have.`);
    // Every table of a session plays the briefs the session drew.
    const played = session.variant ? applyVariant(published, session.variant, 'the session’s brief variant') : ok(published);
    if (!played.ok) return err(`Table ${code} cannot be opened: ${played.error}.`);
    const level = played.value;
    const table = new Table(journal, session, row, level);
    try {
      for (const stored of journal.readIntents(code)) {
        const problem = table.replay(stored);
        if (problem) {
          table.damage = { step: table.seq + 1, reason: problem };
          break;
        }
      }
    } catch (e) {
      table.damage = { step: table.seq + 1, reason: `the journal cannot be read from here on (${(e as Error).message})` };
    }
    return ok(table);
  }

  /** Replays one stored step (through the one replay, from this table's state); returns what is wrong with it, or null. */
  private replay(stored: StoredIntent): string | null {
    if (stored.seq !== this.seq + 1) return `step ${this.seq + 1} is missing from the journal (the next stored step is ${stored.seq})`;
    if (stored.unreadable) return `the stored intent is not readable (${stored.unreadable})`;
    const parsed = parseIntent(stored.intent);
    if (!parsed.ok) return `the stored intent is not a valid move (${describeRefusal(parsed.refusal)})`;
    const r = replay(this.level, { seed: this.session.seed, facilitated: true }, [{ intent: parsed.value, hash: stored.hash }], {
      from: this.state,
    });
    if (r.divergence?.code === 'refused')
      return `the rules refuse the stored intent (${describeRefusal(r.divergence.refusal, this.level)})`;
    if (r.divergence) return divergenceText(this.level, r.divergence).replace('the recorded', "the journal's");
    const next = { value: r.state };
    const hash = r.hashes[0];
    // Rows written before ids were scoped by seat carry the bare id; their scope follows from who sent them.
    const key = stored.intentId.includes('/') ? stored.intentId : scopedId(idScope(stored.source, parsed.value), stored.intentId);
    this.commit(key, parsed.value, next.value, hash, stored.source);
    return null;
  }

  /** Whether this seat already sent this intent id, and with what result. */
  previous(intentId: string, intent: Intent, source: IntentSource): Ack | null {
    const known = this.seen.get(scopedId(idScope(source, intent), intentId));
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
  async apply(intentId: string, intent: Intent, source: IntentSource, timings?: Timings): Promise<Ack> {
    if (this.damage) return refuse('unavailable', `This table's record is damaged at step ${this.damage.step}; it takes no more moves.`);
    const again = this.previous(intentId, intent, source);
    if (again) return again;
    const start = performance.now();
    const next = applyToGame(this.level, this.state, intent);
    if (!next.ok) return { ok: false, code: 'illegal', error: describeRefusal(next.refusal, this.level), refusal: next.refusal };
    const hash = stateHash(next.value);
    const key = scopedId(idScope(source, intent), intentId);
    const ruled = performance.now();
    timings?.add('rules', ruled - start);
    try {
      // The room's queue holds this table's next request until this one is committed (or refused).
      await this.journal.commitIntent(this.code, { seq: this.seq + 1, intentId: key, intent, hash, source });
    } catch (e) {
      return refuse('journal-failed', `The move could not be saved, so it was not made (${(e as Error).message}). Try again.`);
    }
    timings?.add('journal', since(ruled));
    this.commit(key, intent, next.value, hash, source);
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

  private commit(key: string, intent: Intent, next: GameState, hash: string, source: IntentSource): void {
    this.state = next;
    this.seq++;
    this.hash = hash;
    this.seen.set(key, { seq: this.seq, hash, intentJson: canonicalJson(intent) });
    this.steps.push({ intent, hash, source });
  }
}
