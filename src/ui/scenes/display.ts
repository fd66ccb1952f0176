/** The ratio of canvas pixels to CSS pixels: the stage canvas is sized in device pixels to stay sharp. */
export function deviceScale(): number {
  return Math.min(3, Math.max(1, window.devicePixelRatio || 1));
}

export const COLOURS = {
  line: 0xe8e2d0,
  proposed: 0xe8c27a,
  zone: 0xe8e2d0,
  coalition: 0xd9b75a,
  us: 0xb9a3e6,
  spark: 0xf0a35e,
  gaugeTrack: 0x26334d,
} as const;

/** A sequential ramp for tension (pale blue → amber → orange-red): readable without red/green. */
export function tensionColour(t: number): number {
  const stops: [number, [number, number, number]][] = [
    [0, [120, 170, 220]],
    [50, [226, 181, 92]],
    [100, [226, 110, 70]],
  ];
  let i = 1;
  while (i < stops.length - 1 && t > stops[i][0]) i++;
  const [t0, c0] = stops[i - 1];
  const [t1, c1] = stops[i];
  const k = Math.min(1, Math.max(0, (t - t0) / (t1 - t0)));
  const c = c0.map((v, j) => Math.round(v + (c1[j] - v) * k));
  return (c[0] << 16) | (c[1] << 8) | c[2];
}
