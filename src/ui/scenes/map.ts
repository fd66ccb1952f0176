import Phaser from 'phaser';
import { optionIndex } from '../../core';
import { reducedMotion } from '../settings';
import { stage, type MapModel } from '../stage';
import { COLOURS, deviceScale, tensionColour } from './display';
import {
  CITIES,
  COAST,
  CONTACT_LINE,
  KM_PER_UNIT,
  along,
  calmNormals,
  lineForTerritory,
  offset,
  smooth,
  westNormals,
  type Pt,
} from './geometry';
import { drawMapBase, toPx, type Box } from './map-base';
import { drawZone, type ZoneSpec } from './map-zone';

/** The map stretches a little to fill its slot, between these width-to-height ratios. */
const MIN_ASPECT = 1.45;
const MAX_ASPECT = 2.1;
const BASE_KEY = 'map-base';
const ZONE_KEY = 'map-zone';

/**
 * The negotiation map, drawn when the canvas sits in a map slot (see game.ts). The static base is a
 * texture, and the package on the table is drawn on top every frame: the buffer
 * zone at its depth and side, a proposed new line, peacekeepers, US support, fighting along the line
 * while there is no ceasefire, and tension as a haze along the line.
 */
export class MapScene extends Phaser.Scene {
  private base!: Phaser.GameObjects.Image;
  private zone!: Phaser.GameObjects.Image;
  private zoneKey = '';
  private overlay!: Phaser.GameObjects.Graphics;
  private sizeKey = '';
  private box: Box = { x: 0, y: 0, w: 1, h: 1 };
  private s = 1;
  private shownDepth = 0;
  private shownTension = 0;
  private seenPulse = 0;
  private pulseAt = -1;

  constructor() {
    super({ key: 'map' });
  }

  create(): void {
    this.textures.createCanvas(BASE_KEY, 4, 4);
    this.base = this.add.image(0, 0, BASE_KEY).setOrigin(0, 0);
    this.textures.createCanvas(ZONE_KEY, 4, 4);
    this.zone = this.add.image(0, 0, ZONE_KEY).setOrigin(0, 0);
    this.overlay = this.add.graphics();
    this.seenPulse = stage.pulse;
  }

  update(time: number, delta: number): void {
    const model = stage.map;
    const camera = this.cameras.main;
    const w = this.scale.width;
    const h = this.scale.height;
    if (stage.mode !== 'map' || !model || w < 40 || h < 40) {
      camera.setVisible(false);
      stage.animating = false;
      return;
    }
    camera.setVisible(true);
    camera.setViewport(0, 0, w, h);
    this.layout(w, h, deviceScale());

    const still = reducedMotion();
    const pkg = model.pkg;
    const targetDepth = pkg && model.activeTerms.includes('bufferDepthKm') ? Number(pkg.bufferDepthKm) : 0;
    const ease = still ? 1 : Math.min(1, delta / 220);
    this.shownDepth += (targetDepth - this.shownDepth) * ease;
    if (Math.abs(targetDepth - this.shownDepth) < 0.05) this.shownDepth = targetDepth;
    this.shownTension += (model.tension - this.shownTension) * ease;
    if (Math.abs(model.tension - this.shownTension) < 0.05) this.shownTension = model.tension;
    if (stage.pulse !== this.seenPulse) {
      this.seenPulse = stage.pulse;
      this.pulseAt = still ? -1 : time;
    }
    this.draw(model, time, still);
    // Tells the loop whether to keep drawing: once the zone and the pulse have settled, it sleeps.
    stage.animating = this.shownDepth !== targetDepth || this.shownTension !== model.tension || this.pulseAt >= 0;
  }

  /** Rebuilds the base texture when the slot changes size (window resize, another screen). */
  private layout(w: number, h: number, s: number): void {
    const key = `${w}x${h}@${s}`;
    if (key === this.sizeKey) return;
    this.sizeKey = key;
    this.s = s;
    const pad = Math.round(2 * s);
    const aw = w - 2 * pad;
    const ah = h - 2 * pad;
    const aspect = Math.min(MAX_ASPECT, Math.max(MIN_ASPECT, aw / ah));
    let bw = aw;
    let bh = bw / aspect;
    if (bh > ah) {
      bh = ah;
      bw = bh * aspect;
    }
    this.box = { x: Math.round((w - bw) / 2), y: pad, w: Math.round(bw), h: Math.round(bh) };
    const texture = this.textures.get(BASE_KEY) as Phaser.Textures.CanvasTexture;
    texture.setSize(w, h);
    drawMapBase(texture.getContext(), this.box, s);
    texture.refresh();
    this.base.setTexture(BASE_KEY);
    this.base.setDisplaySize(w, h);
    this.base.setSize(w, h);
    const zone = this.textures.get(ZONE_KEY) as Phaser.Textures.CanvasTexture;
    zone.setSize(w, h);
    this.zone.setTexture(ZONE_KEY).setDisplaySize(w, h).setSize(w, h);
    this.zoneKey = '';
  }

