import { describe, expect, it } from 'vitest';
import { playComputerGame, seatsAll, explore } from '../../src/ai';
import { builtinLevels, findBuiltinLevel } from '../../src/content/levels';
import {
  PARTY_IDS,
  TERMS,
  analyzeGame,
  applyToGame,
  applyVariant,
  baseLevelOf,
  drawVariant,
  contextFacts,
  dealValues,
  debriefCsv,
  newGame,
  packageRefusal,
  replay,
  signRefusal,
  type GameState,
  type Package,
  type TermId,
} from '../../src/core';

const level = findBuiltinLevel('buffer-zone-talks')!;

describe('debrief analysis', () => {
  const seeds = ['debrief-1', 'debrief-2', 'debrief-3', 'debrief-4', 'debrief-5', 'debrief-6'];
  const games = seeds.map((s) => playComputerGame(level, s, seatsAll('normal'), { record: true }).record!);

  it.each(games.map((g) => [g.seed, g]))('explains game %s: scores, frontier, timeline, moments and questions', (_seed, record) => {
    const result = analyzeGame(level, record);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const d = result.value;
    expect(d.parties.map((p) => p.id)).toEqual([...PARTY_IDS]);
    for (const p of d.parties) {
      expect(p.score).toBeCloseTo(p.value - p.walkAway, 5);
      expect(p.brief.length).toBeGreaterThan(20);
    }
    expect(d.timeline).toHaveLength(record.steps.length + 1);
    expect(d.keyMoments.length).toBeGreaterThan(0);
    expect(d.keyMoments.length).toBeLessThanOrEqual(5);
    expect(d.questions.length).toBeGreaterThanOrEqual(3);
    expect(d.frontier.size).toBeGreaterThan(0);
    expect(d.frontier.gap).toBeGreaterThanOrEqual(0);
    if (d.outcome?.kind === 'agreement') expect(d.deal).not.toBeNull();
    else expect(d.deal).toBeNull();
    const csv = debriefCsv(d).trim().split('\n');
    expect(csv).toHaveLength(5);
    expect(csv[0]).toBe('level,seed,outcome,round,party,walk_away,value,score,durability');
  });

  it('refuses a record whose level changed', () => {
    const record = { ...games[0], level: { ...games[0].level, hash: 'f'.repeat(64) } };
    const result = analyzeGame(level, record);
    expect(result.ok).toBe(false);
  });
});

describe('the deal space at the end of the talks', () => {
  // Deadline and breakdown games too: the seeds are chosen to give a mix, with walk-aways that moved.
  const records = ['end-1', 'end-2', 'end-3', 'end-4', 'end-5'].map(
    (s) => playComputerGame(level, s, seatsAll('normal'), { record: true }).record!,
  );

  it.each(records.map((r) => [r.seed, r]))(
    'game %s: the Nash point is, by brute force, the best signable package from the final walk-aways, valued as scores are',
    (_seed, record) => {
      const d = analyzeGame(level, record);
      if (!d.ok) throw new Error(d.error);
      const final = replay(level, record, record.steps, { checkHashes: false }).state;
      const f = contextFacts(level, final.context);
      const signable = (pkg: Package) => !packageRefusal(f, pkg) && PARTY_IDS.every((p) => !signRefusal(f, p, pkg));
      for (const p of PARTY_IDS) expect(d.value.walkAways.end[p]).toBeCloseTo(final.context.walkAway[p], 1);
      // Every package of the level, by brute force.
      const terms = level.activeTerms;
      let best = 0;
      let bestPkg: Package | null = null;
      const pkg = { ...level.defaultPackage } as Record<TermId, string>;
      const walk = (k: number): void => {
        if (k === terms.length) {
          if (!signable(pkg)) return;
          let product = 1;
          for (const p of PARTY_IDS) {
            const gain = dealValues(level, final.context, pkg).values[p] - d.value.walkAways.end[p];
            if (gain <= 0) return;
            product *= gain;
          }
          if (product > best + 1e-9) [best, bestPkg] = [product, { ...pkg }];
          return;
        }
        for (const o of TERMS[terms[k]].options) {
          pkg[terms[k]] = o.id;
          walk(k + 1);
        }
      };
      walk(0);
      expect(d.value.nash?.package ?? null).toEqual(bestPkg);
      if (d.value.nash) expect(signable(d.value.nash.package)).toBe(true);
      if (d.value.frontier.betterPackage) expect(signable(d.value.frontier.betterPackage)).toBe(true);
    },
  );
});

