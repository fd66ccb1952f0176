import { z } from 'zod';
import { EventCardSchema, type EventCard } from './level';
import { PackageSchema, PartySchema, describeIssues } from './schema';
import { err, ok, type Result } from './result';

/**
 * The intent vocabulary: everything any seat (a team, a computer party, the facilitator) can ask the
 * rules to do. Intents are plain JSON, recorded in order; replaying them reproduces the game.
 */

/** The longest reason an intent may carry (a computer party's rationale, a player's note). */
export const NOTE_MAX = 240;

const note = z.string().max(NOTE_MAX).optional();
const by = PartySchema;

const CustomInjectSchema = EventCardSchema.pick({ title: true, text: true, effects: true, walkAway: true });

export const IntentSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('game.start'), by: z.union([PartySchema, z.literal('facilitator')]), note }),
  z.strictObject({ type: z.literal('party.propose'), by, package: PackageSchema, note }),
  z.strictObject({ type: z.literal('party.counter'), by, package: PackageSchema, note }),
  z.strictObject({ type: z.literal('party.accept'), by, note }),
  z.strictObject({ type: z.literal('party.reject'), by, note }),
  z.strictObject({
    type: z.literal('party.statement'),
    by,
    tone: z.enum(['conciliatory', 'firm']),
    text: z.string().max(280).optional(),
    note,
  }),
  z.strictObject({ type: z.literal('party.pass'), by, note }),
  z.strictObject({ type: z.literal('party.walkOut'), by, note }),
  z.strictObject({ type: z.literal('us.offerAirSupport'), by, level: z.string().max(40), note }),
  z.strictObject({ type: z.literal('coalition.pledgeTroops'), by, troops: z.number().int().min(0).max(1_000_000), note }),
  z.strictObject({ type: z.literal('ukraine.demandGuarantees'), by, note }),
  z.strictObject({ type: z.literal('russia.escalate'), by, note }),
  z.strictObject({ type: z.literal('russia.stall'), by, note }),
  z.strictObject({ type: z.literal('facilitator.pause'), by: z.literal('facilitator'), note }),
  z.strictObject({ type: z.literal('facilitator.resume'), by: z.literal('facilitator'), note }),
  z.strictObject({ type: z.literal('facilitator.overrideEvent'), by: z.literal('facilitator'), eventId: z.string().max(80), note }),
  z.strictObject({
    type: z.literal('facilitator.inject'),
    by: z.literal('facilitator'),
    eventId: z.string().max(80).optional(),
    custom: CustomInjectSchema.optional(),
    note,
  }),
  z.strictObject({ type: z.literal('facilitator.releaseEvent'), by: z.literal('facilitator'), note }),
  z.strictObject({ type: z.literal('facilitator.end'), by: z.literal('facilitator'), note }),
]);

export type Intent = z.infer<typeof IntentSchema>;
export type IntentType = Intent['type'];
export type IntentOf<T extends IntentType> = Extract<Intent, { type: T }>;
export type CustomInject = Pick<EventCard, 'title' | 'text' | 'effects' | 'walkAway'>;

export const INTENT_TYPES = IntentSchema.options.map((o) => o.shape.type.value) as IntentType[];

/** Checks an intent's shape. The message names the field, e.g. `package.bufferDepthKm: Invalid option`. */
export function parseIntent(data: unknown, origin = 'intent'): Result<Intent> {
  if (data === null || typeof data !== 'object') return err(`${origin}: expected an object with a "type"`);
  const type = (data as { type?: unknown }).type;
  if (typeof type !== 'string' || !(INTENT_TYPES as string[]).includes(type))
    return err(`${origin}.type: unknown intent type ${JSON.stringify(type)?.slice(0, 60)}`);
  const parsed = IntentSchema.safeParse(data);
  if (!parsed.success) return err(describeIssues(parsed.error, `${origin}.`));
  return ok(parsed.data);
}
