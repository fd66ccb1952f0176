/**
 * Rate limits. A token bucket per client keeps one browser from flooding its table (refused with a
 * reply, not a disconnect); a failure counter per address stops anyone from finding tables by
 * trying codes or seat tokens — a class behind one school router shares an address, so the limit
 * counts failures only, and is generous enough for typing mistakes.
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