describe('the frontier and the Nash point, by brute force on every level', () => {
  const published = builtinLevels().map((l) => l.level);
  const main = published.find((l) => l.id === 'buffer-zone-talks')!;
  const drawn = applyVariant(main, drawVariant(main, 'brute-force'));
  if (!drawn.ok) throw new Error(drawn.error);
  // Every level as written, and the main level with briefs drawn as a classroom session draws them.
  const cases = [...published.map((l) => [l.id, l] as const), [`${main.id} (drawn briefs)`, drawn.value] as const].flatMap(([name, lvl]) =>
    ['bf-1', 'bf-2'].map((seed) => ({
      name: `${name}, ${seed}`,
      lvl,
      record: playComputerGame(lvl, seed, seatsAll('normal'), { record: true }).record!,
    })),
  );

  it.each(cases.map((c) => [c.name, c]))('%s', (_name, { lvl, record }) => {
    const d = analyzeGame(baseLevelOf(lvl), record);
    if (!d.ok) throw new Error(d.error);
    const final = replay(lvl, record, record.steps, { checkHashes: false }).state;
    const f = contextFacts(lvl, final.context);
    const walkAway = d.value.walkAways.end;
    // Every package of the level, valued as scores are, kept when every party could sign it.
    const signable: { pkg: Package; v: number[] }[] = [];
    const pkg = { ...lvl.defaultPackage } as Record<TermId, string>;
    const walk = (k: number): void => {
      if (k === lvl.activeTerms.length) {
        if (packageRefusal(f, pkg) || PARTY_IDS.some((p) => signRefusal(f, p, pkg))) return;
        const values = dealValues(lvl, final.context, pkg).values;
        signable.push({ pkg: { ...pkg }, v: PARTY_IDS.map((p) => values[p]) });
        return;
      }
      for (const o of TERMS[lvl.activeTerms[k]].options) {
        pkg[lvl.activeTerms[k]] = o.id;
        walk(k + 1);
      }
    };
    walk(0);
    const dominates = (a: number[], b: number[]) => a.every((x, i) => x >= b[i] - 1e-9) && a.some((x, i) => x > b[i] + 1e-9);
    const sorted = [...signable].sort((a, b) => b.v.reduce((s, x) => s + x, 0) - a.v.reduce((s, x) => s + x, 0));
    const frontier: { pkg: Package; v: number[] }[] = [];
    for (const c of sorted) if (!frontier.some((fr) => dominates(fr.v, c.v))) frontier.push(c);
    // The frontier found is exactly the undominated set: nothing beats a member, everything else is beaten by one.
    for (const fr of frontier) expect(signable.some((c) => dominates(c.v, fr.v))).toBe(false);
    expect(d.value.frontier.size).toBe(frontier.length);
    let best = 0;
    let bestPkg: Package | null = null;
    for (const c of signable) {
      const gains = PARTY_IDS.map((p, i) => c.v[i] - walkAway[p]);
      if (gains.some((g) => g <= 0)) continue;
      const product = gains.reduce((a, b) => a * b, 1);
      if (product > best + 1e-9) [best, bestPkg] = [product, c.pkg];
    }
    expect(d.value.nash?.package ?? null).toEqual(bestPkg);
    // The zone of possible agreement: the signable packages every party values above its walk-away value.
    expect(d.value.zopa.size).toBe(signable.filter((c) => PARTY_IDS.every((p, i) => c.v[i] > walkAway[p])).length);
    if (d.value.frontier.betterPackage)
      expect(signable.some((c) => JSON.stringify(c.pkg) === JSON.stringify(d.value.frontier.betterPackage))).toBe(true);
  });
});

