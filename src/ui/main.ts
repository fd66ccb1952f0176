import './styles.css';
import './discussion.css';
import { readAddress, short } from './address';
import { App, type HistoryMode } from './app';
import { classroomRouteFromUrl, registerClassroom } from './classroom/routes';
import { installDebugHook } from './debug-hook';
import { applyToDocument } from './settings';
import { aboutScreen } from './screens/about';
import { menuScreen } from './screens/menu';
import { outcomeScreen } from './screens/outcome';
import { setupScreen } from './screens/setup';
import { oneTabTableScreen } from './screens/one-tab';
import { lazyModule } from './lazy';

/**
 * Entry point: the DOM layer first (so the menu is usable at once), then the Phaser stage behind it,
 * loaded as a separate chunk.
 * Every screen has an address (address.ts): a reload or a link opens that screen, and a link like
 * `?level=buffer-zone-talks&party=russia&seed=abcd-2345` opens the new-game screen with those choices
 * filled in, so a game can be shared by its seed.
 */
applyToDocument();
const app = new App(document.getElementById('app')!);
app.register('menu', (a, r) => menuScreen(a, r));
app.register('setup', (a, r) => setupScreen(a, r));
app.register('table', (a) => oneTabTableScreen(a));
app.register('outcome', (a) => outcomeScreen(a));
app.register('about', (a) => aboutScreen(a));
registerClassroom(app);
// Replays and debriefs load on first use, so the menu stays quick to appear.
const discussion = lazyModule(() => import('./discussion/screens'));
app.register(
  'replays',
  discussion.screen((m) => m.replaysScreen),
);
app.register(
  'viewer',
  discussion.screen((m) => m.viewerScreen),
);
app.register(
  'debrief',
  discussion.screen((m) => m.debriefScreen),
);
app.register(
  'compare',
  discussion.screen((m) => m.compareScreen),
);
app.register(
  'explorer',
  discussion.screen((m) => m.explorerScreen),
);
installDebugHook(app);
app.refreshSave();

// What the address asks for: a screen, the game saved in this browser (`/table`), a share link
// (`#game=…`, the replay viewer), a classroom link (`?join=CODE`, `?teach=…`) or a new-game link.
app.openAddress = (how: HistoryMode) => {
  const request = readAddress(location);
  switch (request.kind) {
    case 'route':
      app.go(request.route, how);
      return;
    case 'saved':
      app.openSaved(how);
      return;
    case 'game':
      void discussion.load().then((m) => m.openSharedGame(app, location.hash, how === 'none' ? 'replace' : how));
      return;
    case 'classroom':
      app.go(classroomRouteFromUrl(new URLSearchParams(location.search), location.pathname) ?? { name: 'menu' }, how);
      return;
    case 'gone':
      app.go(
        {
          name: 'replays',
          notice: {
            title: 'That comparison is no longer open',
            detail: 'A comparison lasts as long as the page that made it. Open the games again from the recent games below.',
          },
        },
        'replace',
      );
      return;
    case 'unknown':
      app.go(
        {
          name: 'menu',
          notice: {
            title: 'There is no such page',
            detail: `“${short(request.name)}” is not a screen of Buffer Zone, so here is the main menu.`,
          },
        },
        'replace',
      );
  }
};
app.openAddress('replace');
document.documentElement.dataset.ready = 'true';
// Navigation to a usable menu, for the benchmark (bench/browser.ts).
performance.mark('buffer-zone:interactive');

// Phaser is the largest part of the game, so it loads after the menu is usable: the art fades in behind.
const stageEl = document.getElementById('stage');
if (stageEl) {
  import('./scenes/game')
    .then((m) => m.startStage(stageEl))
    .catch((e: unknown) => console.warn('The map could not be loaded; the game continues without it.', e));
}

if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js').catch((e: unknown) => console.warn('Offline mode is not available:', e));
  });
}
