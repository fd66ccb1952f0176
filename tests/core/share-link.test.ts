import { describe, expect, it } from 'vitest';
import { playComputerGame, seatsAll } from '../../src/ai';
import { findBuiltinLevel } from '../../src/content/levels';
import { readShareFragment, recordFromShareFragment, shareFragment, type GameRecord } from '../../src/core';

const level = findBuiltinLevel('buffer-zone-talks')!;
const record: GameRecord = playComputerGame(level, 'link-test', seatsAll('normal'), { record: true }).record!;
const fragment = `#${shareFragment(record)}`;

describe('share links', () => {
  it('round-trip a whole game through the URL fragment', () => {
    const back = recordFromShareFragment(fragment, level);
    expect(back.ok && back.value).toEqual(record);
  });

  it('stay short enough to paste: a full ten-round game under 8,000 characters', () => {
    expect(fragment.length).toBeLessThan(8000);
  });

  it.each([
    ['a truncated link', fragment.slice(0, Math.floor(fragment.length * 0.8)), /damaged or cut short|does not replay/],
    ['a link with no game', '#settings', /does not contain a game/],
    ['a link from a later version', fragment.replace('game=2.', 'game=9.'), /different version/],
    [
      'a link from record format 1',
      fragment.replace('game=2.', 'game=1.'),
      /earlier version of Buffer Zone; it cannot be replayed by this one/,
    ],
    ['an empty payload', '#game=2.', /damaged|cut short/],
    ['random text', '#game=2.%%%%not-lz%%%%', /damaged|cut short/],
  ])('refuse %s with a clear message', (_name, text, message) => {
    const back = recordFromShareFragment(text, level);
    expect(back.ok).toBe(false);
    if (!back.ok) expect(back.error).toMatch(message);
  });

  it('refuse an edited game: the intents no longer replay to the recorded final hash', () => {
    const read = readShareFragment(fragment);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const edited = structuredClone(record);
    const step = edited.steps.findIndex((s) => s.intent.type === 'party.statement' || s.intent.type === 'party.pass');
    edited.steps[step >= 0 ? step : 3].intent.note = 'edited';
    const back = recordFromShareFragment(`#${shareFragment({ ...edited, finalHash: record.finalHash })}`, level);
    expect(back.ok).toBe(false);
    if (!back.ok) expect(back.error).toMatch(/does not replay|edited/);
  });

  it('refuse a game for another level', () => {
    const back = recordFromShareFragment(fragment, findBuiltinLevel('tutorial')!);
    expect(back.ok).toBe(false);
    if (!back.ok) expect(back.error).toMatch(/for level "buffer-zone-talks"/);
  });
});
