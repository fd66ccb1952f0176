import type { Box } from './map-base';
import type { Pt } from './geometry';

/**
 * The buffer zone and the land a package would move, drawn with the Canvas 2D API. The zone is every
 * point within its depth of the line, on the Ukrainian side (a thick round-jointed stroke clipped to
 * that side), so it keeps its true depth around the bends where an offset curve would fold over.
 */
export interface ZoneSpec {
  line: readonly Pt[];
  contact: readonly Pt[];
  /** The coastline: nothing is drawn at sea. */
  coast: readonly Pt[];
  depthPx: number;
  both: boolean;
  agreed: boolean;
  /** The proposed line differs from the line of contact. */
  moved: boolean;
}

let hatch: HTMLCanvasElement | null = null;

function hatchTile(s: number, colour: string): HTMLCanvasElement {
  const size = Math.round(7 * s);
  if (!hatch || hatch.width !== size) hatch = document.createElement('canvas');
  hatch.width = size;
  hatch.height = size;
  const c = hatch.getContext('2d')!;
  c.clearRect(0, 0, size, size);
  c.strokeStyle = colour;
  c.lineWidth = Math.max(1, 1.1 * s);
  c.beginPath();
  c.moveTo(-1, size + 1);
  c.lineTo(size + 1, -1);
  c.stroke();
  return hatch;
}

function trace(ctx: CanvasRenderingContext2D, pts: readonly Pt[]): void {
  ctx.beginPath();
  pts.forEach(([x, y], i) => (i ? ctx.lineTo(x, y) : ctx.moveTo(x, y)));
}

export function drawZone(ctx: CanvasRenderingContext2D, box: Box, s: number, spec: ZoneSpec): void {
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.save();
  ctx.beginPath();
  ctx.roundRect(box.x, box.y, box.w, box.h, 10 * s);
  ctx.clip();
  const coast = spec.coast;
  trace(ctx, [
    [box.x - 50 * s, box.y - 50 * s],
    [box.x + box.w + 50 * s, box.y - 50 * s],
    [box.x + box.w + 50 * s, coast[coast.length - 1][1]],
    ...coast.slice().reverse(),
    [box.x - 50 * s, coast[0][1]],
  ]);
  ctx.closePath();
  ctx.clip();

  if (spec.depthPx > 0.5) {
    ctx.save();
    if (!spec.both) {
      // Keep only the Ukrainian (west) side of the line.
      const [first, last] = [spec.line[0], spec.line[spec.line.length - 1]];
      trace(ctx, [
        [box.x - 50 * s, first[1] - 50 * s],
        [first[0], first[1] - 50 * s],
        ...spec.line,
        [last[0], last[1] + 50 * s],
        [box.x - 50 * s, last[1] + 50 * s],
      ]);
      ctx.closePath();
      ctx.clip();
    }
    const width = spec.both ? spec.depthPx : 2 * spec.depthPx;
    const inner = Math.max(0.5, width - 2.6 * s);
    ctx.lineJoin = 'round';
    ctx.lineCap = 'round';
    // The rim: a full-width stroke, hollowed out, leaves a clean outline of the zone.
    ctx.strokeStyle = `rgba(236, 230, 212, ${spec.agreed ? 0.95 : 0.7})`;
    ctx.lineWidth = width;
    trace(ctx, spec.line);
    ctx.stroke();
    ctx.globalCompositeOperation = 'destination-out';
    ctx.lineWidth = inner;
    ctx.stroke();
    ctx.globalCompositeOperation = 'source-over';
    ctx.strokeStyle = `rgba(236, 230, 212, ${spec.agreed ? 0.24 : 0.15})`;
    ctx.stroke();
    ctx.strokeStyle = ctx.createPattern(hatchTile(s, 'rgba(236, 230, 212, 0.28)'), 'repeat')!;
    ctx.stroke();
    ctx.restore();
  }

  if (spec.moved) {
    // The land between today's line and the proposed one, hatched in the proposal's colour.
    ctx.globalCompositeOperation = 'destination-over';
    trace(ctx, [...spec.contact, ...spec.line.slice().reverse()]);
    ctx.closePath();
    ctx.fillStyle = ctx.createPattern(hatchTile(s, 'rgba(232, 194, 122, 0.45)'), 'repeat')!;
    ctx.fill();
    ctx.fillStyle = 'rgba(232, 194, 122, 0.1)';
    ctx.fill();
  }
  ctx.restore();
}
