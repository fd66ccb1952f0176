import type { LoadedGame } from './games';
import { fragmentOf } from './links';

/**
 * While a game is open in the replay viewer or the debrief, the address bar holds its share link
 * (`#game=2.…`, plus `&step=12` or `&view=debrief`), so a reload reopens the same place and the address
 * itself can be copied. Leaving those screens clears it. `history.replaceState` adds no history entries
 * and fires no `hashchange`.
 */
export function setGameInAddress(game: LoadedGame | null, where: { step?: number; view?: 'debrief' } = {}): void {
  try {
    const base = `${location.pathname}${location.search}`;
    if (!game) {
      if (location.hash.startsWith('#game=')) history.replaceState(history.state, '', base);
      return;
    }
    const extra = where.view ? `&view=${where.view}` : where.step !== undefined ? `&step=${where.step}` : '';
    const hash = `#${fragmentOf(game)}${extra}`;
    if (location.hash !== hash) history.replaceState(history.state, '', `${base}${hash}`);
  } catch {
    /* an address that cannot be changed (a sandboxed frame) only loses the reload convenience */
  }
}

/** Splits `#game=2.…&step=12&view=debrief` into the game's fragment and where to open it. */
export function parseAddress(hash: string): { fragment: string; step?: number; view?: 'debrief' } | null {
  const body = hash.replace(/^#/, '');
  if (!body.startsWith('game=')) return null;
  const [fragment, ...rest] = body.split('&');
  const out: { fragment: string; step?: number; view?: 'debrief' } = { fragment };
  for (const part of rest) {
    const [k, v] = part.split('=');
    if (k === 'step' && /^\d{1,5}$/.test(v ?? '')) out.step = Number(v);
    if (k === 'view' && v === 'debrief') out.view = 'debrief';
  }
  return out;
}
