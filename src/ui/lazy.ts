import type { App, Route, Screen } from './app';
import { h } from './dom';

/**
 * A part of the game loaded on first use (its own chunk, precached for offline play like the rest):
 * screens registered through `screen()` show a short "Loading…" until the chunk arrives, then take
 * the page over exactly as `App.go` would (title, focus on the main heading).
 */
export interface LazyModule<M> {
  load(): Promise<M>;
  screen(pick: (m: M) => (app: App, route: Route) => Screen): (app: App, route: Route) => Screen;
}

export function lazyModule<M>(importer: () => Promise<M>): LazyModule<M> {
  let loaded: M | null = null;
  let pending: Promise<M> | null = null;
  const load = () => (pending ??= importer().then((m) => (loaded = m)));
  return {
    load,
    screen: (pick) => (app, route) => {
      if (loaded) return pick(loaded)(app, route);
      const status = h('p', { class: 'boot-note', role: 'status' }, 'Loading…');
      const el = h('main', { class: 'screen loading-screen', 'aria-busy': 'true' }, h('h1', { class: 'sr-only' }, 'Loading'), status);
      let inner: Screen | null = null;
      let gone = false;
      load().then(
        (m) => {
          if (gone || !el.isConnected) return;
          inner = pick(m)(app, route);
          el.replaceWith(inner.el);
          document.title = `${inner.title} · Buffer Zone`;
          const heading = inner.el.querySelector<HTMLElement>('h1');
          if (heading) {
            heading.tabIndex = -1;
            heading.focus({ preventScroll: true });
          }
        },
        (e: unknown) => {
          pending = null;
          status.textContent = `This part of the game could not be loaded (${(e as Error).message}). Check the connection and try again.`;
        },
      );
      return {
        el,
        title: 'Loading',
        dispose: () => {
          gone = true;
          inner?.dispose?.();
        },
      };
    },
  };
}
