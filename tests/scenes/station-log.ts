import { join } from 'node:path';
import { expect } from 'vitest';
import { competencies, initialState, score, step, type EngineState, type Feedback, type Mode, type SessionEvent } from '../../src/engine';
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

  /**
   * A critical rule: the exam fails silently at once; practice stops the machine with the rule's
   * message and halts at the rule's safe state; the score is capped below the pass mark either way.
   * Then practice goes on ("continue") from that safe state: the continuation is in the state and the
   * result, the resumed steps can all be done again (the ideal path played once more after it), and
   * the attempt still counts as failed and never toward mastery.
   */
  const expectCritical = (events: readonly SessionEvent[], rule: string): void => {
    const def = [...sc.rules, ...sc.sequences].find((r) => r.id === rule)!;
    const safe = def.safeState!;
    expect(safe, `${rule} names a safe state`).toBeDefined();
    const practice = live(events, 'practice');
    const t = events.at(-1)!.t;
    expect(practice.feedback).toContainEqual(expect.objectContaining({ kind: 'rule-violated', rule, severity: 'critical', critical: true }));
    const stopped = practice.feedback.at(-1)!;
    expect(stopped).toMatchObject({ kind: 'stopped', key: `${ns}:${[...sc.rules, ...sc.sequences].find((r) => r.id === (stopped as { rule: string }).rule)!.message}` });
    expect(practice.state).toMatchObject({ ended: false, failed: true, failedByCritical: true });
    expect(practice.state.halted?.rules).toContain(rule);
    // The machine is stopped at once: every machine the safe state names is in its safe state.
    for (const [id, state] of Object.entries(safe.machines)) expect(practice.state.machines[id], `${rule}: machine ${id}`).toEqual({ state, since: t });
    expect(stepOf(practice.state, safe.resumeAt).done, `${rule}: ${safe.resumeAt} is to be done (again)`).toBe(false);
    expect(live(events, 'exam').feedback).toEqual([]);
    expect(live(events, 'exam').state).toMatchObject({ ended: true, failed: true, failedByCritical: true, halted: null });
    for (const mode of ['practice', 'exam'] as const) {
      const r = score(sc, events, mode);
      expect(r.violations.map((v) => v.rule)).toContain(rule);
      expect(r).toMatchObject({ passed: false, failedByCritical: true, ended: mode === 'exam', countsForMastery: false });
      expect(r.total).toBeLessThan(sc.passScore);
    }
    // Nothing after the critical event counts (until practice continues).
    const rest = ideal.filter((e) => e.t > t);
    for (const mode of ['practice', 'exam'] as const) expect(score(sc, [...events, ...rest], mode).total).toBe(score(sc, events, mode).total);

    // Practice goes on from the safe state: the whole ideal path again, after a "continue".
    const goOn = ev(t + 5000, 'continue', (stopped as { rule: string }).rule);
    const shift = goOn.t + 1000;
    const again = [...events, goOn, ...ideal.map((e) => ({ ...e, t: e.t + shift }))];
    const after = live([...events, goOn], 'practice');
    expect(after.feedback.at(-1)).toMatchObject({ kind: 'continued', step: practice.state.halted!.resumeAt, t: goOn.t });
    expect(after.state.halted).toBeNull();
    const r = score(sc, again, 'practice');
    expect(r.continuations).toEqual([{ rule: (stopped as { rule: string }).rule, rules: practice.state.halted!.rules, stoppedAt: t, continuedAt: goOn.t, resumeAt: practice.state.halted!.resumeAt }]);
    expect(r.steps.filter((s) => !s.done).map((s) => s.id), `${rule}: every step can be done after continuing`).toEqual([]);
    expect(r).toMatchObject({ ended: true, passed: false, failedByCritical: true, countsForMastery: false });
    expect(r.total).toBeLessThan(sc.passScore);
  };

  /**
   * What every station's data must hold (docs/authoring.md): loads without issues, every competency trained,
   * 12+ Dutch terms (these among them), answer and classify cards at most a quarter of the steps, these critical
   * rules in this order, each with a safe state, and no practitioner's review yet (the warning says so).
   */
  const expectStationData = (want: { terms: readonly string[]; critical: readonly string[] }) => {
    expect(scene.issues).toEqual([]);
    expect(sc.steps.filter((s) => s.action === 'answer' || s.action === 'classify').length * 4).toBeLessThanOrEqual(sc.steps.length);
    for (const c of competencies) expect(sc.steps.some((s) => s.competency === c), c).toBe(true);
    expect(new Set(sc.objects.map((o) => o.term)).size).toBeGreaterThanOrEqual(12);
    for (const term of want.terms) expect(sc.objects.map((o) => o.term)).toContain(term);
    expect(sc.rules.filter((r) => r.severity === 'critical').map((r) => r.id)).toEqual(want.critical);
    for (const r of sc.rules.filter((x) => x.severity === 'critical')) expect(r.safeState, r.id).toBeDefined();
    expect(sc.reviewed).toBeUndefined();
    expect(scene.warnings.join('\n')).toContain('not reviewed yet');
  };

  return { scene, sc, ideal, ns, at, before, from, tOf, without, live, stepOf, totalPoints, pointsOf, expectCritical, expectStationData };
}
