import { PARTY_IDS, PARTY_NAMES, type Intent } from '../../../core';
import { findBuiltinLevel } from '../../../content/levels';
import type { FullViewMessage as ViewMessage } from '../../../protocol';
import type { App, Screen } from '../../app';
import { announce } from '../../announce';
import { button, h, render } from '../../dom';
import { fmtInt } from '../../format';
import { openDialog } from '../../widgets/dialog';
import { keepLogAtBottom, logIsAtBottom, logPanel } from '../../widgets/log';
import { termSheet } from '../../widgets/term-sheet';
import { recordUrl, spacedCode } from '../api';
import { effectsText } from '../effects';
import { setAddress } from '../address';
import { clock, linkLine, phaseLine, seatLine } from '../words';
import { lostSession, seatRow, teacherHub, teacherNav } from './teacher-common';
import { teacherDebrief } from './teacher-debrief';

/**
 * The facilitator's console for one table: where the talks are and whose move it is, the turn timer
 * (pause, resume, more time), the next seeded event before anyone sees it (let it happen or replace
 * it), injects from the level or written on the spot, the seats, the end, the debrief and the record.
 * Every action is an intent in the table's record, so the facilitated game replays exactly.
 */
export function consoleScreen(app: App, code: string): Screen {
  const hub = teacherHub();
  if (!hub || !hub.tables.has(code)) {
    setAddress(null);
    return {
      el: h(
        'main',
        { class: 'screen cr-screen' },
        h('h1', null, 'Facilitator console'),
        lostSession(app, 'This table is not part of the session kept in this browser.'),
      ),
      title: 'Facilitator console',
    };
  }
  const connection = hub.tables.get(code)!;
  const number = hub.number(code);
  const level = findBuiltinLevel(hub.session.levelId);
  const label = `Table ${number} · ${spacedCode(code)}`;

  const feedback = h('p', { class: 'cr-feedback' });
  const phaseEl = h('p', { class: 'cr-console-phase' });
  const body = h('div', { class: 'cr-console-body' });
  const timerValue = h('p', { class: 'cr-clock' });
  let showDebrief = false;
  let customOpen = false;
  // Kept across re-renders (a view arrives with every move), so nothing typed or chosen is lost.
  let replaceChoice: string | null = null;
  let injectChoice: string | null = null;
  const title = h('input', { id: 'cr-inject-title', type: 'text', maxlength: 80, autocomplete: 'off', 'data-key': 'inject-title' });
  const text = h('textarea', { id: 'cr-inject-text', rows: 3, maxlength: 500, 'data-key': 'inject-text' });

  const say = (text: string, urgent = false) => {
    feedback.textContent = text;
    feedback.classList.toggle('is-error', urgent);
    announce(text, urgent ? 'assertive' : 'polite');
  };

  const act = async (intent: { type: Intent['type'] } & Record<string, unknown>, done: string) => {
    const ack = await hub.act(code, intent as Omit<Intent, 'by'> & { type: Intent['type'] });
    if (ack.ok) say(done);
    else say(`Not done: ${ack.error}`, true);
  };

  const extend = async (seconds: number) => {
    const reply = await hub.request(code, 'timer', { addSeconds: seconds });
    if (reply.ok)
      say(
        `${seconds > 0 ? 'Added' : 'Took away'} ${Math.abs(seconds) >= 60 ? `${Math.abs(seconds) / 60} min` : `${Math.abs(seconds)} s`} on this move.`,
      );
    else say(`Not done: ${reply.error ?? 'the server refused.'}`, true);
  };

  const releaseSeat = (party: (typeof PARTY_IDS)[number]) =>
    openDialog({
      title: `Free the ${PARTY_NAMES[party]} seat?`,
      body: [
        h(
          'p',
          null,
          'The team’s browser loses the seat (for example, it moved to another device without its link). The computer plays the seat until a team takes it again with the join link.',
        ),
      ],
      actions: [
        {
          label: 'Free the seat',
          danger: true,
          onClick: () => {
            void hub
              .request(code, 'releaseSeat', { party })
              .then((r) => (r.ok ? say(`The ${PARTY_NAMES[party]} seat is free.`) : say(`Not done: ${r.error}`, true)));
          },
        },
        { label: 'Cancel', primary: true },
      ],
    });

  const confirmEnd = () =>
    openDialog({
      title: 'End the talks now?',
      body: [h('p', null, 'The talks end at once without an agreement (unless one is already signed), and every team sees the debrief.')],
      actions: [
        {
          label: 'End the talks',
          danger: true,
          onClick: () => void act({ type: 'facilitator.end', note: 'Ended by the facilitator.' }, 'The talks are over.'),
        },
        { label: 'Keep going', primary: true },
      ],
    });

  // ---------------------------------------------------------------------------------------------

  const talksPanel = (m: ViewMessage) => {
    const v = m.view;
    const t = m.timer;
    const turn = v.turn;
    const running = v.phase === 'turns' || v.phase === 'events';
    return h(
      'section',
      { class: 'panel cr-talks', 'aria-labelledby': 'cr-talks-h' },
      h('h2', { id: 'cr-talks-h', class: 'panel-title' }, 'The talks'),
      h('p', { class: 'cr-big' }, phaseLine(v)),
      turn ? h('p', null, `${PARTY_NAMES[turn]}’s move · ${seatLine(m.seats[turn]).toLowerCase()}`) : null,
      t.turnSeconds > 0
        ? h('div', { class: 'cr-clock-row' }, h('span', { class: 'field-label' }, 'Time for this move'), timerValue)
        : h('p', { class: 'hint' }, 'No turn timer in this session.'),
      h(
        'div',
        { class: 'move-row' },
        v.phase === 'briefing'
          ? button('Start the talks', () => void act({ type: 'game.start' }, 'The talks are open.'), {
              class: 'primary',
              'data-key': 'start',
            })
          : null,
        running
          ? button('Pause the talks', () => void act({ type: 'facilitator.pause' }, 'The talks are paused.'), { 'data-key': 'pause' })
          : null,
        v.phase === 'paused'
          ? button('Resume the talks', () => void act({ type: 'facilitator.resume' }, 'The talks go on.'), {
              class: 'primary',
              'data-key': 'resume',
            })
          : null,
      ),
      t.turnSeconds > 0 && v.phase !== 'over'
        ? h(
            'div',
            { class: 'move-row' },
            ...[
              ['Add 1 minute', 60],
              ['Add 5 minutes', 300],
            ].map(([text, s]) =>
              button(String(text), () => void extend(Number(s)), {
                'data-key': `add-${s}`,
                'aria-disabled': t.remaining === null ? 'true' : undefined,
                title: t.remaining === null ? 'No move is being timed right now.' : undefined,
              }),
            ),
          )
        : null,
      h(
        'dl',
        { class: 'cr-meters' },
        ...[
          ['Tension', String(v.meters.tension)],
          ['US engagement', String(v.meters.usEngagement)],
          ['Coalition troops available', fmtInt(v.meters.coalitionCapacity)],
          ['Casualties', fmtInt(v.meters.casualties)],
        ].map(([k, val]) => h('div', null, h('dt', null, k), h('dd', null, val))),
      ),
    );
  };

  const seatsPanel = (m: ViewMessage) =>
    h(
      'section',
      { class: 'panel cr-seats-panel', 'aria-labelledby': 'cr-seats-h' },
      h('h2', { id: 'cr-seats-h', class: 'panel-title' }, 'Seats'),
      h(
        'ul',
        { class: 'cr-seats-list' },
        ...PARTY_IDS.map((p) =>
          seatRow(
            p,
            m.seats[p],
            m.seats[p].claimed && m.view.phase !== 'over'
              ? button('Free', () => releaseSeat(p), {
                  class: 'chip',
                  'data-key': `free-${p}`,
                  'aria-label': `Free the ${PARTY_NAMES[p]} seat`,
                })
              : null,
          ),
        ),
      ),
      h(
        'p',
        { class: 'hint' },
        'A team that loses its connection keeps its seat for a while; then the computer plays it until the team is back.',
      ),
    );

  const eventPanel = (m: ViewMessage) => {
    const f = m.facilitator;
    const v = m.view;
    const next = f?.nextEvent ?? null;
    const inEvents = v.phase === 'events';
    const replace = h(
      'select',
      { id: 'cr-replace', 'data-key': 'replace-select', onchange: (e: Event) => (replaceChoice = (e.target as HTMLSelectElement).value) },
      ...(f?.events ?? []).map((e) => h('option', { value: e.id, selected: e.id === (replaceChoice ?? next?.id) }, e.title)),
    );
    const odds = (f?.probabilities ?? [])
      .filter((p) => p.p > 0)
      .sort((a, b) => b.p - a.p)
      .slice(0, 5);
    return h(
      'section',
      { class: 'panel cr-event', 'aria-labelledby': 'cr-event-h' },
      h('h2', { id: 'cr-event-h', class: 'panel-title' }, 'Next event'),
      next
        ? h(
            'div',
            { class: 'cr-event-card' },
            h('p', { class: 'eyebrow' }, next.source === 'override' ? 'Your replacement' : 'The seeded draw · only you see this'),
            h('h3', null, next.title),
            h('p', null, next.text),
            h('p', { class: 'hint' }, effectsText(next.effects, next.walkAway)),
          )
        : h('p', { class: 'hint' }, v.phase === 'briefing' ? 'Events start after the first round.' : 'No more events: the talks are over.'),
      next
        ? h(
            'div',
            { class: 'move-row' },
            button('Let it happen', () => void act({ type: 'facilitator.releaseEvent' }, `Event released: ${next.title}.`), {
              class: inEvents ? 'primary' : '',
              'data-key': 'release',
              'aria-disabled': inEvents ? undefined : 'true',
              title: inEvents ? undefined : 'The event comes at the end of the round.',
            }),
            h('span', { class: 'hint' }, inEvents ? 'The round is over: the table waits for you.' : 'It arrives at the end of this round.'),
          )
        : null,
      next && f?.events.length
        ? h(
            'div',
            { class: 'cr-inline-form' },
            h('label', { for: 'cr-replace', class: 'field-label' }, 'Replace it with'),
            h(
              'div',
              { class: 'seed-row' },
              replace,
              button(
                'Replace',
                () => {
                  replaceChoice = null;
                  void act(
                    { type: 'facilitator.overrideEvent', eventId: replace.value },
                    `The next event will be: ${replace.selectedOptions[0]?.textContent ?? replace.value}.`,
                  );
                },
                {
                  'data-key': 'replace',
                },
              ),
            ),
          )
        : null,
      odds.length
        ? h(
            'details',
            { class: 'cr-odds' },
            h('summary', null, 'What else could have been drawn'),
            h('ul', null, ...odds.map((o) => h('li', null, `${o.title}: ${Math.round(o.p * 100)}%`))),
          )
        : null,
    );
  };

  const injectPanel = (m: ViewMessage) => {
    const f = m.facilitator;
    const disabled = m.view.phase === 'briefing' || m.view.phase === 'over';
    const why = m.view.phase === 'briefing' ? 'Start the talks first.' : 'The talks are over.';
    const pick = h(
      'select',
      { id: 'cr-inject', 'data-key': 'inject-select', onchange: (e: Event) => (injectChoice = (e.target as HTMLSelectElement).value) },
      ...(f?.injects ?? []).map((e) => h('option', { value: e.id, selected: e.id === injectChoice }, e.title)),
    );
    const gate = (run: () => void) => () => (disabled ? say(why, true) : run());
    const custom = h(
      'details',
      { class: 'cr-custom', open: customOpen, ontoggle: (e: Event) => (customOpen = (e.target as HTMLDetailsElement).open) },
      h('summary', null, 'Write one now'),
      h('label', { for: 'cr-inject-title', class: 'field-label' }, 'Headline'),
      title,
      h('label', { for: 'cr-inject-text', class: 'field-label' }, 'What happens'),
      text,
      h(
        'div',
        { class: 'move-row' },
        button(
          'Add my inject',
          gate(() => {
            const t = title.value.trim();
            const x = text.value.trim();
            if (!t || !x) {
              say('Write a headline and what happens.', true);
              (t ? text : title).focus();
              return;
            }
            void act({ type: 'facilitator.inject', custom: { title: t, text: x, effects: {} } }, `Inject added: ${t}.`).then(() => {
              title.value = '';
              text.value = '';
            });
          }),
          { 'data-key': 'inject-custom', 'aria-disabled': disabled ? 'true' : undefined },
        ),
      ),
      h('p', { class: 'hint' }, 'A written inject is news for the table: it changes no meter, and it is part of the record.'),
    );
    return h(
      'section',
      { class: 'panel cr-inject', 'aria-labelledby': 'cr-inject-h' },
      h('h2', { id: 'cr-inject-h', class: 'panel-title' }, 'Add an inject'),
      f?.injects.length
        ? h(
            'div',
            { class: 'cr-inline-form' },
            h('label', { for: 'cr-inject', class: 'field-label' }, 'From the scenario'),
            h(
              'div',
              { class: 'seed-row' },
              pick,
              button(
                'Add',
                gate(
                  () =>
                    void act(
                      { type: 'facilitator.inject', eventId: pick.value },
                      `Inject added: ${pick.selectedOptions[0]?.textContent ?? pick.value}.`,
                    ),
                ),
                {
                  'data-key': 'inject-add',
                  'aria-disabled': disabled ? 'true' : undefined,
                },
              ),
            ),
          )
        : null,
      custom,
    );
  };

  const endPanel = (m: ViewMessage) =>
    h(
      'section',
      { class: 'panel cr-end', 'aria-labelledby': 'cr-end-h' },
      h('h2', { id: 'cr-end-h', class: 'panel-title' }, m.view.phase === 'over' ? 'Debrief' : 'End'),
      m.view.phase === 'over'
        ? h(
            'div',
            { class: 'move-row' },
            button(
              showDebrief ? 'Back to the console' : 'Reveal the debrief',
              () => {
                showDebrief = !showDebrief;
                update();
                el.querySelector<HTMLElement>(showDebrief ? '#cr-debrief-h' : '#cr-end-h')?.focus();
              },
              { class: 'primary', 'data-key': 'debrief' },
            ),
            h('a', { class: 'cr-button-link', href: recordUrl(code), download: `buffer-zone-${code}.bzrec.json` }, 'Download the record'),
          )
        : h('div', { class: 'move-row' }, button('End the talks…', confirmEnd, { class: 'danger', 'data-key': 'end' })),
    );

  const update = () => {
    const m = connection.view;
    phaseEl.textContent = m ? `${phaseLine(m.view)} · ${linkLine(connection.state).toLowerCase()}` : linkLine(connection.state);
    if (hub.overviewError || connection.state.kind === 'closed') {
      render(body, lostSession(app, hub.overviewError ?? (connection.state.kind === 'closed' ? connection.state.reason : '')));
      return;
    }
    if (!m || !level) {
      render(
        body,
        h(
          'p',
          { class: 'hint' },
          connection.state.kind === 'reconnecting' ? `Reconnecting to the table… (${connection.state.error})` : 'Connecting to the table…',
        ),
      );
      return;
    }
    if (m.view.phase === 'over' && showDebrief) {
      render(body, h('div', { class: 'cr-console-over' }, endPanel(m), teacherDebrief(m.view, level, label)));
      return;
    }
    const logSlot = body.querySelector<HTMLElement>('.cr-log-slot');
    const atBottom = logSlot ? logIsAtBottom(logSlot) : true;
    const log = h('div', { class: 'cr-log-slot' }, logPanel(m.view, null));
    render(
      body,
      h(
        'div',
        { class: 'cr-console-grid' },
        h('div', { class: 'col' }, talksPanel(m), seatsPanel(m)),
        h('div', { class: 'col' }, eventPanel(m), injectPanel(m)),
        h('div', { class: 'col' }, endPanel(m), termSheet(m.view, level, null), log),
      ),
    );
    keepLogAtBottom(log, atBottom);
    updateClock();
  };

  const updateClock = () => {
    const t = connection.timer;
    if (!t || t.turnSeconds <= 0) return;
    timerValue.textContent =
      t.remaining === null
        ? 'not running'
        : `${clock(t.remaining)}${t.running ? '' : ' · stopped'}${t.party ? ` · ${PARTY_NAMES[t.party]}` : ''}`;
    timerValue.classList.toggle('is-idle', t.remaining === null);
    timerValue.classList.toggle('is-short', t.running && t.remaining !== null && t.remaining <= 30);
  };

  const el = h(
    'main',
    { class: 'screen cr-screen cr-console', 'aria-labelledby': 'cr-console-h1' },
    teacherNav(app, 'console', hub, code),
    h('header', { class: 'cr-console-head' }, h('h1', { id: 'cr-console-h1' }, `Facilitator console · ${label}`), phaseEl),
    feedback,
    body,
  );
  update();
  const off = hub.on((e) => {
    if (e.code !== null && e.code !== code) return;
    if (e.event.type === 'timer') updateClock();
    else if (e.event.type !== 'seat') update();
  });
  return { el, title: `Console · table ${number}`, dispose: off };
}
