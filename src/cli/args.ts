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

/** What `--seat` values ask for: a difficulty per party, and agent commands per party. */
export interface SeatChoices {
  difficulties: Partial<Record<PartyId, Difficulty>>;
  agents: Partial<Record<PartyId, string>>;
}

/** `--seat russia=hard` or `--seat ukraine=agent:node my-agent.js` (repeatable). */
export function seatChoices(values: string[] | undefined): SeatChoices {
  const out: SeatChoices = { difficulties: {}, agents: {} };
  for (const v of values ?? []) {
    const eq = v.indexOf('=');
    const party = eq < 0 ? v : v.slice(0, eq);
    const choice = eq < 0 ? undefined : v.slice(eq + 1);
    if (!isPartyId(party)) throw new InputError(`--seat: unknown party "${party.slice(0, 40)}" (expected ${PARTY_IDS.join(', ')})`);
    if (choice?.startsWith('agent:')) {
      const command = choice.slice('agent:'.length).trim();
      if (!command) throw new InputError(`--seat ${party}: agent: needs a command, e.g. --seat ${party}=agent:"node my-agent.js"`);
      if (command.length > 1000) throw new InputError(`--seat ${party}: the agent command is longer than 1000 characters`);
      out.agents[party] = command;
      delete out.difficulties[party];
    } else {
      if (choice === undefined || !(DIFFICULTIES as readonly string[]).includes(choice))
        throw new InputError(
          `--seat ${party}: expected one of ${DIFFICULTIES.join(', ')} or agent:<command>, got "${String(choice ?? '').slice(0, 40)}"`,
        );
      out.difficulties[party] = choice as Difficulty;
      delete out.agents[party];
    }
  }
  return out;
}

/** `--agent-timeout <seconds>`: how long an agent may think about one answer (default 5 s). */
export function agentTimeoutMs(value: string | undefined): number {
  if (value === undefined) return 5000;
  if (!/^\d+(\.\d+)?$/.test(value) || Number(value) <= 0 || Number(value) > 600)
    throw new InputError(`--agent-timeout: expected a number of seconds above 0 and at most 600, got "${value.slice(0, 40)}"`);
  return Math.round(Number(value) * 1000);
}

export function seedText(value: string | undefined): string {
  if (value === undefined) throw new InputError('--seed: required (any text, e.g. --seed classroom-1)');
  if (value.length > 200) throw new InputError('--seed: at most 200 characters');
  return value;
}
