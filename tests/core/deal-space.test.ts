import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import tutorialJson from '../../levels/tutorial.json';
import { findBuiltinLevel } from '../../src/content/levels';
import {
  PARTY_IDS,
  dealSpace,
  dominates,
  frontier2d,
  frontierGap,
  nashPoint,
  paretoFrontier,
  parseLevel,
  resolveLevelPath,
  dealValues,
  newGame,
  utility,
  valueSpace,
  type Level,
  type PartyId,
} from '../../src/core';

/** A two-term level small enough to work out by hand (see the table in the Nash test). */
function handLevel(): Level {
  const data = structuredClone(tutorialJson) as Record<string, unknown> & { parties: Record<string, Record<string, unknown>> };
  data.id = 'hand-worked';
  data.activeTerms = ['ceasefire', 'guarantee'];
  const flat = { weight: 1, values: { none: 1, partial: 1, full: 1 } };
  data.parties.ukraine.interests = {
    ceasefire: { weight: 1, values: { none: 0, partial: 0.5, full: 1 } },
    guarantee: { weight: 1, values: { none: 0, assurances: 0.5, 'article5-like': 1 } },
  };
  data.parties.russia.interests = {
    ceasefire: { weight: 1, values: { none: 0.2, partial: 0.6, full: 1 } },
    guarantee: { weight: 1, values: { none: 1, assurances: 0.6, 'article5-like': 0 } },
  };
  data.parties.us.interests = { ceasefire: flat };
  data.parties.coalition.interests = { ceasefire: flat };
  for (const p of PARTY_IDS) {
    data.parties[p].redLines = [];
    data.parties[p].publicDemands = {};
    delete data.parties[p].demandCites;
  }
  // Cut down, the level no longer has every field the tutorial's game assumptions label: keep the labels
  // that still name something, and the cites of those.
  const labels = (data.assumptions as { id: string; about: string[] }[])
    .map((a) => ({ ...a, about: a.about.filter((f) => f.startsWith('rule:') || f.includes('*') || resolveLevelPath(data, f).length > 0) }))
    .filter((a) => a.about.length > 0);
  const kept = new Set([...labels.map((a) => a.id), ...(data.sources as { id: string }[]).map((s) => s.id)]);
  data.assumptions = labels;
  for (const p of PARTY_IDS) data.parties[p].cite = (data.parties[p].cite as string[]).filter((id) => kept.has(id));
  data.parties.ukraine.walkAway = 20;
  data.parties.russia.walkAway = 20;
  data.parties.us.walkAway = 0;
  data.parties.coalition.walkAway = 0;
  const parsed = parseLevel(data, 'hand-worked level');
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

const walkAways = (level: Level) => Object.fromEntries(PARTY_IDS.map((p) => [p, level.parties[p].walkAway])) as Record<PartyId, number>;

describe('deal space', () => {
  it('enumerates every combination of the active terms and maps packages to indices and back', () => {
    const level = findBuiltinLevel('tutorial')!;
    const space = dealSpace(level);
    expect(space.size).toBe(3 * 5 * 5 * 5 * 3);
    for (const i of [0, 1, 17, 600, space.size - 1]) expect(space.indexOf(space.packageAt(i))).toBe(i);
  });

  it('finds the same Pareto frontier as a brute-force comparison of every pair (tutorial level)', () => {
    const level = findBuiltinLevel('tutorial')!;
    const space = dealSpace(level);
    const signable = Array.from({ length: space.size }, (_, i) => i).filter((i) => space.signable[i]);
    const brute = signable.filter((i) => !signable.some((j) => j !== i && dominates(space, j, i)));
    expect(paretoFrontier(space)).toEqual(brute);
  });

  it('finds the same frontier as brute force on a random slice of the main level', () => {
    const level = findBuiltinLevel('buffer-zone-talks')!;
    const space = dealSpace(level);
    const slice: number[] = [];
    for (let i = 7; i < space.size; i += 97) if (space.signable[i]) slice.push(i);
    const brute = slice.filter((i) => !slice.some((j) => j !== i && dominates(space, j, i)));
    expect(paretoFrontier(space, PARTY_IDS, slice)).toEqual(brute);
  });

  it('computes the Nash bargaining point of a case worked out by hand', () => {
    // Ukraine U = 50·(ceasefire + guarantee values), Russia R likewise; the US and the Coalition value
    // every package at 100 with walk-away 0, so they multiply every product by the same 100·100.
    // Disagreement point: Ukraine 20, Russia 20.
    //   full + none          U 50,  R 100 → (30)(80) = 2400
    //   full + assurances    U 75,  R 80  → (55)(60) = 3300   ← the maximum
    //   full + Article 5     U 100, R 50  → (80)(30) = 2400
    //   partial + assurances U 50,  R 60  → (30)(40) = 1200
    //   partial + none       U 25,  R 80  → (5)(60)  = 300
    // Everything with no ceasefire leaves someone at or below 20.
    const level = handLevel();
    const space = dealSpace(level);
    const nash = nashPoint(space, walkAways(level));
    expect(nash).not.toBeNull();
    const pkg = space.packageAt(nash!);
    expect([pkg.ceasefire, pkg.guarantee]).toEqual(['full', 'assurances']);
    expect(space.utilities.ukraine[nash!]).toBeCloseTo(75);
    expect(space.utilities.russia[nash!]).toBeCloseTo(80);
  });

  it('puts exactly the three full-ceasefire packages on the frontier of the hand-worked case', () => {
    const level = handLevel();
    const space = dealSpace(level);
    const frontier = paretoFrontier(space).map((i) => `${space.packageAt(i).ceasefire}/${space.packageAt(i).guarantee}`);
    expect(frontier.sort()).toEqual(['full/article5-like', 'full/assurances', 'full/none']);
  });

  it('measures the gap to the frontier: zero on the frontier, the best uniform gain off it (checked by brute force)', () => {
    const level = findBuiltinLevel('tutorial')!;
    const space = dealSpace(level);
    const onFrontier = paretoFrontier(space)[0];
    expect(frontierGap(space, onFrontier).gap).toBe(0);
    const poor = space.indexOf({
      ...level.defaultPackage,
      ceasefire: 'partial',
      bufferDepthKm: '0',
      peacekeepers: '0',
      usSupport: 'air-defence',
      guarantee: 'assurances',
    });
    let expected = 0;
    for (let i = 0; i < space.size; i++) {
      if (!space.signable[i]) continue;
      expected = Math.max(expected, Math.min(...PARTY_IDS.map((p) => space.utilities[p][i] - space.utilities[p][poor])));
    }
    const { gap, better } = frontierGap(space, poor);
    expect(expected).toBeGreaterThan(0);
    expect(gap).toBeCloseTo(expected);
    for (const p of PARTY_IDS) expect(space.utilities[p][better!] - space.utilities[p][poor]).toBeGreaterThanOrEqual(gap - 1e-9);
  });

  it('keeps the 2-D frontier monotone: more for one party means less for the other', () => {
    const level = findBuiltinLevel('buffer-zone-talks')!;
    const points = frontier2d(dealSpace(level), 'ukraine', 'russia', walkAways(level));
    expect(points.length).toBeGreaterThan(3);
    for (let i = 1; i < points.length; i++) {
      expect(points[i].x).toBeLessThanOrEqual(points[i - 1].x);
      expect(points[i].y).toBeGreaterThan(points[i - 1].y);
    }
  });
});

describe('the deal model in the deal space', () => {
  const level = findBuiltinLevel('buffer-zone-talks')!;
  const space = dealSpace(level);
  const random = seedrandom.alea('deal-model');
  const sample = Array.from({ length: 400 }, () => Math.floor(random() * space.size));

  it('values every package as utility() does, the mandate counted as its force can carry it', () => {
    for (const i of sample) {
      const pkg = space.packageAt(i);
      for (const p of PARTY_IDS) expect(space.utilities[p][i]).toBeCloseTo(utility(level, p, pkg), 9);
    }
  });

  it('a mandate without the troops to carry it is worth what the carried mandate is, to every party', () => {
    const base = space.packageAt(0);
    const patrolNoTroops = { ...base, peacekeepers: '0', mandate: 'train-and-defend' };
    const observeNoTroops = { ...base, peacekeepers: '0', mandate: 'observe' };
    const enforceFew = { ...base, peacekeepers: '4000', mandate: 'enforce' };
    const patrolFew = { ...base, peacekeepers: '4000', mandate: 'train-and-defend' };
    for (const p of PARTY_IDS) {
      expect(utility(level, p, patrolNoTroops)).toBeCloseTo(utility(level, p, observeNoTroops), 9);
      expect(utility(level, p, enforceFew)).toBeCloseTo(utility(level, p, patrolFew), 9);
    }
  });

  it('the valued space gives each package the value an outcome would (walk-away plus the gain weighted by durability)', () => {
    const ctx = newGame(level, { seed: 'valued' }).context;
    const valued = valueSpace(space, { tension: ctx.meters.tension, trust: ctx.meters.trust['ukraine-russia'], walkAway: ctx.walkAway });
    for (const i of sample.slice(0, 150)) {
      const { values } = dealValues(level, ctx, space.packageAt(i));
      for (const p of PARTY_IDS) expect(valued.utilities[p][i]).toBeCloseTo(values[p], 9);
    }
  });
});
