import tutorial from '../../levels/tutorial.json';
import main from '../../levels/buffer-zone-talks.json';
import afterStrike from '../../levels/after-the-strike.json';
import { parseLevel, type Level } from '../core';

/** The levels that ship with the game, in menu order, validated once on first use. */
const FILES: readonly { path: string; data: unknown }[] = [
  { path: 'levels/tutorial.json', data: tutorial },
  { path: 'levels/buffer-zone-talks.json', data: main },
  { path: 'levels/after-the-strike.json', data: afterStrike },
];

export const MAIN_LEVEL_ID = 'buffer-zone-talks';

export interface BuiltinLevel {
  path: string;
  level: Level;
}

let cache: BuiltinLevel[] | null = null;

export function builtinLevels(): BuiltinLevel[] {
  if (!cache) {
    cache = FILES.map(({ path, data }) => {
      const parsed = parseLevel(data, path);
      if (!parsed.ok) throw new Error(`A built-in level is invalid (a packaging bug):\n${parsed.error}`);
      return { path, level: parsed.value };
    });
  }
  return cache;
}

export function findBuiltinLevel(id: string): Level | undefined {
  return builtinLevels().find((l) => l.level.id === id)?.level;
}
