import { describe, expect, test } from 'vitest';
import { score } from '../../src/engine';
import { instructionLine } from '../../src/audio/spoken-session';
import { currentStepView, heardInstructionKey } from '../../src/state/step-view';
import type { SessionState } from '../../src/state/session-store';
import { ev, stationLog } from './station-log';

// Cleaning and disinfecting a food line at the end of production: the lockout, the chemicals with
// their protection and without mixing, the dosing, the contact times on the scenario's clock, the ATP
// verification that fails once, the final rinse and the hand-over, as short event logs on the real
// scenario file (docs/procedures/line-cleaning.md is the checklist behind them).

const { sc, ideal, before, from, tOf, without, live, pointsOf, expectCritical, expectStationData } = stationLog('scenes/food/line-cleaning/scenario.json');

describe('food-line-cleaning: the station data', () => {
  test('loads without issues, every competency, 12+ Dutch terms, critical rules with safe states, cards at most a quarter, no country, no review yet', () => {
    expectStationData({
      terms: ['maatbeker', 'reinigingsplan', 'veiligheidsinformatieblad', 'spatbril', 'hoofdschakelaar', 'schraper', 'afdekhoes', 'schuimlans', 'luminometer', 'desinfectiemiddel', 'zure reiniger', 'waterslang'],
      critical: [
        'scrape-without-lockout',
        'remove-product-without-lockout',
        'start-before-release',
        'foam-without-eyes-hands',
        'fill-without-eyes-hands',
        'acid-into-chlorine',
        'disinfectant-rinsed-early',
        'release-unverified',
      ],
    });
    expect(sc.version).toBe(1);
    expect(sc.country).toBeUndefined();
  });

  test('the ideal path scores 100 in practice and exam and ends with the line unlocked, stopped and handed over', () => {
    for (const mode of ['practice', 'exam'] as const) expect(score(sc, ideal, mode)).toMatchObject({ total: 100, passed: true, violations: [], mistakes: [] });
    const end = live(ideal).state;
    expect(end.machines.line!.state).toBe('stopped');
    expect(end.machines.foam!.state).toBe('done');
    expect(end.machines.disinfectant!.state).toBe('done');
    expect(end.completed.at(-1)!.id).toBe('release-line');
  });

  test('the hand-over is a listening step: heard in Dutch only (its Dutch audio file checked by loadScene), its words hidden while due, the sentence named once done', () => {
    expect(sc.steps.filter((s) => s.listen === true).map((s) => s.id)).toEqual(['release-line']);
    const due = live(before('press', 'team-leader')).state;
    expect(currentStepView(sc, due)).toMatchObject({ stepId: 'release-line', listen: true, textHidden: true });
    const session = { scenario: sc, engine: due } as unknown as SessionState;
    for (const trainee of ['ar', 'ti', 'tr', 'nl']) expect(instructionLine(session, trainee)).toEqual({ key: 'food-line-cleaning:steps.release-line.instruction', lng: 'nl' });
    const done = live(ideal).feedback.filter((f) => f.kind === 'step-completed').at(-1);
    expect(heardInstructionKey(sc, done)).toBe('steps.release-line.instruction');
  });
});

describe('food-line-cleaning: the lockout', () => {
  test('scraping the belt or taking product off it before the lockout is critical; practice goes on from the lockout', () => {
    expectCritical([ev(1000, 'hold-start', 'scraper')], 'scrape-without-lockout');
    expectCritical([ev(1000, 'place', 'product-waste', 'waste-bin')], 'remove-product-without-lockout');
    const t = tOf('lock', 'main-switch');
    expectCritical([...before('lock', 'main-switch'), ev(t, 'hold-start', 'scraper')], 'scrape-without-lockout');
  });

  test('the line stopped but not locked is not enough: the scraper is still critical', () => {
    const r = score(sc, [...before('lock', 'main-switch'), ev(tOf('lock', 'main-switch'), 'hold-start', 'scraper')], 'exam');
    expect(r).toMatchObject({ failedByCritical: true });
  });

  test('with the lock on, the start button does not start the line (the isolation is proven)', () => {
    const state = live(before('place', 'product-waste')).state;
    expect(state.machines.line!.state).toBe('locked-out');
    expect(state.completed.map((c) => c.id)).toContain('try-start');
  });

  test('starting the line during the cleaning is critical; practice goes on with the line stopped', () => {
    expectCritical([...before('lock', 'main-switch'), ev(tOf('lock', 'main-switch'), 'press', 'start-button')], 'start-before-release');
  });
});

