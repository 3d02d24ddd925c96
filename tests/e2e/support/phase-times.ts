import { readFileSync, readdirSync } from 'node:fs';

/**
 * CPU-seconds (user + sys) the test browser has used so far: every Chromium process under the test
 * runner that started this worker (tests/e2e/support/global-setup.ts launches the one browser of the
 * run). Wall time on a shared 2-core machine says more about the neighbours than about a test; the
 * browser's CPU-seconds per phase compare one run with another. Linux (/proc); null elsewhere.
 */
export function browserCpuSeconds(): number | null {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return null;
  }
  const all = new Map<number, { parent: number; name: string; cpu: number }>();
  for (const e of entries) {
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const f = stat.slice(close + 2).split(' ');
      // After the name: state(0) ppid(1) … utime(11) stime(12), in ticks of 1/100 s (USER_HZ).
      all.set(Number(e), { parent: Number(f[1]), name: stat.slice(stat.indexOf('(') + 1, close), cpu: (Number(f[11]) + Number(f[12])) / 100 });
    } catch {
      // ended meanwhile
    }
  }
  const runner = process.ppid;
  const under = (pid: number) => {
    for (let p = all.get(pid), hops = 0; p && hops < 16; p = all.get(p.parent), hops++) if (p.parent === runner) return true;
    return false;
  };
  let cpu = 0;
  for (const [pid, p] of all) if (p.name === 'chromium' && under(pid)) cpu += p.cpu;
  return cpu;
}

/**
 * Where one test's seconds go, printed as one line (`[phases] label: open 3.1 (2.0 CPU-s), turn 2.0
 * (3.1 CPU-s), …`): the suite must grow with stations by seconds, so each station's runs say which
 * phase costs what — in wall seconds and in the browser's CPU-seconds, which a loaded machine
 * changes less. A log for people, never asserted (tests assert behaviour, not time).
 */
export interface PhaseTimes {
  /** Closes the phase running since the previous mark (or the start) under `name`. */
  mark(name: string): void;
  /** Adds `ms` to a named tally (moves of one kind), shown after the phases. */
  tally(name: string, ms: number): void;
  /** Prints the line. */
  print(): void;
}

export function phaseTimes(label: string, now: () => number = () => performance.now(), cpu: () => number | null = browserCpuSeconds): PhaseTimes {
  const start = now();
  let last = start;
  const cpuStart = cpu();
  let cpuLast = cpuStart;
  const phases: string[] = [];
  const tallies = new Map<string, { n: number; ms: number }>();
  const s = (ms: number) => (ms / 1000).toFixed(1);
  return {
    mark(name) {
      const t = now();
      const c = cpu();
      phases.push(`${name} ${s(t - last)}${c !== null && cpuLast !== null ? ` (${(c - cpuLast).toFixed(1)} CPU-s)` : ''}`);
      last = t;
      cpuLast = c;
    },
    tally(name, ms) {
      const x = tallies.get(name) ?? { n: 0, ms: 0 };
      tallies.set(name, { n: x.n + 1, ms: x.ms + ms });
    },
    print() {
      const moves = [...tallies].map(([k, v]) => `${v.n} ${k} ${s(v.ms)} (${s(v.ms / v.n)} each)`).join(', ');
      const c = cpu();
      const browser = c !== null && cpuStart !== null ? ` (browser ${(c - cpuStart).toFixed(1)} CPU-s)` : '';
      console.info(`[phases] ${label}: ${phases.join(', ')}; total ${s(now() - start)} s${browser}${moves ? `; moves: ${moves}` : ''}`);
    },
  };
}
