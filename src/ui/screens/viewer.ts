import {
  timelineOf,
  viewFor,
  type GameView,
  type Level,
  type LogEntry,
  type PartyId,
  type GameRecord,
  type TimelinePoint,
} from '../../core';
import { describeOutcome, cardText } from '../../narrate';
import type { App, Route, Screen } from '../app';
import { announce } from '../announce';
import { button, h, render } from '../dom';
import { actorName, entryReason, entryText, signed } from '../format';
import { SHORT_NAME, emblem } from '../palette';
import { showMap } from '../stage';
import { mapSlot, metersRow, updateMapFigure } from '../widgets/board';
import { keepLogAtBottom, logPanel } from '../widgets/log';
import { meterBar } from '../widgets/meter';
import { termSheet } from '../widgets/term-sheet';
import { timelineChart } from '../widgets/timeline-chart';
import { openBranchDialog } from '../discussion/branch';
import { debriefOf } from '../discussion/debrief-client';
import { lastStep, roundAt, roundStarts, stepInfo, whyNotFrom } from '../discussion/games';
import { findOriginal } from '../discussion/library';
import { setGameInAddress } from '../discussion/address';
import { shareControl } from '../discussion/share-control';
import { OUTCOME_TITLES } from '../discussion/words';

/**
 * The replay viewer: a finished game, one step at a time. Each step shows who moved and the reason
 * they gave, the event it drew, the meters, the map with the package on the table, each party's
 * answer and what the package was worth to it; a timeline charts the whole game with the step marked.
 * Steps are reached with buttons, the round menu, the timeline (a slider) or the keyboard, and the
 * game can play by itself at several speeds. From any step: play on ("Play from here") or explore.
 */
const SPEEDS = [
  { value: '0.5', label: '0.5×', ms: 2400 },
  { value: '1', label: '1×', ms: 1200 },
  { value: '2', label: '2×', ms: 600 },
  { value: '4', label: '4×', ms: 300 },
];