describe('food-line-cleaning: the chemicals', () => {
  test('foam without goggles and gloves is critical; without apron and boots it is major', () => {
    expectCritical([ev(1000, 'hold-start', 'foam-lance')], 'foam-without-eyes-hands');
    expectCritical([...before('wear', 'chem-gloves'), ev(tOf('wear', 'chem-gloves'), 'hold-start', 'foam-lance')], 'foam-without-eyes-hands');
    const t = tOf('hold-start', 'foam-lance');
    const r = score(sc, [...before('hold-start', 'foam-lance'), ev(t - 1000, 'remove', 'apron'), ...from('hold-start', 'foam-lance')], 'practice');
    expect(r.violations.map((v) => [v.rule, v.severity])).toEqual([['foam-without-apron-boots', 'major']]);
  });

  test('pouring the disinfectant without goggles and gloves is critical', () => {
    expectCritical([ev(1000, 'place', 'disinfectant-can', 'sprayer-tank')], 'fill-without-eyes-hands');
  });

  test('the acid descaler into the chlorinated disinfectant is critical (chlorine gas); practice goes on from filling the sprayer', () => {
    expectCritical([ev(1000, 'place', 'acid-can', 'sprayer-tank')], 'acid-into-chlorine');
    const t = tOf('place', 'disinfectant-can');
    expectCritical([...before('place', 'disinfectant-can'), ev(t, 'place', 'acid-can', 'sprayer-tank')], 'acid-into-chlorine');
  });

  test('the dosing: foam 3 %, water 55 °C, disinfectant 1 % of 10 L = 100 ml', () => {
    const tf = tOf('set', 'foam-dosing');
    for (const wrong of [1, 5]) expect(live([...before('set', 'foam-dosing'), ev(tf, 'set', 'foam-dosing', wrong)]).feedback.at(-1), String(wrong)).toMatchObject({ kind: 'out-of-tolerance', step: 'set-foam-dose', target: 3 });
    const tw = tOf('set', 'water-temp');
    for (const wrong of [40, 80]) expect(live([...before('set', 'water-temp'), ev(tw, 'set', 'water-temp', wrong)]).feedback.at(-1), String(wrong)).toMatchObject({ kind: 'out-of-tolerance', step: 'set-water-temp', target: 55 });
    const td = tOf('set', 'measuring-jug');
    for (const wrong of [10, 1000]) expect(live([...before('set', 'measuring-jug'), ev(td, 'set', 'measuring-jug', wrong)]).feedback.at(-1), String(wrong)).toMatchObject({ kind: 'out-of-tolerance', step: 'dose-disinfectant', target: 100 });
  });

  test('spraying water before the drive\'s electric box is covered is major', () => {
    const t = tOf('place', 'electrics-cover');
    const r = score(sc, [...before('place', 'electrics-cover'), ev(t - 1500, 'hold-start', 'hose'), ev(t - 1000, 'hold-end', 'hose'), ...from('place', 'electrics-cover')], 'exam');
    expect(r.violations.map((v) => [v.rule, v.severity])).toEqual([['water-on-electrics', 'major']]);
  });
});

