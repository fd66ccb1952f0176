import { describe, expect, it } from 'vitest';
import { playComputerGame, seatsAll } from '../../src/ai';
import { DIFFICULTIES, NOTE_MAX, PARTY_IDS, parseLevel, type PartyId } from '../../src/core';
import { LEVEL_IDS, level, levelData } from '../helpers/game';

/**
 * Every computer move comes with a reason a player can read: one line, naming the party, within the
 * length an intent may carry, and never quoting private numbers (walk-away values, utilities).
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
        const note = intent.note ?? '';
        expect(note.trim().length, JSON.stringify(intent)).toBeGreaterThan(10);
        expect(note).not.toMatch(/[\n\r]/);
        expect(note.length).toBeLessThanOrEqual(NOTE_MAX);
        expect(note, JSON.stringify(intent)).toMatch(NAMES[party]);
        expect(note).not.toMatch(/walk-?away|utility|undefined|NaN|\[object/i);
        expect(note).not.toMatch(/\d+\.\d/); // no private scores with decimals
      }
    }
  });

  it('different parties give different reasons', () => {
    const { record } = playComputerGame(level('buffer-zone-talks'), 'classroom-1', seatsAll('normal'), { record: true });
    const notes = new Map<string, Set<string>>();
    for (const { intent } of record!.steps) {
      if (!intent.note) continue;
      if (!notes.has(intent.by)) notes.set(intent.by, new Set());
      notes.get(intent.by)!.add(intent.note);
    }
    for (const p of PARTY_IDS) expect(notes.get(p)?.size ?? 0, p).toBeGreaterThan(0);
  });

  it('a level with long red-line reasons still gives moves the rules accept (a rationale is cut to fit)', () => {
    const data = levelData('buffer-zone-talks');
    const long =
      'Moscow has said many times and in many forums that it will not accept this arrangement under any circumstances whatsoever. '.repeat(
        3,
      );
    for (const p of PARTY_IDS) for (const r of data.parties[p].redLines) r.reason = long.slice(0, 200);
    const parsed = parseLevel(data);
    if (!parsed.ok) throw new Error(parsed.error);
    for (let seed = 1; seed <= 20; seed++) {
      const { state, record } = playComputerGame(parsed.value, String(seed), seatsAll('normal'), { record: true });
      expect(state.phase).toBe('over');
      for (const { intent } of record!.steps) expect((intent.note ?? '').length).toBeLessThanOrEqual(NOTE_MAX);
    }
  });
});
