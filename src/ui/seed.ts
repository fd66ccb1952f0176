/**
 * Seeds people can read aloud and type: eight letters and digits without look-alikes (no 0/o, 1/l/i),
 * grouped in two. The browser's crypto supplies the randomness; the game itself stays deterministic.
 */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export function randomSeed(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  const chars = Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/** Seeds are free text in the engine; the UI trims them and keeps them to a sane length. */
export function cleanSeed(text: string): string {
  return text.trim().slice(0, 64);
}
