import { z } from 'zod';
import { applyToGame, newGame, stateHash } from './game';
import { canonicalJson } from './hash';
import { IntentSchema, type Intent } from './intents';
import { levelHash, type Level } from './level';
import { PARTY_IDS } from './parties';
import { err, ok, type Result } from './result';
import { PartySchema, describeIssues } from './schema';
import { DIFFICULTIES, type GameState, type Seats } from './state';

/**
 * A game record (`*.bzrec.json`): the seed, the level (id and content hash), who sat in each seat, and
 * every intent in order with the state hash after it. One record = one game, anywhere.
 */

export const RECORD_FORMAT = 'buffer-zone-record';
export const RECORD_VERSION = 1;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'expected a 64-character SHA-256 hex digest');
const SeatSchema = z.strictObject({
  kind: z.enum(['human', 'computer']),
  difficulty: z.enum(DIFFICULTIES as [string, ...string[]]).optional(),
});

export const RecordSchema = z.strictObject({
  format: z.literal(RECORD_FORMAT),
  version: z.literal(RECORD_VERSION),
  level: z.strictObject({ id: z.string().max(80), hash: hex64 }),
  seed: z.string().max(200),
  facilitated: z.boolean(),
  seats: z.record(PartySchema, SeatSchema),
  /** A branch names the record it grew from and the step it left at. */
  parent: z.strictObject({ hash: hex64, step: z.number().int().min(0) }).nullable(),
  steps: z.array(z.strictObject({ intent: IntentSchema, hash: hex64 })).max(10_000),
  finalHash: hex64,
});

export type GameRecord = z.infer<typeof RecordSchema>;
export type RecordStep = GameRecord['steps'][number];

export function defaultSeats(kind: 'human' | 'computer' = 'computer', difficulty: 'easy' | 'normal' | 'hard' = 'normal'): Seats {
  return Object.fromEntries(PARTY_IDS.map((p) => [p, kind === 'computer' ? { kind, difficulty } : { kind }])) as Seats;
}

/** Builds a record step by step alongside a game. */
export class RecordWriter {
  readonly steps: RecordStep[] = [];
  constructor(
    readonly level: Level,
    readonly seed: string,
    readonly seats: Seats,
    readonly facilitated = false,
    readonly parent: GameRecord['parent'] = null,
    private initialHash = '',
  ) {
    if (!initialHash) this.initialHash = stateHash(newGame(level, { seed, facilitated }));
  }

  add(intent: Intent, after: GameState): void {
    this.steps.push({ intent, hash: stateHash(after) });
  }

  finish(): GameRecord {
    return {
      format: RECORD_FORMAT,
      version: RECORD_VERSION,
      level: { id: this.level.id, hash: levelHash(this.level) },
      seed: this.seed,
      facilitated: this.facilitated,
      seats: this.seats,
      parent: this.parent,
      steps: this.steps.slice(),
      finalHash: this.steps.length ? this.steps[this.steps.length - 1].hash : this.initialHash,
    };
  }
}

/** Pretty JSON with one step per line: readable, diff-friendly and stable (intent keys sorted). */
export function serializeRecord(record: GameRecord): string {
  const { steps, ...head } = record;
  const headJson = JSON.stringify(head, null, 2).replace(/\n}$/, '');
  const stepLines = steps.map((s) => `    {"intent":${canonicalJson(s.intent)},"hash":"${s.hash}"}`).join(',\n');
  return `${headJson},\n  "steps": [\n${stepLines}${steps.length ? '\n' : ''}  ]\n}\n`;
}

export function parseRecord(data: unknown, origin = 'record'): Result<GameRecord> {
  const parsed = RecordSchema.safeParse(data);
  if (!parsed.success) return err(describeIssues(parsed.error, `${origin}: `));
  return ok(parsed.data);
}

export function parseRecordJson(text: string, origin = 'record'): Result<GameRecord> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return err(`${origin}: not valid JSON (${(e as Error).message})`);
  }
  return parseRecord(data, origin);
}

export interface ReplayResult {
  ok: boolean;
  state: GameState;
  /** Steps that replayed and matched. */
  steps: number;
  /** The first step that did not replay: its number (1-based), and why. */
  divergence: { step: number; reason: string } | null;
}

/** Checks the level, then re-runs every intent and compares every hash. Stops at the first difference. */
export function replayRecord(level: Level, record: GameRecord, options: { toStep?: number } = {}): Result<ReplayResult> {
  if (record.level.id !== level.id) return err(`record level.id: the record is for level "${record.level.id}", not "${level.id}"`);
  const hash = levelHash(level);
  if (record.level.hash !== hash)
    return err(
      `record level.hash: level "${level.id}" has changed since this record was made (record ${record.level.hash.slice(0, 12)}…, level ${hash.slice(0, 12)}…)`,
    );
  let state = newGame(level, { seed: record.seed, facilitated: record.facilitated });
  const limit = Math.min(options.toStep ?? record.steps.length, record.steps.length);
  for (let i = 0; i < limit; i++) {
    const step = record.steps[i];
    const next = applyToGame(level, state, step.intent);
    if (!next.ok) return ok({ ok: false, state, steps: i, divergence: { step: i + 1, reason: `intent refused: ${next.error}` } });
    const h = stateHash(next.value);
    if (h !== step.hash)
      return ok({
        ok: false,
        state: next.value,
        steps: i,
        divergence: { step: i + 1, reason: `state hash ${h.slice(0, 12)}… differs from the recorded ${step.hash.slice(0, 12)}…` },
      });
    state = next.value;
  }
  if (limit === record.steps.length && stateHash(state) !== record.finalHash)
    return ok({
      ok: false,
      state,
      steps: limit,
      divergence: { step: limit, reason: 'the final hash differs from the recorded finalHash' },
    });
  return ok({ ok: true, state, steps: limit, divergence: null });
}
