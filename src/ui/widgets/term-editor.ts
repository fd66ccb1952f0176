import { PARTY_NAMES, TERMS, refusalFor, type Intent, type Package, type PartyId, type TermId } from '../../core';
import { describeRefusal } from '../../narrate';
import { button, h } from '../dom';
import { PARTY_SHORT } from '../palette';
import { briefUtility, idealPackage, optionValue, publicDemandsFor, redLineFor } from '../packages';
import type { GameSession } from '../session';
import { valueLine } from './term-sheet';

/**
 * The term editor for a proposal or a counter-offer: one labelled select per active term. Each option
 * says if it crosses the player's red line or is another party's public demand; the footer shows the
 * package's worth to the player and, live, the exact reason the rules would refuse it.
 */
export interface EditorHandlers {
  submit(pkg: Package, note: string): void;
  cancel(): void;
}

export interface EditorState {
  kind: 'party.propose' | 'party.counter';
  draft: Record<TermId, string>;
  note: string;
}

export function termEditor(session: GameSession, state: EditorState, handlers: EditorHandlers, rerender: () => void): HTMLElement {
  const me = session.human;
  const level = session.level;
  const view = session.view();
  const brief = view.brief!;
  const pkg = state.draft as Package;
  const refusal = refusalFor(level, view, { type: state.kind, by: me, package: pkg } as Intent);
  const problem = refusal ? describeRefusal(refusal, level) : null;
  const title = state.kind === 'party.counter' ? 'Counter-offer' : 'Propose a package';
  const value = briefUtility(brief, level.activeTerms, pkg);

  const rows = level.activeTerms.map((t) => {
    const id = `term-${t}`;
    const demands = publicDemandsFor(view, t);
    const changed = view.table && view.table.terms[t] !== pkg[t];
    const select = h(
      'select',
      {
        id,
        'data-key': id,
        onchange: (e: Event) => {
          state.draft[t] = (e.target as HTMLSelectElement).value;
          rerender();
        },
      },
      ...TERMS[t].options.map((o) => {
        const red = redLineFor(brief, t, o.id) ? '✕ ' : '';
        const who = demands.filter((d) => d.option === o.id && d.party !== me).map((d) => PARTY_SHORT[d.party]);
        return h('option', { value: o.id, selected: o.id === pkg[t] }, `${red}${o.label}${who.length ? ` (${who.join(', ')})` : ''}`);
      }),
    );
    const v = optionValue(brief, t, pkg[t]);
    return h(
      'div',
      { class: `erow${changed ? ' is-changed' : ''}${redLineFor(brief, t, pkg[t]) ? ' is-crosses' : ''}` },
      h('label', { for: id }, TERMS[t].label, changed ? h('span', { class: 'sr-only' }, ' (changed)') : null),
      select,
      h(
        'span',
        {
          class: 'mine',
          title: v === null ? 'You do not care about this term' : `Your liking for this option: ${Math.round(v * 100)}%`,
          'aria-hidden': 'true',
        },
        h('span', { style: `width:${v === null ? 0 : Math.round(v * 100)}%` }),
      ),
    );
  });

  const start = (label: string, make: () => Package | null) => {
    const from = make();
    return from
      ? button(
          label,
          () => {
            state.draft = { ...from } as Record<TermId, string>;
            rerender();
          },
          { class: 'chip', 'data-key': `start-${label}` },
        )
      : null;
  };

  const note = h('input', {
    id: 'offer-note',
    'data-key': 'offer-note',
    type: 'text',
    maxlength: 200,
    autocomplete: 'off',
    value: state.note,
    placeholder: 'Optional: a one-line reason the others will read',
    oninput: (e: Event) => {
      state.note = (e.target as HTMLInputElement).value;
    },
  });

  return h(
    'section',
    { class: 'panel editor', 'aria-labelledby': 'editor-h' },
    h('h2', { id: 'editor-h', class: 'panel-title' }, title),
    h(
      'div',
      { class: 'starts', role: 'group', 'aria-label': 'Start from' },
      h('span', { class: 'hint' }, 'Start from:'),
      start('The table', () => view.table?.terms ?? null),
      start('Your ideal', () => idealPackage(level, view)),
      start('Status quo', () => level.defaultPackage),
    ),
    h('p', { class: 'hint editor-key' }, '✕ your red line · (RUS) demanded in public by Russia · bar: how much you like the option'),
    h('div', { class: 'erows' }, ...rows),
    h('label', { for: 'offer-note', class: 'field-label' }, 'Reason (optional)'),
    note,
    valueLine(value, brief.currentWalkAway),
    h(
      'p',
      { class: `editor-problem${problem ? ' is-bad' : ' is-ok'}`, id: 'editor-problem', role: 'status' },
      problem ?? `Ready: ${describeAudience(me)}`,
    ),
    h(
      'div',
      { class: 'move-row' },
      button(
        state.kind === 'party.counter' ? 'Table the counter-offer' : 'Put it on the table',
        () => handlers.submit(pkg, state.note.trim()),
        {
          class: 'primary',
          'data-key': 'editor-submit',
          'aria-disabled': problem ? 'true' : undefined,
          'aria-describedby': 'editor-problem',
        },
      ),
      button('Cancel', handlers.cancel, { 'data-key': 'editor-cancel' }),
    ),
  );
}

function describeAudience(me: PartyId): string {
  const others = (['ukraine', 'russia', 'us', 'coalition'] as PartyId[]).filter((p) => p !== me).map((p) => PARTY_NAMES[p]);
  return `${others.slice(0, -1).join(', ')} and ${others[others.length - 1]} will answer in turn.`;
}
