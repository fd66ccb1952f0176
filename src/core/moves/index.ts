import { z } from 'zod';
import { describeIssues } from '../schema';
import type { Refusal } from '../refusal';
import { accept } from './accept';
import { counter } from './counter';
import { demandGuarantees } from './demand-guarantees';
import { end } from './end';
import { escalate } from './escalate';
import { inject } from './inject';
import { offerAirSupport } from './offer-air-support';
import { overrideEvent } from './override-event';
import { pass } from './pass';
import { pause } from './pause';
import { pledgeTroops } from './pledge-troops';
import { propose } from './propose';
import { reject } from './reject';
import { releaseEvent } from './release-event';
import { resume } from './resume';
import { stall } from './stall';
import { start } from './start';
import { statement } from './statement';
import { walkOut } from './walk-out';
import type { MoveDef } from './define';
import { isChecked, markChecked } from './checked';

/**
 * The registry: every move of the game, one file each. The intent schema and type, the chart's
 * transitions and guards, authorisation and each seat's legal moves are all derived from this list,
 * so adding a move means adding its file here (and its button in the UI).
 */
export const MOVES = [
  start,
  propose,
  counter,
  accept,
  reject,
  statement,
  pass,
  walkOut,
  offerAirSupport,
  pledgeTroops,
  demandGuarantees,
  escalate,
  stall,
  pause,
  resume,
  overrideEvent,
  inject,
  releaseEvent,
  end,
] as const;

type SchemasOf<T extends readonly unknown[]> = { -readonly [K in keyof T]: T[K] extends { schema: infer S } ? S : never };
type Schemas = SchemasOf<typeof MOVES>;

export const IntentSchema = z.discriminatedUnion('type', MOVES.map((m) => m.schema) as unknown as Schemas);

export type Intent = z.infer<typeof IntentSchema>;
export type IntentType = Intent['type'];
export type IntentOf<T extends IntentType> = Extract<Intent, { type: T }>;

export const INTENT_TYPES: readonly IntentType[] = MOVES.map((m) => m.type);

const byType = new Map<string, MoveDef>(MOVES.map((m) => [m.type, m as unknown as MoveDef]));

export function moveOf(type: IntentType): MoveDef {
  return byType.get(type)!;
}

export function isIntentType(type: unknown): type is IntentType {
  return typeof type === 'string' && byType.has(type);
}

/** Intent types only the facilitator sends (a teacher's console), derived from each move's sender. */
export const FACILITATOR_MOVES: ReadonlySet<IntentType> = new Set(MOVES.filter((m) => m.sender === 'facilitator').map((m) => m.type));

/** Checks an intent's shape; a malformed one is refused with the field that is wrong. */
export function parseIntent(data: unknown): { ok: true; value: Intent } | { ok: false; refusal: Refusal } {
  if (data !== null && typeof data === 'object' && isChecked(data)) return { ok: true, value: data as Intent };
  if (data === null || typeof data !== 'object')
    return { ok: false, refusal: { code: 'malformed', path: '', detail: 'intent: expected an object with a "type"' } };
  const type = (data as { type?: unknown }).type;
  if (!isIntentType(type))
    return {
      ok: false,
      refusal: { code: 'malformed', path: 'type', detail: `intent.type: unknown intent type ${JSON.stringify(type)?.slice(0, 60)}` },
    };
  const parsed = byType.get(type)!.schema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return {
      ok: false,
      refusal: { code: 'malformed', path: first ? first.path.join('.') : '', detail: describeIssues(parsed.error, 'intent.') },
    };
  }
  markChecked(data as object);
  markChecked(parsed.data);
  return { ok: true, value: parsed.data as Intent };
}

export { NOTE_MAX } from './common';
export { MOVE_EFFECTS } from './effects';
export type { MoveDef, MoveSender, ChartState, Check, MoveLimits } from './define';
