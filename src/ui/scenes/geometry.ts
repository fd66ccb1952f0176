/**
 * The stylised map of the front, in unit coordinates (u: west 0 → east 1, v: north 0 → south 1).
 * Not a survey map: it keeps the shapes a reader recognises (the Dnipro, Donbas, the Sea of Azov)
 * and the zone's depth to scale, so that 10 km and 40 km look as different as they are.
 */
export type Pt = readonly [number, number];

/** About 580 km from the west edge to the east edge of the map. */
export const KM_PER_UNIT = 580;

export const CONTACT_LINE: readonly Pt[] = [
  [0.7, 0.0],
  [0.72, 0.1],
  [0.69, 0.2],
  [0.74, 0.3],
  [0.71, 0.4],
  [0.66, 0.5],
  [0.6, 0.58],
  [0.5, 0.63],
  [0.4, 0.66],
  [0.31, 0.7],
  [0.25, 0.76],
  [0.2, 0.84],
  [0.16, 0.93],
];

/** Russia's demand: the line moved west to take in all of Donbas. */
export const DONBAS_CEDED_LINE: readonly Pt[] = [
  [0.7, 0.0],
  [0.72, 0.1],
  [0.66, 0.17],
  [0.6, 0.26],
  [0.57, 0.38],
  [0.57, 0.48],
  [0.58, 0.57],
  [0.5, 0.63],
  [0.4, 0.66],
  [0.31, 0.7],
  [0.25, 0.76],
  [0.2, 0.84],
  [0.16, 0.93],
];

/** The lines before 2022: roughly the border and the old line through Donbas. */
export const PRE_2022_LINE: readonly Pt[] = [
  [0.86, 0.0],
  [0.9, 0.1],
  [0.95, 0.18],
  [0.89, 0.3],
  [0.85, 0.42],
  [0.86, 0.56],
  [0.9, 0.7],
  [0.93, 0.86],
];

export const COAST: readonly Pt[] = [
  [0.0, 0.95],
  [0.1, 0.93],
  [0.16, 0.93],
  [0.24, 0.95],
  [0.36, 0.93],
  [0.48, 0.9],
  [0.58, 0.88],
  [0.68, 0.86],
  [0.78, 0.87],
  [0.9, 0.85],
  [1.0, 0.83],
];

export const RIVER: readonly Pt[] = [
  [0.22, 0.0],
  [0.26, 0.18],
  [0.31, 0.34],
  [0.35, 0.47],
  [0.33, 0.58],
  [0.28, 0.68],
  [0.23, 0.77],
  [0.19, 0.86],
  [0.16, 0.93],
];

export const BORDER: readonly Pt[] = [
  [0.8, 0.0],
  [0.88, 0.1],
  [0.96, 0.16],
  [1.0, 0.2],
];

export const DONBAS: readonly Pt[] = [
  [0.63, 0.19],
  [0.74, 0.13],
  [0.86, 0.12],
  [0.98, 0.2],
  [1.0, 0.5],
  [0.93, 0.7],
  [0.82, 0.8],
  [0.7, 0.76],
  [0.62, 0.7],
  [0.59, 0.58],
  [0.57, 0.45],
  [0.58, 0.32],
];

export interface City {
  name: string;
  at: Pt;
  /** Label placement: to the left or the right of the dot. */
  side: 'left' | 'right' | 'above';
}

export const CITIES: readonly City[] = [
  { name: 'Kharkiv', at: [0.6, 0.08], side: 'left' },
  { name: 'Dnipro', at: [0.36, 0.42], side: 'right' },
  { name: 'Zaporizhzhia', at: [0.3, 0.6], side: 'left' },
  { name: 'Kramatorsk', at: [0.655, 0.34], side: 'left' },
  { name: 'Donetsk', at: [0.79, 0.53], side: 'right' },
  { name: 'Luhansk', at: [0.92, 0.28], side: 'left' },
  { name: 'Mariupol', at: [0.72, 0.8], side: 'left' },
  { name: 'Kherson', at: [0.11, 0.87], side: 'above' },
];

