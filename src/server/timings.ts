import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

/**
 * Where a move's time goes on the server, for the load benchmark and for a teacher's terminal when
 * tables feel slow: waiting in its table's queue, the rules (apply and state hash), the journal's synced
 * commit, and building and sending every member's view. Samples are kept in bounded rings, so this
 * costs a few clock reads per move and no growing memory; the event loop's delay is sampled beside them.
 */

export const STAGES = ['queue', 'rules', 'journal', 'views', 'total'] as const;
export type Stage = (typeof STAGES)[number];

const RING = 20_000;

export interface StageFigures {
  count: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
}

export interface TimingReport {
  stages: Record<Stage, StageFigures>;
  /** How late the event loop ran its callbacks (p99): the time every table's messages waited behind others' work. */
  eventLoopDelayP99Ms: number;
}

class Ring {
  private readonly values = new Float64Array(RING);
  private n = 0;

  add(ms: number): void {
    this.values[this.n % RING] = ms;
    this.n++;
  }

  figures(): StageFigures {
    const count = Math.min(this.n, RING);
    const sorted = Array.from(this.values.subarray(0, count)).sort((a, b) => a - b);
    const at = (p: number) => (count ? sorted[Math.min(count - 1, Math.floor((p / 100) * count))] : 0);
    const mean = count ? sorted.reduce((s, v) => s + v, 0) / count : 0;
    return { count: this.n, p50Ms: round2(at(50)), p99Ms: round2(at(99)), meanMs: round2(mean) };
  }
}

export class Timings {
  private rings = new Map<Stage, Ring>(STAGES.map((s) => [s, new Ring()]));
  private loop = monitorEventLoopDelay({ resolution: 10 });

  constructor() {
    this.loop.enable();
  }

  add(stage: Stage, ms: number): void {
    this.rings.get(stage)!.add(ms);
  }

  report(): TimingReport {
    return {
      stages: Object.fromEntries(STAGES.map((s) => [s, this.rings.get(s)!.figures()])) as Record<Stage, StageFigures>,
      eventLoopDelayP99Ms: round2(this.loop.percentile(99) / 1e6),
    };
  }

  /** Forgets every sample (after a warm-up, say). */
  reset(): void {
    this.rings = new Map(STAGES.map((s) => [s, new Ring()]));
    this.loop.reset();
  }

  dispose(): void {
    this.loop.disable();
  }
}

/** Milliseconds since `start` (a `performance.now()` reading). */
export const since = (start: number): number => performance.now() - start;

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
