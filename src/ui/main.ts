import './styles.css';
import './discussion.css';
import { DIFFICULTIES, isPartyId, type Difficulty } from '../core';
import { App, type SetupChoice } from './app';
import { classroomRouteFromUrl, registerClassroom } from './classroom/routes';
import { installDebugHook } from './debug-hook';
import { applyToDocument } from './settings';
import { aboutScreen } from './screens/about';
import { menuScreen } from './screens/menu';
import { outcomeScreen } from './screens/outcome';
import { setupScreen } from './screens/setup';
import { tableScreen } from './screens/table';
import { lazyModule } from './lazy';

/**
 * Entry point: the DOM layer first (so the menu is usable at once), then the Phaser stage behind it,
 * loaded as a separate chunk.
 * A link like `?level=buffer-zone-talks&party=russia&seed=abcd-2345` opens the new-game screen with
 * those choices filled in, so a game can be shared by its seed.
 */
applyToDocument();
const app = new App(document.getElementById('app')!);
app.register('menu', (a) => menuScreen(a));
app.register('setup', (a, r) => setupScreen(a, r));
app.register('table', (a) => tableScreen(a));
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

// A share link (`#game=…`) opens that game in the replay viewer; `?seed=…` opens the new-game screen.
// `?join=CODE` (a classroom's join link) opens that table; `?teach=…` brings the teacher back to the session.
const classroom = classroomRouteFromUrl(new URLSearchParams(location.search));
const shared = sharedChoice(new URLSearchParams(location.search));
const openGameLink = () => discussion.load().then((m) => m.openSharedGame(app, location.hash));
if (location.hash.startsWith('#game=')) void openGameLink();
else app.go(classroom ?? (shared ? { name: 'setup', choice: shared } : { name: 'menu' }));
// A link pasted into the address bar of this tab changes only the fragment: open it too.
window.addEventListener('hashchange', () => {
  if (location.hash.startsWith('#game=')) void openGameLink();
});
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

/** Reads a shared link. Anything unknown is ignored rather than refused: a bad link still opens the game. */
function sharedChoice(params: URLSearchParams): SetupChoice | null {
  const seed = params.get('seed');
  if (!seed) return null;
  const party = params.get('party');
  const difficulty = params.get('difficulty') as Difficulty | null;
  return {
    seed: seed.slice(0, 64),
    levelId: params.get('level') ?? undefined,
    party: party && isPartyId(party) ? party : undefined,
    difficulty: difficulty && DIFFICULTIES.includes(difficulty) ? difficulty : undefined,
  };
}
