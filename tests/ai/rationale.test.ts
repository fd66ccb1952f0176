import { describe, expect, it } from 'vitest';
import { playComputerGame, seatsAll } from '../../src/ai';
import {
  DIFFICULTIES,
  PARTY_IDS,
  briefTable,
  optionIndex,
  parseLevel,
  replay,
  type Package,
  type PartyId,
  type TermId,
  utilityOf,
} from '../../src/core';
import { reasonText } from '../../src/narrate';
import { LEVEL_IDS, level, levelData } from '../helpers/game';

/**
 * Every computer move comes with a reason a player can read: structured data the narration words as one
 * line naming the party, never quoting private numbers (walk-away values, utilities), and true to the
 * party's own utilities (what it says it asks for, it gains; what it says it gives up, it loses).
 */

/** How a rationale may name each party. */
const NAMES: Record<PartyId, RegExp> = {
  ukraine: /\bUkraine\b/,
  russia: /\bRussia\b/,
  us: /\bUnited States\b/,
  coalition: /\bCoalition\b/,
};

describe('rationales', () => {
  it.each(LEVEL_IDS.flatMap((id) => DIFFICULTIES.map((d) => [id, d] as const)))('%s, %s: one line naming the party', (id, difficulty) => {
    const lvl = level(id);
    for (let seed = 1; seed <= 15; seed++) {
      const { record } = playComputerGame(lvl, `why-${seed}`, seatsAll(difficulty), { record: true });
      for (const { intent } of record!.steps) {
        if (intent.type === 'game.start') continue; // opening the talks is procedure, not a negotiating move
        const party = intent.by as PartyId;
        expect(intent.note, 'a computer party gives its reason as data, not prose').toBeUndefined();
        const note = reasonText(lvl, party, intent.note, intent.rationale, intent.type === 'party.counter') ?? '';
        expect(note.trim().length, JSON.stringify(intent)).toBeGreaterThan(10);
        expect(note).not.toMatch(/[\n\r]/);
        expect(note, JSON.stringify(intent)).toMatch(NAMES[party]);
        expect(note).not.toMatch(/walk-?away|utility|undefined|NaN|\[object/i);
        expect(note).not.toMatch(/\d+\.\d/); // no private scores with decimals
      }
    }
  });

  it('different parties give different reasons', () => {
    const lvl = level('buffer-zone-talks');
    const { record } = playComputerGame(lvl, 'classroom-1', seatsAll('normal'), { record: true });
    const notes = new Map<string, Set<string>>();
    for (const { intent } of record!.steps) {
      const text = reasonText(lvl, intent.by as PartyId, intent.note, intent.rationale);
      if (!text) continue;
      if (!notes.has(intent.by)) notes.set(intent.by, new Set());
      notes.get(intent.by)!.add(text);
    }
    for (const p of PARTY_IDS) expect(notes.get(p)?.size ?? 0, p).toBeGreaterThan(0);
  });

  it('what an offer says it asks for, the mover gains; what it says it gives, the mover loses (every offer of 600 games)', () => {
    let checked = 0;
    for (const id of LEVEL_IDS)
      for (const difficulty of DIFFICULTIES)
        for (let seed = 1; seed <= 67; seed++) {
          const lvl = level(id);
          const { record } = playComputerGame(lvl, `direction-${seed}`, seatsAll(difficulty), { record: true });
          const states = replay(lvl, record!, record!.steps, { keepStates: true, checkHashes: false }).states!;
          record!.steps.forEach(({ intent }, i) => {
            if ((intent.type !== 'party.counter' && intent.type !== 'party.propose') || intent.rationale?.code !== 'offer') return;
            const table = briefTable(lvl.activeTerms, lvl.parties[intent.by], intent.by);
            const before: Package | null = states[i].context.table?.terms ?? null;
            const points = (t: TermId, o: string) => table.points[t][optionIndex(t, o)];
            // A counter's claims are checked on the whole package it answers: the term moved alone, by
            // the mover's utility (so a mandate its force cannot carry is worth what it carries).
            const moved = (t: TermId, o: string) => utilityOf(table, { ...before!, [t]: o }) - utilityOf(table, before!);
            for (const a of intent.rationale.asks) {
              expect(a.option).toBe(intent.package[a.term]);
              if (before && intent.type === 'party.counter') expect(moved(a.term, a.option)).toBeGreaterThan(0);
            }
            for (const g of intent.rationale.gives) {
              expect(g.option).toBe(intent.package[g.term]);
              if (before && intent.type === 'party.counter') expect(moved(g.term, g.option)).toBeLessThan(0);
              else expect(points(g.term, g.option)).toBeLessThan(Math.max(...table.points[g.term]));
            }
            checked++;
          });
        }
    expect(checked).toBeGreaterThan(2000);
  });

  it('a party that said it could not accept a term signs it only saying what changed (300 games)', () => {
    let reconsidered = 0;
    for (const difficulty of DIFFICULTIES)
      for (let seed = 1; seed <= 100; seed++) {
        const lvl = level('buffer-zone-talks');
        const { record } = playComputerGame(lvl, `objection-${seed}`, seatsAll(difficulty), { record: true });
        const states = replay(lvl, record!, record!.steps, { keepStates: true, checkHashes: false }).states!;
        const objections = new Map<PartyId, { term: TermId; option: string }[]>();
        record!.steps.forEach(({ intent }, i) => {
          const table = states[i].context.table?.terms;
          if (intent.type === 'party.reject' && intent.rationale?.code === 'reject')
            objections.set(intent.by, [...(objections.get(intent.by) ?? []), ...intent.rationale.worst]);
          if (intent.type !== 'party.accept' || !table) return;
          const standing = (objections.get(intent.by) ?? []).filter((o) => table[o.term] === o.option);
          if (standing.length === 0) return;
          expect(intent.rationale?.code).toBe('accept');
          if (intent.rationale?.code !== 'accept') return;
          expect(intent.rationale.dropped?.length, JSON.stringify(intent.rationale)).toBeGreaterThan(0);
          for (const d of intent.rationale.dropped!) expect(table[d.term]).toBe(d.option);
          const text = reasonText(lvl, intent.by, undefined, intent.rationale) ?? '';
          expect(text).toMatch(/had objected to .+, and takes it now (in exchange for|with the deadline close)/);
          reconsidered++;
        });
      }
    expect(reconsidered).toBeGreaterThan(0);
  });

  it('a level with long red-line reasons still plays (reasons are level text, worded at display time)', () => {
    const data = levelData('buffer-zone-talks');
    const long =
      'Moscow has said many times and in many forums that it will not accept this arrangement under any circumstances whatsoever. '.repeat(
        3,
      );
    for (const p of PARTY_IDS) for (const r of data.parties[p].redLines) r.reason = long.slice(0, 200);
    const parsed = parseLevel(data);
    if (!parsed.ok) throw new Error(parsed.error);
    for (let seed = 1; seed <= 20; seed++) {
      const { state } = playComputerGame(parsed.value, String(seed), seatsAll('normal'));
      expect(state.phase).toBe('over');
    }
  });
});
