import { addressOf, appBase } from '../address';
import type { ClassroomView } from './routes';

/**
 * Puts a classroom screen's address in the address bar without a new history entry (the app gives
 * every screen its address as it opens; this is for a screen that changes what it shows). Leaving a
 * classroom screen (`null`) needs nothing: the next screen brings its own address.
 */
export function setAddress(view: ClassroomView | null): void {
  if (!view) return;
  const next = `${appBase()}${addressOf({ name: 'classroom', view })}`;
  try {
    if (next !== `${location.pathname}${location.search}`) history.replaceState(history.state, '', next);
  } catch {
    /* a sandboxed frame keeps its address */
  }
}
