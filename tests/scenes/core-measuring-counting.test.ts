import { describe, expect, test } from 'vitest';
import { score } from '../../src/engine';
import { ev, stationLog } from './station-log';

// The third core module: measuring and counting at the quality and packing bench beside a CNC lathe.
// Production order, 25 per box (heard), gloves, the hot shaft to the cooling rack, thermometer,
// calliper zero, diameter and length, sorting by the tolerance, box on the scale, tare, fill, count by
// weight, box to the pallet, layers, scrap percentage, report. As short event logs on the real
// scenario file (docs/procedures/measuring-counting.md is the checklist behind them).

const { sc, ideal, before, from, tOf, live, pointsOf, expectCritical, expectStationData } = stationLog('scenes/core/measuring-counting/scenario.json');

const violations = (events: Parameters<typeof score>[1]) => score(sc, events, 'practice').violations.map((v) => [v.rule, v.severity]);

describe('core-measuring-counting: the station data', () => {
  test('loads without issues: sector core, every competency, 12+ Dutch terms, critical rules with safe states, cards at most a quarter, a listening step, no country, no review yet', () => {
    expectStationData({
      terms: ['productieorder', 'schuifmaat', 'rolmaat', 'thermometer', 'weegschaal', 'tarra-knop', 'afkeurbak', 'goedbak'],
      critical: ['hand-in-machine', 'hot-part-bare-hands', 'heavy-box-lifted'],
    });
    expect(sc).toMatchObject({ version: 1, sector: 'core', station: 'measuring-counting' });
    expect(sc.country).toBeUndefined();
    expect(sc.steps.length).toBeGreaterThanOrEqual(14);
    expect(sc.steps.length).toBeLessThanOrEqual(20);
    expect(sc.steps.filter((s) => s.listen).map((s) => s.id)).toEqual(['set-per-box']);
  });

  test('the ideal path scores 100 in practice and exam and ends with the report to the team leader', () => {
    for (const mode of ['practice', 'exam'] as const) expect(score(sc, ideal, mode)).toMatchObject({ total: 100, passed: true, violations: [], mistakes: [] });
    expect(live(ideal).state.completed.at(-1)!.id).toBe('report-leader');
  });
});

describe('core-measuring-counting: the hazards of the bench', () => {
  test('a hand in the running lathe is critical, at any moment; practice goes on from the hot shaft taken from the output tray', () => {
    expectCritical([ev(1000, 'enter', 'machine-zone')], 'hand-in-machine');
    expectCritical([...before('inspect', 'calliper'), ev(tOf('inspect', 'calliper'), 'enter', 'machine-zone')], 'hand-in-machine');
  });

  test('the shaft straight from the machine moved with bare hands is critical (burn); with gloves it is the step', () => {
    expectCritical([ev(2000, 'inspect', 'work-order'), ev(4000, 'place', 'hot-part', 'cooling-rack')], 'hot-part-bare-hands');
    const s = live(before('inspect', 'thermometer')).state;
    expect(s.completed.map((c) => c.id)).toEqual(expect.arrayContaining(['wear-gloves', 'cool-hot-part']));
  });

  test('the colleague\'s box of 25,3 kg lifted alone is critical (over 23 kg); practice goes on from the own box to the pallet', () => {
    expectCritical([ev(2000, 'inspect', 'work-order'), ev(4000, 'grab', 'heavy-box')], 'heavy-box-lifted');
    expectCritical([...before('place', 'full-box'), ev(tOf('place', 'full-box'), 'grab', 'heavy-box')], 'heavy-box-lifted');
  });
});

describe('core-measuring-counting: measuring to a tolerance', () => {
  test('the readings are noted exactly: 21 °C, 20,05 mm and 20,15 mm; a wrong reading does not do the step', () => {
    const t = tOf('set', 'temp-entry');
    expect(live([...before('set', 'temp-entry'), ev(t, 'set', 'temp-entry', 25)]).state.completed.map((c) => c.id)).not.toContain('record-temp');
    const a = tOf('set', 'diameter-entry');
    const r = live([...before('set', 'diameter-entry'), ev(a, 'set', 'diameter-entry', 20.1)]);
    expect(r.state.completed.map((c) => c.id)).not.toContain('measure-a');
    expect(r.feedback.at(-1)).toMatchObject({ kind: 'out-of-tolerance', step: 'measure-a' });
    expect(live(before('place', 'sample-a')).state.completed.map((c) => c.id)).toContain('measure-a');
  });

  test('the calliper\'s zero is checked before measuring, and nothing is measured before the thermometer', () => {
    const t = tOf('inspect', 'thermometer');
    expect(live([...before('inspect', 'thermometer'), ev(t, 'inspect', 'calliper')]).feedback.at(-1)).toMatchObject({ kind: 'wrong-order', step: 'zero-calliper' });
  });

  test('the too-thick shaft (20,15 mm) in the good crate is major: it goes to the customer', () => {
    const t = tOf('place', 'sample-b');
    expect(violations([...before('place', 'sample-b'), ev(t, 'place', 'sample-b', 'good-crate')])).toEqual([['reject-to-customer', 'major']]);
  });

  test('the good shaft in the reject bin is minor', () => {
    const t = tOf('place', 'sample-a');
    expect(violations([...before('place', 'sample-a'), ev(t, 'place', 'sample-a', 'reject-bin')])).toEqual([['good-part-scrapped', 'minor']]);
  });
});

describe('core-measuring-counting: weighing and counting', () => {
  test('the shafts weighed without tare is major (the box counted as product)', () => {
    const t = tOf('press', 'tare-button');
    expect(violations([...before('press', 'tare-button'), ev(t, 'place', 'shafts', 'scale')])).toEqual([['weighed-without-tare', 'major']]);
    expect(violations(ideal)).toEqual([]);
  });

  test('25 per box is heard and set; 24 or 26 is not the count', () => {
    expect(live(before('wear', 'work-gloves')).state.completed.map((c) => c.id)).toContain('set-per-box');
    const t = tOf('answer', 'full-box');
    for (const wrong of ['24', '26']) expect(live([...before('answer', 'full-box'), ev(t, 'answer', 'full-box', wrong)]).feedback.at(-1), wrong).toMatchObject({ kind: 'wrong-answer', step: 'count-by-weight' });
  });

  test('8 boxes make 2 layers; the scrap is 5 % (10 of 200)', () => {
    const t = tOf('answer', 'work-order');
    for (const wrong of ['1', '8']) expect(live([...before('answer', 'work-order'), ev(t, 'answer', 'work-order', wrong)]).feedback.at(-1), wrong).toMatchObject({ kind: 'wrong-answer', step: 'pallet-layers' });
    const s = tOf('set', 'scrap-entry');
    expect(live([...before('set', 'scrap-entry'), ev(s, 'set', 'scrap-entry', 10)]).state.completed.map((c) => c.id)).not.toContain('scrap-percent');
  });
});

describe('core-measuring-counting: handing over', () => {
  test('the report to the team leader comes last: before the scrap is noted it is out of order', () => {
    const t = tOf('set', 'scrap-entry');
    expect(live([...before('set', 'scrap-entry'), ev(t, 'press', 'team-leader')]).feedback.at(-1)).toMatchObject({ kind: 'wrong-order', step: 'report-leader' });
    expect(from('press', 'team-leader')).toHaveLength(1);
    expect(pointsOf('report-leader')).toBe(5);
  });
});
