import { PARTY_IDS } from '../../../core';
import { findBuiltinLevel } from '../../../content/levels';
import type { App, Screen } from '../../app';
import { announce } from '../../announce';
import { button, h, render } from '../../dom';
import { joinLink, qrUrl, spacedCode } from '../api';
import { setAddress } from '../address';
import { linkLine, minutes, phaseLine } from '../words';
import { lostSession, seatRow, teacherHub, teacherNav } from './teacher-common';

/**
 * The lobby, for the projector: each table's code, join link and QR code, large; which team holds
 * which seat as the class joins; and the button that opens the talks (the facilitator's `game.start`).
 */
export function lobbyScreen(app: App): Screen {
  const hub = teacherHub();
  if (!hub) {
    setAddress(null);
    return {
      el: h(
        'main',
        { class: 'screen cr-screen' },
        h('h1', null, 'No classroom session'),
        lostSession(app, 'There is no session in this browser.'),
      ),
      title: 'Classroom',
    };
  }
  const level = findBuiltinLevel(hub.session.levelId);
  const problem = h('div', { class: 'cr-problem' });
  const summary = h('p', { class: 'lede' });
  const address = h('p', { class: 'cr-address' });
  const actions = h('div', { class: 'move-row' });
  const feedback = h('p', { class: 'cr-feedback' });

  // One card per table; its QR image is made once (re-rendering it would fetch it again).
  const cards = hub.session.codes.map((code, i) => {
    const dynamic = h('div', { class: 'cr-card-live' });
    const link = h('p', { class: 'cr-link-text' });
    const card = h(
      'section',
      { class: 'panel cr-table-card', 'aria-labelledby': `cr-card-h-${code}` },
      h(
        'div',
        { class: 'cr-card-top' },
        h(
          'div',
          { class: 'cr-card-code' },
          h('h2', { id: `cr-card-h-${code}`, class: 'panel-title' }, `Table ${i + 1}`),
          h(
            'p',
            { class: 'cr-code' },
            h('span', { 'aria-hidden': 'true' }, spacedCode(code)),
            h('span', { class: 'sr-only' }, `Join code: ${code.split('').join(' ')}`),
          ),
          link,
        ),
        h('img', {
          class: 'cr-qr',
          src: qrUrl(code),
          width: 200,
          height: 200,
          alt: `QR code of the join link for table ${i + 1}`,
        }),
      ),
      dynamic,
    );
    return { code, card, dynamic, link };
  });

  const update = () => {
    render(problem, hub.overviewError ? lostSession(app, hub.overviewError) : null);
    const settings = hub.overview?.settings;
    // No seed here: the lobby is projected, and with the seed a student could foresee the events.
    summary.textContent = `${level?.title ?? hub.session.levelId} · ${hub.session.codes.length} ${hub.session.codes.length === 1 ? 'table' : 'tables'}${settings ? ` · ${settings.turnSeconds ? `${minutes(settings.turnSeconds)} a move` : 'no timer'} · ${settings.difficulty} computer players` : ''}`;
    const base = hub.overview?.tables[0]?.joinUrl.replace(/\/\?join=.*$/, '') ?? location.origin;
    render(address, 'Teams open ', h('strong', { class: 'cr-url' }, `${base}/`), ' and type their table’s code, or scan the QR code.');
    let waiting = 0;
    for (const { code, dynamic, link } of cards) {
      const c = hub.tables.get(code)!;
      const m = c.view;
      const url = hub.overview?.tables.find((t) => t.code === code)?.joinUrl ?? joinLink(code);
      link.textContent = url;
      if (m?.view.phase === 'briefing') waiting++;
      render(
        dynamic,
        h('p', { class: 'cr-phase' }, m ? phaseLine(m.view) : linkLine(c.state)),
        h(
          'ul',
          { class: 'cr-seats-list', 'aria-label': `Seats at table ${hub.number(code)}` },
          ...PARTY_IDS.map((p) => seatRow(p, m?.seats[p])),
        ),
        h(
          'div',
          { class: 'move-row' },
          m?.view.phase === 'briefing'
            ? button('Start the talks', () => void start([code]), { class: 'primary', 'data-key': `start-${code}` })
            : null,
          button('Open the console', () => app.go({ name: 'classroom', view: { kind: 'console', code } }), {
            'data-key': `console-${code}`,
          }),
        ),
      );
    }
    render(
      actions,
      waiting > 1
        ? button('Start all tables', () => void start(hub.session.codes), { class: 'primary big', 'data-key': 'start-all' })
        : null,
    );
  };

  const start = async (codes: string[]) => {
    const problems: string[] = [];
    for (const code of codes) {
      if (hub.tables.get(code)?.view?.view.phase !== 'briefing') continue;
      const ack = await hub.act(code, { type: 'game.start' });
      if (!ack.ok) problems.push(`Table ${hub.number(code)}: ${ack.error}`);
    }
    feedback.textContent = problems.length
      ? problems.join(' ')
      : codes.length > 1
        ? 'The talks are open at every table.'
        : 'The talks are open.';
    announce(feedback.textContent, problems.length ? 'assertive' : 'polite');
  };

  const el = h(
    'main',
    { class: 'screen cr-screen cr-lobby', 'aria-labelledby': 'cr-lobby-h1' },
    teacherNav(app, 'lobby', hub),
    h(
      'header',
      { class: 'screen-head' },
      h('p', { class: 'eyebrow' }, 'Classroom session'),
      h('h1', { id: 'cr-lobby-h1' }, 'Join the talks'),
      summary,
      address,
      h(
        'div',
        { class: 'cr-lobby-actions' },
        actions,
        button('New session…', () => app.go({ name: 'classroom', view: { kind: 'teacher-setup' } }), { class: 'quiet' }),
        feedback,
      ),
    ),
    problem,
    h('div', { class: 'cr-cards' }, ...cards.map((c) => c.card)),
  );
  update();
  const off = hub.on((e) => {
    if (e.event.type !== 'timer') update();
  });
  return { el, title: 'Classroom lobby', dispose: off };
}
