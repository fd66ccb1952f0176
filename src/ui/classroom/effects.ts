import { PARTY_NAMES, type MeterDelta, type PartyId } from '../../core';
import { fmtInt, signed } from '../format';
import { SHORT_NAME } from '../palette';

/** An event card's effects as one readable line, for the teacher's preview: "Tension +8 · casualties +23 · …". */
export function effectsText(effects: MeterDelta, walkAway: Partial<Record<PartyId, number>> = {}): string {
  const parts: string[] = [];
  if (effects.tension) parts.push(`tension ${signed(effects.tension)}`);
  if (effects.casualties) parts.push(`casualties +${fmtInt(effects.casualties)}`);
  if (effects.usEngagement) parts.push(`US engagement ${signed(effects.usEngagement)}`);
  if (effects.coalitionCapacity) parts.push(`Coalition troops ${signed(effects.coalitionCapacity)}`);
  for (const [p, v] of Object.entries(effects.trustWith ?? {})) if (v) parts.push(`trust in ${SHORT_NAME[p as PartyId]} ${signed(v)}`);
  for (const [pair, v] of Object.entries(effects.trust ?? {})) {
    if (!v) continue;
    const [a, b] = pair.split('-') as PartyId[];
    parts.push(`trust ${SHORT_NAME[a] ?? a}–${SHORT_NAME[b] ?? b} ${signed(v)}`);
  }
  for (const [p, v] of Object.entries(effects.domesticSupport ?? {}))
    if (v) parts.push(`support at home, ${PARTY_NAMES[p as PartyId]} ${signed(v)}`);
  for (const [p, v] of Object.entries(walkAway)) if (v) parts.push(`${PARTY_NAMES[p as PartyId]}’s walk-away ${signed(v)}`);
  if (!parts.length) return 'No change to the meters.';
  const line = parts.join(' · ');
  return line[0].toUpperCase() + line.slice(1) + '.';
}
