import Phaser from 'phaser';
import { reducedMotion } from '../settings';
import { stage } from '../stage';
import { deviceScale } from './display';
import { CONTACT_LINE, smooth } from './geometry';

const KEY = 'backdrop';
const GLOW = 'glow';

/**
 * The calm backdrop behind every screen: deep navy, faint contour lines like a survey sheet, a
 * coordinate grid and, far to the right, the trace of a front line. A soft light drifts across it
 * (held still with reduced motion). All generated here; no image files.
 */
export class BackdropScene extends Phaser.Scene {
  private image!: Phaser.GameObjects.Image;
  private glow!: Phaser.GameObjects.Image;
  private sizeKey = '';

  constructor() {
    super({ key: 'backdrop' });
  }

  create(): void {
    this.textures.createCanvas(KEY, 4, 4);
    this.image = this.add.image(0, 0, KEY).setOrigin(0, 0);
    this.makeGlow();
    this.glow = this.add.image(0, 0, GLOW).setAlpha(0.55);
  }

  update(time: number): void {
    const visible = stage.mode === 'backdrop';
    this.cameras.main.setVisible(visible);
    if (!visible) return;
    const w = this.scale.width;
    const h = this.scale.height;
    const key = `${w}x${h}`;
    if (key !== this.sizeKey) {
      this.sizeKey = key;
      const texture = this.textures.get(KEY) as Phaser.Textures.CanvasTexture;
      texture.setSize(w, h);
      paint(texture.getContext(), w, h, deviceScale());
      texture.refresh();
      this.image.setTexture(KEY).setDisplaySize(w, h);
      this.glow.setDisplaySize(Math.max(w, h) * 0.9, Math.max(w, h) * 0.9);
    }
    const t = reducedMotion() ? 0 : time / 24000;
    this.glow.setPosition(w * (0.62 + 0.18 * Math.sin(t)), h * (0.35 + 0.12 * Math.cos(t * 1.3)));
  }

  private makeGlow(): void {
    const size = 256;
    const texture = this.textures.createCanvas(GLOW, size, size)!;
    const ctx = texture.getContext();
    const g = ctx.createRadialGradient(size / 2, size / 2, 0, size / 2, size / 2, size / 2);
    g.addColorStop(0, 'rgba(90, 140, 210, 0.22)');
    g.addColorStop(0.5, 'rgba(60, 100, 170, 0.08)');
    g.addColorStop(1, 'rgba(40, 70, 130, 0)');
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, size, size);
    texture.refresh();
  }
}

/** Deterministic pseudo-noise (sums of sines), so the backdrop looks the same on every visit. */
function wobble(x: number, k: number): number {
  return Math.sin(x * 1.7 + k * 2.1) * 0.5 + Math.sin(x * 3.3 + k * 0.7) * 0.25 + Math.sin(x * 7.1 + k * 1.3) * 0.1;
}

function paint(ctx: CanvasRenderingContext2D, w: number, h: number, s: number): void {
  const bg = ctx.createLinearGradient(0, 0, w, h);
  bg.addColorStop(0, '#0d1628');
  bg.addColorStop(0.6, '#0a1120');
  bg.addColorStop(1, '#080e1a');
  ctx.fillStyle = bg;
  ctx.fillRect(0, 0, w, h);

  ctx.strokeStyle = 'rgba(120, 150, 200, 0.05)';
  ctx.lineWidth = 1 * s;
  const grid = 64 * s;
  for (let x = grid; x < w; x += grid) {
    ctx.beginPath();
    ctx.moveTo(x, 0);
    ctx.lineTo(x, h);
    ctx.stroke();
  }
  for (let y = grid; y < h; y += grid) {
    ctx.beginPath();
    ctx.moveTo(0, y);
    ctx.lineTo(w, y);
    ctx.stroke();
  }

  const lines = 26;
  for (let k = 0; k < lines; k++) {
    const base = ((k + 0.5) / lines) * h;
    ctx.strokeStyle = `rgba(130, 165, 215, ${k % 5 === 0 ? 0.09 : 0.05})`;
    ctx.lineWidth = (k % 5 === 0 ? 1.2 : 0.8) * s;
    ctx.beginPath();
    for (let x = 0; x <= w; x += 8 * s) {
      const y = base + wobble(x / (260 * s), k) * 34 * s;
      if (x === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    }
    ctx.stroke();
  }

  // The front line's trace, far right and faint: the subject, without a map's detail.
  const line = smooth(CONTACT_LINE);
  ctx.strokeStyle = 'rgba(232, 226, 208, 0.12)';
  ctx.lineWidth = 2 * s;
  ctx.setLineDash([]);
  ctx.beginPath();
  line.forEach(([u, v], i) => {
    const x = w * (0.45 + u * 0.55);
    const y = h * (-0.05 + v * 1.1);
    if (i) ctx.lineTo(x, y);
    else ctx.moveTo(x, y);
  });
  ctx.stroke();
  ctx.strokeStyle = 'rgba(232, 226, 208, 0.07)';
  ctx.setLineDash([6 * s, 6 * s]);
  ctx.beginPath();
  line.forEach(([u, v], i) => {
    const x = w * (0.45 + u * 0.55) - 40 * s;
    const y = h * (-0.05 + v * 1.1);
    if (i) ctx.lineTo(x, y);
    else ctx.moveTo(x, y);
  });
  ctx.stroke();
  ctx.setLineDash([]);

  const vignette = ctx.createRadialGradient(w / 2, h / 2, Math.min(w, h) * 0.3, w / 2, h / 2, Math.max(w, h) * 0.75);
  vignette.addColorStop(0, 'rgba(0,0,0,0)');
  vignette.addColorStop(1, 'rgba(0,0,0,0.45)');
  ctx.fillStyle = vignette;
  ctx.fillRect(0, 0, w, h);
}
