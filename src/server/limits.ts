/**
 * Rate limits. A token bucket per client keeps one browser from flooding its table (refused with a
 * reply, not a disconnect); a failure counter per address stops anyone from finding tables by
 * trying codes — a class behind one school router shares an address, so the limit counts failures
 * only, and going over it slows code lookups down instead of refusing them: a right code always gets
 * in (after a short wait), a team coming back with its seat token or a reconnection never waits.
 */

export interface Limits {
  /** Largest WebSocket frame accepted at all; anything bigger closes that socket (code 1009). */
  maxPayloadBytes: number;
  /** Largest request the room will look at; bigger ones get a 'too-large' reply. */
  maxRequestBytes: number;
  /** Requests per second a client may sustain, and the burst it may send at once. */
  requestsPerSecond: number;
  requestBurst: number;
  /** Frames per second above which Colyseus drops the socket: only a hostile client gets there. */
  hardMessagesPerSecond: number;
  /** Failed joins or code lookups per address within the window before further attempts are refused. */
  failedAttempts: number;
  failedAttemptWindowMs: number;
  /** Over the failure limit, an address's code lookups are let through at this rate, one after another… */
  slowLookupsPerSecond: number;
  /** …with at most this many waiting; more are refused (429) without looking at the code. */
  slowLookupQueue: number;
  /** Sessions one address may create per hour. */
  sessionsPerHour: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxPayloadBytes: 64 * 1024,
  maxRequestBytes: 8 * 1024,
  requestsPerSecond: 5,
  requestBurst: 20,
  hardMessagesPerSecond: 100,
  failedAttempts: 30,
  failedAttemptWindowMs: 10 * 60_000,
  slowLookupsPerSecond: 2,
  slowLookupQueue: 40,
  sessionsPerHour: 60,
};

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = burst;
    this.last = now();
  }

  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.perSecond);
    this.last = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** Counts events per key in a sliding window (e.g. failed joins per address). */
export class WindowCounter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  private recent(key: string): number[] {
    const cutoff = this.now() - this.windowMs;
    const list = (this.hits.get(key) ?? []).filter((t) => t > cutoff);
    if (list.length) this.hits.set(key, list);
    else this.hits.delete(key);
    return list;
  }

  blocked(key: string): boolean {
    return this.recent(key).length >= this.max;
  }

  add(key: string): void {
    const list = this.recent(key);
    list.push(this.now());
    this.hits.set(key, list);
    // Forget idle addresses now and then, so the map cannot grow without bound.
    if (this.hits.size > 10_000) for (const k of [...this.hits.keys()]) this.recent(k);
  }

  /** Seconds until the oldest counted event leaves the window. */
  retryAfter(key: string): number {
    const list = this.recent(key);
    return list.length ? Math.max(1, Math.ceil((list[0] + this.windowMs - this.now()) / 1000)) : 0;
  }
}

/**
 * Failed attempts per address, and the slow lane for an address over the limit: its lookups of a code
 * (joining without a token, the join screen's table summary) wait their turn, `perSecond` of them a
 * second. A guesser then gets a couple of tries a second against 244 million codes; thirty students
 * behind one router who mistyped a few codes still join, a few seconds apart.
 */
export class AttemptGuard {
  private readonly failures: WindowCounter;
  private readonly lanes = new Map<string, { nextAt: number; waiting: number }>();

  constructor(
    max: number,
    windowMs: number,
    private readonly perSecond: number,
    private readonly queueMax: number,
    private readonly now: () => number = Date.now,
  ) {
    this.failures = new WindowCounter(max, windowMs, now);
  }

  fail(key: string): void {
    this.failures.add(key);
  }

  overLimit(key: string): boolean {
    return this.failures.blocked(key);
  }

  /** Resolves true when the caller may look up a code (at once below the limit); false when too many are waiting. */
  async admit(key: string): Promise<boolean> {
    if (!this.failures.blocked(key)) return true;
    const t = this.now();
    const lane = this.lanes.get(key) ?? { nextAt: t, waiting: 0 };
    if (lane.waiting >= this.queueMax) return false;
    const at = Math.max(t, lane.nextAt);
    lane.nextAt = at + 1000 / this.perSecond;
    lane.waiting++;
    this.lanes.set(key, lane);
    if (at > t) await new Promise((resolve) => setTimeout(resolve, at - t));
    lane.waiting--;
    if (lane.waiting === 0 && lane.nextAt <= this.now()) this.lanes.delete(key);
    return true;
  }

  /** Seconds a refused caller should wait before trying again. */
  retryAfter(key: string): number {
    const lane = this.lanes.get(key);
    return Math.max(1, Math.ceil(((lane?.nextAt ?? this.now()) - this.now()) / 1000));
  }
}
