/** One line of the `npm run bench` table. Every bench module returns a list of these. */
export interface BenchRow {
  area: string;
  name: string;
  /** null: not measured, with the reason in the note. */
  value: number | null;
  unit: string;
  /** The goal or the previous figure to compare against, e.g. "< 5". */
  baseline?: string;
  note?: string;
}

export interface BenchModule {
  name: string;
  run(): BenchRow[] | Promise<BenchRow[]>;
}

/** Median of a list of timings. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
