import { describe, expect, test } from 'vitest';
import { score } from '../../src/engine';
import { ev, stationLog } from './station-log';

// The core module on safety signs and PPE: at the entrance of a workshop hall the trainee points at the
// sign that answers (hearing protection, the 85 dB(A) action value, no gloves, forklifts), finds the
// extinguisher, the emergency exit and the first-aid box and points at the assembly point; then three jobs with
// their own PPE: sheet metal onto the pallet (cut-resistant gloves, safety shoes, never in front of the exit),
// the pillar drill (gloves off, safety glasses, hearing protection as the team leader says), the caustic
// cleaner (chemical gloves checked, face shield, chemical gloves, apron). As short event logs on the real
// scenario file (docs/procedures/safety-signs-ppe.md is the checklist behind them).

const { sc, ideal, before, tOf, live, expectCritical, expectStationData } = stationLog('scenes/core/safety-signs-ppe/scenario.json');

const wearing = (events: Parameters<typeof live>[0], item: string) => live(events).state.wearing.includes(item);

describe('core-safety-signs-ppe: the station data', () => {
  test('loads without issues: sector core, every competency, 12+ Dutch terms, critical rules with safe states, cards at most a quarter, a listening step, no country, no review yet', () => {
    expectStationData({
      terms: ['gebodsbord', 'verbodsbord', 'waarschuwingsbord', 'brandblusser', 'nooduitgang', 'EHBO-koffer', 'verzamelplaats', 'gehoorbescherming', 'gelaatsscherm'],
      critical: ['drill-with-gloves', 'drill-without-glasses', 'sheets-without-shoes', 'exit-blocked', 'caustic-without-face-shield', 'caustic-without-chem-gloves'],
    });
    expect(sc).toMatchObject({ version: 1, sector: 'core', station: 'safety-signs-ppe' });
    expect(sc.country).toBeUndefined();
    expect(sc.steps.length).toBeGreaterThanOrEqual(14);
    expect(sc.steps.length).toBeLessThanOrEqual(22);
    expect(sc.steps.filter((s) => s.listen).map((s) => s.id)).toEqual(['wear-hearing']);
  });

  test('the ideal path scores 100 in practice and exam and ends with the drill stopped, the cleaner in the tank and the chemical PPE on', () => {
    for (const mode of ['practice', 'exam'] as const) expect(score(sc, ideal, mode)).toMatchObject({ total: 100, passed: true, violations: [], mistakes: [] });
    const end = live(ideal).state;
    expect(end.machines.drill!.state).toBe('stopped');
    expect(end.completed.at(-1)!.id).toBe('dose-cleaner');
    for (const item of ['face-shield', 'chemical-gloves', 'apron']) expect(end.wearing).toContain(item);
    expect(end.wearing).not.toContain('cut-resistant-gloves');
  });
});

describe('core-safety-signs-ppe: the signs and the emergency equipment', () => {
  test('pointing at another sign than the one asked is not the answer: the forklift sign first is out of order', () => {
    const t = tOf('press', 'sign-hearing');
    expect(live([ev(t, 'press', 'sign-forklift')]).feedback.at(-1)).toMatchObject({ kind: 'wrong-order', step: 'point-forklift-sign' });
    expect(live([ev(t, 'press', 'sign-forklift')]).state.completed).toEqual([]);
  });

  test('hearing protection must be worn from 85 dB(A): 80 and 100 are wrong', () => {
    const t = tOf('answer', 'sign-hearing');
    for (const wrong of ['80', '100']) expect(live([...before('answer', 'sign-hearing'), ev(t, 'answer', 'sign-hearing', wrong)]).feedback.at(-1), wrong).toMatchObject({ kind: 'wrong-answer', step: 'noise-level' });
  });

  test('when the alarm sounds the trainee points at the assembly point on the evacuation plan, once the exit is found', () => {
    expect(sc.steps.find((s) => s.id === 'assembly-point')).toMatchObject({ action: 'press', object: 'assembly-point' });
    const t = tOf('press', 'emergency-exit');
    expect(live([...before('press', 'emergency-exit'), ev(t, 'press', 'assembly-point')]).feedback.at(-1)).toMatchObject({ kind: 'wrong-order', step: 'assembly-point' });
  });

  test('extinguisher, exit and first-aid box are found in turn, each by pressing the thing itself', () => {
    const done = live(before('press', 'assembly-point')).state.completed.map((c) => c.id);
    expect(done).toEqual(expect.arrayContaining(['find-extinguisher', 'find-exit', 'find-first-aid']));
  });
});

