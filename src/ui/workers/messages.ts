import type { ExplorationSummary } from '../../ai';
import type { Debrief, GameRecord, GameState, Result, Seats } from '../../core';

/**
 * What the page and its workers post to each other. The page imports only these types, never a
 * worker's module, so the page is checked with the DOM and the workers with the worker scope.
 */

/** To the debrief worker: a game to analyse. */
export interface DebriefRequest {
  id: number;
  record: GameRecord;
}

export interface DebriefReply {
  id: number;
  result: Result<Debrief>;
}

/** To the what-if explorer's worker: play continuations `first, first + stride, …` (count of them), reporting every `batch` games. */
export interface ExploreRequest {
  type: 'explore';
  levelId: string;
  state: GameState;
  seats: Seats;
  first: number;
  stride: number;
  count: number;
  batch: number;
}

export type ExploreReply =
  | { type: 'ready' }
  | { type: 'progress'; summary: ExplorationSummary }
  | { type: 'done'; summary: ExplorationSummary }
  | { type: 'error'; message: string };
