import seedrandom from 'seedrandom';
import { z } from 'zod';
import { canonicalJson } from './hash';
import type { Level } from './level';
import { PARTY_IDS, type PartyId } from './parties';
import { err, ok, type Result } from './result';
import { PartySchema, TermSchema } from './schema';
import { TERM_IDS, type TermId } from './terms';
import { round1 } from './utility';

/**
 * Brief variants: a classroom session plays each party's brief moved within ranges the level declares
 * (`briefVariants`, a game assumption), drawn from a secret the server keeps. A student who reads the
 * level in the game's files, or plays it solo, then knows the ranges but not the walk-away values,
 * weights and red lines in play at the table. The variant is carried in the table's record, so a replay
 * or a debrief rebuilds the same briefs; the debrief shows what was drawn.
 */

/** What was drawn for one party: its walk-away value, its interest weights, and which red lines differ. */
export const PartyVariantSchema = z.strictObject({
  walkAway: z.number().min(0).max(100),
  /** Interest weights that differ from the level's (terms not named keep the level's weight). */
  weights: z.partialRecord(TermSchema, z.number().min(0).max(100)).default({}),
  /** Red lines of the level (by term) this variant does not hold. */
  dropped: z.array(TermSchema).max(12).default([]),
  /** Optional red lines of the level's `briefVariants` (by term) this variant holds. */
  added: z.array(TermSchema).max(12).default([]),
});

export const BriefVariantSchema = z.partialRecord(PartySchema, PartyVariantSchema);

export type PartyVariant = z.infer<typeof PartyVariantSchema>;
export type BriefVariant = z.infer<typeof BriefVariantSchema>;

/** Rounding a drawn weight to one decimal may move it this far outside its range. */
const WEIGHT_TOLERANCE = 0.051;

/**
 * A variant of `level`'s briefs drawn from `secret` (a value only the server knows). Parties the level
 * declares no range for are left out; the same secret always gives the same variant.
 */
export function drawVariant(level: Level, secret: string): BriefVariant {
  const ranges = level.briefVariants?.parties ?? {};
  const rng = seedrandom.alea(`brief-variant:${secret}`);
  // Uniform in [-1, 1].
  const spread = () => rng() * 2 - 1;
  const out: BriefVariant = {};
  for (const p of PARTY_IDS) {
    const range = ranges[p];
    if (!range) continue;
    const brief = level.parties[p];
    const walkAway = clamp(Math.round(brief.walkAway + spread() * range.walkAway), 0, 100);
    const weights: Partial<Record<TermId, number>> = {};
    for (const t of TERM_IDS) {
      const base = brief.interests[t]?.weight;
      if (base === undefined || base === 0 || range.weights === 0) continue;
      const drawn = clamp(round1(base * (1 + spread() * range.weights)), 0, 100);
      if (drawn !== base) weights[t] = drawn;
    }
    const dropped = range.mayDrop.filter(() => rng() < 0.5);
    const added = range.mayAdd.map((r) => r.term).filter(() => rng() < 0.5);
    out[p] = { walkAway, weights, dropped, added };
  }
  return out;
}

/** The level with a variant's briefs; the base level and the variant are kept beside it (see `baseLevelOf`). */
export function applyVariant(base: Level, input: BriefVariant, origin = 'variant'): Result<Level> {
  if (variantOf(base)) return err(`${origin}: a variant applies to the level as published, not to another variant`);
  const parsed = BriefVariantSchema.safeParse(input);
  if (!parsed.success) return err(`${origin}: not a brief variant (${parsed.error.issues[0]?.message ?? 'invalid'})`);
  const variant = parsed.data;
  const key = canonicalJson(variant);
  let cached = variantCache.get(base);
  const known = cached?.get(key);
  if (known) return ok(known);
  const problem = variantProblem(base, variant, origin);
  if (problem) return err(problem);
  const parties = { ...base.parties };
  for (const p of PARTY_IDS) {
    const v = variant[p];
    if (!v) continue;
    const brief = base.parties[p];
    const interests = { ...brief.interests };
    for (const [t, weight] of Object.entries(v.weights) as [TermId, number][]) interests[t] = { ...interests[t]!, weight };
    const optional = base.briefVariants!.parties[p]!.mayAdd;
    const redLines = [...brief.redLines.filter((r) => !v.dropped.includes(r.term)), ...optional.filter((r) => v.added.includes(r.term))];
    parties[p] = { ...brief, walkAway: v.walkAway, interests, redLines };
  }
  const level: Level = { ...base, parties };
  if (!cached) variantCache.set(base, (cached = new Map()));
  cached.set(key, level);
  variants.set(level, { base, variant });
  return ok(level);
}

