/** One line of bench/results.json. `ratio` is value relative to `baseline` where a natural baseline exists. */
export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  baseline?: number;
  ratio?: number;
}
