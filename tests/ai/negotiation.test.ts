import { describe, expect, it } from 'vitest';
import { STRATEGIES, playComputerGame, playGame, seatsAll } from '../../src/ai';
import { PARTY_IDS, samePackage, type PartyId, type TermId } from '../../src/core';
import { mainLevel } from '../helpers/game';
import { firstAnswer, openings } from '../helpers/openings';

/**
 * The computer parties negotiate: they answer what is put to them, learn what the others will not
 * sign, and cannot be beaten by a last-minute ultimatum. (`npm run bench` measures the same over
 * 1,000 seeds: variety of deals, frontier gap, responsiveness, the difficulty ladder.)
 */

const L = mainLevel();

describe('negotiators that respond', () => {
  it('two clearly different openings get different answers from the next computer party (40 seeds, at least 80%)', () => {
    const { firm, soft } = openings(L);
    let differ = 0;
    for (let i = 1; i <= 40; i++) {
      const a = firstAnswer(L, `answer-${i}`, firm);
      const b = firstAnswer(L, `answer-${i}`, soft);
      if ((a === null) !== (b === null) || (a && b && !samePackage(a, b))) differ++;
    }
    expect(differ / 40).toBeGreaterThanOrEqual(0.8);
  });

  it('a counter-offer starts from the table: it keeps most of the terms it answers', () => {
    let counters = 0;
    let changed = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const { state } = playComputerGame(L, `from-table-${seed}`, seatsAll('hard'));
      for (const e of state.context.log)
        if (e.kind === 'counter') {
          counters++;
          changed += e.changes.length;
        }
    }
    expect(counters).toBeGreaterThan(100);
    expect(changed / counters).toBeLessThan(L.activeTerms.length / 2);
  });

  it('a red line named in a rejection is never put forward again by a hard or normal party (200 games)', () => {
    let named = 0;
    for (const difficulty of ['normal', 'hard'] as const)
      for (let seed = 1; seed <= 100; seed++) {
        const { record } = playComputerGame(L, `red-line-${seed}`, seatsAll(difficulty), { record: true });
        const known = new Map<PartyId, Set<string>>();
        for (const { intent } of record!.steps) {
          if (intent.type === 'party.reject' && intent.rationale?.code === 'reject' && intent.rationale.redLine) {
            const { term, option } = intent.rationale.redLine;
            for (const p of PARTY_IDS) if (p !== intent.by) (known.get(p) ?? known.set(p, new Set()).get(p)!).add(`${term}=${option}`);
            named++;
          }
          if (intent.type === 'party.propose' || intent.type === 'party.counter')
            for (const t of L.activeTerms as TermId[])
              expect(known.get(intent.by)?.has(`${t}=${intent.package[t]}`) ?? false, `${intent.by} offers ${t}=${intent.package[t]}`).toBe(
                false,
              );
        }
      }
    expect(named).toBeGreaterThan(20);
  });

  it('a last-minute ultimatum or an offer repeated all game gets no deal from hard parties, in any seat (40 seeds)', () => {
    for (const id of ['wait-then-ultimatum', 'repeat-offer']) {
      const strategy = STRATEGIES.find((s) => s.id === id)!;
      for (const seat of PARTY_IDS)
        for (let seed = 1; seed <= 10; seed++) {
          const { state } = playGame(L, `ultimatum-${seed}`, seatsAll('hard'), { [seat]: strategy.create(L) });
          expect(state.context.outcome!.kind, `${id} as ${seat}, seed ${seed}`).not.toBe('agreement');
        }
    }
  });
});
