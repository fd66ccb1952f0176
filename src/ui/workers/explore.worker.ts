import { emptySummary, exploreOne } from '../../ai';
import type { GameState } from '../../core';
import { findBuiltinLevel } from '../../content/levels';
import type { ExploreReply, ExploreRequest } from './messages';

/**
 * The what-if explorer's worker: plays continuations `first, first + stride, …` (count of them) from
 * one state with the computer in every seat, and posts its running summary every `batch` games, so
 * the page shows progress and can stop it (by terminating the worker) at any time.
 */

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (reply: ExploreReply) => scope.postMessage(reply);

scope.addEventListener('message', (e: MessageEvent<ExploreRequest>) => {
  const job = e.data;
  if (job?.type !== 'explore') return;
  try {
    const level = findBuiltinLevel(job.levelId);
    if (!level) throw new Error(`unknown level "${job.levelId}"`);
    // A facilitated game has a teacher releasing each event; the continuations draw them at once.
    const from: GameState = { phase: job.state.phase, context: { ...job.state.context, facilitated: false } };
    const summary = emptySummary();
    for (let k = 0; k < job.count; k++) {
      exploreOne(level, from, job.seats, job.first + k * job.stride, summary);
      if ((k + 1) % job.batch === 0 && k + 1 < job.count) post({ type: 'progress', summary });
    }
    post({ type: 'done', summary });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});

// Loading the levels (and warming the rules) before the first job keeps the first run quick.
findBuiltinLevel('buffer-zone-talks');
post({ type: 'ready' });