export function viewerScreen(app: App, route: Route): Screen {
  if (route.name !== 'viewer') throw new Error('viewer: wrong route');
  const game = route.game;
  const level = game.level;
  const last = lastStep(game);
  const timeline: TimelinePoint[] = timelineOf(level, game.states);
  const rounds = roundStarts(game);
  let step = Math.max(0, Math.min(last, route.step ?? last));
  let playing = false;
  let timer = 0;
  let speed = SPEEDS[1];
  // The debrief's figures are worked out in the background, so the full debrief opens at once.
  void debriefOf(game.record);

  const viewAt = (i: number): GameView => viewFor(level, game.states[i], 'public');

  // ---- head
  const status = h('p', { class: 'round-text' });
  const sub = h('p', { class: 'deadline' });
  const pips = h('ol', { class: 'pips', 'aria-hidden': 'true' });
  const head = h(
    'header',
    { class: 'table-head viewer-head' },
    h(
      'div',
      { class: 'brand' },
      h('span', { class: 'brand-mark' }, 'Buffer Zone'),
      h('span', { class: 'level-title' }, level.title),
      h(
        'span',
        { class: 'head-note' },
        `Replay · seed ${game.record.seed}${game.record.parent ? ` · branch from step ${game.record.parent.step}` : ''}`,
      ),
    ),
    h('div', { class: 'round' }, status, pips, sub),
    h(
      'nav',
      { class: 'head-actions', 'aria-label': 'Replay' },
      button('Full debrief', () => app.go({ name: 'debrief', game }), { class: 'primary-soft', 'data-key': 'head-debrief' }),
      shareControl(game, { key: 'head-share' }),
      button('Replays', () => app.go({ name: 'replays' }), { 'data-key': 'head-replays' }),
      button('Main menu', () => app.go({ name: 'menu' }), { 'data-key': 'head-menu' }),
    ),
  );

  // ---- centre: map, meters, controls and timeline
  const figure = mapSlot(viewAt(step), level);
  const meters = h('div', { class: 'meters-slot' });
  const ctl = (label: string, glyph: string, onClick: () => void, key: string, after = false) =>
    button(
      after ? [label, ' ', h('span', { 'aria-hidden': 'true' }, glyph)] : [h('span', { 'aria-hidden': 'true' }, glyph), ' ', label],
      onClick,
      {
        'data-key': key,
      },
    );
  const first = ctl('First step', '⇤', () => go(0), 'first');
  const back = ctl('Step back', '◀', () => go(step - 1), 'back');
  const play = button('', () => togglePlay(), { class: 'primary', 'data-key': 'play' });
  const forward = ctl('Step forward', '▶', () => go(step + 1), 'forward', true);
  const end = ctl('Last step', '⇥', () => go(last), 'last', true);
  const speedSelect = h(
    'select',
    {
      id: 'replay-speed',
      onchange: () => {
        speed = SPEEDS.find((s) => s.value === speedSelect.value) ?? SPEEDS[1];
        if (playing) schedule();
      },
    },
    ...SPEEDS.map((s) => h('option', { value: s.value, selected: s === speed }, s.label)),
  );
  const roundSelect = h(
    'select',
    {
      id: 'replay-round',
      onchange: () => {
        const r = rounds.find((x) => String(x.round) === roundSelect.value);
        if (r) go(r.step);
      },
    },
    h('option', { value: '' }, 'Before the talks'),
    ...rounds.map((r) => h('option', { value: String(r.round) }, `Round ${r.round}`)),
  );
  const chart = timelineChart({
    points: timeline,
    rounds,
    current: step,
    compact: true,
    label: 'Timeline: choose a step',
    onSelect: (i) => go(i),
    describeStep: (i) => describeStep(i),
  });
  const controls = h(
    'section',
    { class: 'panel player', 'aria-labelledby': 'player-h' },
    h('h2', { id: 'player-h', class: 'sr-only' }, 'Timeline'),
    h('div', { class: 'player-row', role: 'group', 'aria-label': 'Step through the game' }, first, back, play, forward, end),
    h(
      'div',
      { class: 'player-row' },
      h('label', { for: 'replay-round', class: 'inline-label' }, 'Jump to round'),
      roundSelect,
      h('label', { for: 'replay-speed', class: 'inline-label' }, 'Speed'),
      speedSelect,
    ),
    chart.el,
    h(
      'p',
      { class: 'keys-help', id: 'keys-help' },
      'Keys: ',
      h('kbd', null, '←'),
      ' ',
      h('kbd', null, '→'),
      ' step · ',
      h('kbd', null, 'Page Up'),
      ' ',
      h('kbd', null, 'Page Down'),
      ' round · ',
      h('kbd', null, 'Home'),
      ' ',
      h('kbd', null, 'End'),
      ' start, end · ',
      h('kbd', null, 'P'),
      ' play or pause',
    ),
  );

  // ---- left and right columns
  const parties = h('div', { class: 'viewer-parties' });
  const log = h('div', { class: 'table-log viewer-log' });
  const stepSlot = h('div', { class: 'step-slot' });
  const sheet = h('div', { class: 'sheet-slot' });
  const reason = h('p', { class: 'move-reason', role: 'status' });
  const whatIfReason = (f: () => void) => () => {
    const why = whyNotFrom(game, step);
    if (why) {
      reason.textContent = why;
      announce(why, 'assertive');
    } else {
      reason.textContent = '';
      f();
    }
  };
  const original = game.record.parent ? findOriginal(game.record) : null;
  const whatIf = h(
    'section',
    { class: 'panel whatif', 'aria-labelledby': 'whatif-h' },
    h('h2', { id: 'whatif-h', class: 'panel-title' }, 'What if?'),
    h(
      'p',
      { class: 'hint' },
      'From this step: take over any seat and play on with the same seed stream, or let the computer play it out many times.',
    ),
    h(
      'div',
      { class: 'move-row' },
      button(
        'Play from here',
        whatIfReason(() => {
          pause();
          openBranchDialog(app, game, step);
        }),
        { class: 'primary', 'data-key': 'branch' },
      ),
      button(
        'Explore from here',
        whatIfReason(() => app.go({ name: 'explorer', game, step })),
        { 'data-key': 'explore' },
      ),
      original
        ? button(
            'Compare with the original',
            () =>
              original.ok
                ? app.go({ name: 'compare', original: original.value, branch: game })
                : ((reason.textContent = original.error), announce(original.error, 'assertive')),
            { 'data-key': 'compare' },
          )
        : null,
    ),
    reason,
  );

  const el = h(
    'main',
    { class: 'screen table-screen viewer-screen', 'aria-labelledby': 'viewer-h1', 'aria-describedby': 'keys-help' },
    h('h1', { id: 'viewer-h1', class: 'sr-only' }, `Replay of ${level.title}, seed ${game.record.seed}`),
    head,
    h(
      'div',
      { class: 'table-grid' },
      h('div', { class: 'col col-left' }, parties, log),
      h('div', { class: 'col col-center viewer-center' }, h('div', { class: 'board-top' }, figure), meters, controls),
      h('div', { class: 'col col-right' }, whatIf, stepSlot, sheet),
    ),
  );

  function describeStep(i: number): string {
    const info = stepInfo(game, i);
    const main = info.entries.find((e) => e.by !== 'events');
    const what = i === 0 ? 'before the talks open' : main ? entryText(game.level, main) : 'no move';
    return `Step ${i} of ${last}, round ${roundAt(game, i)}: ${what}`;
  }

  function renderStep(): void {
    const view = viewAt(step);
    const state = game.states[step];
    const info = stepInfo(game, step);
    const over = state.phase === 'over';
    const o = view.outcome;
    status.textContent = `Step ${step} of ${last}`;
    sub.textContent =
      over && o
        ? `${OUTCOME_TITLES[o.kind]} · round ${o.round}`
        : step === 0
          ? 'Before the talks open'
          : `Round ${view.round} of ${view.rounds}`;
    const current = roundAt(game, step);
    render(
      pips,
      ...Array.from({ length: level.rounds }, (_, i) =>
        h('li', { class: i + 1 < current ? 'is-done' : i + 1 === current ? 'is-now' : '' }),
      ),
    );
    updateControls();
    roundSelect.value = step === 0 || !rounds.some((r) => r.round === current) ? '' : String(current);
    chart.setCurrent(step);

    const agreed = over && !!o?.package;
    updateMapFigure(figure, view, level, agreed);
    showMap(figure.querySelector<HTMLElement>('[data-map-slot]')!, {
      pkg: agreed ? o!.package : (view.table?.terms ?? null),
      activeTerms: level.activeTerms,
      tension: view.meters.tension,
      agreed,
    });
    render(meters, metersRow(view));
    render(parties, partiesPanel(view, timeline[step], game.record.seats, state.context.walkAway));
    render(log, logPanel(view, null));
    const entries = [...log.querySelectorAll('.entry')];
    entries.slice(entries.length - info.entries.length).forEach((e) => e.classList.add('is-now'));
    keepLogAtBottom(log, true);
    render(stepSlot, stepPanel(game.level, info.entries, info.event, view, step, last, game.record.seats));
    render(
      sheet,
      agreed
        ? termSheet(view, level, null, { title: 'Terms signed', pkg: o!.package })
        : termSheet(view, level, null, view.table ? {} : { title: 'On the table' }),
    );
    setGameInAddress(game, { step });
  }

  function updateControls(): void {
    for (const [b, off] of [
      [first, step === 0],
      [back, step === 0],
      [forward, step === last],
      [end, step === last],
    ] as const) {
      if (off) b.setAttribute('aria-disabled', 'true');
      else b.removeAttribute('aria-disabled');
    }
    render(play, h('span', { 'aria-hidden': 'true' }, playing ? '⏸' : '▶'), playing ? ' Pause' : ' Play');
  }

  function go(i: number, fromPlayback = false): void {
    const next = Math.max(0, Math.min(last, i));
    if (next === step) return;
    step = next;
    if (!fromPlayback && playing && step === last) pause();
    renderStep();
    announce(describeStep(step));
  }

  function schedule(): void {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      if (!playing) return;
      go(step + 1, true);
      if (step >= last) pause();
      else schedule();
    }, speed.ms);
  }

  function togglePlay(): void {
    if (playing) return pause();
    playing = true;
    if (step >= last) {
      step = 0;
      renderStep();
    }
    updateControls();
    announce(`Playing at ${speed.label}.`);
    schedule();
  }

  function pause(): void {
    const was = playing;
    playing = false;
    window.clearTimeout(timer);
    updateControls();
    if (was) announce('Paused.');
  }

  // Keyboard shortcuts, anywhere on the screen except in fields, menus and dialogs.
  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target as HTMLElement | null;
    // Fields, menus, dialogs and the scrolling record keep their own keys.
    if (t?.closest('input, select, textarea, [contenteditable], dialog, [role="log"]')) return;
    if (document.querySelector('dialog[open]')) return;
    const nextRound = rounds.find((r) => r.step > step)?.step ?? last;
    const prevRound = [...rounds].reverse().find((r) => r.step < step)?.step ?? 0;
    const actions: Record<string, () => void> = {
      ArrowRight: () => go(step + 1),
      ArrowLeft: () => go(step - 1),
      Home: () => go(0),
      End: () => go(last),
      PageDown: () => go(nextRound),
      PageUp: () => go(prevRound),
      p: togglePlay,
      P: togglePlay,
    };
    const action = actions[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  };
  window.addEventListener('keydown', onKey);

  renderStep();
  return {
    el,
    title: `Replay: ${level.title}`,
    dispose: () => {
      pause();
      window.removeEventListener('keydown', onKey);
      setGameInAddress(null);
    },
  };
}

