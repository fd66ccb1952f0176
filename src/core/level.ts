import { z } from 'zod';
import { PAIR_KEYS, PARTY_IDS, type PartyId } from './parties';
import { TERMS, type Package, type TermId } from './terms';
import { MeterDeltaSchema, PackageSchema, PairSchema, PartySchema, PartialPackageSchema, TermSchema, describeIssues } from './schema';
import { err, ok, type Result } from './result';
import { canonicalJson, sha256Hex } from './hash';

/**
 * The level file format. A level is scenario data: starting meters, each party's private interests,
 * red lines and walk-away value, the seeded event table and the sources every figure comes from.
 */

/** Ids of source cards or game assumptions (see `assumptions`) that back a text or a figure. */
const cite = z.array(z.string().min(1)).default([]);
const slug = z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and dashes');
/**
 * A field of the level: keys joined by dots, an event card or injects by its id, an array element by
 * its index, `*` for every key or element (`parties.*.walkAway`, `events.strike-on-kyiv.effects.casualties`).
 */
const levelPath = z.string().min(1).max(200);
const percent = z.number().min(0).max(100);
const text = (max: number) => z.string().min(1).max(max);

const InterestSchema = z.strictObject({
  /** Relative importance; weights are normalised over the level's active terms. */
  weight: z.number().min(0).max(100),
  /** How much the party values each option, 0 (worst) … 1 (best). Missing options count as 0. */
  values: z.record(z.string(), z.number().min(0).max(1)),
  note: z.string().max(400).optional(),
});

const RedLineSchema = z.strictObject({
  term: TermSchema,
  forbidden: z.array(z.string()).min(1),
  reason: text(200),
});

/**
 * How far a classroom session may move one party's brief (see core/variant.ts): a game assumption,
 * cited like any other figure. Solo games play the brief as written.
 */
const PartyVariantRangeSchema = z.strictObject({
  /** The walk-away value moves up to this many points either way. */
  walkAway: z.number().min(0).max(25).default(0),
  /** Each interest weight is multiplied by a factor up to this far from 1 (0.3: ×0.7 … ×1.3). */
  weights: z.number().min(0).max(0.5).default(0),
  /** Red lines of the brief (by term) a variant may leave out, each with even odds. */
  mayDrop: z.array(TermSchema).max(12).default([]),
  /** Red lines a variant may add, each with even odds. */
  mayAdd: z.array(RedLineSchema).max(6).default([]),
});

const PartyLevelSchema = z.strictObject({
  publicPosition: text(600),
  publicDemands: PartialPackageSchema,
  brief: text(1200),
  interests: z.partialRecord(TermSchema, InterestSchema),
  /** Utility (0–100) the party expects without a deal. */
  walkAway: percent,
  redLines: z.array(RedLineSchema).max(12).default([]),
  /**
   * How fast the party gives ground when a computer plays it: "patient" holds out, "eager" wants a deal
   * soon (a game assumption drawn from the brief; cite it among the party's cards).
   */
  pace: z.enum(['patient', 'steady', 'eager']).default('steady'),
  cite,
  /** For each public demand, the source cards (or assumptions) that report it. */
  demandCites: z.partialRecord(TermSchema, z.array(z.string().min(1)).min(1)).optional(),
});

const WeightSchema = z.strictObject({
  base: z.number().min(0).max(100),
  /** Added per 100 points of the meter, so probabilities follow the state of the talks. */
  tension: z.number().min(-100).max(100).default(0),
  averageTrust: z.number().min(-100).max(100).default(0),
  usEngagement: z.number().min(-100).max(100).default(0),
  /** Added per 100 points of the lowest domestic support among the parties. */
  lowestSupport: z.number().min(-100).max(100).default(0),
});

export const EventCardSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and dashes'),
  title: text(80),
  text: text(500),
  weight: WeightSchema,
  effects: MeterDeltaSchema.default({}),
  /** Changes to walk-away values: a strike lowers one side's, stalling raises another's. */
  walkAway: z.partialRecord(PartySchema, z.number().min(-50).max(50)).default({}),
  minRound: z.number().int().min(1).max(100).default(1),
  /** At most once per game. */
  once: z.boolean().default(false),
  cite,
});

