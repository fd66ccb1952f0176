import type { LocalTable } from '../../ai';
import {
  err,
  levelHash,
  ok,
  recordLevel,
  replay,
  replayStates,
  type EventRecord,
  type GameRecord,
  type GameState,
  type Intent,
  type Level,
  type LogEntry,
  type Result,
} from '../../core';
import { findBuiltinLevel } from '../../content/levels';
import { describeRefusal } from '../../narrate';

/**
 * A finished (or saved) game opened for discussion: its level, its record, and every state along the
 * way (`states[i]` is the game after `i` steps, `states[0]` the start), so the viewer can jump to any
 * step at once. Every way in (a file, a share link, the recent list, a game just played) goes through
 * a replay that checks each step, so a damaged or edited game is refused with a reason.
 */
export interface LoadedGame {
  level: Level;
  record: GameRecord;
  states: GameState[];
  /** The share-link fragment (`game=2.…`), made on first use. */
  fragment?: string;
}

/** The largest record file accepted: a record may hold 10,000 steps, far more than any real game. */
export const MAX_RECORD_BYTES = 5 * 1024 * 1024;

/** Replays a record step by step and checks every hash; any difference refuses the whole record. */
export function loadRecord(record: GameRecord, origin: string): Result<LoadedGame> {
  const published = findBuiltinLevel(record.level.id);
  if (!published) return err(`${origin}: it is for a level ("${clip(record.level.id)}") this version of the game does not have`);
  if (record.level.hash !== levelHash(published))
    return err(`${origin}: it was played on a different version of the level "${published.title}", so it cannot be replayed exactly`);
  // A classroom record carries the briefs its session drew: the game is replayed on those.
  const played = recordLevel(published, record);
  if (!played.ok) return err(`${origin}: ${played.error}`);
  const level = played.value;
  const r = replay(level, record, record.steps, { keepStates: true, finalHash: record.finalHash });
  if (r.divergence?.code === 'refused')
    return err(`${origin}: step ${r.divergence.step} does not replay (${describeRefusal(r.divergence.refusal, level)})`);
  if (r.divergence?.code === 'hash')
    return err(`${origin}: step ${r.divergence.step} does not lead to its recorded state (the record was edited or damaged)`);
  if (r.divergence) return err(`${origin}: the final state differs from the recorded one (edited or cut short)`);
  const states = r.states!;
  return ok({ level, record, states });
}

/** A game from a table in this browser (just played or just branched): no check needed, it was made here. */
export function gameFromTable(table: LocalTable): LoadedGame {
  const record = table.record();
  const states = replayStates(table.level, record);
  if (!states.ok) throw new Error(`a game played here does not replay: ${states.error}`);
  return { level: table.level, record, states: states.value };
}

export function lastStep(game: LoadedGame): number {
  return game.states.length - 1;
}

export function finalState(game: LoadedGame): GameState {
  return game.states[game.states.length - 1];
}

/** What one step did: the move (with the reason its party gave) and any event it drew. */
export interface StepInfo {
  step: number;
  round: number;
  intent: Intent | null;
  entries: LogEntry[];
  event: EventRecord | null;
}

export function stepInfo(game: LoadedGame, step: number): StepInfo {
  const after = game.states[step].context;
  if (step === 0) return { step, round: after.round, intent: null, entries: [], event: null };
  const before = game.states[step - 1].context;
  const entries = after.log.slice(before.log.length);
  const event = after.lastEvent && JSON.stringify(after.lastEvent) !== JSON.stringify(before.lastEvent) ? after.lastEvent : null;
  return { step, round: entries[0]?.round ?? before.round, intent: game.record.steps[step - 1].intent, entries, event };
}

/** The step at which round `r` begins: the first state in which a party is to move in that round. */
export function roundStarts(game: LoadedGame): { round: number; step: number }[] {
  const out: { round: number; step: number }[] = [];
  game.states.forEach((s, i) => {
    const r = s.context.round;
    if (s.phase === 'turns' && !out.some((o) => o.round === r)) out.push({ round: r, step: i });
  });
  return out;
}

export function roundAt(game: LoadedGame, step: number): number {
  const s = game.states[step];
  return s.context.outcome?.round ?? s.context.round;
}

/** Why play cannot continue from `step` (for "Play from here" and the explorer), or null if it can. */
export function whyNotFrom(game: LoadedGame, step: number): string | null {
  const s = game.states[step];
  if (s.phase === 'over') return 'The talks are over at this step: step back to a point before the end.';
  return null;
}

/**
 * The move a teacher would make now in a facilitated game, for tables in this browser that have no
 * teacher: open the talks, release the round's event, resume after a pause. Null when none is due.
 */
export function autoFacilitatorMove(state: GameState): Intent | null {
  if (!state.context.facilitated) return null;
  const note = 'Released automatically: no facilitator at this table.';
  if (state.phase === 'briefing') return { type: 'game.start', by: 'facilitator', note };
  if (state.phase === 'events') return { type: 'facilitator.releaseEvent', by: 'facilitator', note };
  if (state.phase === 'paused') return { type: 'facilitator.resume', by: 'facilitator', note };
  return null;
}

export function clip(s: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = s.replace(/[\u0000-\u001f\u007f]/g, '?');
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}
