import { PARTY_IDS, PARTY_NAMES } from '../../../core';
import type { TableComparison } from '../../../protocol';
import type { App, Screen } from '../../app';
import { button, h, render } from '../../dom';
import { fmtInt, signed } from '../../format';
import { emblem } from '../../palette';
import { comparison, spacedCode } from '../api';
import { setAddress } from '../address';
import { lostSession, teacherHub, teacherNav } from './teacher-common';
import { OUTCOME_TITLES } from './teacher-debrief';

/**
 * The parallel tables side by side, for the debrief discussion: the same seed and the same events,
 * different people — what each table signed or left on the table, the scores, the outcome. Rows
 * where the tables differ are marked (with a sign, not only a colour).
 */
export function comparisonScreen(app: App): Screen {
  const hub = teacherHub();
  if (!hub) {
    setAddress(null);
    return {
      el: h(
        'main',
        { class: 'screen cr-screen' },
        h('h1', null, 'Compare the tables'),
        lostSession(app, 'There is no session in this browser.'),
      ),
      title: 'Compare the tables',
    };
  }
  const body = h('div', { class: 'cr-compare-body' });
  const stamp = h('p', { class: 'hint', role: 'status' });
  let disposed = false;
  let pending = false;
  let again = false;

  const load = async () => {
    if (pending) {
      again = true;
      return;
    }
    pending = true;
    const result = await comparison(hub.session.sessionId, hub.session.teacherToken);
    pending = false;
    if (disposed) return;
    if (!result.ok) {
      if (result.status === 401 || result.status === 404) render(body, lostSession(app, result.error));
      else stamp.textContent = `Not up to date: ${result.error}`;
    } else {
      render(body, table(result.value.tables));
      stamp.textContent = `Up to date at ${new Date().toLocaleTimeString('en-GB')}.`;
    }
    if (again) {
      again = false;
      void load();
    }
  };

  const el = h(
    'main',
    { class: 'screen cr-screen cr-compare', 'aria-labelledby': 'cr-compare-h1' },
    teacherNav(app, 'comparison', hub),
    h(
      'header',
      { class: 'screen-head' },
      h('p', { class: 'eyebrow' }, `Classroom session · seed ${hub.session.seed}`),
      h('h1', { id: 'cr-compare-h1' }, 'The tables side by side'),
      h('p', { class: 'lede' }, 'Same scenario, same seed, same events: what did each table make of them?'),
      h(
        'div',
        { class: 'move-row' },
        button('Refresh', () => void load(), { 'data-key': 'refresh' }),
        stamp,
      ),
    ),
    body,
  );
  render(body, h('p', { class: 'hint' }, 'Loading the tables…'));
  void load();
  // The comparison follows the tables as they move.
  const off = hub.on((e) => {
    if (e.event.type === 'view') void load();
  });
  return {
    el,
    title: 'Compare the tables',
    dispose: () => {
      disposed = true;
      off();
    },
  };
}

function table(tables: TableComparison[]): HTMLElement {
  const sorted = [...tables].sort((a, b) => a.index - b.index);
  const terms = sorted.find((t) => t.termLabels.length)?.termLabels.map((t) => ({ term: t.term, label: t.label })) ?? [];
  const status = (t: TableComparison) =>
    t.status === 'signed'
      ? 'Agreement signed'
      : t.status === 'on-table'
        ? t.phase === 'over'
          ? 'Left on the table'
          : 'On the table'
        : 'Nothing on the table';
  const row = (label: string, values: string[], opts: { cls?: string[]; head?: Node } = {}) => {
    const differs = new Set(values).size > 1;
    return h(
      'tr',
      { class: differs ? 'is-differs' : '' },
      h(
        'th',
        { scope: 'row' },
        opts.head ?? label,
        differs
          ? h(
              'span',
              { class: 'cr-differs' },
              h('span', { 'aria-hidden': 'true' }, ' ≠'),
              h('span', { class: 'sr-only' }, ' (the tables differ)'),
            )
          : null,
      ),
      ...values.map((v, i) => h('td', { class: opts.cls?.[i] ?? '' }, v)),
    );
  };
  const section = (title: string) => h('tr', { class: 'cr-section' }, h('th', { scope: 'colgroup', colspan: sorted.length + 1 }, title));

  return h(
    'div',
    { class: 'cr-compare-wrap', role: 'region', 'aria-label': 'Comparison of the tables', tabindex: 0 },
    h(
      'table',
      { class: 'cr-compare-table' },
      h(
        'caption',
        { class: 'sr-only' },
        'Each column is one table of the session; rows marked “differ” are where the tables did not end the same way.',
      ),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('td', null),
          ...sorted.map((t) => h('th', { scope: 'col' }, `Table ${t.index + 1}`, h('span', { class: 'cr-col-code' }, spacedCode(t.code)))),
        ),
      ),
      h(
        'tbody',
        null,
        section('Where the talks stand'),
        row(
          'Outcome',
          sorted.map((t) =>
            t.outcome ? OUTCOME_TITLES[t.outcome.kind] : t.phase === 'briefing' ? 'Not started' : `In progress · round ${t.round}`,
          ),
        ),
        row('The package', sorted.map(status)),
        row(
          'Durability',
          sorted.map((t) => (t.outcome?.durability != null ? `${t.outcome.durability} / 100` : '—')),
        ),
        row(
          'Tension',
          sorted.map((t) => String(t.meters.tension)),
        ),
        row(
          'Casualties',
          sorted.map((t) => fmtInt(t.meters.casualties)),
        ),
        row(
          'Moves recorded',
          sorted.map((t) => String(t.steps)),
        ),
        section('Scores against each walk-away value (after the talks)'),
        ...PARTY_IDS.map((p) =>
          row(
            PARTY_NAMES[p],
            sorted.map((t) => (t.scores ? signed(t.scores[p]) : '—')),
            {
              head: h('span', { class: 'with-emblem' }, emblem(p, 12), PARTY_NAMES[p]),
              cls: sorted.map((t) => (t.scores ? (t.scores[p] >= 0 ? 'tone-good' : 'tone-bad') : '')),
            },
          ),
        ),
        section('The terms (signed, or last on the table)'),
        ...terms.map((term) =>
          row(
            term.label,
            sorted.map((t) => t.termLabels.find((l) => l.term === term.term)?.value ?? '—'),
          ),
        ),
      ),
    ),
    sorted.some((t) => t.outcome)
      ? h(
          'div',
          { class: 'cr-reasons' },
          ...sorted.filter((t) => t.outcome).map((t) => h('p', null, h('strong', null, `Table ${t.index + 1}: `), t.outcome!.reason)),
        )
      : null,
  );
}
