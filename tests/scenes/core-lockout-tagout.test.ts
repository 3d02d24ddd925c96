import { describe, expect, test } from 'vitest';
import { score } from '../../src/engine';
import { ev, stationLog } from './station-log';

// The first core module: lockout and tagout on a belt conveyor with a pneumatic pusher. Tell the
// colleague, stop, lock out the three energy sources (main switch, air valve, the air buffer bled to
// 0 bar) with the own padlock and tag, try the start button, clear the jam, tools away, the technician's
// own lock is his to remove, own locks off, tell the colleague, start. As short event logs on the real
// scenario file (docs/procedures/lockout-tagout.md is the checklist behind them).

const { sc, ideal, before, from, tOf, live, pointsOf, expectCritical, expectStationData } = stationLog('scenes/core/lockout-tagout/scenario.json');

describe('core-lockout-tagout: the station data', () => {
  test('loads without issues: sector core, every competency, 12+ Dutch terms, critical rules with safe states, cards at most a quarter, a listening step, no country, no review yet', () => {
    expectStationData({
      terms: ['hoofdschakelaar', 'luchtafsluiter', 'ontluchtknop', 'manometer', 'slot van de monteur', 'LOTO-kaart'],
      critical: [
        'hands-in-power-on',
        'hands-in-air-on',
        'hands-in-buffer-full',
        'colleague-lock-removed',
        'start-with-person-in-zone',
      ],
    });
    expect(sc).toMatchObject({ version: 1, sector: 'core', station: 'lockout-tagout' });
    expect(sc.country).toBeUndefined();
    expect(sc.steps.length).toBeGreaterThanOrEqual(16);
    expect(sc.steps.length).toBeLessThanOrEqual(22);
    expect(sc.steps.filter((s) => s.listen).map((s) => s.id)).toEqual(['announce-stop']);
  });

  test('the ideal path scores 100 in practice and exam and ends with the belt running again, power and air on', () => {
    for (const mode of ['practice', 'exam'] as const) expect(score(sc, ideal, mode)).toMatchObject({ total: 100, passed: true, violations: [], mistakes: [] });
    const end = live(ideal).state;
    expect(end.machines.conveyor!.state).toBe('running');
    expect(end.machines.power!.state).toBe('on');
    expect(end.machines.air!.state).toBe('on');
    expect(end.completed.at(-1)!.id).toBe('start-conveyor');
  });
});

describe('core-lockout-tagout: isolating every energy source', () => {
  test('at the moment the hands go in, all three sources are at zero: power locked, air locked, buffer empty', () => {
    const s = live(before('place', 'jammed-box')).state;
    expect([s.machines.power!.state, s.machines.air!.state, s.machines.buffer!.state, s.machines.conveyor!.state]).toEqual(['locked', 'locked', 'empty', 'stopped']);
  });

  test('reaching in with the power not locked off is critical (the belt still running, or only stopped); practice goes on from the try-out', () => {
    expectCritical([ev(1000, 'place', 'jammed-box', 'trolley')], 'hands-in-power-on');
    expectCritical([...before('lock', 'main-switch'), ev(tOf('lock', 'main-switch'), 'place', 'jammed-box', 'trolley')], 'hands-in-power-on');
  });

  test('reaching in with the air still on is critical', () => {
    expectCritical([...before('lock', 'air-valve'), ev(tOf('lock', 'air-valve'), 'place', 'jammed-box', 'trolley')], 'hands-in-air-on');
  });

  test('reaching in with the air buffer not bled is critical (stored energy); practice goes on from the bleeding', () => {
    expectCritical([...before('hold-start', 'bleed-valve'), ev(tOf('hold-start', 'bleed-valve'), 'place', 'jammed-box', 'trolley')], 'hands-in-buffer-full');
  });

  test('the buffer is bled only with the air valve closed: bled with the air on, it fills again and the gauge is not at 0', () => {
    const t = tOf('lock', 'main-switch');
    const events = [...before('lock', 'air-valve'), ev(t + 1000, 'hold-start', 'bleed-valve'), ev(t + 4500, 'hold-end', 'bleed-valve')];
    expect(live(events).state.machines.buffer!.state).toBe('full');
  });

  test('the gauge is checked after the bleeding: at 6 bar the check is not ready', () => {
    const t = tOf('hold-start', 'bleed-valve');
    expect(live([...before('hold-start', 'bleed-valve'), ev(t, 'inspect', 'air-gauge')]).feedback.at(-1)).toMatchObject({ step: 'check-gauge' });
    expect(live([...before('hold-start', 'bleed-valve'), ev(t, 'inspect', 'air-gauge')]).state.completed.map((c) => c.id)).not.toContain('check-gauge');
  });

  test('the bleed button is held long enough (3 s): a short press does not do the step', () => {
    const t = tOf('hold-start', 'bleed-valve');
    const r = live([...before('hold-start', 'bleed-valve'), ev(t, 'hold-start', 'bleed-valve'), ev(t + 1000, 'hold-end', 'bleed-valve')]);
    expect(r.state.completed.map((c) => c.id)).not.toContain('bleed-buffer');
  });

  test('the main switch turned to 0 with the belt running is major (no normal stop first)', () => {
    const t = tOf('press', 'stop-button');
    const r = score(sc, [...before('press', 'stop-button'), ev(t, 'lock', 'main-switch')], 'practice');
    expect(r.violations.map((v) => [v.rule, v.severity])).toEqual([['isolate-while-running', 'major']]);
    expect(live([...before('press', 'stop-button'), ev(t, 'lock', 'main-switch')]).state.machines.conveyor!.state).toBe('stopped');
  });

  test('stopping the belt without telling the colleague is major', () => {
    const r = score(sc, [...before('press', 'colleague'), ev(tOf('press', 'colleague'), 'press', 'stop-button'), ...from('press', 'colleague')], 'practice');
    expect(r.violations.map((v) => [v.rule, v.severity])).toEqual([['stop-without-announcing', 'major']]);
  });
});

