/**
 * Replays and debriefs, loaded on first use: the screens to open, replay, compare, explore and debrief
 * a game, and the share-link handling at start-up.
 */
export { replaysScreen } from '../screens/replays';
export { viewerScreen } from '../screens/viewer';
export { debriefScreen } from '../screens/debrief';
export { compareScreen } from '../screens/compare';
export { explorerScreen } from '../screens/explorer';
export { openSharedGame } from './startup';
