import { join } from 'node:path';
import { expect } from 'vitest';
import { initialState, score, step, type EngineState, type Feedback, type Mode, type SessionEvent } from '../../src/engine';
import { loadScene } from '../../scripts/check-scenes';

/** An event as the desktop app would send it. */
export const ev = (t: number, action: string, object: string, value?: number | string): SessionEvent =>
  value === undefined ? { t, action, object, device: 'desktop' } : { t, action, object, value, device: 'desktop' };

/**
 * One station's scenario and ideal path from scenes/, with the helpers its hazard tests share:
 * cut the ideal path at an event, play logs live as the app does, and check a critical rule.
 */
export function stationLog(file: string) {
  const root = process.cwd();
  const scene = loadScene(root, join(root, file));
  if (!scene.scenario || !scene.idealPath) throw new Error(`${file} does not load: ${JSON.stringify(scene.issues)}`);
  const sc = scene.scenario;
  const ideal: readonly SessionEvent[] = scene.idealPath;
  const ns = sc.id;

  /** Index of the nth (0-based) ideal event with this action and object. */
  const at = (action: string, object: string, nth = 0): number => {
    const hits = ideal.flatMap((e, i) => (e.action === action && e.object === object ? [i] : []));
    const i = hits[nth];
    if (i === undefined) throw new Error(`no ideal event ${action} ${object} #${nth}`);
    return i;
  };
  /** The ideal events before that event, and from that event on. */
  const before = (action: string, object: string, nth = 0) => ideal.slice(0, at(action, object, nth));
  const from = (action: string, object: string, nth = 0) => ideal.slice(at(action, object, nth));
  const tOf = (action: string, object: string, nth = 0) => ideal[at(action, object, nth)]!.t;
  /** The ideal path without every event of these action/object pairs. */
  const without = (...drop: [string, string][]) => ideal.filter((e) => !drop.some(([a, o]) => e.action === a && e.object === o));

  /** Plays events live, as the app does, collecting the feedback. */
  const live = (events: readonly SessionEvent[], mode: Mode = 'practice'): { state: EngineState; feedback: Feedback[] } => {
    let state = initialState(sc, mode);
    const feedback: Feedback[] = [];
    for (const e of events) {
      const r = step(sc, state, e);
      state = r.state;
      feedback.push(...r.feedback);
    }
    return { state, feedback };
  };
  const stepOf = (s: EngineState, id: string) => s.steps.find((p) => p.id === id)!;
  const totalPoints = sc.steps.reduce((sum, s) => sum + s.points, 0);
  const pointsOf = (id: string) => sc.steps.find((s) => s.id === id)!.points;

  /** A critical rule ends the attempt: practice stops with the message, exam fails silently; the score is capped below the pass mark. */
  const expectCritical = (events: readonly SessionEvent[], rule: string): void => {
    const practice = live(events, 'practice');
    expect(practice.feedback).toContainEqual(expect.objectContaining({ kind: 'rule-violated', rule, severity: 'critical', critical: true }));
    expect(practice.feedback.at(-1)).toMatchObject({ kind: 'stopped', rule, key: `${ns}:${sc.rules.find((r) => r.id === rule)!.message}` });
    expect(practice.state).toMatchObject({ ended: true, failed: true, failedByCritical: true });
    expect(live(events, 'exam').feedback).toEqual([]);
    for (const mode of ['practice', 'exam'] as const) {
      const r = score(sc, events, mode);
      expect(r.violations.map((v) => v.rule)).toContain(rule);
      expect(r).toMatchObject({ passed: false, failedByCritical: true, ended: true });
      expect(r.total).toBeLessThan(sc.passScore);
    }
    // Nothing after the critical event counts any more.
    const rest = ideal.filter((e) => e.t > events.at(-1)!.t);
    expect(score(sc, [...events, ...rest], 'practice').total).toBe(score(sc, events, 'practice').total);
  };

  return { scene, sc, ideal, ns, at, before, from, tOf, without, live, stepOf, totalPoints, pointsOf, expectCritical };
}
