/**
 * Colyseus's logger, minus the stack traces a hostile or broken client can cause at will (an oversized
 * frame, an unreadable or absurdly nested message): each such refusal is one short line, and at most a
 * few lines per ten seconds, so a client sending hundreds of them cannot flood a teacher's terminal.
 */
const CLIENT_FAULTS = [
  /^Max payload size exceeded/,
  /^Invalid WebSocket frame/,
  /Unexpected end of MessagePack data/,
  /^RangeError: Max payload/,
  /couldn't decode message/,
  /^RangeError: Maximum call stack size exceeded/,
  /^Error: (Data read, but end of buffer not reached|Unknown extension|Invalid (typed array|byte))/,
];

/** A stack that runs through the message decoder is the client's message, whatever the error says. */
const DECODER_FRAME = /node_modules[\\/](msgpackr|@colyseus[\\/]schema)[\\/]/;

function textOf(args: unknown[]): string {
  const first = args[0];
  if (first instanceof Error) return first.stack ?? `${first.name}: ${first.message}`;
  return String(first);
}

export function isClientFault(text: string): boolean {
  const line = text.split('\n')[0];
  return CLIENT_FAULTS.some((re) => re.test(line)) || DECODER_FRAME.test(text);
}

/** Lets `max` lines through per window; counts the rest and says how many were left out. */
export class LineLimiter {
  private windowStart = -Infinity;
  private shown = 0;
  private left = 0;
  private flush: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly write: (line: string) => void,
    private readonly max = 5,
    private readonly windowMs = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  line(text: string): void {
    const t = this.now();
    if (t - this.windowStart >= this.windowMs) {
      this.report();
      this.windowStart = t;
      this.shown = 0;
    }
    if (this.shown < this.max) {
      this.shown++;
      this.write(text);
      return;
    }
    this.left++;
    if (!this.flush) {
      this.flush = setTimeout(() => this.report(), Math.max(0, this.windowStart + this.windowMs - t));
      this.flush.unref?.();
    }
  }

  private report(): void {
    if (this.flush) clearTimeout(this.flush);
    this.flush = null;
    if (this.left === 0) return;
    this.write(`[classroom] … and ${this.left} more refused client messages like these`);
    this.left = 0;
  }
}

export function colyseusLogger(quiet: boolean) {
  const refused = new LineLimiter((line) => console.warn(line));
  return {
    debug: () => undefined,
    trace: () => undefined,
    info: (...args: unknown[]) => (quiet ? undefined : console.info(...args)),
    warn: (...args: unknown[]) => console.warn(...args),
    error: (...args: unknown[]) => {
      const text = textOf(args);
      if (isClientFault(text)) {
        if (!quiet) refused.line(`[classroom] refused a message a client sent: ${text.split('\n')[0].slice(0, 160)}`);
        return;
      }
      console.error(...args);
    },
  };
}
