import { PARTY_IDS, PARTY_NAMES, type GameView, type Level } from '../../../core';
import { h } from '../../dom';
import { signed } from '../../format';
import { emblem } from '../../palette';
import { briefDetails } from '../../widgets/brief';
import { termSheet } from '../../widgets/term-sheet';

export const OUTCOME_TITLES = {
  agreement: 'Agreement signed',
  breakdown: 'The talks broke down',
  deadline: 'Deadline reached without agreement',
} as const;

/**
 * The debrief as the teacher projects it: the outcome and why, what was signed (or left on the
 * table), each party's score against its walk-away value, and every brief revealed. The teams see the
 * same on their own screens once the talks are over.
 */
export function teacherDebrief(view: GameView, level: Level, tableLabel: string): HTMLElement {
  const o = view.outcome!;
  const walk = (p: (typeof PARTY_IDS)[number]) => view.revealed?.find((b) => b.party === p)?.walkAway ?? 0;
  return h(
    'section',
    { class: 'cr-debrief', 'aria-labelledby': 'cr-debrief-h' },
    h(
      'header',
      { class: `verdict verdict-${o.kind}` },
      h('p', { class: 'eyebrow' }, `Debrief · ${tableLabel}`),
      h('h2', { id: 'cr-debrief-h', class: 'cr-debrief-title' }, OUTCOME_TITLES[o.kind]),
      h('p', { class: 'lede' }, o.reason),
      h('p', { class: 'meta' }, `Round ${o.round} of ${view.rounds}${o.durability !== null ? ` · durability ${o.durability} / 100` : ''}`),
    ),
    h(
      'div',
      { class: 'cr-debrief-grid' },
      o.package
        ? termSheet(view, level, null, { title: 'Terms signed', pkg: o.package })
        : view.table
          ? termSheet(view, level, null, { title: 'Last package on the table (not signed)', pkg: view.table.terms })
          : h(
              'section',
              { class: 'panel' },
              h('h3', { class: 'panel-title' }, 'No agreement'),
              h('p', null, 'No package was on the table at the end.'),
            ),
      h(
        'section',
        { class: 'panel scores', 'aria-labelledby': 'cr-scores-h' },
        h('h3', { id: 'cr-scores-h', class: 'panel-title' }, 'Scores against each walk-away value'),
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
            ),
          ),
          h(
            'tbody',
            null,
            ...PARTY_IDS.map((p) =>
              h(
                'tr',
                null,
                h('th', { scope: 'row' }, emblem(p, 12), ` ${PARTY_NAMES[p]}`),
                h('td', null, String(o.values[p])),
                h('td', null, String(walk(p))),
                h('td', { class: o.scores[p] >= 0 ? 'good' : 'bad' }, signed(o.scores[p])),
              ),
            ),
          ),
        ),
      ),
    ),
    h(
      'section',
      { class: 'panel revealed', 'aria-labelledby': 'cr-revealed-h' },
      h('h3', { id: 'cr-revealed-h', class: 'panel-title' }, 'The hidden briefs, revealed'),
      ...(view.revealed ?? []).map((b) =>
        h(
          'details',
          { class: `reveal party-${b.party}` },
          h('summary', null, emblem(b.party), ` ${PARTY_NAMES[b.party]}`),
          briefDetails(b, level),
        ),
      ),
    ),
  );
}
