import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { builtinLevels, findBuiltinLevel } from '../content/levels';
import { parseLevelJson, parseRecordJson, type GameRecord, type Level } from '../core';
import { InputError } from './errors';

/** Records and levels are small; anything larger is refused before it is read into memory. */
const MAX_FILE_BYTES = 8 * 1024 * 1024;

export function readTextFile(path: string): string {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (e) {
    throw new InputError(`${path}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (size > MAX_FILE_BYTES) throw new InputError(`${path}: the file is ${size} bytes, larger than the ${MAX_FILE_BYTES}-byte limit`);
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputError(`${path}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

export function writeTextFile(path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (e) {
    throw new InputError(`${path}: cannot write the file (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** A level by built-in id, or by path to a level file (validated). */
export function loadLevel(idOrPath: string): { level: Level; path: string } {
  const builtin = findBuiltinLevel(idOrPath);
  if (builtin) return { level: builtin, path: builtinLevels().find((l) => l.level === builtin)!.path };
  if (!/[/\\.]/.test(idOrPath)) {
    const ids = builtinLevels()
      .map((l) => l.level.id)
      .join(', ');
    throw new InputError(`--level: no level "${idOrPath}" (built-in levels: ${ids}; or give a path to a level file)`);
  }
  const parsed = parseLevelJson(readTextFile(idOrPath), idOrPath);
  if (!parsed.ok) throw new InputError(parsed.error);
  return { level: parsed.value, path: resolve(idOrPath) };
}

export function loadRecord(path: string): GameRecord {
  const parsed = parseRecordJson(readTextFile(path), path);
  if (!parsed.ok) throw new InputError(parsed.error);
  return parsed.value;
}
