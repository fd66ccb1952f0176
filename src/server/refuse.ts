import type { Ack, ErrorCode } from '../protocol';

/** A refused request's reply: the code for programs, the sentence for people. */
export const refuse = (code: ErrorCode, error: string): Ack => ({ ok: false, code, error });
