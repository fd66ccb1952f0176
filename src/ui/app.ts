import type { Difficulty, PartyId } from '../core';
import type { LoadedGame } from './discussion/games';
import type { ClassroomView } from './classroom/routes';
import { addressOf, appBase } from './address';
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

/** A short message a screen shows above its content: why a link or an address did not open. */
export interface Notice {
  title: string;
  detail: string;
}

type Route =
  | { name: 'menu'; notice?: Notice }
  /** `problems`: what a link asked for that the game does not have, shown on the form. */
  | { name: 'setup'; choice?: SetupChoice; problems?: string[] }
  | { name: 'table' }
  | { name: 'outcome' }
  | { name: 'about' }
  // Classroom mode: joining a table, and the teacher's lobby, consoles and comparison.
  | { name: 'classroom'; view: ClassroomView }
  // Replays and debriefs: open a game, step through it, branch it, explore it, read its full debrief.
  | { name: 'replays'; notice?: Notice }
  | { name: 'viewer'; game: LoadedGame; step?: number }
  | { name: 'debrief'; game: LoadedGame }
  | { name: 'compare'; original: LoadedGame; branch: LoadedGame }
  | { name: 'explorer'; game: LoadedGame; step: number };

type ScreenFactory = (app: App, route: Route) => Screen;

/**
 * How `go` records the move in the browser's history: a new entry (the default, so Back returns), in
 * place of the current one (start-up, a redirect), or not at all (Back and Forward already moved).
 */
export type HistoryMode = 'push' | 'replace' | 'none';

/** What a history entry of this page holds: the page it belongs to and its route's number. */
interface EntryState {
  bufferZone: string;
  entry: number;
}

/**
 * The app: one screen at a time in #app, the current game session, and the save found at start-up.
 * Every screen has its own address (address.ts) and its own history entry, so Back and Forward move
 * between screens and a reload opens the same one. Moving between screens moves keyboard focus to
 * the new screen's main heading, so screen-reader and keyboard users always know where they are.
 */
export class App {
  session: GameSession | null = null;
  save: LoadedSave = { kind: 'none' };
  route: Route | null = null;
  private current: Screen | null = null;
  private factories = new Map<Route['name'], ScreenFactory>();
  /** Routes of this page's history entries: they hold games and sessions, which history.state cannot. */
  private entries = new Map<number, Route>();
  private entryCount = 0;
  private readonly page = Math.random().toString(36).slice(2);
  /** Opens whatever the address bar asks for (main.ts): for entries made before a reload, and links. */
  openAddress: (how: HistoryMode) => void = () => this.go({ name: 'menu' }, 'replace');

  constructor(private root: HTMLElement) {
    window.addEventListener('popstate', (e) => this.onPopState(e.state as EntryState | null));
  }

  register(name: Route['name'], factory: ScreenFactory): void {
    this.factories.set(name, factory);
  }

  refreshSave(): LoadedSave {
    this.save = loadSave();
    return this.save;
  }

  go(route: Route, how: HistoryMode = 'push'): void {
    if (how !== 'none') this.record(route, how);
    this.route = route;
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
  play(session: GameSession, how: HistoryMode = 'push'): void {
    // Resuming the session in progress must not stop it.
    if (this.session !== session) this.session?.dispose();
    this.session = session;
    this.go(session.isOver() ? { name: 'outcome' } : { name: 'table' }, how);
  }

  /**
   * The table or the end of the game, from the session in memory or the save in this browser (after
   * a reload, or Back to a game's screen); the menu, saying why, when there is no game to show.
   */
  openSaved(how: HistoryMode): void {
    let session = this.session;
    if (!session) {
      const save = this.refreshSave();
      if (save.kind === 'ok') session = new GameSession(save.table, save.human);
    }
    if (!session) {
      const notice =
        this.save.kind === 'corrupt'
          ? undefined
          : { title: 'No game in progress', detail: 'This browser has no game to resume. Start one with Play, or try the Tutorial.' };
      this.go({ name: 'menu', notice }, how === 'none' ? 'replace' : how);
      return;
    }
    if (this.session !== session) this.session?.dispose();
    this.session = session;
    this.go(session.isOver() ? { name: 'outcome' } : { name: 'table' }, how);
  }

  private record(route: Route, how: 'push' | 'replace'): void {
    const table = this.session?.classroom?.address ?? null;
    const url = `${appBase()}${addressOf(route, table)}`;
    // The same address again (a hot-seat handover, a team's join link becoming its table) replaces.
    const same = url === `${location.pathname}${location.search}` && this.route !== null;
    const entry = ++this.entryCount;
    this.entries.set(entry, route);
    const state: EntryState = { bufferZone: this.page, entry };
    try {
      if (how === 'push' && !same) history.pushState(state, '', url);
      else history.replaceState(state, '', url);
    } catch {
      /* a sandboxed frame: the screen still opens, only its address stays */
    }
  }

  private onPopState(state: EntryState | null): void {
    const route = state?.bufferZone === this.page ? this.entries.get(state.entry) : undefined;
    if (!route) {
      // An entry from before a reload, or a link typed into the address bar: read the address.
      this.openAddress('none');
      return;
    }
    // The table and the end of the game show the game as it is now (it may have ended, or been left).
    if (route.name === 'table' || route.name === 'outcome') this.openSaved('replace');
    else this.go(route, 'none');
  }
}

export type { Route };
