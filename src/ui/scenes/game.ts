import Phaser from 'phaser';
import { reducedMotion } from '../settings';
import { stage } from '../stage';
import { BackdropScene } from './backdrop';
import { BootScene } from './boot';
import { deviceScale } from './display';
import { MapScene } from './map';

/**
 * The Phaser layer. Its one canvas goes where the art is shown: full-window behind the menus (the
 * backdrop), or inside the map slot on the table and the debrief, sized to it. Drawing only what is
 * visible keeps software-rendered machines responsive. The canvas is sized in device pixels (CSS
 * scales it back), so lines and text stay sharp on high-density screens. It takes no input: every
 * control is in the DOM layer.
 */
export function startStage(home: HTMLElement): Phaser.Game | null {
  let game: Phaser.Game;
  try {
    game = new Phaser.Game({
      type: Phaser.AUTO,
      parent: home,
      width: Math.round(window.innerWidth * deviceScale()),
      height: Math.round(window.innerHeight * deviceScale()),
      transparent: true,
      banner: false,
      scale: { mode: Phaser.Scale.NONE, autoRound: true },
      input: { keyboard: false, mouse: false, touch: false, gamepad: false },
      render: { antialias: true, powerPreference: 'low-power' },
      fps: { limit: 30 },
      scene: [BootScene, BackdropScene, MapScene],
    });
  } catch (e) {
    // Without WebGL or canvas the game is still fully playable: the DOM layer does not depend on it.
    console.warn('The map could not start; the game continues without it.', e);
    return null;
  }
  idlePacer(game, () => placeCanvas(game, home));
  window.addEventListener('resize', () => stage.notify?.());
  return game;
}

/** Moves the canvas into the map slot (or back behind the menus) and fits it to its new home. */
function placeCanvas(game: Phaser.Game, home: HTMLElement): void {
  const canvas = game.canvas;
  if (!canvas) return;
  const slot = stage.mapSlot?.isConnected ? stage.mapSlot : null;
  const target = slot ?? home;
  if (canvas.parentElement !== target) target.appendChild(canvas);
  stage.mode = slot ? 'map' : 'backdrop';
  const s = deviceScale();
  const w = Math.max(2, Math.round((slot ? slot.clientWidth : window.innerWidth) * s));
  const h = Math.max(2, Math.round((slot ? slot.clientHeight : window.innerHeight) * s));
  if (w !== game.scale.width || h !== game.scale.height) game.scale.resize(w, h);
}

/**
 * The canvas draws only when what it shows changes: a screen with or without the map, another package
 * or tension, an event's pulse, a new size. Then it draws until the scenes report that nothing moves
 * any more (`stage.animating`: the zone easing to its new depth, the pulse along the line) and a few
 * frames after, and the loop sleeps: at rest the game costs a school laptop no rendering at all.
 * While it runs it is capped at 30 frames a second (`fps.limit`).
 */
function idlePacer(game: Phaser.Game, place: () => void): void {
  let last = '';
  let framesSinceChange = 0;
  game.events.on(Phaser.Core.Events.POST_RENDER, () => {
    framesSinceChange += 1;
    stage.frames += 1;
  });
  const check = () => {
    place();
    const signature = JSON.stringify([stage.mode, stage.map, stage.pulse, game.scale.width, game.scale.height, reducedMotion()]);
    if (signature !== last) {
      last = signature;
      framesSinceChange = 0;
      game.loop.wake(true);
    } else if (stage.animating) framesSinceChange = 0;
    else if (stage.ready && framesSinceChange >= 3 && game.loop.running) game.loop.sleep();
  };
  window.setInterval(check, 100);
  // Screens call `stage.notify` when they move the map: answer at once, not on the next check.
  stage.notify = () => check();
}
