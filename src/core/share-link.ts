import LZString from 'lz-string';
import { z } from 'zod';
import { IntentSchema } from './moves';
import { EARLIER_VERSION, RECORD_FORMAT, RECORD_VERSION, RecordSchema, recordLevel, type GameRecord } from './record';
import type { Level } from './level';
import { replay } from './replay';
import { err, ok, type Result } from './result';
import { describeIssues } from './schema';

/**
 * Share links carry a whole game in the URL fragment (`#game=2.<data>`), compressed, so they work
 * offline and no server ever sees them. Per-step hashes are left out (replaying the intents recomputes
 * them); the final hash stays, so a truncated or edited link is caught when it is opened.
 */

export const SHARE_PARAM = 'game';
/** Follows the record format: links of version 1 hold intents of record format 1. */
const LINK_VERSION = '2';

const CompactSchema = z.strictObject({
  l: z.string().max(80),
  h: RecordSchema.shape.level.shape.hash,
  s: z.string().max(200),
  /** The record's brief variant, when a classroom session drew one. */
  v: RecordSchema.shape.variant,
  f: z.boolean(),
  t: RecordSchema.shape.seats,
  p: RecordSchema.shape.parent,
  i: z.array(IntentSchema).max(10_000),
  z: RecordSchema.shape.finalHash,
});

export function shareFragment(record: GameRecord): string {
  const compact: z.infer<typeof CompactSchema> = {
    l: record.level.id,
    h: record.level.hash,
    s: record.seed,
    ...(record.variant ? { v: record.variant } : {}),
    f: record.facilitated,
    t: record.seats,
    p: record.parent,
    i: record.steps.map((s) => s.intent),
    z: record.finalHash,
  };
  return `${SHARE_PARAM}=${LINK_VERSION}.${LZString.compressToEncodedURIComponent(JSON.stringify(compact))}`;
}

/** Reads the fragment (with or without the leading '#') into its level id and compact game, unchecked. */
export function readShareFragment(fragment: string): Result<{ levelId: string; compact: z.infer<typeof CompactSchema> }> {
  const body = fragment.replace(/^#/, '');
  const prefix = `${SHARE_PARAM}=`;
  if (!body.startsWith(prefix)) return err('link: this link does not contain a game');
  const payload = body.slice(prefix.length);
  const dot = payload.indexOf('.');
  const version = dot < 0 ? '' : payload.slice(0, dot);
  if (/^[0-9]+$/.test(version) && Number(version) < Number(LINK_VERSION)) return err(`link: ${EARLIER_VERSION}`);
  if (version !== LINK_VERSION) return err('link: this link was made by a different version of Buffer Zone');
  if (payload.length > 2_000_000) return err('link: the link is too long to be a game');
  let json: string | null = null;
  try {
    json = LZString.decompressFromEncodedURIComponent(payload.slice(dot + 1));
  } catch {
    json = null;
  }
  if (!json) return err('link: the link is damaged or cut short (copy the whole address)');
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return err('link: the link is damaged or cut short (copy the whole address)');
  }
  const parsed = CompactSchema.safeParse(data);
  if (!parsed.success) return err(describeIssues(parsed.error, 'link: '));
  return ok({ levelId: parsed.data.l, compact: parsed.data });
}

/** Rebuilds and verifies the full record: every intent replays and the final hash matches. */
export function recordFromShareFragment(fragment: string, level: Level): Result<GameRecord> {
  const read = readShareFragment(fragment);
  if (!read.ok) return read;
  const c = read.value.compact;
  if (c.l !== level.id) return err(`link: the game is for level "${c.l}", not "${level.id}"`);
  const played = recordLevel(level, { level: { id: c.l, hash: c.h }, ...(c.v ? { variant: c.v } : {}) } as GameRecord);
  if (!played.ok)
    return err(
      played.error.startsWith('record level.hash')
        ? `link: the game was played on a different version of the level "${level.id}"`
        : played.error.replace(/^record /, 'link: '),
    );
  const replayed = replay(
    played.value,
    { seed: c.s, facilitated: c.f },
    c.i.map((intent) => ({ intent })),
    { finalHash: c.z },
  );
  if (replayed.divergence?.code === 'refused')
    return err(`link: step ${replayed.divergence.step} does not replay (${replayed.divergence.refusal.code})`);
  if (!replayed.ok) return err('link: the game in this link does not replay to its recorded result (it was edited or cut short)');
  const steps: GameRecord['steps'] = c.i.map((intent, i) => ({ intent, hash: replayed.hashes[i] }));
  const finalHash = c.z;
  return ok({
    format: RECORD_FORMAT,
    version: RECORD_VERSION,
    level: { id: c.l, hash: c.h },
    seed: c.s,
    ...(c.v ? { variant: c.v } : {}),
    facilitated: c.f,
    seats: c.t,
    parent: c.p,
    steps,
    finalHash,
  });
}