/** Catmull-Rom through the control points, `steps` samples per segment: a smooth, natural-looking line. */
export function smooth(points: readonly Pt[], steps = 10): Pt[] {
  if (points.length < 3) return points.slice();
  const out: Pt[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const p0 = points[Math.max(0, i - 1)];
    const p1 = points[i];
    const p2 = points[i + 1];
    const p3 = points[Math.min(points.length - 1, i + 2)];
    for (let s = 0; s < steps; s++) {
      const t = s / steps;
      const t2 = t * t;
      const t3 = t2 * t;
      const f = (a: number, b: number, c: number, d: number) =>
        0.5 * (2 * b + (-a + c) * t + (2 * a - 5 * b + 4 * c - d) * t2 + (-a + 3 * b - 3 * c + d) * t3);
      out.push([f(p0[0], p1[0], p2[0], p3[0]), f(p0[1], p1[1], p2[1], p3[1])]);
    }
  }
  out.push(points[points.length - 1]);
  return out;
}

/**
 * Unit normals pointing to the Ukrainian side (west / north-west) of a line drawn north to south.
 * Works in screen pixels, so the zone keeps its depth whatever the map's aspect ratio.
 */
export function westNormals(points: readonly Pt[]): Pt[] {
  return points.map((_, i) => {
    const a = points[Math.max(0, i - 1)];
    const b = points[Math.min(points.length - 1, i + 1)];
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const len = Math.hypot(dx, dy) || 1;
    return [-dy / len, dx / len] as Pt;
  });
}

/** Normals averaged over a window of neighbours: markers placed with them follow the bends calmly. */
export function calmNormals(normals: readonly Pt[], window = 6): Pt[] {
  return normals.map((_, i) => {
    let x = 0;
    let y = 0;
    for (let j = Math.max(0, i - window); j <= Math.min(normals.length - 1, i + window); j++) {
      x += normals[j][0];
      y += normals[j][1];
    }
    const len = Math.hypot(x, y) || 1;
    return [x / len, y / len] as Pt;
  });
}

export function offset(points: readonly Pt[], normals: readonly Pt[], distance: number): Pt[] {
  return points.map((p, i) => [p[0] + normals[i][0] * distance, p[1] + normals[i][1] * distance] as Pt);
}

/** Points spaced evenly along a polyline (for peacekeeper markers and sparks). */
export function along(points: readonly Pt[], count: number, from = 0.06, to = 0.94): Pt[] {
  const lengths = [0];
  for (let i = 1; i < points.length; i++)
    lengths.push(lengths[i - 1] + Math.hypot(points[i][0] - points[i - 1][0], points[i][1] - points[i - 1][1]));
  const total = lengths[lengths.length - 1];
  const out: Pt[] = [];
  for (let k = 0; k < count; k++) {
    const target = total * (count === 1 ? (from + to) / 2 : from + ((to - from) * k) / (count - 1));
    let i = 1;
    while (i < lengths.length - 1 && lengths[i] < target) i++;
    const seg = lengths[i] - lengths[i - 1] || 1;
    const t = (target - lengths[i - 1]) / seg;
    out.push([points[i - 1][0] + (points[i][0] - points[i - 1][0]) * t, points[i - 1][1] + (points[i][1] - points[i - 1][1]) * t]);
  }
  return out;
}

/** The x of a north-to-south line at height y (pixels), for stippling one side of it. */
export function xAt(points: readonly Pt[], y: number): number | null {
  for (let i = 1; i < points.length; i++) {
    const [x0, y0] = points[i - 1];
    const [x1, y1] = points[i];
    if ((y >= y0 && y <= y1) || (y >= y1 && y <= y0)) {
      const t = y1 === y0 ? 0 : (y - y0) / (y1 - y0);
      return x0 + (x1 - x0) * t;
    }
  }
  return null;
}

export function lineForTerritory(territory: string | undefined): readonly Pt[] {
  if (territory === 'donbas-ceded') return DONBAS_CEDED_LINE;
  if (territory === 'pre-2022-lines') return PRE_2022_LINE;
  return CONTACT_LINE;
}
