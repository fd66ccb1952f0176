import { PARTY_NAMES, TERMS, legalMoves, optionIndex, refusalFor, type GameView, type Intent, type LegalMove } from '../../core';
import { describeRefusal } from '../../narrate';
import { button, h, type Child } from '../dom';
import { fmtInt } from '../format';
import type { GameSession, PlayerIntent } from '../session';
import { briefGlance } from './brief';
import { openDialog } from './dialog';

/**
 * The player's moves. Every move is a real button; one the rules would refuse right now stays
 * focusable (aria-disabled) and, when pressed, says why instead of doing nothing silently.
 */
export interface MovesHandlers {
  act(intent: PlayerIntent): void;
  edit(kind: 'party.propose' | 'party.counter'): void;
  refuse(reason: string): void;
}

export function movesPanel(session: GameSession, handlers: MovesHandlers, reason: string): HTMLElement {
  const me = session.human;
  const view = session.view();
  const level = session.level;
  // What the player may do is judged from the player's own view, by the rules' own predicates.
  const legal = legalMoves(level, view);
  const why = (intent: PlayerIntent) => {
    const refusal = refusalFor(level, view, { ...intent, by: me } as Intent);
    return refusal ? describeRefusal(refusal, level) : null;
  };
  const refusedText = (type: Intent['type']) => {
    const refusal = legal.refused[type];
    return refusal ? describeRefusal(refusal, level) : null;
  };

  if (session.isOver()) return h('section', { class: 'panel moves' });
  if (!session.isMyTurn()) {
    const who = session.waitingFor();
    return h(
      'section',
      { class: 'panel moves waiting', 'aria-labelledby': 'moves-h' },
      h('h2', { id: 'moves-h', class: 'panel-title' }, 'Your move'),
      h(
        'p',
        { class: 'waiting-for' },
        h('span', { class: 'dots', 'aria-hidden': 'true' }),
        who ? `${PARTY_NAMES[who]} is considering its move…` : 'Waiting…',
      ),
      // While the others move, the player's own brief in brief, to plan the next move.
      h('h3', { class: 'glance-title' }, 'Your brief at a glance'),
      briefGlance(view.brief!, level),
    );
  }

  const move = (
    label: string,
    intent: PlayerIntent | null,
    run: () => void,
    attrs: Record<string, unknown> = {},
    check?: string | null,
  ) => {
    const problem = check !== undefined ? check : intent ? why(intent) : null;
    return button(label, () => (problem ? handlers.refuse(problem) : run()), {
      ...attrs,
      'data-key': `move-${label}`,
      'aria-disabled': problem ? 'true' : undefined,
      title: problem ?? undefined,
    });
  };

  const table = view.table;
  const main: Child[] = table
    ? [
        move('Accept', { type: 'party.accept' }, () => handlers.act({ type: 'party.accept' }), { class: 'primary' }),
        move('Reject', { type: 'party.reject' }, () => handlers.act({ type: 'party.reject' })),
        move('Counter-offer', null, () => handlers.edit('party.counter'), {}, null),
      ]
    : [move('Propose a package', null, () => handlers.edit('party.propose'), { class: 'primary' }, null)];

  const special: Child[] = [];
  if (me === 'ukraine')
    special.push(move('Demand guarantees', { type: 'ukraine.demandGuarantees' }, () => handlers.act({ type: 'ukraine.demandGuarantees' })));
  if (me === 'russia') {
    special.push(move('Escalate', { type: 'russia.escalate' }, () => confirmEscalation(handlers)));
    special.push(move('Stall', { type: 'russia.stall' }, () => handlers.act({ type: 'russia.stall' })));
  }
  if (me === 'us')
    special.push(
      move('Offer air support', null, () => offerAirSupport(view, legal.moves, handlers), {}, refusedText('us.offerAirSupport')),
    );
  if (me === 'coalition')
    special.push(move('Pledge troops', null, () => pledgeTroops(view, legal.moves, handlers), {}, refusedText('coalition.pledgeTroops')));

  return h(
    'section',
    { class: 'panel moves is-turn', 'aria-labelledby': 'moves-h' },
    h('h2', { id: 'moves-h', class: 'panel-title' }, `Your move · round ${view.round}`),
    h('div', { class: 'move-row' }, ...main),
    h(
      'div',
      { class: 'move-row' },
      move('Public statement', null, () => makeStatement(handlers), {}, null),
      move('Pass', { type: 'party.pass' }, () => handlers.act({ type: 'party.pass' })),
      ...special,
    ),
    h(
      'div',
      { class: 'move-row is-end' },
      move('Walk out', { type: 'party.walkOut' }, () => confirmWalkOut(handlers), { class: 'danger quiet' }),
    ),
    h('p', { class: 'move-reason', id: 'move-reason', role: 'status' }, reason),
  );
}