describe('what-if continuations', () => {
  it('play every continuation to an end and count each once', () => {
    let state: GameState = newGame(level, { seed: 'what-if' });
    const record = playComputerGame(level, 'what-if', seatsAll('normal'), { record: true }).record!;
    for (const step of record.steps.slice(0, 12)) state = (applyToGame(level, state, step.intent) as { ok: true; value: GameState }).value;
    const summary = explore(level, state, seatsAll('normal'), 60);
    expect(summary.runs).toBe(60);
    expect(summary.outcomes.agreement + summary.outcomes.breakdown + summary.outcomes.deadline).toBe(60);
    for (const p of PARTY_IDS) expect(summary.scores[p].histogram.reduce((a, b) => a + b, 0)).toBe(60);
    // Continuations redraw the future, so they do not all end the same way.
    const distinct = new Set(PARTY_IDS.map((p) => summary.scores[p].min !== summary.scores[p].max));
    expect(distinct.has(true)).toBe(true);
  });

  it('are reproducible: the same position and count give the same distribution', () => {
    const state = newGame(level, { seed: 'again' });
    expect(explore(level, state, seatsAll('normal'), 20)).toEqual(explore(level, state, seatsAll('normal'), 20));
  });
});

describe('branching', () => {
  it('continues from any step with new seats, names its parent, and replays on its own', async () => {
    const { LocalTable } = await import('../../src/ai');
    const { replayRecord } = await import('../../src/core');
    const original = playComputerGame(level, 'branch-me', seatsAll('normal'), { record: true }).record!;
    const at = 9;
    const branched = LocalTable.branch(level, original, at, seatsAll('hard'));
    expect(branched.ok).toBe(true);
    if (!branched.ok) return;
    const table = branched.value;
    expect(table.steps).toBe(at);
    table.advanceComputers();
    const record = table.record();
    expect(record.parent).toEqual({ hash: original.finalHash, step: at });
    expect(record.steps.slice(0, at)).toEqual(original.steps.slice(0, at));
    const replay = replayRecord(level, record);
    expect(replay.ok && replay.value.ok).toBe(true);
  });

  it('refuses a step outside the record', async () => {
    const { LocalTable } = await import('../../src/ai');
    const original = playComputerGame(level, 'branch-me', seatsAll('normal'), { record: true }).record!;
    expect(LocalTable.branch(level, original, original.steps.length + 1, seatsAll('hard')).ok).toBe(false);
    expect(LocalTable.branch(level, original, -1, seatsAll('hard')).ok).toBe(false);
  });
});

describe('key moments', () => {
  const games = Array.from({ length: 30 }, (_, i) => playComputerGame(level, `moments-${i}`, seatsAll('hard'), { record: true }).record!);

  it('the package that became the agreement is a key moment, and the moments spread over the rounds', () => {
    let distinct = 0;
    let agreements = 0;
    for (const record of games) {
      const d = analyzeGame(level, record);
      if (!d.ok) throw new Error(d.error);
      const moments = d.value.keyMoments;
      distinct += new Set(moments.map((m) => m.round)).size;
      expect(moments.map((m) => m.step)).toEqual([...moments.map((m) => m.step)].sort((a, b) => a - b));
      if (d.value.outcome?.kind !== 'agreement') continue;
      agreements++;
      const closing = moments.filter((m) => m.why === 'closed-deal');
      expect(closing).toHaveLength(1);
      const lastOffer = record.steps.map((s) => s.intent.type).lastIndexOf('party.counter');
      const lastProposal = record.steps.map((s) => s.intent.type).lastIndexOf('party.propose');
      expect(closing[0].step).toBe(Math.max(lastOffer, lastProposal) + 1);
      expect(['propose', 'counter']).toContain(closing[0].entry.kind);
    }
    expect(agreements).toBeGreaterThan(10);
    expect(distinct / games.length).toBeGreaterThanOrEqual(4);
  });
});
