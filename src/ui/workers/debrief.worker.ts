import { analyzeGame, type Debrief, type Result } from '../../core';
import { findBuiltinLevel } from '../../content/levels';
import type { DebriefReply, DebriefRequest } from './messages';

/**
 * Works out a game's debrief off the page's thread: the deal space of the main scenario has 243,000
 * packages, and the frontier, the Nash point and the gap take a few hundred milliseconds. The deal
 * space is built once per level and reused for every later debrief.
 */

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.addEventListener('message', (e: MessageEvent<DebriefRequest>) => {
  const { id, record } = e.data;
  let result: Result<Debrief>;
  try {
    const level = findBuiltinLevel(record.level.id);
    result = level ? analyzeGame(level, record) : { ok: false, error: `unknown level "${record.level.id}"` };
  } catch (error) {
    result = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage({ id, result } satisfies DebriefReply);
});
