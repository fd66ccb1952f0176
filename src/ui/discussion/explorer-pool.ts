import { PARTY_IDS, type GameState, type Seats } from '../../core';
import { emptySummary, type ExplorationSummary } from '../../ai';
import type { ExploreReply, ExploreRequest } from '../workers/messages';

/**
 * Runs the what-if explorer in Web Workers: the continuations are dealt out round-robin (continuation
 * `i` always uses the same seed, so the result does not depend on how many workers share the work),
 * each worker posts its running summary in batches, and the page merges them for the progress bar.
 * Cancelling terminates the workers at once.
 */
export interface ExploreJob {
  levelId: string;
  state: GameState;
  seats: Seats;
  runs: number;
}

export interface ExploreProgress {
  summary: ExplorationSummary;
  done: boolean;
}

/** Workers: as many as the machine has cores, up to four (the page itself needs little while they run). */
export function workerCount(runs: number): number {
  const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency ? navigator.hardwareConcurrency : 2;
  return Math.max(1, Math.min(4, cores, Math.ceil(runs / 50)));
}

/** Merges per-worker summaries: counts add, means are weighted by runs. */
export function mergeSummaries(parts: readonly ExplorationSummary[]): ExplorationSummary {
  const out = emptySummary();
  for (const s of parts) {
    if (s.runs === 0) continue;
    const n = out.runs + s.runs;
    out.meanRounds = (out.meanRounds * out.runs + s.meanRounds * s.runs) / n;
    for (const k of Object.keys(out.outcomes) as (keyof ExplorationSummary['outcomes'])[]) out.outcomes[k] += s.outcomes[k];
    for (const p of PARTY_IDS) {
      const a = out.scores[p];
      const b = s.scores[p];
      a.mean = (a.mean * out.runs + b.mean * s.runs) / n;
      a.min = Math.min(a.min, b.min);
      a.max = Math.max(a.max, b.max);
      b.histogram.forEach((c, i) => (a.histogram[i] += c));
    }
    out.runs = n;
  }
  return out;
}

export class ExplorerPool {
  private workers: Worker[] = [];
  private loaded: Promise<void>[] = [];
  private running = false;

  /** Starts the workers ahead of the first run; resolves once they have loaded the rules. */
  warm(count = workerCount(1000)): Promise<void> {
    while (this.workers.length < count) {
      const w = spawn();
      this.workers.push(w);
      this.loaded.push(
        new Promise<void>((resolve) => {
          const onReady = (e: MessageEvent<ExploreReply>) => {
            if (e.data?.type !== 'ready') return;
            w.removeEventListener('message', onReady);
            resolve();
          };
          w.addEventListener('message', onReady);
        }),
      );
    }
    return Promise.all(this.loaded.slice(0, count)).then(() => undefined);
  }

  get busy(): boolean {
    return this.running;
  }

  run(job: ExploreJob, onProgress: (p: ExploreProgress) => void): Promise<ExplorationSummary> {
    if (this.running) return Promise.reject(new Error('an exploration is already running'));
    const count = workerCount(job.runs);
    void this.warm(count);
    const workers = this.workers.slice(0, count);
    const parts = workers.map(() => emptySummary());
    this.running = true;
    return new Promise<ExplorationSummary>((resolve, reject) => {
      let finished = 0;
      const cleanup = () => {
        for (const w of workers) w.onmessage = w.onerror = null;
        this.running = false;
      };
      workers.forEach((w, k) => {
        w.onmessage = (e: MessageEvent<ExploreReply>) => {
          const reply = e.data;
          if (reply.type === 'ready') return;
          if (reply.type === 'error') {
            cleanup();
            reject(new Error(reply.message));
            return;
          }
          parts[k] = reply.summary;
          if (reply.type === 'done') finished += 1;
          const merged = mergeSummaries(parts);
          const done = finished === workers.length;
          onProgress({ summary: merged, done });
          if (done) {
            cleanup();
            resolve(merged);
          }
        };
        w.onerror = (e) => {
          cleanup();
          reject(new Error(e.message || 'the explorer stopped unexpectedly'));
        };
        const share = Math.floor(job.runs / count) + (k < job.runs % count ? 1 : 0);
        const request: ExploreRequest = {
          type: 'explore',
          levelId: job.levelId,
          state: job.state,
          seats: job.seats,
          first: k,
          stride: count,
          count: share,
          batch: Math.max(10, Math.min(100, Math.round(share / 20))),
        };
        w.postMessage(request);
      });
    });
  }

  /** Stops every worker at once (a run in progress never reports again); new ones start on the next run. */
  terminate(): void {
    for (const w of this.workers) {
      w.onmessage = w.onerror = null;
      w.terminate();
    }
    this.workers = [];
    this.loaded = [];
    this.running = false;
  }
}

function spawn(): Worker {
  return new Worker(new URL('../workers/explore.worker.ts', import.meta.url), { type: 'module', name: 'what-if explorer' });
}
