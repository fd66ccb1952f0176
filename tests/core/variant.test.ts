import { describe, expect, it } from 'vitest';
import { playComputerGame, seatsAll } from '../../src/ai';
import {
  analyzeGame,
  applyVariant,
  baseLevelOf,
  drawVariant,
  levelHash,
  parseLevel,
  parseRecordJson,
  recordFromShareFragment,
  replayRecord,
  serializeRecord,
  shareFragment,
  variantOf,
  type BriefVariant,
} from '../../src/core';
import { findBuiltinLevel } from '../../src/content/levels';

/** Brief variants (core/variant.ts): drawn within a level's ranges, checked against them, carried in records. */

const L = findBuiltinLevel('buffer-zone-talks')!;

describe('drawing a variant', () => {
  it('is the same for the same secret and differs between secrets', () => {
    expect(drawVariant(L, 'one')).toEqual(drawVariant(L, 'one'));
    expect(drawVariant(L, 'one')).not.toEqual(drawVariant(L, 'two'));
  });

  it('stays within every range the level declares', () => {
    for (let i = 0; i < 200; i++) {
      const v = drawVariant(L, `s${i}`);
      const applied = applyVariant(L, v);
      expect(applied.ok, applied.ok ? '' : applied.error).toBe(true);
    }
  });

  it('draws nothing for a level without ranges', () => {
    const { briefVariants: _none, ...rest } = L;
    const plain = parseLevel({ ...rest, assumptions: rest.assumptions!.filter((a) => a.id !== 'a-brief-variants') });
    if (!plain.ok) throw new Error(plain.error);
    expect(drawVariant(plain.value, 'x')).toEqual({});
  });
});

describe('applying a variant', () => {
  const v = drawVariant(L, 'apply');

  it('moves the briefs and keeps the level it came from', () => {
    const applied = applyVariant(L, v);
    if (!applied.ok) throw new Error(applied.error);
    const level = applied.value;
    expect(level.parties.russia.walkAway).toBe(v.russia!.walkAway);
    expect(baseLevelOf(level)).toBe(L);
    expect(variantOf(level)).toEqual(v);
    expect(variantOf(L)).toBeNull();
    // One level object per variant, so its caches are built once.
    expect(applyVariant(L, structuredClone(v))).toEqual({ ok: true, value: level });
    expect(applyVariant(level, v)).toMatchObject({ ok: false, error: expect.stringContaining('not to another variant') });
  });

  it('adds and drops red lines by term', () => {
    const applied = applyVariant(L, {
      russia: { walkAway: 51, weights: {}, dropped: ['mandate'], added: ['peacekeepers'] },
    });
    if (!applied.ok) throw new Error(applied.error);
    expect(applied.value.parties.russia.redLines.map((r) => r.term)).toEqual(['alignment', 'territory', 'peacekeepers']);
  });

  it.each<[string, BriefVariant, RegExp]>([
    [
      'a walk-away outside its range',
      { russia: { walkAway: 70, weights: {}, dropped: [], added: [] } },
      /russia\.walkAway: 70 is outside the level's range \(45–57\)/,
    ],
    [
      'a weight outside its range',
      { us: { walkAway: 50, weights: { usSupport: 30 }, dropped: [], added: [] } },
      /us\.weights\.usSupport: 30 is outside/,
    ],
    [
      'a red line the level does not let go',
      { ukraine: { walkAway: 47, weights: {}, dropped: ['territory'], added: [] } },
      /ukraine\.dropped: .*territory/,
    ],
    [
      'an optional red line the level does not declare',
      { us: { walkAway: 50, weights: {}, dropped: [], added: ['arms'] } },
      /us\.added: .*arms/,
    ],
    ['not a variant at all', { russia: { walkAway: 'high' } } as unknown as BriefVariant, /not a brief variant/],
  ])('refuses %s, naming the field', (_what, variant, message) => {
    const applied = applyVariant(L, variant, 'record variant');
    expect(applied.ok).toBe(false);
    if (!applied.ok) expect(applied.error).toMatch(message);
  });
});

describe('a level’s ranges', () => {
  it('are checked when the level is read', () => {
    const data = structuredClone(L) as unknown as { briefVariants: { parties: Record<string, Record<string, unknown>> } };
    data.briefVariants.parties.us.mayDrop = ['territory'];
    data.briefVariants.parties.ukraine.mayAdd = [{ term: 'territory', forbidden: ['deferred'], reason: 'Already a red line.' }];
    const parsed = parseLevel(data, 'levels/x.json');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error).toContain('levels/x.json: briefVariants.parties.us.mayDrop[0]: us has no red line on "territory" to drop');
      expect(parsed.error).toContain('briefVariants.parties.ukraine.mayAdd[0].term: ukraine already has a red line on "territory"');
    }
  });
});

describe('a game on a variant', () => {
  const applied = applyVariant(L, drawVariant(L, 'record'));
  if (!applied.ok) throw new Error(applied.error);
  const level = applied.value;
  const { record } = playComputerGame(level, 'variant-game', seatsAll('normal'), { record: true });

  it('is recorded with the published level’s hash and the variant, and replays', () => {
    expect(record!.level.hash).toBe(levelHash(L));
    expect(record!.variant).toEqual(variantOf(level));
    const parsed = parseRecordJson(serializeRecord(record!));
    if (!parsed.ok) throw new Error(parsed.error);
    const replayed = replayRecord(L, parsed.value);
    if (!replayed.ok) throw new Error(replayed.error);
    expect(replayed.value.ok).toBe(true);
    expect(replayed.value.level).toBe(level);
  });

  it('does not replay without its variant, or with another one', () => {
    const { variant: _v, ...bare } = record!;
    const plain = replayRecord(L, bare);
    if (!plain.ok) throw new Error(plain.error);
    expect(plain.value.ok).toBe(false);
    const other = replayRecord(L, { ...record!, variant: drawVariant(L, 'another') });
    if (!other.ok) throw new Error(other.error);
    expect(other.value.ok).toBe(false);
  });

  it('travels in a share link', () => {
    const back = recordFromShareFragment(shareFragment(record!), L);
    if (!back.ok) throw new Error(back.error);
    expect(back.value.variant).toEqual(record!.variant);
    expect(back.value.finalHash).toBe(record!.finalHash);
  });

  it('is analysed on the briefs that were played, and the debrief lists what was drawn', () => {
    const d = analyzeGame(L, record!);
    if (!d.ok) throw new Error(d.error);
    expect(d.value.walkAways.start.russia).toBe(level.parties.russia.walkAway);
    const russia = d.value.variant.find((c) => c.party === 'russia')!;
    expect(russia.walkAway).toEqual({ level: L.parties.russia.walkAway, drawn: level.parties.russia.walkAway });
  });
});
