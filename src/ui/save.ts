import { LocalTable } from '../ai';
import { PARTY_IDS, parseRecordJson, serializeRecord, type GameRecord, type Level, type PartyId } from '../core';
import { findBuiltinLevel } from '../content/levels';

/**
 * The game in progress lives in localStorage as its record (the same text as a downloaded
 * `.bzrec.json`), written after every move. Restoring replays it and checks every step hash, so a
 * damaged or tampered save is caught and explained instead of producing a broken game.
 */
const SAVE_KEY = 'buffer-zone.save.v1';
const TUTORIAL_KEY = 'buffer-zone.tutorial-step.v1';

export type LoadedSave =
  | { kind: 'none' }
  | { kind: 'ok'; table: LocalTable; human: PartyId; record: GameRecord }
  | { kind: 'corrupt'; reason: string; raw: string };

export function loadSave(): LoadedSave {
  let raw: string | null;
  try {
    raw = localStorage.getItem(SAVE_KEY);
  } catch {
    return { kind: 'none' };
  }
  if (raw === null || raw.trim() === '') return { kind: 'none' };
  const parsed = parseRecordJson(raw, 'saved game');
  if (!parsed.ok) return { kind: 'corrupt', reason: parsed.error, raw };
  const record = parsed.value;
  const level: Level | undefined = findBuiltinLevel(record.level.id);
  if (!level)
    return { kind: 'corrupt', reason: `saved game: it is for a level ("${record.level.id}") this version of the game does not have.`, raw };
  const human = PARTY_IDS.find((p) => record.seats[p]?.kind === 'human');
  if (!human) return { kind: 'corrupt', reason: 'saved game: no seat is played by a person.', raw };
  const table = LocalTable.fromRecord(level, record);
  if (!table.ok) return { kind: 'corrupt', reason: `saved game: ${table.error}`, raw };
  return { kind: 'ok', table: table.value, human, record };
}

/** Writes the record; returns an error message if the browser refused (storage full or blocked). */
export function writeSave(table: LocalTable): string | null {
  try {
    localStorage.setItem(SAVE_KEY, serializeRecord(table.record()));
    return null;
  } catch (e) {
    return `The game could not be saved in this browser (${(e as Error).message}). You can still download the record at the end.`;
  }
}

export function clearSave(): void {
  try {
    localStorage.removeItem(SAVE_KEY);
    localStorage.removeItem(TUTORIAL_KEY);
  } catch {
    /* nothing to clear */
  }
}

export function tutorialStep(): number {
  try {
    const n = Number(localStorage.getItem(TUTORIAL_KEY) ?? '0');
    return Number.isInteger(n) && n >= 0 ? n : 0;
  } catch {
    return 0;
  }
}

export function setTutorialStep(step: number): void {
  try {
    localStorage.setItem(TUTORIAL_KEY, String(step));
  } catch {
    /* the tutorial still works, it just restarts its tips after a reload */
  }
}
