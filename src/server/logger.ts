/**
 * Colyseus's logger, minus the stack traces a hostile or broken client can cause at will (an oversized
 * frame, an unreadable message): those become one line, so a teacher's terminal stays readable.
 */
const CLIENT_FAULTS = [
  /^Max payload size exceeded/,
  /^Invalid WebSocket frame/,
  /Unexpected end of MessagePack data/,
  /^RangeError: Max payload/,
];

function firstLine(args: unknown[]): string {
  const first = args[0];
  const text = first instanceof Error ? `${first.name}: ${first.message}` : String(first);
  return text.split('\n')[0];
}

export function colyseusLogger(quiet: boolean) {
  return {
    debug: () => undefined,
    trace: () => undefined,
    info: (...args: unknown[]) => (quiet ? undefined : console.info(...args)),
    warn: (...args: unknown[]) => console.warn(...args),
    error: (...args: unknown[]) => {
      const line = firstLine(args);
      if (CLIENT_FAULTS.some((re) => re.test(line))) {
        if (!quiet) console.warn(`[classroom] a client sent a message that was refused: ${line}`);
        return;
      }
      console.error(...args);
    },
  };
}
