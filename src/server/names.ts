import { TEAM_NAME_MAX } from '../protocol';

/**
 * Team names, as typed on a phone and shown on the teacher's projector. A name is the team's own
 * text, so nothing in it may act on the page or the terminal it is shown in: control characters
 * (NUL, ESC, line breaks) and the invisible bidirectional controls that can reverse the text around
 * them are taken out, runs of spaces become one, and the length limit is the join form's.
 */

// Line and tab characters become a space; other controls, bidi controls and invisible marks go.
const TO_SPACE = /[\t\n\v\f\r\u0085\u2028\u2029]/g;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const REMOVE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff\ufff9-\ufffb]/g;

/** The name to keep and show, or undefined when nothing printable is left. */
export function cleanTeamName(raw: string | undefined): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const text = raw.normalize('NFC').replace(TO_SPACE, ' ').replace(REMOVE, '').replace(/\s+/gu, ' ').trim();
  if (!text) return undefined;
  // Cut at the limit without splitting a surrogate pair.
  return (
    Array.from(text)
      .reduce((out, ch) => (out.length + ch.length <= TEAM_NAME_MAX ? out + ch : out), '')
      .trim() || undefined
  );
}
