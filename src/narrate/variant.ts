import { PARTY_NAMES, type VariantChange } from '../core';
import { termName } from './words';

/** One party's drawn brief against the level's, in a line: "Russia: walk-away 51 → 54; weights territory 20 → 19.1, …". */
export function describeVariantChange(c: VariantChange): string {
  const parts = [`walk-away ${c.walkAway.level} → ${c.walkAway.drawn}`];
  if (c.weights.length) parts.push(`weights ${c.weights.map((w) => `${termName(w.term)} ${w.level} → ${w.drawn}`).join(', ')}`);
  for (const t of c.dropped) parts.push(`no red line on ${termName(t)}`);
  for (const t of c.added) parts.push(`an added red line on ${termName(t)}`);
  return `${PARTY_NAMES[c.party]}: ${parts.join('; ')}`;
}
