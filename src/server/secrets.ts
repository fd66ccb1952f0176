import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * Join codes, seat and teacher tokens. Codes are short enough to read off a projector and type on a
 * tablet; tokens are long random secrets that only the browser holding them knows (the journal keeps
 * their SHA-256).
 */

/** No 0/O, 1/I/L, 2/Z, 5/S or 8/B: a code read aloud or off a projector is typed right the first time. */
export const CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const CODE_LENGTH = 6;

export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** Upper-cases and drops spaces and dashes, so "abc-def" typed on a phone finds "ABCDEF". */
export function normalizeCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

export function isWellFormedCode(code: string): boolean {
  if (code.length !== CODE_LENGTH) return false;
  for (const ch of code) if (!CODE_ALPHABET.includes(ch)) return false;
  return true;
}

/** 192 random bits, URL-safe. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export function newId(): string {
  return randomBytes(12).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Compares a presented token with a stored hash in constant time. */
export function tokenMatches(token: unknown, storedHash: string | undefined): boolean {
  if (typeof token !== 'string' || token.length === 0 || token.length > 200 || !storedHash) return false;
  const a = Buffer.from(hashToken(token), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
