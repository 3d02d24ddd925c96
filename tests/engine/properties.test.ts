import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { initialState, result, score, step, type Mode, type Scenario, type SessionEvent } from '../../src/engine';
import { ev, lab, labIdeal } from './helpers';
import { loadScenes } from '../../scripts/check-scenes';

const sc = lab();
const scenes = loadScenes(process.cwd()).filter((l) => l.scenario !== null);

/** Every (action, object) pair the scenario reacts to, plus hints and an action nothing expects. */
function vocabulary(s: Scenario): [string, string][] {
  const pairs = new Map<string, [string, string]>();
  const add = (a: string, o: string) => pairs.set(`${a} ${o}`, [a, o]);
  for (const st of s.steps) {
    if (st.action === 'hold') {
      add('hold-start', st.object);
      add('hold-end', st.object);
    } else if (st.action === 'stay') {
      add('enter', st.object);
      add('exit', st.object);
    } else add(st.action, st.object);
    add('hint', st.id);
  }
  for (const r of s.rules) add(r.on.action, r.on.object);
  for (const q of s.sequences) for (const m of [...q.first, ...q.then, ...q.resetBy]) add(m.action, m.object);
  for (const m of s.machines) for (const tr of m.transitions) if (tr.on) add(tr.on.action, tr.on.object);
  add('inspect', 'nothing-here');
  return [...pairs.values()];
}

function eventsArb(s: Scenario, max = 60): fc.Arbitrary<SessionEvent[]> {
  const vocab = vocabulary(s);
  const values = [...new Set(s.steps.flatMap((st) => [st.value?.target, st.value ? st.value.target + st.value.tolerance * 3 : undefined, st.expect]))].filter((v) => v !== undefined);
  const one = fc.record({
    dt: fc.integer({ min: 0, max: 8000 }),
    pair: fc.constantFrom(...vocab),
    value: fc.option(fc.constantFrom<number | string>(...values, 'other'), { nil: undefined }),
    device: fc.constantFrom('desktop', 'touch', 'vr-controller', 'vr-hand' as const),
  });
  return fc.array(one, { maxLength: max }).map((raw) => {
    let t = 0;
    return raw.map((r) => {
      t += r.dt;
      return ev(t, r.pair[0], r.pair[1], r.value, r.device);
    });
  });
}

const mode = fc.constantFrom<Mode>('practice', 'exam');
const inRange = (x: number | null) => x === null || (Number.isInteger(x) && x >= 0 && x <= 100);

describe('scoring invariants (fast-check)', () => {
  test.each([['lab', sc] as const, ...scenes.map((l) => [l.scenario!.id, l.scenario!] as const)])('%s: scores stay integers in 0–100, competencies too', (_, s) => {
    fc.assert(
      fc.property(eventsArb(s), mode, (events, m) => {
        const r = score(s, events, m);
        expect(inRange(r.total)).toBe(true);
        for (const v of Object.values(r.competencies)) expect(inRange(v)).toBe(true);
        if (r.failedByCritical) expect(r.passed).toBe(false);
        expect(r.passed).toBe(!r.failedByCritical && r.total >= r.passScore);
      }),
      { numRuns: 300 },
    );
  });

  test('replay of a serialized log equals the live result, feedback aside', () => {
    fc.assert(
      fc.property(eventsArb(sc), mode, (events, m) => {
        let s = initialState(sc, m);
        for (const e of events) s = step(sc, s, e).state;
        const live = result(sc, s);
        const uploaded = JSON.parse(JSON.stringify(events)) as SessionEvent[];
        expect(score(sc, uploaded, m)).toEqual(live);
        expect(score(sc, uploaded, m)).toEqual(score(sc, uploaded, m));
      }),
      { numRuns: 300 },
    );
  });

  test('adding a hint never raises the score', () => {
    fc.assert(
      fc.property(eventsArb(sc), fc.nat(), fc.constantFrom(...sc.steps.map((s) => s.id)), mode, (events, at, stepId, m) => {
        const i = events.length === 0 ? 0 : at % (events.length + 1);
        const t = i === 0 ? 0 : events[i - 1]!.t;
        const withHint = [...events.slice(0, i), ev(t, 'hint', stepId), ...events.slice(i)];
        expect(score(sc, withHint, m).total).toBeLessThanOrEqual(score(sc, events, m).total);
      }),
      { numRuns: 300 },
    );
  });

  test('adding a violation never raises the score', () => {
    // Reaching into the blade zone or touching face-then-product only ever adds violations in the lab.
    const violations: SessionEvent[][] = [[ev(0, 'enter', 'blade-zone')], [ev(0, 'grab', 'face'), ev(0, 'grab', 'product')]];
    fc.assert(
      fc.property(fc.constantFrom(...labIdeal.map((_, i) => i)), fc.constantFrom(...violations), eventsArb(sc, 20), mode, (at, extra, noise, m) => {
        const base = [...labIdeal.slice(0, at), ...noise.map((e) => ({ ...e, t: labIdeal[at]!.t - 1 })), ...labIdeal.slice(at)];
        const i = at + noise.length;
        const t = i === 0 ? 0 : base[i - 1]!.t;
        const more = [...base.slice(0, i), ...extra.map((e) => ({ ...e, t })), ...base.slice(i)];
        expect(score(sc, more, m).total).toBeLessThanOrEqual(score(sc, base, m).total);
      }),
      { numRuns: 300 },
    );
  });

  test('a shuffled log never beats the ideal order, and one that breaks a prerequisite scores below 100', () => {
    const stepOf = ['glasses', 'dial', 'start', 'sort', 'count', 'clamp', 'clamp', 'stop', 'wash', 'wash', 'clean'];
    const before = (a: string, b: string): boolean => {
      // true if step a must come before step b (a is a transitive prerequisite of b).
      const st = sc.steps.find((s) => s.id === b)!;
      return st.after.some((p) => p === a || before(a, p));
    };
    const ideal = score(sc, labIdeal, 'practice').total;
    fc.assert(
      fc.property(fc.shuffledSubarray(labIdeal.map((_, i) => i), { minLength: labIdeal.length, maxLength: labIdeal.length }), mode, (order, m) => {
        // Keep the clock running forward: the shuffled actions get the ideal path's times in turn.
        const shuffled = order.map((k, pos) => ({ ...labIdeal[k]!, t: labIdeal[pos]!.t }));
        const total = score(sc, shuffled, m).total;
        expect(total).toBeLessThanOrEqual(ideal);
        const broken = order.some((k, pos) => order.slice(pos + 1).some((later) => before(stepOf[later]!, stepOf[k]!)));
        if (broken) expect(total).toBeLessThan(100);
      }),
      { numRuns: 300 },
    );
  });
});