/** The four parties at this step: whose move it is, their answer, and what the package is worth to each. */
function partiesPanel(view: GameView, point: TimelinePoint, seats: GameRecord['seats'], walkAway: Record<PartyId, number>): HTMLElement {
  const t = view.table;
  return h(
    'section',
    { class: 'panel parties', 'aria-labelledby': 'vparties-h' },
    h('h2', { id: 'vparties-h', class: 'panel-title' }, 'Parties'),
    h(
      'ul',
      { class: 'party-list' },
      ...view.parties.map(({ id: p }) => {
        const answer = !t
          ? null
          : t.proposedBy === p && t.acceptedBy.includes(p)
            ? { cls: 'is-proposed', icon: '◆', text: 'Proposed it' }
            : t.acceptedBy.includes(p)
              ? { cls: 'is-accepted', icon: '✓', text: 'Accepted' }
              : t.rejectedBy.includes(p)
                ? { cls: 'is-rejected', icon: '✕', text: 'Rejected' }
                : { cls: 'is-pending', icon: '…', text: 'No answer yet' };
        const worth = point.utilities?.[p];
        const walk = Math.round(walkAway[p]);
        return h(
          'li',
          { class: `party is-${p}${view.turn === p ? ' is-turn' : ''}`, 'aria-labelledby': `vparty-${p}-h` },
          h(
            'div',
            { class: 'party-head' },
            emblem(p, 16),
            h('h3', { id: `vparty-${p}-h` }, SHORT_NAME[p]),
            seats[p]?.kind === 'human' ? h('span', { class: 'viewer-seat' }, 'person') : null,
          ),
          h(
            'p',
            { class: 'party-status' },
            view.turn === p ? h('span', { class: 'turn-flag' }, 'Moving now') : null,
            answer
              ? h('span', { class: `answer ${answer.cls}` }, h('span', { 'aria-hidden': 'true' }, answer.icon), ` ${answer.text}`)
              : null,
          ),
          worth !== undefined
            ? h(
                'p',
                { class: 'worth' },
                `Worth ${Math.round(worth)} · walk-away ${walk} · `,
                h('span', { class: worth >= walk ? 'tone-good' : 'tone-bad' }, signed(worth - walk)),
              )
            : h('p', { class: 'worth' }, `Nothing on the table · walk-away ${walk}`),
          meterBar('Domestic support', view.meters.domesticSupport[p]),
        );
      }),
    ),
  );
}