/** The level a variant was drawn from (a level that is no variant is its own base). */
export function baseLevelOf(level: Level): Level {
  return variants.get(level)?.base ?? level;
}

/** The variant a level plays, or null for a level as published. */
export function variantOf(level: Level): BriefVariant | null {
  return variants.get(level)?.variant ?? null;
}

/** What a variant changed for one party, for the debrief: the level's value beside the one drawn. */
export interface VariantChange {
  party: PartyId;
  walkAway: { level: number; drawn: number };
  weights: { term: TermId; level: number; drawn: number }[];
  dropped: TermId[];
  added: TermId[];
}

export function variantChanges(level: Level): VariantChange[] {
  const info = variants.get(level);
  if (!info) return [];
  const out: VariantChange[] = [];
  for (const p of PARTY_IDS) {
    const v = info.variant[p];
    if (!v) continue;
    const brief = info.base.parties[p];
    out.push({
      party: p,
      walkAway: { level: brief.walkAway, drawn: v.walkAway },
      weights: (Object.entries(v.weights) as [TermId, number][]).map(([term, drawn]) => ({
        term,
        level: brief.interests[term]!.weight,
        drawn,
      })),
      dropped: v.dropped,
      added: v.added,
    });
  }
  return out;
}

const variants = new WeakMap<Level, { base: Level; variant: BriefVariant }>();
/** One level object per base level and variant, so its machine and caches are built once. */
const variantCache = new WeakMap<Level, Map<string, Level>>();

/** What is wrong with a variant for this level (each value must lie in the level's declared range), or null. */
function variantProblem(level: Level, variant: BriefVariant, origin: string): string | null {
  for (const p of Object.keys(variant) as PartyId[]) {
    const v = variant[p]!;
    const range = level.briefVariants?.parties[p];
    const at = `${origin}.${p}`;
    if (!range) return `${at}: the level "${level.id}" declares no variants of this party's brief`;
    const brief = level.parties[p];
    const lo = Math.max(0, brief.walkAway - range.walkAway);
    const hi = Math.min(100, brief.walkAway + range.walkAway);
    if (v.walkAway < lo || v.walkAway > hi) return `${at}.walkAway: ${v.walkAway} is outside the level's range (${lo}–${hi})`;
    for (const [t, w] of Object.entries(v.weights) as [TermId, number][]) {
      const b = brief.interests[t]?.weight;
      if (b === undefined) return `${at}.weights.${t}: the party has no interest in this term`;
      const [wlo, whi] = [b * (1 - range.weights) - WEIGHT_TOLERANCE, b * (1 + range.weights) + WEIGHT_TOLERANCE];
      if (w < wlo || w > whi) return `${at}.weights.${t}: ${w} is outside the level's range (${round1(Math.max(0, wlo))}–${round1(whi)})`;
    }
    for (const t of v.dropped)
      if (!range.mayDrop.includes(t)) return `${at}.dropped: the level does not let the red line on ${t} be dropped`;
    for (const t of v.added)
      if (!range.mayAdd.some((r) => r.term === t)) return `${at}.added: the level declares no optional red line on ${t}`;
  }
  return null;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
