import type { App, Screen } from '../app';
import { announce } from '../announce';
import { button, h } from '../dom';
import { hideMap } from '../stage';
import { GameSession } from '../session';
import { claimGame } from '../tabs';
import { tableScreen } from './table';

/**
 * The table, held by one tab at a time (tabs.ts). When another tab of this browser opens the same
 * saved game, this one stops its computer parties, lets go of the session (so nothing here writes the
 * save again) and says so, with "Play here instead" to take the game back from the save as the other
 * tab left it. A classroom table is guarded by its server instead, which gives each seat to one device.
 */
export function oneTabTableScreen(app: App): Screen {
  const inner = tableScreen(app);
  const session = app.session;
  if (!session || session.classroom) return inner;
  let disposed = false;
  const stopInner = () => {
    if (disposed) return;
    disposed = true;
    inner.dispose?.();
  };
  const release = claimGame(() => {
    stopInner();
    if (app.session === session) {
      session.dispose();
      app.session = null;
    }
    hideMap();
    const notice = elsewhereNotice(app);
    inner.el.replaceWith(notice);
    document.title = 'Open in another tab · Buffer Zone';
    notice.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
    announce('This game is now open in another tab. This tab has stopped.', 'assertive');
  });
  return {
    el: inner.el,
    title: inner.title,
    dispose: () => {
      release();
      stopInner();
    },
  };
}

function elsewhereNotice(app: App): HTMLElement {
  return h(
    'main',
    { class: 'screen elsewhere-screen', 'aria-labelledby': 'elsewhere-h1' },
    h(
      'div',
      { class: 'elsewhere-card' },
      h('p', { class: 'eyebrow' }, 'Buffer Zone'),
      h('h1', { id: 'elsewhere-h1', tabindex: -1 }, 'This game is open in another tab'),
      h(
        'p',
        { class: 'lede' },
        'You opened it in another tab or window of this browser, and it goes on there. This tab has stopped, so that the two do not overwrite each other’s save.',
      ),
      h(
        'div',
        { class: 'elsewhere-actions' },
        button(
          'Play here instead',
          () => {
            const save = app.refreshSave();
            if (save.kind === 'ok') app.play(new GameSession(save.table, save.human), 'replace');
            else app.go({ name: 'menu' }, 'replace');
          },
          { class: 'primary big' },
        ),
        button('Main menu', () => app.go({ name: 'menu' })),
      ),
    ),
  );
}