  /** Redraws the zone texture only when what it shows changes (or while its depth eases). */
  private drawZoneTexture(spec: ZoneSpec, key: string): void {
    if (key === this.zoneKey) return;
    this.zoneKey = key;
    const texture = this.textures.get(ZONE_KEY) as Phaser.Textures.CanvasTexture;
    drawZone(texture.getContext(), this.box, this.s, spec);
    texture.refresh();
  }

  private draw(model: MapModel, time: number, still: boolean): void {
    const g = this.overlay;
    const s = this.s;
    const box = this.box;
    const P = (p: Pt) => toPx(box, p);
    const pkg = model.pkg;
    const active = (t: Parameters<typeof model.activeTerms.includes>[0]) => model.activeTerms.includes(t);
    g.clear();

    const contact = smooth(CONTACT_LINE).map(P);
    const territory = pkg && active('territory') ? pkg.territory : 'contact-line';
    const agreedLine = smooth(lineForTerritory(territory)).map(P);
    const normals = calmNormals(westNormals(agreedLine));

    // The buffer zone, to scale, on the Ukrainian side or split across the line, and the land a new line would move.
    const depthPx = (this.shownDepth / KM_PER_UNIT) * box.w;
    const both = pkg?.bufferSide === 'both' && active('bufferSide');
    const moved = territory === 'donbas-ceded' || territory === 'pre-2022-lines';
    this.drawZoneTexture(
      { line: agreedLine, contact, coast: smooth(COAST).map(P), depthPx, both, agreed: model.agreed, moved },
      `${this.sizeKey}|${depthPx.toFixed(1)}|${territory}|${both}|${model.agreed}`,
    );

    // US support, strongest last: air defence over cities, links, a no-fly zone, a strike backstop.
    const us = pkg && active('usSupport') ? optionIndex('usSupport', pkg.usSupport) : 0;
    const westCities = CITIES.filter((c) => ['Kharkiv', 'Dnipro', 'Zaporizhzhia', 'Kramatorsk'].includes(c.name)).map((c) => P(c.at));
    if (us >= 3) {
      g.fillStyle(COLOURS.us, 0.35);
      const stepPx = 26 * s;
      for (let y = box.y + stepPx; y < box.y + box.h * 0.86; y += stepPx) {
        for (let x = box.x + stepPx / 2; x < box.x + box.w; x += stepPx) {
          const lineX = xOn(contact, y);
          if (lineX !== null && x < lineX - 8 * s) {
            g.fillRect(x - 3 * s, y - 0.5 * s, 6 * s, 1 * s);
            g.fillRect(x - 0.5 * s, y - 3 * s, 1 * s, 6 * s);
          }
        }
      }
    }
    if (us >= 2) {
      g.lineStyle(1.2 * s, COLOURS.us, 0.7);
      dashed(g, [[box.x, box.y + box.h * 0.2], westCities[0], westCities[1], westCities[2]], 4 * s, 4 * s);
    }
    if (us >= 1) {
      g.lineStyle(1.6 * s, COLOURS.us, 0.9);
      for (const [x, y] of westCities) {
        g.beginPath();
        g.arc(x, y, 9 * s, Math.PI * 1.1, Math.PI * 1.9, false);
        g.strokePath();
      }
    }
    if (us >= 4) {
      g.fillStyle(COLOURS.us, 0.85);
      for (const [x, y] of along(contact, 3, 0.2, 0.5)) chevron(g, x + 14 * s, y, 6 * s);
    }

    // Tension as a warm haze along the line: faint when calm, heavy near open escalation.
    const haze = Math.max(0, Math.min(100, this.shownTension)) / 100;
    g.lineStyle(14 * s, tensionColour(this.shownTension), 0.05 + 0.22 * haze);
    g.strokePoints(contact.map(([x, y]) => new Phaser.Math.Vector2(x, y)));
    g.lineStyle(6 * s, tensionColour(this.shownTension), 0.08 + 0.25 * haze);
    g.strokePoints(contact.map(([x, y]) => new Phaser.Math.Vector2(x, y)));

    // The line of contact, and the proposed line when the package moves it.
    g.lineStyle(2.2 * s, COLOURS.line, 0.95);
    g.strokePoints(contact.map(([x, y]) => new Phaser.Math.Vector2(x, y)));
    if (moved) {
      g.lineStyle(2.2 * s, COLOURS.proposed, 0.95);
      dashed(g, agreedLine, 8 * s, 5 * s);
    }

    // Peacekeepers along the middle of the zone: hollow = observe, dotted = train and defend, solid = enforce.
    const troops = pkg && active('peacekeepers') ? Number(pkg.peacekeepers) : 0;
    if (troops > 0) {
      const count = Math.min(15, Math.max(1, Math.round(troops / 4000)));
      const mid = offset(agreedLine, normals, Math.max(depthPx / 2, 10 * s) * (pkg?.bufferSide === 'both' && active('bufferSide') ? 0 : 1));
      const mandate = active('mandate') ? pkg!.mandate : 'train-and-defend';
      for (const [x, y] of along(mid, count, 0.08, 0.9)) diamond(g, x, y, 5 * s, mandate, s);
    }

    // Fighting goes on along the line until a ceasefire: small marks that flicker while an event's pulse
    // runs and then settle (the canvas stops drawing at rest; still with reduced motion).
    const ceasefire = pkg && active('ceasefire') ? pkg.ceasefire : 'none';
    const sparks = ceasefire === 'none' ? 9 : ceasefire === 'partial' ? 4 : 0;
    const flare = still || this.pulseAt < 0 ? 0 : Math.max(0, 1 - (time - this.pulseAt) / 1400);
    if (sparks) {
      along(contact, sparks, 0.05, 0.95).forEach(([x, y], i) => {
        const a = 0.8 + (0.35 + 0.6 * Math.abs(Math.sin(time / 380 + i * 1.7)) - 0.8) * flare;
        g.lineStyle(1.6 * s, COLOURS.spark, a);
        const r = 3.2 * s;
        g.lineBetween(x - r, y - r, x + r, y + r);
        g.lineBetween(x - r, y + r, x + r, y - r);
      });
    }

    // A pulse along the line when an event arrives.
    if (this.pulseAt >= 0) {
      const k = (time - this.pulseAt) / 1400;
      if (k >= 1) this.pulseAt = -1;
      else {
        const [x, y] = along(contact, 1, 0.45, 0.45)[0];
        g.lineStyle(2 * s, COLOURS.spark, 0.8 * (1 - k));
        g.strokeCircle(x, y, (12 + 90 * k) * s);
      }
    }
  }
}

