import Phaser from 'phaser';
import { stage } from '../stage';

/**
 * Boot: there is nothing to download (all art is generated), so it starts the backdrop and the map
 * layers and reports the stage ready once the first frame has been drawn.
 */
export class BootScene extends Phaser.Scene {
  constructor() {
    super({ key: 'boot' });
  }

  create(): void {
    this.scene.launch('backdrop');
    this.scene.launch('map');
    this.game.events.once(Phaser.Core.Events.POST_RENDER, () => {
      stage.ready = true;
      document.documentElement.dataset.stage = 'ready';
    });
  }
}
