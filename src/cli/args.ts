import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DIFFICULTIES, PARTY_IDS, isPartyId, type Difficulty, type PartyId } from '../core';
import { InputError } from './errors';

/** Flag parsing with user-facing errors: every problem names the flag and what it expects. */
export function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true } as const);
  } catch (e) {
    throw new InputError((e as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ''));
  }
}

export function wholeNumber(flag: string, value: string | undefined, min: number, max: number, fallback?: number): number {
  if (value === undefined) {
    if (fallback !== undefined) return fallback;
    throw new InputError(`${flag}: required`);
  }
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max)
    throw new InputError(`${flag}: expected a whole number from ${min} to ${max}, got "${value.slice(0, 40)}"`);
  return Number(value);
}

export function difficulty(flag: string, value: string | undefined): Difficulty {
  const v = value ?? 'normal';
  if (!(DIFFICULTIES as readonly string[]).includes(v))
    throw new InputError(`${flag}: expected one of ${DIFFICULTIES.join(', ')}, got "${v.slice(0, 40)}"`);
  return v as Difficulty;
}

/** `--seat russia=hard` (repeatable). */
export function seatOverrides(values: string[] | undefined): Partial<Record<PartyId, Difficulty>> {
  const out: Partial<Record<PartyId, Difficulty>> = {};
  for (const v of values ?? []) {
    const [party, level] = v.split('=');
    if (!isPartyId(party)) throw new InputError(`--seat: unknown party "${String(party).slice(0, 40)}" (expected ${PARTY_IDS.join(', ')})`);
    out[party] = difficulty(`--seat ${party}`, level);
  }
  return out;
}

export function seedText(value: string | undefined): string {
  if (value === undefined) throw new InputError('--seed: required (any text, e.g. --seed classroom-1)');
  if (value.length > 200) throw new InputError('--seed: at most 200 characters');
  return value;
}