function xOn(line: readonly Pt[], y: number): number | null {
  for (let i = 1; i < line.length; i++) {
    const [x0, y0] = line[i - 1];
    const [x1, y1] = line[i];
    if ((y >= y0 && y <= y1) || (y >= y1 && y <= y0)) return y1 === y0 ? x0 : x0 + ((x1 - x0) * (y - y0)) / (y1 - y0);
  }
  return null;
}

/** A dashed polyline (Graphics has no dash style). `dash` 0 draws it solid. */
function dashed(g: Phaser.GameObjects.Graphics, pts: readonly Pt[], dash: number, gap: number): void {
  if (dash <= 0) {
    g.strokePoints(pts.map(([x, y]) => new Phaser.Math.Vector2(x, y)));
    return;
  }
  let on = true;
  let left = dash;
  for (let i = 1; i < pts.length; i++) {
    let [x0, y0] = pts[i - 1];
    const [x1, y1] = pts[i];
    let seg = Math.hypot(x1 - x0, y1 - y0);
    while (seg > 0) {
      const stepLen = Math.min(left, seg);
      const t = stepLen / seg;
      const nx = x0 + (x1 - x0) * t;
      const ny = y0 + (y1 - y0) * t;
      if (on) g.lineBetween(x0, y0, nx, ny);
      x0 = nx;
      y0 = ny;
      seg -= stepLen;
      left -= stepLen;
      if (left <= 0) {
        on = !on;
        left = on ? dash : gap;
      }
    }
  }
}

function diamond(g: Phaser.GameObjects.Graphics, x: number, y: number, r: number, mandate: string, s: number): void {
  const pts = [
    new Phaser.Math.Vector2(x, y - r),
    new Phaser.Math.Vector2(x + r, y),
    new Phaser.Math.Vector2(x, y + r),
    new Phaser.Math.Vector2(x - r, y),
  ];
  g.fillStyle(0x0b1220, 0.85);
  g.fillPoints(pts, true);
  if (mandate === 'enforce') {
    g.fillStyle(COLOURS.coalition, 1);
    g.fillPoints(pts, true);
  } else if (mandate === 'train-and-defend') {
    g.fillStyle(COLOURS.coalition, 1);
    g.fillCircle(x, y, 1.6 * s);
  }
  g.lineStyle(1.5 * s, COLOURS.coalition, 1);
  g.strokePoints(pts, true);
}

function chevron(g: Phaser.GameObjects.Graphics, x: number, y: number, r: number): void {
  g.fillTriangle(x - r, y - r, x + r, y, x - r, y + r);
}
