import Phaser from 'phaser';
import { stage } from '../stage';
import { deviceScale } from './display';
import { CONTACT_LINE, smooth } from './geometry';

const KEY = 'backdrop';
const GLOW = 'glow';

/**
 * The calm backdrop behind every screen: deep navy, faint contour lines like a survey sheet, a
 * coordinate grid and, far to the right, the trace of a front line, under a soft light. It is drawn
 * again only when the window changes size. All generated here; no image files.
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

  update(): void {
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
    // The light rests where it is: the canvas draws only when something changes.
    this.glow.setPosition(w * 0.62, h * 0.47);
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

  // The subject, far right and faint: the front line's trace with a 40 km strip along its west side.
  const trace = smooth(CONTACT_LINE).map(([u, v]) => [w * (0.45 + u * 0.55), h * (-0.05 + v * 1.1)] as const);
  const path = () => {
    ctx.beginPath();
    trace.forEach(([x, y], i) => (i ? ctx.lineTo(x, y) : ctx.moveTo(x, y)));
  };
  const strip = w * 0.55 * (40 / 580);
  ctx.save();
  ctx.beginPath();
  ctx.moveTo(-10, -10);
  trace.forEach(([x, y]) => ctx.lineTo(x, y));
  ctx.lineTo(-10, h + 10);
  ctx.closePath();
  ctx.clip();
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  path();
  ctx.lineWidth = strip * 2;
  ctx.strokeStyle = 'rgba(232, 226, 208, 0.06)';
  ctx.stroke();
  ctx.restore();
  ctx.setLineDash([]);
  ctx.strokeStyle = 'rgba(232, 226, 208, 0.2)';
  ctx.lineWidth = 2 * s;
  path();
  ctx.stroke();

  const vignette = ctx.createRadialGradient(w / 2, h / 2, Math.min(w, h) * 0.3, w / 2, h / 2, Math.max(w, h) * 0.75);
  vignette.addColorStop(0, 'rgba(0,0,0,0)');
  vignette.addColorStop(1, 'rgba(0,0,0,0.45)');
  ctx.fillStyle = vignette;
  ctx.fillRect(0, 0, w, h);
}
