import type { Difficulty, PartyId } from '../core';
import type { LoadedGame } from './discussion/games';
import type { ClassroomView } from './classroom/routes';
import { render } from './dom';
import { hideMap } from './stage';
import { loadSave, type LoadedSave } from './save';
import { GameSession } from './session';

/** A screen: its root element, and what to release when the player leaves it. */
export interface Screen {
  el: HTMLElement;
  title: string;
  dispose?: () => void;
}

export interface SetupChoice {
  levelId?: string;
  party?: PartyId;
  difficulty?: Difficulty;
  seed?: string;
}

type Route =
  | { name: 'menu' }
  | { name: 'setup'; choice?: SetupChoice }
  | { name: 'table' }
  | { name: 'outcome' }
  | { name: 'about' }
  // Classroom mode: joining a table, and the teacher's lobby, consoles and comparison.
  | { name: 'classroom'; view: ClassroomView }
  // Replays and debriefs: open a game, step through it, branch it, explore it, read its full debrief.
  | { name: 'replays'; notice?: { title: string; detail: string } }
  | { name: 'viewer'; game: LoadedGame; step?: number }
  | { name: 'debrief'; game: LoadedGame }
  | { name: 'compare'; original: LoadedGame; branch: LoadedGame }
  | { name: 'explorer'; game: LoadedGame; step: number };

type ScreenFactory = (app: App, route: Route) => Screen;

/**
 * The app: one screen at a time in #app, the current game session, and the save found at start-up.
 * Moving between screens moves keyboard focus to the new screen's main heading, so screen-reader and
 * keyboard users always know where they are.
 */
export class App {
  session: GameSession | null = null;
  save: LoadedSave = { kind: 'none' };
  private current: Screen | null = null;
  private factories = new Map<Route['name'], ScreenFactory>();

  constructor(private root: HTMLElement) {}

  register(name: Route['name'], factory: ScreenFactory): void {
    this.factories.set(name, factory);
  }

  refreshSave(): LoadedSave {
    this.save = loadSave();
    return this.save;
  }

  go(route: Route): void {
    this.current?.dispose?.();
    hideMap();
    const factory = this.factories.get(route.name);
    if (!factory) throw new Error(`no screen "${route.name}"`);
    const screen = factory(this, route);
    this.current = screen;
    render(this.root, screen.el);
    document.title = `${screen.title} · Buffer Zone`;
    window.scrollTo(0, 0);
    const heading = screen.el.querySelector<HTMLElement>('h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
  }

  /** Replaces the current session (stopping its computer parties) and opens the table. */
  play(session: GameSession): void {
    // Resuming the session in progress must not stop it.
    if (this.session !== session) this.session?.dispose();
    this.session = session;
    this.go(session.isOver() ? { name: 'outcome' } : { name: 'table' });
  }
}

export type { Route };
