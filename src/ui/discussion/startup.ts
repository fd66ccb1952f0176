import type { App, HistoryMode } from '../app';
import { parseAddress } from './address';
import { readShareLink } from './links';
import { rememberLoaded } from './library';

/**
 * Share links: `…#game=2.<data>` opens that game in the replay viewer (or `&view=debrief` in the
 * debrief, `&step=12` at that step), at start-up and whenever the fragment changes (a link pasted into
 * the address bar of an open tab). A bad link opens "Replays and debriefs" with the reason; the rest of
 * the game is untouched. Returns false when the address holds no game.
 */
export function openSharedGame(app: App, hash: string, how: HistoryMode = 'push'): boolean {
  const address = parseAddress(hash);
  if (!address) return false;
  const game = readShareLink(address.fragment);
  if (!game.ok) {
    try {
      history.replaceState(history.state, '', `${location.pathname}${location.search}`);
    } catch {
      /* keep the address */
    }
    app.go({ name: 'replays', notice: { title: 'This share link could not be opened', detail: game.error } }, how);
    return true;
  }
  rememberLoaded(game.value, 'opened');
  app.go(
    address.view === 'debrief' ? { name: 'debrief', game: game.value } : { name: 'viewer', game: game.value, step: address.step },
    how,
  );
  return true;
}
