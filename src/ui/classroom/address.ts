import type { ClassroomView } from './routes';

/** Keeps the address bar on the classroom screen shown, so a reload returns to it. */
export function setAddress(view: ClassroomView | null): void {
  const params = new URLSearchParams();
  if (view?.kind === 'join' && view.code) params.set('join', view.code);
  else if (view?.kind === 'lobby') params.set('teach', 'lobby');
  else if (view?.kind === 'console') {
    params.set('teach', 'console');
    params.set('table', view.code);
  } else if (view?.kind === 'comparison') params.set('teach', 'compare');
  const query = params.toString();
  const next = `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
  if (next !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(history.state, '', next);
}
