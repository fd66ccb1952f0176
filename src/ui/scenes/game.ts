import Phaser from 'phaser';
import { BackdropScene } from './backdrop';
import { BootScene } from './boot';
import { reducedMotion } from '../settings';
import { stage } from '../stage';
import { deviceScale } from './display';
import { MapScene } from './map';

/**
 * The Phaser layer: one full-window canvas behind the DOM, sized in device pixels so lines and text
 * stay sharp on high-density screens (CSS scales it back to the window). It takes no input: every
 * control is in the DOM layer above it.
 */
export function startStage(parent: HTMLElement): Phaser.Game | null {
  const size = () => ({ w: Math.round(window.innerWidth * deviceScale()), h: Math.round(window.innerHeight * deviceScale()) });
  const { w, h } = size();
  let game: Phaser.Game;
  try {
    game = new Phaser.Game({
      type: Phaser.AUTO,
      parent,
      width: w,
      height: h,
      backgroundColor: '#0b1220',
      banner: false,
      scale: { mode: Phaser.Scale.NONE, autoRound: true },
      input: { keyboard: false, mouse: false, touch: false, gamepad: false },
      render: { antialias: true, powerPreference: 'low-power' },
      scene: [BootScene, BackdropScene, MapScene],
    });
  } catch (e) {
    // Without WebGL or canvas the game is still fully playable: the DOM layer does not depend on it.
    console.warn('The map could not start; the game continues without it.', e);
    return null;
  }
  let pending = 0;
  const resize = () => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => {
      const next = size();
      if (next.w !== game.scale.width || next.h !== game.scale.height) game.scale.resize(next.w, next.h);
    });
  };
  window.addEventListener('resize', resize);
  idlePacer(game);
  return game;
}

/**
 * With reduced motion nothing on the stage moves by itself, so rendering 60 identical frames a second
 * would only spend battery (and, on a classroom laptop, the CPU the game needs). The loop sleeps once
 * the picture has settled and wakes when anything it draws changes.
 */
function idlePacer(game: Phaser.Game): void {
  let last = '';
  let changedAt = performance.now();
  window.setInterval(() => {
    const slot = stage.mapSlot?.isConnected ? stage.mapSlot.getBoundingClientRect() : null;
    const signature = JSON.stringify([stage.map, stage.pulse, slot && [slot.x, slot.y, slot.width, slot.height].map(Math.round), game.scale.width, game.scale.height]);
    const now = performance.now();
    if (signature !== last) {
      last = signature;
      changedAt = now;
      game.loop.wake(true);
    } else if (!reducedMotion()) game.loop.wake(true);
    else if (stage.ready && now - changedAt > 700) game.loop.sleep();
  }, 120);
}