describe('food-line-cleaning: the contact times (on the scenario clock)', () => {
  test('the foam acts 10 minutes, the disinfectant 5', () => {
    const tFoam = tOf('hold-end', 'foam-lance');
    expect(live(before('hold-start', 'hose', 1)).state.machines.foam).toEqual({ state: 'acting', since: tFoam });
    expect(live(before('inspect', 'belt')).state.machines.foam).toEqual({ state: 'done', since: tFoam + 600000 });
    const tDis = tOf('hold-end', 'sprayer');
    expect(live(before('hold-start', 'hose', 2)).state.machines.disinfectant).toEqual({ state: 'acting', since: tDis });
    expect(live(before('place', 'disinfectant-can', 1)).state.machines.disinfectant).toEqual({ state: 'done', since: tDis + 300000 });
  });

  test('rinsing the foam off before its 10 minutes is major, and the rinse does not count yet', () => {
    const t = tOf('hold-end', 'foam-lance') + 60000;
    const early = [...before('hold-start', 'hose', 1), ev(t, 'hold-start', 'hose'), ev(t + 4000, 'hold-end', 'hose')];
    expect(live(early).state.completed.map((c) => c.id)).not.toContain('rinse-foam');
    const r = score(sc, [...early, ...from('hold-start', 'hose', 1)], 'exam');
    expect(r.violations.map((v) => [v.rule, v.severity])).toEqual([['foam-rinsed-early', 'major']]);
  });

  test('rinsing the disinfectant off before its 5 minutes is critical; practice disinfects again', () => {
    expectCritical([...before('hold-start', 'hose', 2), ev(tOf('hold-end', 'sprayer') + 4000, 'hold-start', 'hose')], 'disinfectant-rinsed-early');
  });
});

describe('food-line-cleaning: the verification and the hand-over', () => {
  test('45 RLU is a fail: "pass" or "caution" is wrong; the re-clean and second swab are worth the most', () => {
    const t = tOf('classify', 'luminometer');
    for (const wrong of ['pass', 'caution']) expect(live([...before('classify', 'luminometer'), ev(t, 'classify', 'luminometer', wrong)]).feedback.at(-1), wrong).toMatchObject({ kind: 'wrong-classification', step: 'judge-atp' });
    expect(pointsOf('reclean-spot')).toBe(15);
  });

  test('handing the line over before the passing swab or the final rinse is critical (unsafe product)', () => {
    const t = tOf('hold-start', 'brush');
    expectCritical([...before('hold-start', 'brush'), ev(t, 'press', 'team-leader')], 'release-unverified');
    const tr = tOf('hold-start', 'hose', 2);
    expectCritical([...before('hold-start', 'hose', 2), ev(tr, 'press', 'team-leader')], 'release-unverified');
  });

  test('the cover comes off the drive\'s box before the padlock: unlocking first is out of order', () => {
    const t = tOf('place', 'electrics-cover', 1);
    expect(live([...before('place', 'electrics-cover', 1), ev(t, 'unlock', 'main-switch')]).feedback.at(-1)).toMatchObject({ kind: 'wrong-order', step: 'unlock', missing: ['remove-cover'] });
  });

  test('handing over with the chemicals at the line is major, with the hose on the floor minor', () => {
    const t = tOf('place', 'disinfectant-can', 1);
    const r = score(sc, [...before('place', 'disinfectant-can', 1), ev(t - 500, 'press', 'team-leader'), ...from('place', 'disinfectant-can', 1)], 'practice');
    expect(r.violations.map((v) => [v.rule, v.severity])).toEqual([
      ['chemicals-left', 'major'],
      ['hose-on-floor', 'minor'],
    ]);
  });

  test('leaving the lockout out fails the attempt: the press meant to prove the lock starts the line', () => {
    const r = score(sc, without(['lock', 'main-switch']), 'exam');
    expect(r).toMatchObject({ passed: false, failedByCritical: true });
    expect(r.violations.map((v) => v.rule)).toEqual(['start-before-release']);
  });
});
