import type { Level, PartyBrief } from './level';
import type { Meters } from './meters';
import type { PartyId } from './parties';
import type { Refusal } from './refusal';
import type { Commitments, GameContext, TablePackage } from './state';
import { TERM_IDS, optionIndex, type Package } from './terms';

/**
 * What the rules' predicates may look at. The game builds it from the full context; a seat builds it
 * from its own view (`legalMoves`), where the only private fact is its own red lines. Both run the same
 * predicates, so what a seat is offered and what the rules accept cannot drift apart.
 */
export interface RuleFacts {
  readonly level: Level;
  /** The party to move, or null outside the negotiating turns. */
  readonly toMove: PartyId | null;
  readonly table: TablePackage | null;
  readonly meters: Meters;
  readonly commitments: Commitments;
  readonly facilitated: boolean;
  /** The red lines of `party`; asked only for the party sending the intent. */
  redLinesOf(party: PartyId): PartyBrief['redLines'];
}

export type RedLine = PartyBrief['redLines'][number];

/** How far Washington will go at a given engagement: the index of the highest usSupport option. */
export function usSupportCeiling(usEngagement: number): number {
  if (usEngagement >= 80) return 4;
  if (usEngagement >= 60) return 3;
  if (usEngagement >= 40) return 2;
  if (usEngagement >= 20) return 1;
  return 0;
}

export function currentParty(level: Level, ctx: GameContext): PartyId {
  return level.turnOrder[ctx.turn] ?? level.turnOrder[0];
}

/**
 * The facts of the context most recently asked about. Every guard of one step asks about the same
 * context, so one entry serves them all; a WeakMap keyed by every context ever seen cost more in
 * garbage collection (its entries outlive the young generation) than building the facts again.
 */
let lastContext: GameContext | null = null;
let lastFacts: RuleFacts | null = null;

/** The facts of a full game context (the rules' own side), shared by every guard of one step. */
export function contextFacts(level: Level, ctx: GameContext): RuleFacts {
  if (lastContext === ctx && lastFacts!.level === level) return lastFacts!;
  const f: RuleFacts = {
    level,
    toMove: currentParty(level, ctx),
    table: ctx.table,
    meters: ctx.meters,
    commitments: ctx.commitments,
    facilitated: ctx.facilitated,
    redLinesOf: redLinesOfLevel(level),
  };
  lastContext = ctx;
  lastFacts = f;
  return f;
}

const redLineLookups = new WeakMap<Level, RuleFacts['redLinesOf']>();

/** The rules' side knows every party's red lines; one lookup function per level. */
function redLinesOfLevel(level: Level): RuleFacts['redLinesOf'] {
  let lookup = redLineLookups.get(level);
  if (!lookup) redLineLookups.set(level, (lookup = (p) => level.parties[p].redLines));
  return lookup;
}

/** Why a package cannot go on the table at all, whoever proposes it: fixed terms and Coalition capacity. */
export function packageRefusal(f: RuleFacts, pkg: Package): Refusal | null {
  const { level } = f;
  for (const t of TERM_IDS)
    if (pkg[t] !== level.defaultPackage[t] && !level.activeTerms.includes(t))
      return { code: 'term-fixed', term: t, option: level.defaultPackage[t] };
  const troops = Number(pkg.peacekeepers);
  if (troops > f.meters.coalitionCapacity) return { code: 'over-capacity', capacity: f.meters.coalitionCapacity, troops };
  return null;
}

/** Why `party` could not sign `pkg`: its red lines, Ukraine's demand for guarantees, Washington's ceiling. */
export function signRefusal(f: RuleFacts, party: PartyId, pkg: Package): Refusal | null {
  for (const r of f.redLinesOf(party))
    if (r.forbidden.includes(pkg[r.term])) return { code: 'red-line', party, term: r.term, option: pkg[r.term] };
  if (party === 'ukraine' && f.commitments.guaranteesDemanded && pkg.guarantee === 'none') return { code: 'guarantees-demanded' };
  if (party === 'us' && optionIndex('usSupport', pkg.usSupport) > usSupportCeiling(f.meters.usEngagement))
    return { code: 'over-us-ceiling', engagement: f.meters.usEngagement, option: pkg.usSupport };
  return null;
}

/**
 * The options of one term that `party` may put in a package, judged term by term exactly as
 * `packageRefusal` and `signRefusal` judge a whole package (every one of their limits is per term).
 */
export function allowedOptionIds(
  f: RuleFacts,
  party: PartyId,
  term: (typeof TERM_IDS)[number],
  options: readonly { id: string }[],
): string[] {
  const { level } = f;
  if (!level.activeTerms.includes(term)) return [level.defaultPackage[term]];
  const redLines = f.redLinesOf(party);
  const out: string[] = [];
  for (let i = 0; i < options.length; i++) {
    const id = options[i].id;
    if (term === 'peacekeepers' && Number(id) > f.meters.coalitionCapacity) continue;
    if (term === 'guarantee' && id === 'none' && party === 'ukraine' && f.commitments.guaranteesDemanded) continue;
    if (term === 'usSupport' && party === 'us' && i > usSupportCeiling(f.meters.usEngagement)) continue;
    let crosses = false;
    for (const r of redLines) if (r.term === term && r.forbidden.includes(id)) crosses = true;
    if (!crosses) out.push(id);
  }
  return out;
}
