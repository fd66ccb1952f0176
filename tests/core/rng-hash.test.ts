import { createHash } from 'node:crypto';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { canonicalJson, nextRandom, pickWeighted, seedState, sha256Hex } from '../../src/core';

/** The two primitives every replay depends on: the Alea generator kept as plain state, and the canonical hash. */

describe('the generator state', () => {
  // pins seedrandom's Alea seeding: if a library update changed it, every seed would play differently.
  it('seeds the same four numbers for the same text', () => {
    expect(seedState('classroom-1')).toEqual({ c: 1, s0: 0.04336820309981704, s1: 0.7777799731120467, s2: 0.20151598961092532 });
    expect(seedState('classroom-2')).not.toEqual(seedState('classroom-1'));
  });

  it('draws the same numbers as seedrandom.alea itself, without touching the state it was given', () => {
    const reference = seedrandom.alea('classroom-1');
    let s = seedState('classroom-1');
    for (let i = 0; i < 100; i++) {
      const frozen = Object.freeze({ ...s });
      const [x, next] = nextRandom(frozen);
      expect(x).toBe(reference());
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      expect(next).not.toEqual(frozen);
      s = next;
    }
  });

  it('survives JSON: a state written and read back draws the same next number', () => {
    const s = nextRandom(nextRandom(seedState('json'))[1])[1];
    const back = JSON.parse(JSON.stringify(s));
    expect(nextRandom(back)).toEqual(nextRandom(s));
  });

  it.each([
    [[1, 1, 1], 0, 0],
    [[1, 1, 1], 0.5, 1],
    [[1, 1, 1], 0.999, 2],
    [[0, 5, 0], 0, 1],
    [[0, 5, 0], 0.999, 1],
    [[3, 0, 1], 0.76, 2],
    [[0, 0, 0], 0.3, 0],
  ])('pickWeighted(%j, %f) = %i, never a zero-weight option when another has weight', (weights, x, index) => {
    expect(pickWeighted(weights, x)).toBe(index);
  });
});

describe('canonical JSON and SHA-256', () => {
  it('sorts keys at every depth and drops undefined fields', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 1, c: undefined }, 'x'] })).toBe('{"a":[{"d":1},"x"],"b":1}');
    expect(canonicalJson({ x: { z: 1, y: 2 } })).toBe(canonicalJson({ x: { y: 2, z: 1 } }));
  });

  it('refuses numbers JSON cannot carry', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/non-finite/);
    expect(() => canonicalJson({ a: Infinity })).toThrow(/non-finite/);
  });

  it('is SHA-256 (test vectors), over UTF-8', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    for (const text of ['Київ', 'Kyiv — 40 km', '{"a":1}'.repeat(1000)])
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });
});
