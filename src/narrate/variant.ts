import { PARTY_NAMES, TERMS, type VariantChange } from '../core';

/** One party's drawn brief against the level's, in a line: "Russia: walk-away 51 → 54; territory weight 20 → 19.1; …". */
export function describeVariantChange(c: VariantChange): string {
  const parts = [`walk-away ${c.walkAway.level} → ${c.walkAway.drawn}`];
  if (c.weights.length)
    parts.push(`weights ${c.weights.map((w) => `${TERMS[w.term].label.toLowerCase()} ${w.level} → ${w.drawn}`).join(', ')}`);
  for (const t of c.dropped) parts.push(`no red line on ${TERMS[t].label.toLowerCase()}`);
  for (const t of c.added) parts.push(`an added red line on ${TERMS[t].label.toLowerCase()}`);
  return `${PARTY_NAMES[c.party]}: ${parts.join('; ')}`;
}
