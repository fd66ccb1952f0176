import { PAIR_KEYS, PARTY_IDS, type PairKey, type PartyId } from './parties';

/** The public gauges of the talks. Every value is kept inside its range by `clampMeters`. */
export interface Meters {
  /** 0 calm … 100 open escalation. */
  tension: number;
  /** 0 none … 100 full confidence, per pair of parties. */
  trust: Record<PairKey, number>;
  /** 0 … 100: how much room each government has at home. */
  domesticSupport: Record<PartyId, number>;
  /** 0 … 100: how far Washington is willing to commit. */
  usEngagement: number;
  /** Troops the Coalition could field right now (0 … the level's maximum). */
  coalitionCapacity: number;
  /** People killed since the talks opened (reported figures only, never a goal). */
  casualties: number;
  roundsLeft: number;
}

export const CASUALTY_CEILING = 1_000_000;

export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

const pct = (x: number) => Math.round(clamp(x, 0, 100));

export function clampMeters(m: Meters, maxTroops: number): Meters {
  const trust = {} as Record<PairKey, number>;
  for (const k of PAIR_KEYS) trust[k] = pct(m.trust[k]);
  const domesticSupport = {} as Record<PartyId, number>;
  for (const p of PARTY_IDS) domesticSupport[p] = pct(m.domesticSupport[p]);
  return {
    tension: pct(m.tension),
    trust,
    domesticSupport,
    usEngagement: pct(m.usEngagement),
    coalitionCapacity: Math.round(clamp(m.coalitionCapacity, 0, maxTroops)),
    casualties: Math.round(clamp(m.casualties, 0, CASUALTY_CEILING)),
    roundsLeft: Math.max(0, Math.round(m.roundsLeft)),
  };
}

/** A change to the meters, as written in levels (events, injects) and produced by moves. */
export interface MeterDelta {
  tension?: number;
  trust?: Partial<Record<PairKey, number>>;
  /** Added to every trust pair that includes this party. */
  trustWith?: Partial<Record<PartyId, number>>;
  domesticSupport?: Partial<Record<PartyId, number>>;
  usEngagement?: number;
  coalitionCapacity?: number;
  casualties?: number;
}

/** Applies a change and keeps every meter in range. Untouched groups are shared, not copied. */
export function applyDelta(m: Meters, d: MeterDelta, maxTroops: number): Meters {
  let trust = m.trust;
  if (d.trust || d.trustWith) {
    trust = { ...m.trust };
    if (d.trust) for (const k in d.trust) trust[k as PairKey] = pct(trust[k as PairKey] + (d.trust[k as PairKey] ?? 0));
    if (d.trustWith) {
      for (const p in d.trustWith) {
        const v = d.trustWith[p as PartyId] ?? 0;
        for (const k of PAIR_KEYS) if (k.startsWith(`${p}-`) || k.endsWith(`-${p}`)) trust[k] = pct(trust[k] + v);
      }
    }
  }
  let domesticSupport = m.domesticSupport;
  if (d.domesticSupport) {
    domesticSupport = { ...m.domesticSupport };
    for (const p in d.domesticSupport)
      domesticSupport[p as PartyId] = pct(domesticSupport[p as PartyId] + (d.domesticSupport[p as PartyId] ?? 0));
  }
  return {
    tension: d.tension === undefined ? m.tension : pct(m.tension + d.tension),
    trust,
    domesticSupport,
    usEngagement: d.usEngagement === undefined ? m.usEngagement : pct(m.usEngagement + d.usEngagement),
    coalitionCapacity:
      d.coalitionCapacity === undefined ? m.coalitionCapacity : Math.round(clamp(m.coalitionCapacity + d.coalitionCapacity, 0, maxTroops)),
    casualties: d.casualties === undefined ? m.casualties : Math.round(clamp(m.casualties + d.casualties, 0, CASUALTY_CEILING)),
    roundsLeft: m.roundsLeft,
  };
}
