import { PARTY_NAMES, TERMS, TERM_IDS, optionLabel, type GameView, type Level, type Package, type PartyId } from '../../core';
import { h } from '../dom';
import { SHORT_NAME, emblem } from '../palette';
import { redLineFor } from '../packages';

/**
 * The package on the table as a term sheet: each active term and its option, the terms the level
 * fixes, who has accepted or rejected it, and what it is worth to the player against their walk-away.
 */
export function termSheet(
  view: GameView,
  level: Level,
  me: PartyId | null,
  options: { title?: string; pkg?: Package | null } = {},
): HTMLElement {
  const table = view.table;
  const pkg = options.pkg !== undefined ? options.pkg : (table?.terms ?? null);
  const brief = view.brief;
  const title = options.title ?? 'On the table';
  const sub =
    options.pkg !== undefined
      ? null
      : table
        ? `Proposed by ${PARTY_NAMES[table.proposedBy]}${table.round ? ` in round ${table.round}` : ' before the talks'}`
        : null;
  const fixed = TERM_IDS.filter((t) => !level.activeTerms.includes(t));
  return h(
    'section',
    { class: 'panel sheet', 'aria-labelledby': 'sheet-h' },
    h('h2', { id: 'sheet-h', class: 'panel-title' }, title),
    sub ? h('p', { class: 'sheet-sub' }, sub) : null,
    pkg
      ? h(
          'dl',
          { class: 'terms' },
          ...level.activeTerms.map((t) => {
            const red = brief ? redLineFor(brief, t, pkg[t]) : null;
            return h(
              'div',
              { class: `term-row${red ? ' is-crosses' : ''}` },
              h('dt', null, TERMS[t].label),
              h('dd', null, optionLabel(t, pkg[t]), red ? h('span', { class: 'tag is-warn', title: red }, ' Your red line') : null),
            );
          }),
        )
      : h('p', { class: 'sheet-empty' }, 'Nothing is on the table yet. On its turn, any party may propose a package.'),
    view.commitments.guaranteesDemanded && options.pkg === undefined
      ? h('p', { class: 'term-fixed' }, 'Ukraine has demanded defined security guarantees: it will not sign a package without one.')
      : null,
    pkg && fixed.length
      ? h(
          'p',
          { class: 'term-fixed' },
          `Fixed in this scenario: ${fixed.map((t) => `${TERMS[t].label.toLowerCase()} (${optionLabel(t, level.defaultPackage[t]).toLowerCase()})`).join(', ')}.`,
        )
      : null,
    table && options.pkg === undefined ? signatures(view, me) : null,
    table && options.pkg === undefined && view.tableUtility !== null && brief ? valueLine(view.tableUtility, brief.currentWalkAway) : null,
  );
}

function signatures(view: GameView, me: PartyId | null): HTMLElement {
  const t = view.table!;
  return h(
    'ul',
    { class: 'signatures', 'aria-label': 'Answers to this package' },
    ...view.parties.map(({ id }) => {
      const state = t.acceptedBy.includes(id)
        ? ['accepted', '✓', 'accepted']
        : t.rejectedBy.includes(id)
          ? ['rejected', '✕', 'rejected']
          : ['pending', '…', 'waiting'];
      return h(
        'li',
        { class: `sig is-${state[0]}` },
        emblem(id, 12),
        h(
          'span',
          null,
          SHORT_NAME[id] === 'United States' ? 'US' : SHORT_NAME[id],
          id === me ? h('span', { class: 'sr-only' }, ' (you)') : null,
        ),
        h('span', { class: 'sig-state' }, h('span', { 'aria-hidden': 'true' }, state[1]), ` ${state[2]}`),
      );
    }),
  );
}

export function valueLine(value: number, walkAway: number): HTMLElement {
  const above = value - walkAway;
  return h(
    'div',
    { class: 'value-line' },
    h(
      'p',
      null,
      'Worth to you: ',
      h('strong', null, String(value)),
      ` · walk-away ${walkAway} · `,
      h(
        'span',
        { class: above >= 0 ? 'tone-good' : 'tone-bad' },
        above >= 0 ? `${Math.round(above * 10) / 10} above` : `${Math.round(-above * 10) / 10} below`,
      ),
    ),
    h(
      'div',
      { class: 'value-track', 'aria-hidden': 'true' },
      h('span', { class: 'value-fill', style: `width:${Math.max(0, Math.min(100, value))}%` }),
      h('span', { class: 'value-mark', style: `left:${Math.max(0, Math.min(100, walkAway))}%` }),
    ),
  );
}
