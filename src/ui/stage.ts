import type { Package, TermId } from '../core';

/**
 * What the Phaser layer should draw, set by the DOM screens. The scenes read it on every frame they
 * draw, so the DOM code never imports Phaser and the art never reaches into the game state. The canvas
 * draws only when this changes or while something is moving, then its loop sleeps.
 */
export interface MapModel {
  /** The package to draw (on the table, or signed), or null for the status quo. */
  pkg: Package | null;
  activeTerms: readonly TermId[];
  tension: number;
  agreed: boolean;
}

export interface Stage {
  /** The element the map is drawn into (its on-screen rectangle), or null when no screen shows a map. */
  mapSlot: HTMLElement | null;
  map: MapModel | null;
  /** Bumped when a seeded event arrives, to play a short pulse on the map. */
  pulse: number;
  /** Set by the Phaser layer once its first frame is drawn (used by tests and the benchmark). */
  ready: boolean;
  /** Where the canvas is: behind the menus, or in the map slot. */
  mode: 'backdrop' | 'map';
  /** Set by the Phaser layer: call after changing the slot so the canvas moves at once. */
  notify: (() => void) | null;
  /** Set by the scenes while something on the canvas is still moving (the zone easing, a pulse). */
  animating: boolean;
  /** Frames the canvas has drawn since the page opened (the loop sleeps when nothing changes). */
  frames: number;
}

export const stage: Stage = {
  mapSlot: null,
  map: null,
  pulse: 0,
  ready: false,
  mode: 'backdrop',
  notify: null,
  animating: false,
  frames: 0,
};

export function showMap(slot: HTMLElement, model: MapModel): void {
  const moved = stage.mapSlot !== slot;
  stage.mapSlot = slot;
  stage.map = model;
  if (moved) stage.notify?.();
}

export function hideMap(): void {
  stage.mapSlot = null;
  stage.map = null;
  stage.notify?.();
}
