import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAIN_LEVEL_ID, builtinLevels, findBuiltinLevel } from '../../src/content/levels';
import { PARTY_IDS, TERMS, levelHash, parseLevelJson, usSupportCeiling } from '../../src/core';

/** The levels that ship with the game: every file valid, every one listed, each one playable in principle. */

const ROOT = join(import.meta.dirname, '..', '..');
const files = readdirSync(join(ROOT, 'levels')).filter((f) => f.endsWith('.json'));

describe('built-in levels', () => {
  it.each(files)('levels/%s is valid as read from disk', (file) => {
    const parsed = parseLevelJson(readFileSync(join(ROOT, 'levels', file), 'utf8'), `levels/${file}`);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(`${parsed.value.id}.json`).toBe(file);
  });

  it('every level file is in the menu, once, and the main level is there', () => {
    const listed = builtinLevels().map((l) => l.path);
    expect([...listed].sort()).toEqual(files.map((f) => `levels/${f}`).sort());
    const ids = builtinLevels().map((l) => l.level.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(findBuiltinLevel(MAIN_LEVEL_ID)).toBeDefined();
    expect(findBuiltinLevel('no-such-level')).toBeUndefined();
  });

  it('the bundled level equals the file on disk (same hash)', () => {
    for (const { path, level } of builtinLevels()) {
      const parsed = parseLevelJson(readFileSync(join(ROOT, path), 'utf8'), path);
      if (!parsed.ok) throw new Error(parsed.error);
      expect(levelHash(parsed.value)).toBe(levelHash(level));
    }
  });

  it.each(builtinLevels().map((l) => [l.level.id, l.level] as const))('%s: figures cite their sources', (_id, level) => {
    expect(level.coalition.cite.length).toBeGreaterThan(0);
    expect(level.casualtiesPerRound.cite.length).toBeGreaterThan(0);
    for (const p of PARTY_IDS) expect(level.parties[p].cite.length, p).toBeGreaterThan(0);
  });

  it.each(builtinLevels().map((l) => [l.level.id, l.level] as const))(
    '%s: every active term has an option no party forbids, within opening limits',
    (_id, level) => {
      for (const t of level.activeTerms) {
        const open = TERMS[t].options.filter((o) => {
          if (PARTY_IDS.some((p) => level.parties[p].redLines.some((r) => r.term === t && r.forbidden.includes(o.id)))) return false;
          if (t === 'peacekeepers' && Number(o.id) > level.meters.coalitionCapacity) return false;
          if (t === 'usSupport' && TERMS.usSupport.options.indexOf(o) > usSupportCeiling(level.meters.usEngagement)) return false;
          return true;
        });
        expect(open.length, t).toBeGreaterThan(0);
      }
    },
  );

  it('the tutorial is a tutorial with steps; the others are scenarios', () => {
    for (const { level } of builtinLevels()) {
      if (level.kind === 'tutorial') expect(level.tutorial?.length).toBeGreaterThan(0);
      else expect(level.kind).toBe('scenario');
    }
  });
});
