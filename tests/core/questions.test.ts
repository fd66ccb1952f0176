import { describe, expect, it } from 'vitest';
import { playComputerGame, seatsAll } from '../../src/ai';
import { DIFFICULTIES, PARTY_IDS, analyzeGame, findCard, replay, type GameRecord, type GameState } from '../../src/core';
import { describeQuestion } from '../../src/narrate';
import { LEVEL_IDS, level } from '../helpers/game';

/**
 * Every discussion question is drawn from what happened: each one is checked against the record it
 * was made from, so no question can name an event, a round, a move or a package that did not occur.
 */

function statesOf(id: string, record: GameRecord): GameState[] {
  return replay(level(id), record, record.steps, { keepStates: true, checkHashes: false }).states!;
}

describe('discussion questions hold against the record', () => {
  it.each(LEVEL_IDS.flatMap((id) => DIFFICULTIES.map((d) => [id, d] as const)))('%s, %s: 20 games', (id, difficulty) => {
    const lvl = level(id);
    for (let seed = 1; seed <= 20; seed++) {
      const { record } = playComputerGame(lvl, `questions-${seed}`, seatsAll(difficulty), { record: true });
      const analysed = analyzeGame(lvl, record!);
      if (!analysed.ok) throw new Error(analysed.error);
      const d = analysed.value;
      const states = statesOf(id, record!);
      const final = states[states.length - 1].context;
      const log = final.log;
      const o = d.outcome!;
      for (const q of d.questions) {
        expect(describeQuestion(q, { level: lvl, keyMoments: d.keyMoments }).length).toBeGreaterThan(20);
        switch (q.code) {
          case 'walk-out':
            expect(o.kind).toBe('breakdown');
            expect(log.some((e) => e.kind === 'walkOut' && e.by === q.by && e.round === q.round)).toBe(true);
            break;
          case 'blocking-red-line': {
            expect(o.kind).toBe('deadline');
            if (q.redLine) {
              const r = q.redLine;
              let times = 0;
              for (let i = 1; i < states.length; i++) {
                const e = states[i].context.log.at(-1);
                const table = states[i - 1].context.table;
                if (e?.kind === 'reject' && e.by === r.party && table?.terms[r.term] === r.option) times++;
              }
              expect(times).toBe(r.times);
              expect(lvl.parties[r.party].redLines.some((l) => l.term === r.term && l.forbidden.includes(r.option))).toBe(true);
            }
            break;
          }
          case 'durability':
            expect(q.durability).toBe(o.durability);
            break;
          case 'zone-depth': {
            expect(q.depth).toBe((d.deal?.package ?? final.table?.terms)?.bufferDepthKm);
            expect(q.step).toBeLessThanOrEqual(record!.steps.length);
            // Asked only when counter-offers fought over the depth, about a depth that was argued for.
            const moves = final.log.flatMap((e) => (e.kind === 'counter' ? e.changes.filter((c) => c.term === 'bufferDepthKm') : []));
            expect(moves.length).toBeGreaterThanOrEqual(2);
            expect(moves.some((c) => c.from === q.alternative || c.to === q.alternative)).toBe(true);
            expect(q.alternative).not.toBe(q.depth);
            break;
          }
          case 'better-package':
            expect(q.gap).toBe(d.frontier.gap);
            expect(d.frontier.betterPackage).not.toBeNull();
            break;
          case 'strike': {
            // The strike happened at that step, in that round, and moved those walk-aways by 2 or more in all.
            const at = states[q.step].context;
            const before = states[q.step - 1].context;
            const added = at.log.slice(before.log.length);
            expect(
              added.some(
                (e) =>
                  e.round === q.round &&
                  (q.eventId === null
                    ? e.kind === 'escalate' && e.casualties === q.casualties
                    : e.kind === 'event' && e.eventId === q.eventId && findCard(lvl, e.eventId)?.effects.casualties === q.casualties),
              ),
            ).toBe(true);
            expect(q.casualties).toBeGreaterThan(0);
            for (const m of q.moved) {
              expect(m.from).toBe(Math.round(before.walkAway[m.party] * 10) / 10);
              expect(m.to).toBe(Math.round(at.walkAway[m.party] * 10) / 10);
            }
            // It is asked only because it changed whether a package cleared someone's walk-away.
            expect(q.crossed.length).toBeGreaterThan(0);
            for (const c of q.crossed) {
              const value = c.package === 'deal' ? d.deal?.utilities[c.party] : d.timeline[q.step - 1].utilities?.[c.party];
              expect(value).toBeDefined();
              expect(c.value).toBe(Math.round(value! * 10) / 10);
              expect(c.value > c.from).not.toBe(c.value > c.to);
            }
            break;
          }
          case 'us-engagement-fell':
            expect([q.from, q.to]).toEqual([lvl.meters.usEngagement, final.meters.usEngagement]);
            break;
          case 'turning-point':
            expect(d.keyMoments.some((m) => m.step === q.step && m.round === q.round)).toBe(true);
            break;
          case 'own-walk-away': {
            const scores = PARTY_IDS.map((p) => o.scores[p]);
            expect(o.scores[q.best]).toBe(Math.max(...scores));
            expect(o.scores[q.worst]).toBe(Math.min(...scores));
            break;
          }
        }
      }
    }
  });
});