const SourceSchema = z.strictObject({
  id: slug,
  title: text(200),
  publisher: text(120),
  /** Who says it inside the report: "citing Bloomberg", "quoting a named official", "the paper's own analysis". */
  attribution: text(200).optional(),
  /** The report's own words, with an ellipsis (…) wherever words are left out. */
  quote: text(600),
  url: z.string().max(400).optional(),
  /** The numeric fields of this level whose value is taken from this card. */
  figures: z.array(levelPath).max(40).optional(),
});

/**
 * What a rule of the game (not a level field) takes as given, for `rule:<name>` in an assumption's
 * `about`: the scale of the durability estimate, the option ladders of the terms, and so on.
 */
export const RULE_FIGURES = [
  'troops-per-km',
  'term-options',
  'durability',
  'move-effects',
  'us-support-ceiling',
  'war-toll',
  'mandate-troops',
  'deal-value',
  'ratification',
] as const;

/** A figure or claim the game makes itself, with no report behind it: what it covers and why, in a line. */
const AssumptionSchema = z.strictObject({
  id: slug,
  /** Level paths (see `levelPath`) or `rule:<name>` (see RULE_FIGURES). */
  about: z.array(levelPath).min(1).max(40),
  text: text(300),
});

const TutorialStepSchema = z.strictObject({
  title: text(80),
  text: text(600),
  /** The move the step teaches; the tutorial moves on once the player has made it. */
  expect: z.string().max(40).optional(),
});

