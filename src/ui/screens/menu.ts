import { PARTY_IDS, PARTY_NAMES } from '../../core';
import { findBuiltinLevel } from '../../content/levels';
import type { App, Route, Screen } from '../app';
import { classroomMenuEntries } from '../classroom/routes';
import { h, uniqueId } from '../dom';
import { downloadText } from '../download';
import { emblem } from '../palette';
import { clearSave } from '../save';
import { GameSession } from '../session';
import { openSettingsDialog } from './settings';

/**
 * The main menu. If the saved game cannot be restored it says so plainly, offers the damaged text for
 * download (nothing is silently lost) and a fresh start; everything else keeps working.
 */
export function menuScreen(app: App, route?: Route): Screen {
  const save = app.session && !app.session.isOver() ? null : app.refreshSave();
  const current = app.session;

  // The button's name is its label; the line under it describes it. The whole card is clickable.
  const item = (label: string, detail: string, onClick: () => void, primary = false) => {
    const detailId = uniqueId('menu-detail');
    return h(
      'li',
      { class: `menu-item${primary ? ' is-primary' : ''}` },
      h('button', { type: 'button', class: 'menu-button', 'aria-describedby': detailId, onclick: onClick }, label),
      h('p', { class: 'menu-detail', id: detailId }, detail),
    );
  };

  const items: HTMLElement[] = [];
  const live = current && !current.isOver() ? current : null;
  if (live) {
    const v = live.view();
    items.push(
      item('Resume', `${v.levelTitle} · round ${v.round} of ${v.rounds} · as ${PARTY_NAMES[live.human]}`, () => app.play(live), true),
    );
  } else if (save?.kind === 'ok') {
    const session = new GameSession(save.table, save.human);
    const v = session.view();
    const over = session.isOver();
    items.push(
      item(
        over ? 'Last debrief' : 'Resume',
        over
          ? `${v.levelTitle} · as ${PARTY_NAMES[save.human]} · seed ${v.seed}`
          : `${v.levelTitle} · round ${v.round} of ${v.rounds} · as ${PARTY_NAMES[save.human]}`,
        // Read again on the click: another tab may have played on since this menu was drawn.
        () => {
          app.session?.dispose();
          app.session = null;
          app.openSaved('push');
        },
        true,
      ),
    );
  }
  items.push(item('Play', 'Choose a scenario, your party and the difficulty', () => app.go({ name: 'setup' }), items.length === 0));
  items.push(item('Tutorial', 'Learn the moves in a short guided game, as Ukraine', () => startTutorial(app)));
  for (const entry of classroomMenuEntries(app)) items.push(item(entry.label, entry.detail, entry.go));
  items.push(
    item('Review a game', 'Replays and debriefs: open a record file, a share link or a recent game, step through it, branch it', () =>
      app.go({ name: 'replays' }),
    ),
  );
  items.push(item('About and sources', 'The scenarios, and the reporting every figure comes from', () => app.go({ name: 'about' })));
  items.push(item('Settings', 'Motion, pace, sound and text size', () => openSettingsDialog()));

  // Why the address did not open what it named (an unknown page, no game to resume).
  const notice =
    route?.name === 'menu' && route.notice
      ? h('div', { class: 'notice', role: 'status' }, h('h2', null, route.notice.title), h('p', null, route.notice.detail))
      : null;

  const problem =
    save?.kind === 'corrupt'
      ? h(
          'div',
          { class: 'notice is-error', role: 'alert' },
          h('h2', null, 'Your saved game could not be restored'),
          h(
            'p',
            null,
            'The save in this browser is damaged or was made by a different version of a level, so it cannot be replayed safely. Nothing else is affected.',
          ),
          h('p', { class: 'notice-detail' }, save.reason),
          h(
            'div',
            { class: 'move-row' },
            h(
              'button',
              {
                type: 'button',
                class: 'primary',
                onclick: () => {
                  clearSave();
                  app.go({ name: 'setup' });
                },
              },
              'Start a fresh game',
            ),
            h(
              'button',
              { type: 'button', onclick: () => downloadText('buffer-zone-damaged-save.txt', save.raw, 'text/plain') },
              'Download the damaged save',
            ),
            h(
              'button',
              {
                type: 'button',
                class: 'quiet',
                onclick: () => {
                  clearSave();
                  app.go({ name: 'menu' });
                },
              },
              'Discard it',
            ),
          ),
        )
      : null;

  const el = h(
    'main',
    { class: 'screen menu-screen', 'aria-labelledby': 'menu-h1' },
    h(
      'div',
      { class: 'menu-card' },
      h('p', { class: 'eyebrow' }, 'A negotiation game'),
      h('h1', { id: 'menu-h1', class: 'wordmark' }, 'Buffer Zone'),
      h(
        'p',
        { class: 'lede' },
        'Ukraine, Russia, the United States and the European Coalition of the Willing negotiate a post-war settlement round by round: a buffer zone of up to 40 km, US air support, European peacekeepers, guarantees, territory and neutrality. Seeded events push the talks around.',
      ),
      h('ul', { class: 'menu-seats', 'aria-label': 'The parties' }, ...PARTY_IDS.map((p) => h('li', null, emblem(p), PARTY_NAMES[p]))),
      notice,
      problem,
      h('nav', { 'aria-label': 'Main menu' }, h('ul', { class: 'menu-list' }, ...items)),
    ),
    h(
      'p',
      { class: 'menu-foot' },
      'Figures and positions from the reporting cite their source; everything else is labelled a game assumption (About and sources). The same seed always gives the same events, so a game can be replayed and discussed.',
    ),
  );
  return { el, title: 'Main menu' };
}

export function startTutorial(app: App): void {
  const level = findBuiltinLevel('tutorial');
  if (!level) return;
  clearSave();
  // A fixed seed: every newcomer gets the same, well-paced first game.
  app.play(GameSession.start(level, 'first-talks', 'ukraine', 'easy'));
}
