import type { PartyId } from '../core';
import { svg } from './dom';

/**
 * Muted party colours chosen to stay distinct under the common colour-vision deficiencies, and each
 * party also has its own shape (circle, square, triangle, diamond), so nothing is told by colour alone.
 */
export const PARTY_COLOUR: Readonly<Record<PartyId, string>> = {
  ukraine: '#5b9bd5',
  russia: '#d4845a',
  us: '#a58bd6',
  coalition: '#d9b75a',
};

export const PARTY_SHORT: Readonly<Record<PartyId, string>> = {
  ukraine: 'UKR',
  russia: 'RUS',
  us: 'USA',
  coalition: 'CoW',
};

/** Names short enough for tight places (log, signatures); the full names are used everywhere else. */
export const SHORT_NAME: Readonly<Record<PartyId, string>> = {
  ukraine: 'Ukraine',
  russia: 'Russia',
  us: 'United States',
  coalition: 'Coalition',
};

const SHAPES: Readonly<Record<PartyId, string>> = {
  ukraine: '<circle cx="8" cy="8" r="6"/>',
  russia: '<rect x="2.5" y="2.5" width="11" height="11" rx="1.5"/>',
  us: '<path d="M8 1.8 14.6 13.6H1.4Z"/>',
  coalition: '<path d="M8 1 15 8 8 15 1 8Z"/>',
};

/** The party's emblem: a small filled shape in its colour. Decorative: the name is always next to it. */
export function emblem(party: PartyId, size = 16): SVGSVGElement {
  return svg(`<svg viewBox="0 0 16 16" width="${size}" height="${size}" fill="${PARTY_COLOUR[party]}">${SHAPES[party]}</svg>`, {
    class: 'emblem',
  });
}
