/** A problem with what the user gave us (a file, a flag). Printed as one message, exit code 2, no stack trace. */
export class InputError extends Error {}

/** A record that does not replay. Exit code 1. */
export class ReplayError extends Error {}

export const EXIT = { ok: 0, replay: 1, input: 2 } as const;
