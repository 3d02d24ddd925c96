/**
 * Where one test's seconds go, printed as one line (`[phases] label: open 3.1, turn 2.0, …`): the
 * suite must grow with stations by seconds, so each station's runs say which phase costs what.
 * A log for people, never asserted (tests assert behaviour, not time).
 */
export interface PhaseTimes {
  /** Closes the phase running since the previous mark (or the start) under `name`. */
  mark(name: string): void;
  /** Adds `ms` to a named tally (moves of one kind), shown after the phases. */
  tally(name: string, ms: number): void;
  /** Prints the line. */
  print(): void;
}

export function phaseTimes(label: string, now: () => number = () => performance.now()): PhaseTimes {
  const start = now();
  let last = start;
  const phases: string[] = [];
  const tallies = new Map<string, { n: number; ms: number }>();
  const s = (ms: number) => (ms / 1000).toFixed(1);
  return {
    mark(name) {
      const t = now();
      phases.push(`${name} ${s(t - last)}`);
      last = t;
    },
    tally(name, ms) {
      const x = tallies.get(name) ?? { n: 0, ms: 0 };
      tallies.set(name, { n: x.n + 1, ms: x.ms + ms });
    },
    print() {
      const moves = [...tallies].map(([k, v]) => `${v.n} ${k} ${s(v.ms)} (${s(v.ms / v.n)} each)`).join(', ');
      console.info(`[phases] ${label}: ${phases.join(', ')}; total ${s(now() - start)} s${moves ? `; moves: ${moves}` : ''}`);
    },
  };
}
