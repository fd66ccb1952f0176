import { err, parseRecordJson, readShareFragment, recordFromShareFragment, shareFragment, type Result } from '../../core';
import { findBuiltinLevel } from '../../content/levels';
import { clip, loadRecord, type LoadedGame } from './games';

/**
 * Games in text form: share links (the record compressed into the address after '#') and record
 * files. Kept apart from games.ts so the compression code loads only when a link is made or opened.
 *
 * Text pasted or dropped in: a share link (or its fragment), or the JSON of a record file. */
export function readGameText(text: string, origin: string): Result<LoadedGame> {
  const trimmed = text.trim();
  if (trimmed === '') return err(`${origin}: it is empty`);
  if (/^(https?:\/\/\S*)?#?game=/.test(trimmed) || /^\S*#game=/.test(trimmed)) return readShareLink(trimmed);
  const parsed = parseRecordJson(trimmed, origin);
  if (!parsed.ok) return parsed;
  return loadRecord(parsed.value, origin);
}

/** A share link (the whole address, or just the part after '#'). */
export function readShareLink(text: string): Result<LoadedGame> {
  const trimmed = text.trim();
  const at = trimmed.indexOf('#');
  // Anything after '&' (a step or a view in the address) is not part of the game.
  const fragment = (at >= 0 ? trimmed.slice(at + 1) : trimmed).split('&')[0];
  const read = readShareFragment(fragment);
  if (!read.ok) return read;
  const level = findBuiltinLevel(read.value.levelId);
  if (!level) return err(`link: the game is for a level ("${clip(read.value.levelId)}") this version of the game does not have`);
  const record = recordFromShareFragment(fragment, level);
  if (!record.ok) return record;
  const game = loadRecord(record.value, 'link');
  if (game.ok) game.value.fragment = fragment;
  return game;
}

export function fragmentOf(game: LoadedGame): string {
  game.fragment ??= shareFragment(game.record);
  return game.fragment;
}

/** The address that opens this game in Buffer Zone: this page, with the game in the fragment. */
export function shareUrl(game: LoadedGame): string {
  return `${location.origin}${location.pathname}#${fragmentOf(game)}`;
}