describe('core-lockout-tagout: padlock, tag and try-out', () => {
  test('the tag says name, date and reason; "do not start" alone or nothing is wrong', () => {
    const t = tOf('answer', 'main-switch');
    for (const wrong of ['do-not-start', 'nothing']) expect(live([...before('answer', 'main-switch'), ev(t, 'answer', 'main-switch', wrong)]).feedback.at(-1), wrong).toMatchObject({ kind: 'wrong-answer', step: 'tag-answer' });
  });

  test('three energy sources on the lockout card', () => {
    const t = tOf('answer', 'lockout-card');
    for (const wrong of ['2', '4']) expect(live([...before('answer', 'lockout-card'), ev(t, 'answer', 'lockout-card', wrong)]).feedback.at(-1), wrong).toMatchObject({ kind: 'wrong-answer', step: 'count-energy' });
  });

  test('the try-out: the start button does nothing while locked out (the belt stays stopped), and the controls go back to stop', () => {
    const s = live(before('place', 'jammed-box')).state;
    expect(s.completed.map((c) => c.id)).toEqual(expect.arrayContaining(['try-start', 'reset-controls']));
    expect(s.machines.conveyor!.state).toBe('stopped');
    expect(pointsOf('try-start')).toBe(15);
  });

  test('clearing the jam with everything isolated but without the try-out is major', () => {
    const t = tOf('press', 'start-button');
    const r = score(sc, [...before('press', 'start-button'), ev(t, 'place', 'jammed-box', 'trolley')], 'practice');
    expect(r.violations.map((v) => [v.rule, v.severity])).toEqual([['skipped-try-out', 'major']]);
  });
});

describe('core-lockout-tagout: handing the machine back', () => {
  test('the technician\'s padlock is never removed by the trainee: critical, whenever it happens; practice goes on from asking him', () => {
    const t = tOf('press', 'technician');
    expectCritical([...before('press', 'technician'), ev(t, 'unlock', 'technician-lock')], 'colleague-lock-removed');
    expectCritical([...before('place', 'jammed-box'), ev(tOf('place', 'jammed-box'), 'unlock', 'technician-lock')], 'colleague-lock-removed');
  });

  test('starting before the technician said he is out is critical', () => {
    const t = tOf('press', 'technician');
    expectCritical([...before('press', 'technician'), ev(t, 'unlock', 'air-valve'), ev(t + 2000, 'unlock', 'main-switch'), ev(t + 4000, 'press', 'start-button')], 'start-with-person-in-zone');
  });

  test('starting with the spanner left in the machine is major', () => {
    const t = tOf('place', 'spanner');
    const events = [...before('place', 'spanner'), ev(t, 'unlock', 'air-valve'), ev(t + 1000, 'unlock', 'main-switch'), ev(t + 2000, 'press', 'start-button')];
    const r = score(sc, events, 'practice');
    expect(r.violations.map((v) => v.rule)).toEqual(expect.arrayContaining(['start-with-tool-left', 'start-with-person-in-zone']));
  });

  test('starting without telling the colleague is major', () => {
    const t = tOf('press', 'colleague', 1);
    const late = [...before('press', 'colleague', 1), ev(t, 'press', 'start-button')];
    expect(score(sc, late, 'practice').violations.map((v) => [v.rule, v.severity])).toEqual([['start-without-notice', 'major']]);
  });

  test('own locks come off only after the technician answered: the unlock before is out of order', () => {
    const t = tOf('press', 'technician');
    expect(live([...before('press', 'technician'), ev(t, 'unlock', 'air-valve')]).feedback.at(-1)).toMatchObject({ kind: 'wrong-order', step: 'unlock-air-valve' });
  });
});