export const LevelSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and dashes'),
    title: text(80),
    summary: text(600),
    /** Sources and assumptions behind the title and summary. */
    cite: z.array(z.string().min(1)).optional(),
    kind: z.enum(['tutorial', 'scenario']),
    rounds: z.number().int().min(1).max(40),
    turnOrder: z.array(PartySchema).length(4),
    activeTerms: z.array(TermSchema).min(1),
    /** The status quo: the value of every term nobody has changed, and of inactive terms. */
    defaultPackage: PackageSchema,
    openingPackage: PackageSchema.nullable().default(null),
    coalition: z.strictObject({ maxTroops: z.number().int().min(0).max(1_000_000), cite }),
    casualtiesPerRound: z.strictObject({ base: z.number().int().min(0).max(100_000), cite }),
    meters: z.strictObject({
      tension: percent,
      trust: z.record(PairSchema, percent),
      domesticSupport: z.record(PartySchema, percent),
      usEngagement: percent,
      coalitionCapacity: z.number().int().min(0).max(1_000_000),
    }),
    parties: z.record(PartySchema, PartyLevelSchema),
    events: z.array(EventCardSchema).min(1).max(100),
    injects: z.array(EventCardSchema).max(100).default([]),
    sources: z.array(SourceSchema).min(1),
    /** The game's own figures and premises, each labelled "game assumption" where it is shown. */
    assumptions: z.array(AssumptionSchema).max(100).optional(),
    tutorial: z.array(TutorialStepSchema).max(30).optional(),
    /** Ranges a classroom session draws each party's brief from (absent: every session plays the briefs as written). */
    briefVariants: z.strictObject({ parties: z.partialRecord(PartySchema, PartyVariantRangeSchema) }).optional(),
  })
  .superRefine((level, ctx) => {
    const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (new Set(level.turnOrder).size !== 4) issue(['turnOrder'], 'must name each of the four parties once');
    if (new Set(level.activeTerms).size !== level.activeTerms.length) issue(['activeTerms'], 'lists a term twice');
    for (const k of PAIR_KEYS) if (!(k in level.meters.trust)) issue(['meters', 'trust', k], 'missing');
    if (!level.activeTerms.includes('peacekeepers') && Number(level.defaultPackage.peacekeepers) > level.meters.coalitionCapacity)
      issue(
        ['defaultPackage', 'peacekeepers'],
        `is fixed above the Coalition's starting capacity (${level.meters.coalitionCapacity}), so no package could be put forward`,
      );
    if (level.meters.coalitionCapacity > level.coalition.maxTroops)
      issue(['meters', 'coalitionCapacity'], `exceeds coalition.maxTroops (${level.coalition.maxTroops})`);
    const sourceIds = new Set(level.sources.map((s) => s.id));
    const assumptions = level.assumptions ?? [];
    const citable = new Set([...sourceIds, ...assumptions.map((a) => a.id)]);
    const seen = new Set<string>();
    level.sources.forEach((s, i) => {
      if (seen.has(s.id)) issue(['sources', i, 'id'], `duplicate source id "${s.id}"`);
      seen.add(s.id);
      s.figures?.forEach((f, j) => {
        const found = resolveLevelPath(level, f);
        if (found.length === 0) issue(['sources', i, 'figures', j], `"${f}" does not name a field of this level`);
        else if (!found.every(holdsNumber)) issue(['sources', i, 'figures', j], `"${f}" is not a number field`);
      });
    });
    assumptions.forEach((a, i) => {
      if (seen.has(a.id)) issue(['assumptions', i, 'id'], `id "${a.id}" is already used by a source or another assumption`);
      seen.add(a.id);
      a.about.forEach((f, j) => {
        if (f.startsWith('rule:')) {
          if (!(RULE_FIGURES as readonly string[]).includes(f.slice(5)))
            issue(['assumptions', i, 'about', j], `"${f}" is not a rule (${RULE_FIGURES.map((r) => `rule:${r}`).join(', ')})`);
        } else if (resolveLevelPath(level, f).length === 0)
          issue(['assumptions', i, 'about', j], `"${f}" does not name a field of this level`);
      });
    });
    const checkCites = (ids: string[], path: PropertyKey[]) =>
      ids.forEach((id, i) => {
        if (!citable.has(id)) issue([...path, i], `cites "${id}", which is neither a source nor an assumption`);
      });
    checkCites(level.cite ?? [], ['cite']);
    checkCites(level.coalition.cite, ['coalition', 'cite']);
    checkCites(level.casualtiesPerRound.cite, ['casualtiesPerRound', 'cite']);
    for (const p of PARTY_IDS) {
      const party = level.parties[p];
      checkCites(party.cite, ['parties', p, 'cite']);
      for (const [t, ids] of Object.entries(party.demandCites ?? {})) {
        if (!(t in party.publicDemands)) issue(['parties', p, 'demandCites', t], `"${t}" is not one of ${p}'s public demands`);
        checkCites(ids, ['parties', p, 'demandCites', t]);
      }
      let weights = 0;
      for (const [t, interest] of Object.entries(party.interests)) {
        const term = t as TermId;
        weights += level.activeTerms.includes(term) ? interest.weight : 0;
        const valid = TERMS[term].options.map((o) => o.id);
        for (const o of Object.keys(interest.values))
          if (!valid.includes(o)) issue(['parties', p, 'interests', t, 'values', o], `not an option of ${t} (${valid.join(', ')})`);
      }
      if (weights <= 0) issue(['parties', p, 'interests'], 'needs a positive weight on at least one active term');
      party.redLines.forEach((r, i) => {
        const valid = TERMS[r.term].options.map((o) => o.id);
        r.forbidden.forEach((o, j) => {
          if (!valid.includes(o)) issue(['parties', p, 'redLines', i, 'forbidden', j], `not an option of ${r.term} (${valid.join(', ')})`);
        });
        if (!level.activeTerms.includes(r.term)) issue(['parties', p, 'redLines', i, 'term'], `"${r.term}" is not an active term`);
      });
    }
    for (const [p, range] of Object.entries(level.briefVariants?.parties ?? {})) {
      const party = level.parties[p as PartyId];
      const at = ['briefVariants', 'parties', p];
      range.mayDrop.forEach((t, i) => {
        if (!party.redLines.some((r) => r.term === t)) issue([...at, 'mayDrop', i], `${p} has no red line on "${t}" to drop`);
      });
      const added = new Set<string>();
      range.mayAdd.forEach((r, i) => {
        if (!level.activeTerms.includes(r.term)) issue([...at, 'mayAdd', i, 'term'], `"${r.term}" is not an active term`);
        if (party.redLines.some((own) => own.term === r.term) || added.has(r.term))
          issue([...at, 'mayAdd', i, 'term'], `${p} already has a red line on "${r.term}"`);
        added.add(r.term);
        const valid = TERMS[r.term].options.map((o) => o.id);
        r.forbidden.forEach((o, j) => {
          if (!valid.includes(o)) issue([...at, 'mayAdd', i, 'forbidden', j], `not an option of ${r.term} (${valid.join(', ')})`);
        });
      });
    }
    const eventIds = new Set<string>();
    const checkCards = (cards: typeof level.events, key: 'events' | 'injects') =>
      cards.forEach((e, i) => {
        if (eventIds.has(e.id)) issue([key, i, 'id'], `duplicate event id "${e.id}"`);
        eventIds.add(e.id);
        checkCites(e.cite, [key, i, 'cite']);
      });
    checkCards(level.events, 'events');
    checkCards(level.injects, 'injects');
    if (level.events.every((e) => e.weight.base === 0)) issue(['events'], 'at least one event needs a base weight above 0');
  });

