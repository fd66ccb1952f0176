import { z } from 'zod';
import { PAIR_KEYS, PARTY_IDS } from './parties';
import { TERMS, TERM_IDS, type TermId } from './terms';
import { formatPath } from './result';

/** Zod schemas shared by levels, intents and records. */

export const PartySchema = z.enum(PARTY_IDS);
export const TermSchema = z.enum(TERM_IDS);
export const PairSchema = z.enum(PAIR_KEYS as [string, ...string[]]);

const optionSchema = (t: TermId) => z.enum(TERMS[t].options.map((o) => o.id) as [string, ...string[]]);

export const PackageSchema = z.strictObject(
  Object.fromEntries(TERM_IDS.map((t) => [t, optionSchema(t)])) as Record<TermId, ReturnType<typeof optionSchema>>,
);

export const PartialPackageSchema = PackageSchema.partial();

const delta = z.number().min(-100).max(100);

export const MeterDeltaSchema = z.strictObject({
  tension: delta.optional(),
  trust: z.partialRecord(PairSchema, delta).optional(),
  trustWith: z.partialRecord(PartySchema, delta).optional(),
  domesticSupport: z.partialRecord(PartySchema, delta).optional(),
  usEngagement: delta.optional(),
  coalitionCapacity: z.number().int().min(-1_000_000).max(1_000_000).optional(),
  casualties: z.number().int().min(0).max(100_000).optional(),
});

/** Joins the messages of a failed parse into one line per problem, each with its path. */
export function describeIssues(error: z.ZodError, prefix = ''): string {
  return error.issues
    .slice(0, 8)
    .map((i) =>
      i.path.length === 0 && prefix.endsWith('.') ? `${prefix.slice(0, -1)}: ${i.message}` : `${prefix}${formatPath(i.path)}: ${i.message}`,
    )
    .join('\n');
}
