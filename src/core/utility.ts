import type { Level, PartyBrief } from './level';
import { PARTY_IDS, type PartyId } from './parties';
import { carriedMandate } from './deal-value';
import { TERMS, optionIndex, type Package, type TermId } from './terms';

/**
 * A party's utility for a package: the weighted mean of how it values each active term's option,
 * scaled to 0–100. Weights are normalised over the level's active terms.
 */
export interface UtilityTable {
  readonly party: PartyId;
  /** term → option index → weighted points (already scaled so a perfect package sums to 100). */
  readonly points: Readonly<Record<TermId, readonly number[]>>;
  readonly terms: readonly TermId[];
}

const tableCache = new WeakMap<Level, Record<PartyId, UtilityTable>>();

export function utilityTables(level: Level): Record<PartyId, UtilityTable> {
  let tables = tableCache.get(level);
  if (!tables) {
    tables = {} as Record<PartyId, UtilityTable>;
    for (const p of PARTY_IDS) tables[p] = buildTable(level, p);
    tableCache.set(level, tables);
  }
  return tables;
}

function buildTable(level: Level, party: PartyId): UtilityTable {
  return tableFromBrief(level.activeTerms, level.parties[party], party);
}

const briefTables = new WeakMap<object, UtilityTable>();

/** The utility table of one brief (a seat's own, from its view): the same arithmetic as the rules use. */
export function briefTable(activeTerms: readonly TermId[], brief: Pick<PartyBrief, 'interests'>, party: PartyId): UtilityTable {
  let table = briefTables.get(brief);
  if (!table || table.terms !== activeTerms) briefTables.set(brief, (table = tableFromBrief(activeTerms, brief, party)));
  return table;
}

function tableFromBrief(activeTerms: readonly TermId[], brief: Pick<PartyBrief, 'interests'>, party: PartyId): UtilityTable {
  const level = { activeTerms };
  let totalWeight = 0;
  for (const t of level.activeTerms) totalWeight += brief.interests[t]?.weight ?? 0;
  const points = {} as Record<TermId, number[]>;
  for (const t of Object.keys(TERMS) as TermId[]) {
    const interest = level.activeTerms.includes(t) ? brief.interests[t] : undefined;
    points[t] = TERMS[t].options.map((o) =>
      interest && totalWeight > 0 ? (100 * interest.weight * (interest.values[o.id] ?? 0)) / totalWeight : 0,
    );
  }
  return { party, points, terms: level.activeTerms };
}

/**
 * The weighted sum over active terms, with one interaction: the mandate is valued as the force can
 * carry it (`carriedMandate`), so a "patrol, train and defend" mandate with no troops is worth what
 * "observe" is to every party.
 */
export function utilityOf(table: UtilityTable, pkg: Package): number {
  let u = 0;
  for (const t of table.terms) u += table.points[t][optionIndex(t, pkg[t])] ?? 0;
  const carried = carriedMandate(Number(pkg.peacekeepers), pkg.mandate);
  if (carried !== pkg.mandate)
    u += table.points.mandate[optionIndex('mandate', carried)] - table.points.mandate[optionIndex('mandate', pkg.mandate)];
  return u;
}

export function utility(level: Level, party: PartyId, pkg: Package): number {
  return utilityOf(utilityTables(level)[party], pkg);
}

export interface RedLineBreach {
  term: TermId;
  option: string;
  reason: string;
}

export function redLineBreaches(brief: PartyBrief, pkg: Package): RedLineBreach[] {
  const out: RedLineBreach[] = [];
  for (const r of brief.redLines) if (r.forbidden.includes(pkg[r.term])) out.push({ term: r.term, option: pkg[r.term], reason: r.reason });
  return out;
}

/** One decimal place: scores are shown to people and compared in records, so keep them short and exact. */
export const round1 = (x: number): number => Math.round(x * 10) / 10;
