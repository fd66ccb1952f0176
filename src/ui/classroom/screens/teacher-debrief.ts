import { PARTY_IDS, PARTY_NAMES, type GameView, type Level } from '../../../core';
import { h } from '../../dom';
import { emblem } from '../../palette';
import { briefDetails } from '../../widgets/brief';
import { scoreTable } from '../../widgets/score-table';
import { termSheet } from '../../widgets/term-sheet';
import { describeOutcome } from '../../../narrate';

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
      h('p', { class: 'lede' }, describeOutcome(o)),
      h(
        'p',
        { class: 'verdict-meta' },
        `Round ${o.round} of ${view.rounds}${o.durability !== null ? ` · durability ${o.durability} / 100` : ''}`,
      ),
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
      scoreTable(
        PARTY_IDS.map((p) => ({ party: p, name: PARTY_NAMES[p], value: o.values[p], walkAway: walk(p), score: o.scores[p] })),
        { headingId: 'cr-scores-h', heading: 'h3', bars: false },
      ),
    ),
    h(
      'section',
      { class: 'panel revealed', 'aria-labelledby': 'cr-revealed-h' },
      h('h3', { id: 'cr-revealed-h', class: 'panel-title' }, 'The hidden briefs, revealed'),
      ...(view.revealed ?? []).map((b) =>
        h(
          'details',
          { class: `reveal is-${b.party}` },
          h('summary', null, emblem(b.party), ` ${PARTY_NAMES[b.party]}`),
          briefDetails(b, level),
        ),
      ),
    ),
  );
}