/** What this step did: the move and its reason, the event it drew, or the end of the talks. */
function stepPanel(
  level: Level,
  entries: LogEntry[],
  event: GameView['lastEvent'],
  view: GameView,
  step: number,
  last: number,
  seats: GameRecord['seats'],
): HTMLElement {
  const move = entries.find((e) => e.by !== 'events');
  const mover = move && move.by !== 'facilitator' ? (move.by as PartyId) : null;
  const why = move ? entryReason(level, move) : null;
  const card = event ? cardText(level, event) : null;
  const o = view.outcome;
  const title = step === 0 ? 'Before the talks open' : move ? actorName(move.by) : 'Events';
  return h(
    'section',
    { class: 'panel step-panel', 'aria-labelledby': 'step-h' },
    h(
      'p',
      { class: 'eyebrow' },
      `Step ${step} of ${last}${step > 0 ? ` · round ${move?.round ?? view.round}` : ''}`,
      mover ? ` · ${seatWord(seats[mover])}` : '',
    ),
    h('h2', { id: 'step-h', class: 'step-title' }, mover ? emblem(mover, 16) : null, ` ${title}`),
    step === 0 ? h('p', null, 'Each party has read its private brief. Step forward (or press →) to follow the talks move by move.') : null,
    move ? h('p', { class: 'step-what' }, entryText(level, move)) : null,
    why && mover
      ? h('p', { class: 'step-why' }, h('span', { class: 'step-why-label' }, 'Why: '), why)
      : move?.note
        ? h('p', { class: 'hint' }, move.note)
        : null,
    event
      ? h(
          'div',
          { class: 'event-card step-event' },
          h('p', { class: 'eyebrow' }, `Event drawn · round ${event.round}`),
          h('h3', null, card!.title),
          h('p', { class: 'event-text' }, card!.text),
        )
      : view.lastEvent && step > 0
        ? h(
            'p',
            { class: 'hint' },
            `No event at this step. Latest: ${cardText(level, view.lastEvent).title} (round ${view.lastEvent.round}).`,
          )
        : null,
    o
      ? h(
          'div',
          { class: `step-outcome verdict-${o.kind}` },
          h('p', null, h('strong', null, OUTCOME_TITLES[o.kind]), ` in round ${o.round}. ${describeOutcome(o)}`),
          o.durability !== null ? h('p', { class: 'hint' }, `Durability estimate: ${o.durability} / 100.`) : null,
        )
      : null,
  );
}

function seatWord(seat: GameRecord['seats'][PartyId] | undefined): string {
  if (seat?.kind === 'human') return 'played by a person';
  if (seat?.kind === 'agent') return 'played by an agent program';
  return seat?.difficulty ? `computer, ${seat.difficulty}` : 'computer';
}
