import { PARTY_IDS, shareFragment, type GameRecord, type GameState, type Level, type OutcomeKind, type PartyId } from '../../core';
import type { LoadedGame } from './games';
import { readShareLink } from './links';
import type { Result } from '../../core';

/**
 * The player's recent games, kept in this browser (localStorage): the last ten games finished here,
 * branched here or opened from a file or a link, newest first. Each is stored as its share-link
 * fragment (a compressed record, about 6 KB), so opening one replays and checks it like any link.
 */
const KEY = 'buffer-zone.recent.v1';
export const RECENT_LIMIT = 10;

export type RecentKind = 'played' | 'branch' | 'opened';

export interface RecentGame {
  /** The record's final hash: one entry per game. */
  id: string;
  kind: RecentKind;
  levelId: string;
  levelTitle: string;
  seed: string;
  outcome: OutcomeKind | null;
  round: number;
  steps: number;
  /** When it was added, from this browser's clock (ISO 8601). */
  date: string;
  humans: PartyId[];
  parent: GameRecord['parent'];
  fragment: string;
}

export function recentGames(): RecentGame[] {
  let raw: string | null;
  try {
    raw = localStorage.getItem(KEY);
  } catch {
    return [];
  }
  if (!raw) return [];
  try {
    const data: unknown = JSON.parse(raw);
    return Array.isArray(data) ? data.filter(isRecent).slice(0, RECENT_LIMIT) : [];
  } catch {
    // A damaged list is not worth an error: the games themselves live in their own files and links.
    return [];
  }
}

function isRecent(x: unknown): x is RecentGame {
  const r = x as RecentGame;
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.id === 'string' &&
    typeof r.fragment === 'string' &&
    typeof r.levelTitle === 'string' &&
    typeof r.seed === 'string' &&
    typeof r.date === 'string' &&
    typeof r.steps === 'number' &&
    typeof r.round === 'number' &&
    ['played', 'branch', 'opened'].includes(r.kind) &&
    Array.isArray(r.humans)
  );
}

function write(list: RecentGame[]): void {
  for (let keep = list.length; keep > 0; keep--) {
    try {
      localStorage.setItem(KEY, JSON.stringify(list.slice(0, keep)));
      return;
    } catch {
      // Storage full: keep fewer games rather than none.
    }
  }
}

/**
 * Adds a game (or leaves it where it is if it is already listed: opening a game again does not move
 * it, and a game played here keeps that label when it is later opened from a link).
 */
export function rememberGame(level: Level, record: GameRecord, final: GameState, kind: RecentKind, fragment?: string): void {
  const list = recentGames();
  if (list.some((r) => r.id === record.finalHash)) return;
  const o = final.context.outcome;
  const entry: RecentGame = {
    id: record.finalHash,
    kind: record.parent && kind !== 'opened' ? 'branch' : kind,
    levelId: level.id,
    levelTitle: level.title,
    seed: record.seed,
    outcome: o?.kind ?? null,
    round: o?.round ?? final.context.round,
    steps: record.steps.length,
    date: new Date().toISOString(),
    humans: PARTY_IDS.filter((p) => record.seats[p]?.kind === 'human'),
    parent: record.parent,
    fragment: fragment ?? shareFragment(record),
  };
  write([entry, ...list].slice(0, RECENT_LIMIT));
}

export function rememberLoaded(game: LoadedGame, kind: RecentKind): void {
  rememberGame(game.level, game.record, game.states[game.states.length - 1], kind, game.fragment);
}

export function forgetGame(id: string): void {
  write(recentGames().filter((r) => r.id !== id));
}

export function findRecent(id: string): RecentGame | undefined {
  return recentGames().find((r) => r.id === id);
}

export function openRecent(entry: RecentGame): Result<LoadedGame> {
  return readShareLink(entry.fragment);
}

/** The game a branch grew from: in memory if it is still open, else from the recent games list. */
export function findOriginal(record: GameRecord, inMemory: LoadedGame | null = null): Result<LoadedGame> {
  const parent = record.parent;
  if (!parent) return { ok: false, error: 'This game is not a branch of another.' };
  if (inMemory && inMemory.record.finalHash === parent.hash) return { ok: true, value: inMemory };
  const entry = findRecent(parent.hash);
  if (!entry)
    return {
      ok: false,
      error: 'The original game is not in this browser’s recent games. Open it (from its file or link) to compare.',
    };
  return openRecent(entry);
}
