import { describe, expect, test } from 'vitest';
import { competencies, score } from '../../src/engine';
import { ev, stationLog } from './station-log';

// The textile station: cutting table with a straight-knife cutter, and a lockstitch sewing machine.
// Every hazard, the threading order, the numeracy (stitch length, count, seam allowance) and the
// fabric classification, as short event logs on the real scenario file.

const { scene, sc, ideal, at, before, from, tOf, without, live, totalPoints, pointsOf, expectCritical } = stationLog('scenes/textile/lockstitch-sewing/scenario.json');

describe('textile-lockstitch-sewing: the station data', () => {
  test('loads without issues, 10–20 steps, every competency, 12+ Dutch terms, 4+ rules with critical ones, no review yet', () => {
    expect(scene.issues).toEqual([]);
    expect(sc.steps.length).toBeGreaterThanOrEqual(10);
    expect(sc.steps.length).toBeLessThanOrEqual(20);
    for (const c of competencies) expect(sc.steps.some((s) => s.competency === c), c).toBe(true);
    expect(new Set(sc.objects.map((o) => o.term)).size).toBeGreaterThanOrEqual(12);
    for (const term of ['naaivoet', 'steeklengte', 'naadtoeslag', 'snijtafel', 'snijbestendige handschoen', 'naald']) expect(sc.objects.map((o) => o.term)).toContain(term);
    expect(sc.rules.length).toBeGreaterThanOrEqual(4);
    expect(sc.rules.filter((r) => r.severity === 'critical').map((r) => r.id)).toEqual([
      'finger-under-needle',
      'pedal-with-finger-under-needle',
      'cut-with-guard-raised',
      'raise-guard-while-cutting',
    ]);
    for (const s of sc.sources) expect(s.url, s.title).toMatch(/^https:\/\//);
    expect(sc.reviewed).toBeUndefined();
    expect(scene.warnings.join('\n')).toContain('not reviewed yet');
  });
});

describe('textile-lockstitch-sewing: the needle', () => {
  test('fingers under the needle while the pedal is down is critical', () => {
    expectCritical([...before('hold-end', 'pedal'), ev(tOf('hold-start', 'pedal') + 2000, 'enter', 'needle-zone')], 'finger-under-needle');
  });

  test('pressing the pedal with a finger under the needle is critical (and the hand near the needle with power on is major)', () => {
    const on = tOf('press', 'power-switch');
    const events = [...before('hold-start', 'pedal'), ev(on + 500, 'enter', 'needle-zone'), ev(on + 1500, 'hold-start', 'pedal')];
    expectCritical(events, 'pedal-with-finger-under-needle');
    expect(score(sc, events, 'exam').violations.map((v) => [v.rule, v.severity])).toEqual([
      ['hand-under-needle-power-on', 'major'],
      ['pedal-with-finger-under-needle', 'critical'],
    ]);
  });

  test('the hand at the needle with the machine switched off (threading) is no violation; with power on it is major (15)', () => {
    const threading = live(before('set', 'stitch-dial'));
    expect(threading.state.violations).toEqual([]);
    expect(threading.state.machines['sewing-machine']!.state).toBe('off');
    const on = tOf('press', 'power-switch');
    const events = [...before('hold-start', 'pedal'), ev(on + 500, 'enter', 'needle-zone'), ev(on + 1000, 'exit', 'needle-zone'), ...from('hold-start', 'pedal')];
    const r = score(sc, events, 'practice');
    expect(r.violations).toEqual([expect.objectContaining({ rule: 'hand-under-needle-power-on', severity: 'major', penalty: 15, critical: false })]);
    expect(r).toMatchObject({ total: 85, passed: true, mistakes: [] });
  });

  test('the bent needle: sewing on or bending it back is a wrong answer; replacing it is right', () => {
    const t = tOf('answer', 'needle');
    for (const wrong of ['ok', 'straighten']) {
      expect(live([...before('answer', 'needle'), ev(t, 'answer', 'needle', wrong)]).feedback.at(-1), wrong).toMatchObject({ kind: 'wrong-answer', step: 'check-needle' });
    }
    const r = score(sc, [...before('answer', 'needle'), ev(t - 1000, 'answer', 'needle', 'straighten'), ...from('answer', 'needle')], 'exam');
    expect(r.competencies['problem-solving']).toBe(75);
  });

  test('checking the needle with the machine on is not ready: a mistake, the step waits until it is off', () => {
    const t = tOf('answer', 'needle');
    const { state, feedback } = live([...before('answer', 'needle'), ev(t - 2000, 'press', 'power-switch'), ev(t - 1000, 'answer', 'needle', 'replace')]);
    expect(feedback.at(-1)).toMatchObject({ kind: 'not-ready', step: 'check-needle' });
    expect(state.steps.find((p) => p.id === 'check-needle')).toMatchObject({ done: false, mistakes: 1 });
    const r = score(sc, [...before('answer', 'needle'), ev(t - 2000, 'press', 'power-switch'), ev(t - 1000, 'answer', 'needle', 'replace'), ev(t - 500, 'press', 'power-switch'), ...from('answer', 'needle')], 'exam');
    expect(r.steps.find((s) => s.id === 'check-needle')).toMatchObject({ done: true, mistakes: 1, earned: pointsOf('check-needle') * 0.75 });
    expect(r.violations).toEqual([]);
  });

  test('sewing before switching on is not ready', () => {
    const t = tOf('press', 'power-switch');
    expect(live([...before('press', 'power-switch'), ev(t, 'hold-start', 'pedal')]).feedback.at(-1)).toMatchObject({ kind: 'not-ready', step: 'sew-seam' });
  });

  test('the threading order: the take-up lever before the tension discs is out of order', () => {
    const t = tOf('press', 'tension-disc');
    expect(live([...before('press', 'tension-disc'), ev(t, 'press', 'take-up-lever')]).feedback.at(-1)).toMatchObject({
      kind: 'wrong-order',
      step: 'thread-take-up',
      missing: ['thread-tension'],
    });
    expect(live([...before('press', 'thread-guide'), ev(tOf('press', 'thread-guide'), 'press', 'needle-eye')]).feedback.at(-1)).toMatchObject({ kind: 'wrong-order', step: 'thread-needle' });
  });
});

describe('textile-lockstitch-sewing: the cutting table', () => {
  test('cutting with the guard raised is critical', () => {
    const events = without(['close', 'knife-guard']);
    expectCritical(events.slice(0, events.findIndex((e) => e.action === 'hold-start' && e.object === 'cutter-handle') + 1), 'cut-with-guard-raised');
  });

  test('raising the guard while cutting is critical; raising it after the knife stopped is fine', () => {
    expectCritical([...before('hold-end', 'cutter-handle'), ev(tOf('hold-start', 'cutter-handle') + 3000, 'open', 'knife-guard')], 'raise-guard-while-cutting');
    expect(score(sc, ideal, 'exam').violations).toEqual([]);
    expect(ideal.findIndex((e) => e.action === 'open' && e.object === 'knife-guard')).toBeGreaterThan(at('press', 'cutter-stop'));
  });

  test('cutting without the cut-resistant glove is major (15)', () => {
    // Out of order too (the glove is a prerequisite): the cut is refused as a step, the violation stands.
    const cut = [...without(['wear', 'cut-glove'], ['remove', 'cut-glove']).filter((e) => e.t <= tOf('hold-start', 'cutter-handle'))];
    const s = live(cut).state;
    expect(s.violations).toEqual([expect.objectContaining({ rule: 'cut-without-glove', severity: 'major', penalty: 15, critical: false })]);
    expect(s.mistakes).toEqual([expect.objectContaining({ kind: 'wrong-order', step: 'cut-pieces' })]);
    expect(s.ended).toBe(false);
    // With the glove on (the ideal path) there is no violation.
    expect(live(ideal.filter((e) => e.t <= tOf('hold-start', 'cutter-handle'))).state.violations).toEqual([]);
  });

  test('cutting before the knife runs is not ready', () => {
    const t = tOf('press', 'cutter-start');
    expect(live([...before('press', 'cutter-start'), ev(t, 'hold-start', 'cutter-handle')]).feedback.at(-1)).toMatchObject({ kind: 'not-ready', step: 'cut-pieces' });
  });

  test('classification mistakes: a weaving fault called a stain, and a good part called a hole, each cost 25 % of that step', () => {
    const t3 = tOf('classify', 'panel-3');
    const t4 = tOf('classify', 'panel-4');
    const events = [
      ...before('classify', 'panel-3'),
      ev(t3 - 1000, 'classify', 'panel-3', 'stain'),
      ...ideal.filter((e) => e.t >= t3 && e.t < t4),
      ev(t4 - 1000, 'classify', 'panel-4', 'hole'),
      ...from('classify', 'panel-4'),
    ];
    const { feedback } = live(events);
    expect(feedback.filter((f) => f.kind === 'wrong-classification')).toEqual([
      expect.objectContaining({ step: 'classify-panel-3', value: 'stain' }),
      expect.objectContaining({ step: 'classify-panel-4', value: 'hole' }),
    ]);
    const r = score(sc, events, 'exam');
    expect(r.total).toBe(Math.round((100 * (totalPoints - 0.25 * (pointsOf('classify-panel-3') + pointsOf('classify-panel-4')))) / totalPoints));
    expect(r.competencies.quality).toBeLessThan(100);
  });

  test('reading the work order and counting: the wrong part and the wrong count are wrong answers', () => {
    expect(live([...before('answer', 'work-order'), ev(tOf('answer', 'work-order'), 'answer', 'work-order', 'sleeve')]).feedback.at(-1)).toMatchObject({
      kind: 'wrong-answer',
      step: 'read-work-order',
    });
    const t = tOf('answer', 'bundle-ticket');
    expect(live([...before('answer', 'bundle-ticket'), ev(t, 'answer', 'bundle-ticket', 11)]).feedback.at(-1)).toMatchObject({ kind: 'wrong-answer', step: 'count-pieces' });
    expect(live([...before('answer', 'bundle-ticket'), ev(t, 'answer', 'bundle-ticket', '12')]).feedback.at(-1)).toMatchObject({ kind: 'step-completed', step: 'count-pieces' });
  });
});

describe('textile-lockstitch-sewing: numeracy at the machine', () => {
  test('seam allowance 1 cm: 8–12 mm counts, 7.9 and 12.1 mm are out of tolerance', () => {
    const t = tOf('set', 'seam');
    for (const mm of [7.9, 12.1]) {
      expect(live([...before('set', 'seam'), ev(t, 'set', 'seam', mm)]).feedback.at(-1), String(mm)).toMatchObject({ kind: 'out-of-tolerance', step: 'check-seam-allowance', target: 10, tolerance: 2 });
    }
    for (const mm of [8, 10, 12]) {
      const { feedback, state } = live([...before('set', 'seam'), ev(t, 'set', 'seam', mm)]);
      expect(feedback, String(mm)).toContainEqual(expect.objectContaining({ kind: 'step-completed', step: 'check-seam-allowance' }));
      expect(state.ended).toBe(true);
    }
    const r = score(sc, [...before('set', 'seam'), ev(t - 1000, 'set', 'seam', 15), ...from('set', 'seam')], 'exam');
    expect(r.steps.find((s) => s.id === 'check-seam-allowance')).toMatchObject({ done: true, mistakes: 1, earned: pointsOf('check-seam-allowance') * 0.75 });
  });

  test('stitch length 2.5 mm ± 0.2: 3 mm is out of tolerance, 2.4 counts', () => {
    const t = tOf('set', 'stitch-dial');
    expect(live([...before('set', 'stitch-dial'), ev(t, 'set', 'stitch-dial', 3)]).feedback.at(-1)).toMatchObject({ kind: 'out-of-tolerance', step: 'set-stitch-length', target: 2.5, tolerance: 0.2 });
    expect(live([...before('set', 'stitch-dial'), ev(t, 'set', 'stitch-dial', 2.4)]).feedback.at(-1)).toMatchObject({ kind: 'step-completed', step: 'set-stitch-length' });
  });

  test('a seam sewn in under 8 s is too short', () => {
    const t = tOf('hold-start', 'pedal');
    expect(live([...before('hold-start', 'pedal'), ev(t, 'hold-start', 'pedal'), ev(t + 3000, 'hold-end', 'pedal')]).feedback.at(-1)).toMatchObject({ kind: 'too-short', step: 'sew-seam', minMs: 8000 });
  });
});