describe('core-safety-signs-ppe: job 1, sheet metal onto the pallet', () => {
  test('handling the sheets without safety shoes is critical; practice goes on from putting the shoes on', () => {
    expectCritical([ev(1000, 'place', 'sheet-stack', 'pallet')], 'sheets-without-shoes');
    expectCritical([...before('wear', 'safety-shoes'), ev(tOf('wear', 'safety-shoes'), 'place', 'sheet-stack', 'pallet')], 'sheets-without-shoes');
  });

  test('the stack put in front of the emergency exit is critical, with the right PPE on too; practice goes on from stacking it on the pallet', () => {
    expectCritical([...before('place', 'sheet-stack'), ev(tOf('place', 'sheet-stack'), 'place', 'sheet-stack', 'exit-front')], 'exit-blocked');
    const r = score(sc, [...before('place', 'sheet-stack'), ev(tOf('place', 'sheet-stack'), 'place', 'sheet-stack', 'exit-front')], 'practice');
    expect(r.violations.map((v) => v.rule)).toEqual(['exit-blocked']);
  });

  test('the sheets handled with bare hands are major (the edges cut)', () => {
    const events = [...before('wear', 'cut-resistant-gloves'), ev(tOf('wear', 'cut-resistant-gloves'), 'wear', 'safety-shoes'), ev(tOf('wear', 'safety-shoes'), 'place', 'sheet-stack', 'pallet')];
    expect(score(sc, events, 'practice').violations.map((v) => [v.rule, v.severity])).toEqual([['sheets-without-cut-gloves', 'major']]);
  });
});

describe('core-safety-signs-ppe: job 2, the pillar drill', () => {
  test('the gloves from job 1 are still on at the drill until taken off: starting with them is critical; practice goes on from taking them off', () => {
    expect(wearing(before('remove', 'cut-resistant-gloves'), 'cut-resistant-gloves')).toBe(true);
    const t = tOf('remove', 'cut-resistant-gloves');
    const events = [...before('remove', 'cut-resistant-gloves'), ev(t, 'wear', 'safety-glasses'), ev(t + 2000, 'wear', 'hearing-protection'), ev(t + 4000, 'press', 'drill-start')];
    expectCritical(events, 'drill-with-gloves');
    expect(live(events).state.machines.drill!.state).toBe('stopped');
  });

  test('starting the drill without safety glasses is critical', () => {
    const t = tOf('wear', 'safety-glasses');
    expectCritical([...before('wear', 'safety-glasses'), ev(t, 'wear', 'hearing-protection'), ev(t + 2000, 'press', 'drill-start')], 'drill-without-glasses');
  });

  test('starting the drill in the noise area without hearing protection is major', () => {
    const t = tOf('wear', 'hearing-protection');
    const r = score(sc, [...before('wear', 'hearing-protection'), ev(t, 'press', 'drill-start')], 'practice');
    expect(r.violations.map((v) => [v.rule, v.severity])).toEqual([['drill-without-hearing', 'major']]);
  });

  test('the hearing protection is a listening step: its Dutch instruction is the team leader\'s sentence', () => {
    expect(sc.steps.find((s) => s.id === 'wear-hearing')).toMatchObject({ listen: true, action: 'wear', object: 'hearing-protection' });
  });
});

describe('core-safety-signs-ppe: job 3, the caustic cleaner', () => {
  test('the chemical gloves are checked before they are worn: wearing them unchecked is out of order', () => {
    const t = tOf('inspect', 'chemical-gloves');
    expect(live([...before('inspect', 'chemical-gloves'), ev(t, 'wear', 'chemical-gloves')]).feedback.at(-1)).toMatchObject({ kind: 'wrong-order', step: 'wear-chem-gloves' });
  });

  test('pouring without a face shield is critical; practice goes on from putting it on', () => {
    const t = tOf('wear', 'face-shield');
    expectCritical([...before('wear', 'face-shield'), ev(t, 'wear', 'chemical-gloves'), ev(t + 2000, 'wear', 'apron'), ev(t + 4000, 'place', 'cleaner-can', 'wash-tank')], 'caustic-without-face-shield');
  });

  test('pouring without chemical gloves is critical', () => {
    const t = tOf('wear', 'chemical-gloves');
    expectCritical([...before('wear', 'chemical-gloves'), ev(t, 'wear', 'apron'), ev(t + 2000, 'place', 'cleaner-can', 'wash-tank')], 'caustic-without-chem-gloves');
  });

  test('pouring without the apron is major; with the cut-resistant gloves on as well, that is major too', () => {
    const t = tOf('wear', 'apron');
    expect(score(sc, [...before('wear', 'apron'), ev(t, 'place', 'cleaner-can', 'wash-tank')], 'practice').violations.map((v) => [v.rule, v.severity])).toEqual([['caustic-without-apron', 'major']]);
    const t2 = tOf('place', 'cleaner-can');
    const r = score(sc, [...before('place', 'cleaner-can'), ev(t2, 'wear', 'cut-resistant-gloves'), ev(t2 + 1500, 'place', 'cleaner-can', 'wash-tank')], 'practice');
    expect(r.violations.map((v) => [v.rule, v.severity])).toEqual([['caustic-with-cut-gloves', 'major']]);
  });
});