function offerAirSupport(view: GameView, legal: readonly LegalMove[], handlers: MovesHandlers): void {
  const levels = legal.find((m) => m.type === 'us.offerAirSupport')?.levels ?? [];
  const offered = optionIndex('usSupport', view.commitments.usSupport);
  const options = TERMS.usSupport.options
    .slice(1)
    .map((o, i) => ({ ...o, index: i + 1 }))
    .filter((o) => o.index > offered);
  const choice = h(
    'fieldset',
    { class: 'choices' },
    h('legend', null, 'What Washington offers (no ground troops)'),
    ...options.map((o) => {
      const allowed = levels.includes(o.id);
      return h(
        'label',
        { class: `choice${allowed ? '' : ' is-off'}` },
        h('input', {
          type: 'radio',
          name: 'us-level',
          value: o.id,
          disabled: !allowed,
          checked: o.index === Math.min(view.usSupportCeiling, offered + 1),
        }),
        ` ${o.label}`,
        allowed ? null : h('span', { class: 'hint' }, ` — beyond what engagement ${view.meters.usEngagement} allows`),
      );
    }),
  );
  openDialog({
    title: 'Offer US air support',
    body: [
      h('p', null, 'A public commitment: it raises US engagement and trust with Kyiv and the Coalition, and raises tension with Moscow.'),
      choice,
    ],
    actions: [
      {
        label: 'Make the offer',
        primary: true,
        onClick: () => {
          const picked = choice.querySelector<HTMLInputElement>('input:checked');
          if (picked) handlers.act({ type: 'us.offerAirSupport', level: picked.value });
        },
      },
      { label: 'Cancel' },
    ],
  });
}

function pledgeTroops(view: GameView, legal: readonly LegalMove[], handlers: MovesHandlers): void {
  const limits = legal.find((m) => m.type === 'coalition.pledgeTroops');
  const cap = limits?.max ?? 0;
  const onTable = view.table ? Number(view.table.terms.peacekeepers) : 0;
  const sizes = [
    ...new Set(
      [4000, 10000, 15000, 30000, 45000, 60000, onTable].filter((n) => limits && n >= limits.min && n <= limits.max && n !== limits.except),
    ),
  ].sort((a, b) => a - b);
  const select = h(
    'select',
    { id: 'pledge-size' },
    ...sizes.map((n) =>
      h('option', { value: n, selected: n === (onTable || sizes[0]) }, `${fmtInt(n)} troops${n === onTable ? ' (as on the table)' : ''}`),
    ),
  );
  openDialog({
    title: 'Pledge peacekeepers',
    body: [
      h(
        'p',
        null,
        `The Coalition can field up to ${fmtInt(cap)} troops now. A pledge reassures Kyiv, costs support at home and is watched closely in Moscow.`,
      ),
      h('label', { for: 'pledge-size', class: 'field-label' }, 'Troops to pledge after a ceasefire'),
      select,
    ],
    actions: [
      { label: 'Pledge', primary: true, onClick: () => handlers.act({ type: 'coalition.pledgeTroops', troops: Number(select.value) }) },
      { label: 'Cancel' },
    ],
  });
}

function makeStatement(handlers: MovesHandlers): void {
  const text = h('input', {
    id: 'statement-text',
    type: 'text',
    maxlength: 280,
    autocomplete: 'off',
    placeholder: 'Optional: the words of your statement',
  });
  const tones = h(
    'fieldset',
    { class: 'choices' },
    h('legend', null, 'Tone'),
    h(
      'label',
      { class: 'choice' },
      h('input', { type: 'radio', name: 'tone', value: 'conciliatory', checked: true }),
      ' Conciliatory',
      h('span', { class: 'hint block' }, 'Builds trust with the others; costs a little support at home.'),
    ),
    h(
      'label',
      { class: 'choice' },
      h('input', { type: 'radio', name: 'tone', value: 'firm' }),
      ' Firm',
      h('span', { class: 'hint block' }, 'Wins support at home; costs a little trust.'),
    ),
  );
  openDialog({
    title: 'Public statement',
    body: [tones, h('label', { for: 'statement-text', class: 'field-label' }, 'Statement (optional)'), text],
    actions: [
      {
        label: 'Make the statement',
        primary: true,
        onClick: () => {
          const tone = (tones.querySelector<HTMLInputElement>('input:checked')?.value ?? 'conciliatory') as 'conciliatory' | 'firm';
          const said = text.value.trim();
          handlers.act(said ? { type: 'party.statement', tone, text: said } : { type: 'party.statement', tone });
        },
      },
      { label: 'Cancel' },
    ],
  });
}

function confirmEscalation(handlers: MovesHandlers): void {
  openDialog({
    title: 'Escalate?',
    body: [
      h(
        'p',
        null,
        'A wave of missile and drone strikes. Tension rises sharply, trust in Russia falls, and people are killed. It may also lower the others’ expectations of the talks.',
      ),
    ],
    actions: [
      { label: 'Escalate', danger: true, onClick: () => handlers.act({ type: 'russia.escalate' }) },
      { label: 'Cancel', primary: true },
    ],
  });
}

function confirmWalkOut(handlers: MovesHandlers): void {
  openDialog({
    title: 'Walk out of the talks?',
    body: [
      h('p', null, 'Walking out ends the talks for everyone: there will be no agreement, and each party is scored on its walk-away value.'),
    ],
    actions: [
      { label: 'Walk out', danger: true, onClick: () => handlers.act({ type: 'party.walkOut' }) },
      { label: 'Stay at the table', primary: true },
    ],
  });
}
