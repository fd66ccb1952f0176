import { z } from 'zod';
import { newGame, stateHash } from './game';
import { canonicalJson } from './hash';
import { IntentSchema, type Intent } from './moves';
import { replay, type Replayed } from './replay';
import { markChecked } from './moves/checked';
import { levelHash, type Level } from './level';
import { PARTY_IDS } from './parties';
import { err, ok, type Result } from './result';
import { PartySchema, describeIssues } from './schema';
import { DIFFICULTIES, type GameState, type Seats } from './state';
import { BriefVariantSchema, applyVariant, baseLevelOf, variantOf } from './variant';

/**
 * A game record (`*.bzrec.json`): the seed, the level (id and content hash), who sat in each seat, and
 * every intent in order with the state hash after it. One record = one game, anywhere.
 */

export const RECORD_FORMAT = 'buffer-zone-record';
/** Version 2: the log, events, outcomes and refusals are structured data (no prose in the hashed state). */
export const RECORD_VERSION = 2;

/** Said of a record or link made before the current format, which the rules of this version cannot replay. */
export const EARLIER_VERSION = 'it was made by an earlier version of Buffer Zone; it cannot be replayed by this one';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'expected a 64-character SHA-256 hex digest');
/** An agent seat names the command that played it; replay needs only the intents, never the agent. */
const SeatSchema = z.strictObject({
  kind: z.enum(['human', 'computer', 'agent']),
  difficulty: z.enum(DIFFICULTIES as [string, ...string[]]).optional(),
  command: z.string().max(1000).optional(),
});

export const RecordSchema = z.strictObject({
  format: z.literal(RECORD_FORMAT),
  version: z.literal(RECORD_VERSION),
  level: z.strictObject({ id: z.string().max(80), hash: hex64 }),
  seed: z.string().max(200),
  /** The briefs a classroom session drew (core/variant.ts); absent when the level's briefs were played as written. */
  variant: BriefVariantSchema.optional(),
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
    const variant = variantOf(this.level);
    return {
      format: RECORD_FORMAT,
      version: RECORD_VERSION,
      // The hash is the published level's: the variant beside it says how its briefs were moved.
      level: { id: this.level.id, hash: levelHash(baseLevelOf(this.level)) },
      seed: this.seed,
      ...(variant ? { variant } : {}),
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
  if (data !== null && typeof data === 'object') {
    const { format, version } = data as { format?: unknown; version?: unknown };
    if (format === RECORD_FORMAT && Number.isInteger(version) && (version as number) < RECORD_VERSION)
      return err(`${origin}: ${EARLIER_VERSION}`);
    if (format === RECORD_FORMAT && Number.isInteger(version) && (version as number) > RECORD_VERSION)
      return err(`${origin}: it was made by a newer version of Buffer Zone (record format ${version}); update the game to open it`);
  }
  const parsed = RecordSchema.safeParse(data);
  if (!parsed.success) return err(describeIssues(parsed.error, `${origin}: `));
  for (const step of parsed.data.steps) markChecked(step.intent);
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

/**
 * The level a record was played on: the published level it names (same id, same content hash) with the
 * record's brief variant applied, if it carries one. `level` may be the published level or any variant of it.
 */
export function recordLevel(level: Level, record: GameRecord): Result<Level> {
  const base = baseLevelOf(level);
  if (record.level.id !== base.id) return err(`record level.id: the record is for level "${record.level.id}", not "${base.id}"`);
  const hash = levelHash(base);
  if (record.level.hash !== hash)
    return err(
      `record level.hash: level "${base.id}" has changed since this record was made (record ${record.level.hash.slice(0, 12)}…, level ${hash.slice(0, 12)}…)`,
    );
  return record.variant ? applyVariant(base, record.variant, 'record variant') : ok(base);
}

/** Checks the record's level, then replays every intent and compares every hash; stops at the first difference. */
export function replayRecord(
  level: Level,
  record: GameRecord,
  options: { toStep?: number; keepStates?: boolean; checkHashes?: boolean } = {},
): Result<Replayed & { level: Level }> {
  const played = recordLevel(level, record);
  if (!played.ok) return played;
  return ok({ ...replay(played.value, record, record.steps, { ...options, finalHash: record.finalHash }), level: played.value });
}
