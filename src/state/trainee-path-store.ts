import { createStore } from 'zustand/vanilla';
import type { Mode, ModuleState } from '../engine';

/** One module of the trainee's path as the headset shows it (from GET /api/trainee/path). */
export interface PathModuleView {
  scenarioId: string;
  state: ModuleState;
  /** The first module not yet mastered that the trainee may play. */
  next: boolean;
  examOpen: boolean;
}

/** The signed-in trainee's path, as the server last answered it (null: no path, or not known). */
export interface TraineePathView {
  /** The trainee it belongs to (their pseudonymous code): a shared headset never shows another's. */
  code: string;
  modules: PathModuleView[];
}

/** How a module looks on the map: done, the one to do next, open (may be played), locked. */
export type MapState = 'done' | 'next' | 'open' | 'locked';

export function mapStateOf(m: PathModuleView): MapState {
  if (m.state === 'mastered') return 'done';
  if (m.state === 'locked') return 'locked';
  return m.next ? 'next' : 'open';
}

/** The path the start and end screens show, and how the end screen starts the next module (set by the app). */
export interface TraineePathState {
  view: TraineePathView | null;
  /** The server was asked and has not answered yet: the end screen waits before it says what is next. */
  pending: boolean;
  /** Starts a station from the end screen in one press (the app's play, on the same device as before). */
  startModule: ((scenarioId: string, mode: Mode) => void) | null;
}

export const traineePathStore = createStore<TraineePathState>()(() => ({ view: null, pending: false, startModule: null }));

/** Where the headset keeps the last path it received: the map works offline from it. */
export const traineePathKey = 'werkvloer.traineePath';

const moduleStates: readonly string[] = ['mastered', 'exam', 'practice', 'locked'];

/**
 * Checked by hand, not by zod: this runs on the start screen, before any station, and the server
 * already validated the path. A malformed answer (an old server, a cut-off cache) is no path at all.
 */
function modulesOf(v: unknown): PathModuleView[] | null {
  const o = v as { path?: unknown; modules?: unknown } | null;
  if (typeof o !== 'object' || o === null || o.path === null || typeof o.path !== 'object' || !Array.isArray(o.modules)) return null;
  const out: PathModuleView[] = [];
  for (const m of o.modules as unknown[]) {
    const x = m as Partial<PathModuleView> | null;
    if (typeof x !== 'object' || x === null || typeof x.scenarioId !== 'string' || !moduleStates.includes(x.state as string) || typeof x.next !== 'boolean' || typeof x.examOpen !== 'boolean') return null;
    out.push({ scenarioId: x.scenarioId, state: x.state as ModuleState, next: x.next, examOpen: x.examOpen });
  }
  return out.length > 0 ? out : null;
}

/** The path last received for this trainee on this device (null: none kept, or another trainee's). */
export function readKeptPath(code: string): TraineePathView | null {
  try {
    const kept = JSON.parse(localStorage.getItem(traineePathKey) ?? 'null') as { code?: unknown; answer?: unknown } | null;
    if (!kept || kept.code !== code) return null;
    const modules = modulesOf(kept.answer);
    return modules ? { code, modules } : null;
  } catch {
    return null;
  }
}

/** "Next trainee" on a shared headset: the previous trainee's path goes with them. */
export function forgetKeptPath(): void {
  localStorage.removeItem(traineePathKey);
  traineePathStore.setState({ view: null });
}

/**
 * Asks the server for the trainee's path and keeps the answer (the map's offline copy); offline or
 * refused, the kept copy stands. The caller puts the result in the store (it knows whether the
 * trainee is still the one signed in). A group without a path answers `{ path: null }`: nothing is shown
 * and nothing kept, so the start screen lists the stations as before paths.
 */
export async function refreshTraineePath(trainee: { token: string; code: string }, fetchImpl: typeof fetch = fetch): Promise<TraineePathView | null> {
  const kept = readKeptPath(trainee.code);
  let answer: unknown;
  try {
    const res = await fetchImpl('/api/trainee/path', { headers: { authorization: `Bearer ${trainee.token}` } });
    if (!res.ok) return kept;
    answer = await res.json();
  } catch {
    return kept;
  }
  const modules = modulesOf(answer);
  if (!modules) {
    localStorage.removeItem(traineePathKey);
    return null;
  }
  try {
    localStorage.setItem(traineePathKey, JSON.stringify({ code: trainee.code, answer }));
  } catch {
    // Storage full or blocked: the map still shows what the server said, only not offline later.
  }
  return { code: trainee.code, modules };
}

/** The module to offer after an attempt: the path's next one (null: no path, or all done). */
export function nextModule(view: TraineePathView | null): PathModuleView | null {
  return view?.modules.find((m) => m.next) ?? null;
}
