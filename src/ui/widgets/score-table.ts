import type { PartyId } from '../../core';
import { h } from '../dom';
import { signed } from '../format';
import { emblem } from '../palette';

/** One party's line in a score table: what the outcome is worth to it against its walk-away value. */
export interface ScoreRow {
  party: PartyId;
  name: string;
  value: number;
  walkAway: number;
  /** The walk-away value at the end, when events moved it. */
  walkAwayNow?: number;
  score: number;
  isYou?: boolean;
}

const NOTE =
  'Value is what the outcome is worth to a party (0–100): for a deal, its walk-away value plus the gain weighted by the chance the deal holds. The score is that value minus the walk-away value it started with. Above zero, it did better than without talks.';

/**
 * The scores of the four parties, shared by the end-of-game debrief, the full debrief and the teacher's
 * debrief. The bar column is decoration (hidden from screen readers): the score column says it in words.
 */
export function scoreTable(
  rows: ScoreRow[],
  options: { headingId: string; heading?: 'h2' | 'h3'; bars?: boolean; note?: string },
): HTMLElement {
  const bars = options.bars ?? true;
  const max = Math.max(10, ...rows.map((r) => Math.abs(r.score)));
  return h(
    'section',
    { class: 'panel scores', 'aria-labelledby': options.headingId },
    h(options.heading ?? 'h2', { id: options.headingId, class: 'panel-title' }, 'Scores against each walk-away value'),
    h(
      'table',
      { class: 'score-table' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, 'Party'),
          h('th', { scope: 'col' }, 'Value'),
          h('th', { scope: 'col' }, 'Walk-away'),
          h('th', { scope: 'col' }, 'Score'),
          bars ? h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, 'Chart')) : null,
        ),
      ),
      h('tbody', null, ...rows.map((r) => scoreRow(r, bars, max))),
    ),
    h('p', { class: 'hint' }, options.note ?? NOTE),
  );
}

function scoreRow(r: ScoreRow, bars: boolean, max: number): HTMLElement {
  const width = (50 * Math.abs(r.score)) / max;
  return h(
    'tr',
    { class: r.isYou ? 'is-you' : '' },
    h('th', { scope: 'row' }, emblem(r.party, 12), ` ${r.name}${r.isYou ? ' (you)' : ''}`),
    h('td', null, String(r.value)),
    h(
      'td',
      null,
      String(r.walkAway),
      r.walkAwayNow !== undefined && r.walkAwayNow !== r.walkAway ? h('span', { class: 'hint block' }, `now ${r.walkAwayNow}`) : null,
    ),
    h('td', { class: r.score >= 0 ? 'tone-good' : 'tone-bad' }, signed(r.score)),
    bars
      ? h(
          'td',
          { class: 'is-diverge', 'aria-hidden': 'true' },
          h('span', {
            class: `score-bar ${r.score >= 0 ? 'is-pos' : 'is-neg'}`,
            style: r.score >= 0 ? `left:50%;width:${width}%` : `left:${50 - width}%;width:${width}%`,
          }),
        )
      : null,
  );
}
