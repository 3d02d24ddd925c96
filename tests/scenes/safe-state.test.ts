import { describe, expect, test } from 'vitest';
import { loadScenes } from '../../scripts/check-scenes';
import { ev, stationLog } from './station-log';

/**
 * Every critical rule of every station names the safe state practice goes on from (the per-station
 * hazard tests fire each one and go on from it through `expectCritical`); the two stations without
 * a hazard test of their own are played here.
 */
describe('safe states of critical rules', () => {
  test('every critical rule and sequence of every station (and the template) has a safe state', () => {
    const scenes = loadScenes(process.cwd(), { template: true });
    const missing = scenes.flatMap((s) =>
      [...(s.scenario?.rules ?? []), ...(s.scenario?.sequences ?? [])].filter((r) => r.severity === 'critical' && !r.safeState).map((r) => `${s.scenario!.id}:${r.id}`),
    );
    expect(scenes.length).toBeGreaterThanOrEqual(7);
    expect(missing).toEqual([]);
  });

  test('wood-intro-workbench: starting the drill without glasses stops it; practice goes on from putting them on', () => {
    const { before, expectCritical, live, tOf } = stationLog('scenes/wood/intro-workbench/scenario.json');
    expectCritical([...before('wear', 'safety-glasses'), ev(tOf('wear', 'safety-glasses'), 'press', 'start-button')], 'start-without-glasses');
    // After the glasses were worn and taken off again: the step is undone and asked for again.
    const { state } = live([ev(1000, 'wear', 'safety-glasses'), ev(2000, 'remove', 'safety-glasses'), ev(3000, 'press', 'start-button'), ev(4000, 'continue', 'start-without-glasses')]);
    expect(state.available[0]).toBe('wear-glasses');
    expect(state.machines.drill!.state).toBe('stopped');
  });

  test('template: a hand in the running slicer stops it; practice goes on from starting it again', () => {
    const { before, expectCritical, tOf } = stationLog('scenes/_template/scenario.json');
    expectCritical([...before('hold-start', 'carriage'), ev(tOf('hold-start', 'carriage'), 'enter', 'blade-zone')], 'hand-in-blade');
  });
});
