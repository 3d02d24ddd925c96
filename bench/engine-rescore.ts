// Re-scoring a 10,000-event session, as the server does for every upload. The log comes from the
// heaviest station in scenes/ and is made of events that do work: dial drags out of tolerance,
// hazard-zone enters and exits, machine starts and stops with timed run-downs, wrong-order presses,
// hints, sequence-rule triggers; then the ideal path to the end. Goal: < 5 ms on a 2-core machine.
import { initialState, replay, score, step, type Scenario, type SessionEvent } from '../src/engine';
import { loadScenes } from '../scripts/check-scenes';
import { median, type BenchModule, type BenchRow } from './types';

const EVENTS = 10_000;

/** Small deterministic PRNG (mulberry32): the same log on every run and machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weight(s: Scenario): number {
  return s.steps.length + s.rules.length + s.sequences.length + s.machines.reduce((n, m) => n + m.transitions.length, 0);
}

/**
 * The template slicer's working day gone long: wash and gloves done, then the trainee fiddles for
 * thousands of actions before finishing properly. Built for the template's ids; any other heaviest
 * station falls back to its own ideal path repeated with hints and wrong actions.
 */
export function heavyLog(sc: Scenario, ideal: readonly SessionEvent[]): SessionEvent[] {
  const rnd = prng(42);
  const out: SessionEvent[] = [];
  let t = 0;
  const push = (dt: number, action: string, object: string, value?: number | string) => {
    t += dt;
    const e: SessionEvent = { t, action, object, device: rnd() < 0.5 ? 'vr-controller' : 'desktop' };
    if (value !== undefined) e.value = value;
    out.push(e);
  };
  const template = sc.id === 'template-station';
  const head = template ? ideal.slice(0, 3) : [];
  const tail = template ? ideal.slice(3) : ideal;
  for (const e of head) push(e.t - t, e.action, e.object, e.value);
  const budget = EVENTS - tail.length;
  while (out.length < budget) {
    if (!template) {
      push(200, 'hint', sc.steps[Math.floor(rnd() * sc.steps.length)]!.id);
      push(200, 'inspect', 'nothing-here');
      continue;
    }
    const r = rnd();
    if (r < 0.35) {
      // A dial drag: a burst of set events, all out of tolerance (the step is not available yet).
      for (let i = 0; i < 8 && out.length < budget; i++) push(40, 'set', 'thickness-dial', 1 + rnd() * 1.5);
    } else if (r < 0.5) {
      // Start and stop the slicer; the 3 s run-down passes before the hand goes near the blade.
      push(300, 'press', 'start-button');
      push(1500, 'press', 'stop-button');
      push(3200, 'enter', 'blade-zone');
      push(500, 'exit', 'blade-zone');
    } else if (r < 0.65) {
      push(250, 'hint', 'read-order');
      push(250, 'answer', 'work-order', Math.floor(rnd() * 11));
    } else if (r < 0.8) {
      // Phone, then the carriage without washing: a sequence-rule violation, then a proper wash.
      push(400, 'grab', 'phone');
      push(300, 'hold-start', 'carriage');
      push(200, 'hold-start', 'tap');
      push(400, 'hold-end', 'tap');
    } else {
      // Gloves off, start pressed without them (a major rule), gloves back on, machine stopped.
      push(300, 'remove', 'gloves');
      push(300, 'press', 'start-button');
      push(300, 'wear', 'gloves');
      push(300, 'press', 'stop-button');
      push(3500, 'inspect', 'slices');
    }
  }
  out.length = Math.min(out.length, budget);
  const offset = t;
  for (const e of tail) push(Math.max(0, e.t + offset - t), e.action, e.object, e.value);
  return out;
}

function time(fn: () => void, runs: number): number[] {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  return ms;
}

export const engineRescore: BenchModule = {
  name: 'engine',
  run(): BenchRow[] {
    const loaded = loadScenes(process.cwd()).filter((l) => l.scenario && l.idealPath);
    const heaviest = loaded.sort((a, b) => weight(b.scenario!) - weight(a.scenario!))[0];
    if (!heaviest) throw new Error('no valid scenario with an ideal path in scenes/');
    const sc = heaviest.scenario!;
    const log = heavyLog(sc, heaviest.idealPath!);
    const final = replay(sc, log, 'practice');
    const r = score(sc, log, 'practice');
    const processed = `${log.length} events, ${final.mistakes.length} mistakes, ${final.violations.length} violations, ${Object.values(final.hints).reduce((a, b) => a + b, 0)} hints; ended at the last event: ${final.ended && final.t === log.at(-1)!.t}`;

    // Warm up the JIT, then measure what a server pays per upload.
    time(() => score(sc, log, 'practice'), 30);
    const rescore = median(time(() => score(sc, log, 'practice'), 101));
    const rescoreExam = median(time(() => score(sc, log, 'exam'), 51));
    const uploaded = JSON.stringify(log);
    const withParse = median(time(() => score(sc, JSON.parse(uploaded) as SessionEvent[], 'practice'), 51));
    // The live path: step() per event copies the state (purity); the app pays this once per action.
    const live = median(
      time(() => {
        let s = initialState(sc, 'practice');
        for (const e of log) s = step(sc, s, e).state;
      }, 11),
    );
    const area = 'engine';
    return [
      { area, name: `re-score ${log.length} events (${sc.id}, practice), median`, value: rescore, unit: 'ms', baseline: '< 5', note: processed },
      { area, name: 're-score throughput', value: Math.round((log.length / rescore) * 1000), unit: 'events/s' },
      { area, name: `re-score ${log.length} events, exam mode, median`, value: rescoreExam, unit: 'ms', baseline: '< 5' },
      { area, name: `JSON.parse + re-score ${(uploaded.length / 1024).toFixed(0)} KB upload, median`, value: withParse, unit: 'ms' },
      { area, name: 'live step() per event (copying state), median', value: (live / log.length) * 1000, unit: 'µs', note: `total ${live.toFixed(1)} ms; score ${r.total}` },
    ];
  },
};
