import type { Compiled, CompiledTransition } from './compile';
import type { EngineState } from './types';

function applies(tr: CompiledTransition, state: string, s: EngineState): boolean {
  return (tr.from === null || tr.from.includes(state)) && tr.when(s);
}

/**
 * Lets time pass up to `t`: timed transitions fire at the exact moment they were due (since + after),
 * not at the time of the next event, so chained timers (running → running-down → stopped) stay exact.
 */
export function advanceMachines(c: Compiled, s: EngineState, t: number): void {
  for (const id of c.machineIds) {
    const list = c.timed.get(id);
    if (!list || list.length === 0) continue;
    const m = s.machines[id]!;
    // Bounded: every firing moves `since` forward by a positive delay, and stops at t.
    for (;;) {
      let fired = false;
      for (const tr of list) {
        if (m.since + tr.after > t) break;
        if (!applies(tr, m.state, s)) continue;
        m.since += tr.after;
        m.state = tr.to;
        fired = true;
        break;
      }
      if (!fired) break;
    }
  }
}

/** Event-triggered transitions: at most one per machine per event, the first that applies. */
export function fireTransitions(list: readonly CompiledTransition[], s: EngineState, t: number): boolean {
  let any = false;
  let doneMachines: string[] | null = null;
  for (const tr of list) {
    if (doneMachines?.includes(tr.machine)) continue;
    const m = s.machines[tr.machine];
    if (!m || !applies(tr, m.state, s)) continue;
    if (m.state !== tr.to) {
      m.state = tr.to;
      m.since = t;
    }
    (doneMachines ??= []).push(tr.machine);
    any = true;
  }
  return any;
}
