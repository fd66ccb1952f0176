import { BORDER, CITIES, COAST, CONTACT_LINE, DONBAS, KM_PER_UNIT, RIVER, smooth, xAt, type Pt } from './geometry';

/**
 * The map's unchanging layer, drawn with the Canvas 2D API into a texture once per size: land on
 * both sides of the line (the Russian-held side stippled, so it reads without colour), the sea, the
 * Dnipro, the border, Donbas, cities and a scale bar. Redrawing it only on resize keeps frames cheap.
 */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const MAP_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", "DejaVu Sans", sans-serif';

export function toPx(box: Box, p: Pt): Pt {
  return [box.x + p[0] * box.w, box.y + p[1] * box.h];
}

function path(ctx: CanvasRenderingContext2D, pts: readonly Pt[], close = false): void {
  ctx.beginPath();
  pts.forEach(([x, y], i) => (i ? ctx.lineTo(x, y) : ctx.moveTo(x, y)));
  if (close) ctx.closePath();
}

export function drawMapBase(ctx: CanvasRenderingContext2D, box: Box, s: number): void {
  const P = (p: Pt) => toPx(box, p);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.save();
  roundRect(ctx, box, 10 * s);
  ctx.clip();

  // Land under Ukrainian control, with a soft light from the north-west.
  const west = ctx.createLinearGradient(box.x, box.y, box.x + box.w, box.y + box.h);
  west.addColorStop(0, '#1b2a45');
  west.addColorStop(1, '#141f35');
  ctx.fillStyle = west;
  ctx.fillRect(box.x, box.y, box.w, box.h);

  // Land under Russian control: everything east of the line of contact, stippled.
  const line = smooth(CONTACT_LINE).map(P);
  path(ctx, [...line, [box.x + box.w, box.y + box.h], [box.x + box.w, box.y]], true);
  ctx.fillStyle = '#262131';
  ctx.fill();
  const step = 7 * s;
  ctx.fillStyle = 'rgba(196, 170, 190, 0.22)';
  for (let y = box.y + step / 2, row = 0; y < box.y + box.h; y += step, row++) {
    const x0 = xAt(line, y);
    if (x0 === null) continue;
    for (let x = x0 + step * (row % 2 ? 1 : 0.5); x < box.x + box.w; x += step) ctx.fillRect(x, y, 1.2 * s, 1.2 * s);
  }

  // Sea of Azov and the Black Sea.
  const coast = smooth(COAST).map(P);
  path(ctx, [...coast, [box.x + box.w, box.y + box.h], [box.x, box.y + box.h]], true);
  ctx.fillStyle = '#0c1a2c';
  ctx.fill();
  ctx.strokeStyle = 'rgba(120, 150, 190, 0.35)';
  ctx.lineWidth = 1 * s;
  path(ctx, coast);
  ctx.stroke();

  // The Dnipro.
  ctx.strokeStyle = '#2f5a86';
  ctx.lineWidth = 2.4 * s;
  ctx.lineCap = 'round';
  path(ctx, smooth(RIVER).map(P));
  ctx.stroke();

  // Donbas (dotted) and the international border (dashed).
  ctx.setLineDash([1.5 * s, 4 * s]);
  ctx.strokeStyle = 'rgba(170, 185, 210, 0.55)';
  ctx.lineWidth = 1.4 * s;
  path(ctx, smooth(DONBAS.concat([DONBAS[0]]), 6).map(P));
  ctx.stroke();
  ctx.setLineDash([7 * s, 5 * s]);
  ctx.strokeStyle = 'rgba(170, 185, 210, 0.45)';
  path(ctx, smooth(BORDER).map(P));
  ctx.stroke();
  ctx.setLineDash([]);

  // Labels: regions first (quiet, spaced capitals), then cities. Text grows a little on a large map.
  const t = Math.min(1.35, Math.max(0.9, box.w / (640 * s)));
  /** A label at a map point; extra lines go below the first, a fixed distance apart. */
  const label = (text: string, at: Pt, size: number, colour: string, align: CanvasTextAlign = 'center', weight = 400, spacing = 0) => {
    ctx.font = `${weight} ${size * s * t}px ${MAP_FONT}`;
    ctx.fillStyle = colour;
    ctx.textAlign = align;
    ctx.textBaseline = 'middle';
    if ('letterSpacing' in ctx) (ctx as unknown as { letterSpacing: string }).letterSpacing = `${spacing * s}px`;
    const [x, y] = P(at);
    text.split('\n').forEach((line, i) => ctx.fillText(line, x, y + i * (size + 4) * s * t));
  };
  // Aligned to the map's edges so they never run off it, whatever its size.
  label('UNDER UKRAINIAN\nCONTROL', [0.025, 0.36], 10, 'rgba(160, 190, 225, 0.8)', 'left', 600, 1.2);
  label('UNDER RUSSIAN\nCONTROL', [0.975, 0.64], 10, 'rgba(215, 185, 200, 0.8)', 'right', 600, 1.2);
  label('DONBAS', [0.83, 0.43], 10, 'rgba(190, 200, 220, 0.6)', 'center', 600, 3);
  label('Sea of Azov', [0.63, 0.95], 11, 'rgba(140, 170, 205, 0.8)', 'center');
  label('Dnipro', [0.24, 0.46], 10, 'rgba(120, 160, 205, 0.85)', 'center');
  label('← Kyiv', [0.015, 0.06], 11, 'rgba(200, 212, 228, 0.8)', 'left');
  for (const c of CITIES) {
    const [x, y] = P(c.at);
    ctx.fillStyle = '#d5deeb';
    ctx.beginPath();
    ctx.arc(x, y, 2.6 * s, 0, Math.PI * 2);
    ctx.fill();
    if (c.side === 'above') label(c.name, [c.at[0], c.at[1] - (11 * s) / box.h], 11, 'rgba(205, 215, 230, 0.85)', 'center');
    else
      label(
        c.name,
        [c.at[0] + ((c.side === 'left' ? -7 : 7) * s) / box.w, c.at[1]],
        11,
        'rgba(205, 215, 230, 0.85)',
        c.side === 'left' ? 'right' : 'left',
      );
  }

  // A scale bar, because the zone is drawn to scale.
  const km50 = (50 / KM_PER_UNIT) * box.w;
  const sx = box.x + box.w * 0.03;
  const sy = box.y + box.h * 0.9;
  ctx.strokeStyle = 'rgba(210, 220, 235, 0.8)';
  ctx.lineWidth = 1.5 * s;
  ctx.beginPath();
  ctx.moveTo(sx, sy - 4 * s);
  ctx.lineTo(sx, sy);
  ctx.lineTo(sx + km50, sy);
  ctx.lineTo(sx + km50, sy - 4 * s);
  ctx.stroke();
  ctx.font = `400 ${10 * s * t}px ${MAP_FONT}`;
  ctx.fillStyle = 'rgba(210, 220, 235, 0.85)';
  ctx.textAlign = 'left';
  ctx.fillText('50 km', sx + km50 + 5 * s, sy - 2 * s);
  ctx.restore();

  // A thin frame.
  ctx.strokeStyle = 'rgba(140, 165, 200, 0.35)';
  ctx.lineWidth = 1 * s;
  roundRect(ctx, { x: box.x + 0.5 * s, y: box.y + 0.5 * s, w: box.w - s, h: box.h - s }, 10 * s);
  ctx.stroke();
}

function roundRect(ctx: CanvasRenderingContext2D, b: Box, r: number): void {
  ctx.beginPath();
  ctx.roundRect(b.x, b.y, b.w, b.h, r);
}