/** Every value at a level path (see `levelPath`); empty when the path names nothing. */
export function resolveLevelPath(level: unknown, path: string): unknown[] {
  let current: unknown[] = [level];
  for (const seg of path.split('.')) {
    const next: unknown[] = [];
    for (const node of current) {
      if (Array.isArray(node)) {
        if (seg === '*') next.push(...node);
        else if (/^\d+$/.test(seg) && Number(seg) < node.length) next.push(node[Number(seg)]);
        else next.push(...node.filter((e) => isRecord(e) && e.id === seg));
      } else if (isRecord(node)) {
        if (seg === '*') next.push(...Object.values(node));
        else if (Object.hasOwn(node, seg)) next.push(node[seg]);
      }
    }
    current = next;
  }
  return current;
}

/** Every numeric field of level data, as level paths naming event cards and injects by id. */
export function numericLevelPaths(level: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown, path: string) => {
    if (typeof node === 'number') out.push(path);
    else if (Array.isArray(node)) node.forEach((e, i) => walk(e, `${path}.${isRecord(e) && typeof e.id === 'string' ? e.id : String(i)}`));
    else if (isRecord(node)) for (const [k, v] of Object.entries(node)) walk(v, path ? `${path}.${k}` : k);
  };
  walk(level, '');
  return out;
}

/** Whether a level path pattern (with `*`) names the field at `path` or an object or array around it. */
export function levelPathCovers(pattern: string, path: string): boolean {
  const a = pattern.split('.');
  const b = path.split('.');
  return a.length <= b.length && a.every((seg, i) => seg === '*' || seg === b[i]);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function holdsNumber(v: unknown): boolean {
  return typeof v === 'number' || (typeof v === 'object' && v !== null && Object.values(v).some(holdsNumber));
}

export type Level = z.infer<typeof LevelSchema>;
export type Assumption = NonNullable<Level['assumptions']>[number];
export type EventCard = z.infer<typeof EventCardSchema>;
export type PartyBrief = Level['parties'][PartyId];
export type Source = Level['sources'][number];

/** Parses level data. `origin` (a file name) starts every error message so authors know where to look. */
export function parseLevel(data: unknown, origin = 'level'): Result<Level> {
  const parsed = LevelSchema.safeParse(data);
  if (!parsed.success) return err(describeIssues(parsed.error, `${origin}: `));
  return ok(parsed.data);
}

export function parseLevelJson(textContent: string, origin = 'level'): Result<Level> {
  let data: unknown;
  try {
    data = JSON.parse(textContent);
  } catch (e) {
    return err(`${origin}: not valid JSON (${(e as Error).message})`);
  }
  return parseLevel(data, origin);
}

/** SHA-256 of the level's canonical JSON: reformatting a file keeps it, changing any value does not. */
export function levelHash(level: Level): string {
  let hash = levelHashes.get(level);
  if (hash === undefined) {
    const { $schema: _ignored, ...content } = level;
    levelHashes.set(level, (hash = sha256Hex(canonicalJson(content))));
  }
  return hash;
}

/** A level is a value, never changed once loaded (its machine is cached the same way): hashed once. */
const levelHashes = new WeakMap<Level, string>();

/** The package the table starts from, with every inactive term fixed at the level's default. */
export function withFixedTerms(level: Level, pkg: Partial<Package>): Package {
  const out = { ...level.defaultPackage } as Record<TermId, string>;
  for (const t of level.activeTerms) if (pkg[t] !== undefined) out[t] = pkg[t];
  return out;
}
