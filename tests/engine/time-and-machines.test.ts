import { describe, expect, test } from 'vitest';
import { initialState, replay, score, step } from '../../src/engine';
import { ev, lab, labIdeal, labInput, parsed } from './helpers';

const sc = lab();
const upTo = (n: number) => labIdeal.slice(0, n);

describe('time-based steps', () => {
  test('a stay step (enter … exit) needs its minimum time inside the zone', () => {
    const short = replay(sc, [...upTo(8), ev(10000, 'enter', 'sink'), ev(12999, 'exit', 'sink')], 'practice');
    expect(short.steps[7]).toMatchObject({ id: 'wash', done: false, mistakes: 1, openSince: null });
    expect(short.inside).toEqual([]);
    const exact = replay(sc, [...upTo(8), ev(10000, 'enter', 'sink'), ev(13000, 'exit', 'sink')], 'practice');
    expect(exact.steps[7]).toMatchObject({ done: true, doneAt: 13000, mistakes: 0 });
  });

  test('an end without a start does not complete a hold step', () => {
    const s = replay(sc, [...upTo(5), ev(9000, 'hold-end', 'clamp')], 'practice');
    expect(s.steps[5]!.done).toBe(false);
    expect(s.mistakes.at(-1)).toMatchObject({ kind: 'wrong-action', step: 'clamp' });
  });

  test('time per step runs from when the step became available to when it was done', () => {
    const r = score(sc, labIdeal, 'practice');
    const byId = Object.fromEntries(r.steps.map((s) => [s.id, s.durationMs]));
    // glasses available at 0, done 1000; dial available at 1000, done 2000; wash available at 9000 (stop), done 14000.
    expect(byId).toMatchObject({ glasses: 1000, dial: 1000, start: 1000, clamp: 3500, wash: 5000, clean: 6000 });
    expect(score(sc, upTo(3), 'practice').steps.find((s) => s.id === 'sort')!.durationMs).toBeNull();
  });

  test('a clock that jumps backwards does not rewind: the later time is kept', () => {
    const s = replay(sc, [ev(5000, 'wear', 'glasses'), ev(3000, 'set', 'dial', 50)], 'practice');
    expect(s.completed).toEqual([
      { id: 'glasses', t: 5000 },
      { id: 'dial', t: 5000 },
    ]);
  });
});

describe('machine transitions', () => {
  test('event transitions change state and remember when', () => {
    const s = replay(sc, upTo(3), 'practice');
    expect(s.machines.saw).toEqual({ state: 'running', since: 3000 });
  });

  test('a timed transition fires at the exact due time, not at the next event', () => {
    const s = replay(sc, [...upTo(8), ev(20000, 'inspect', 'piece')], 'practice');
    // stopped at 9000 + 4000 run-down.
    expect(s.machines.saw).toEqual({ state: 'stopped', since: 13000 });
    const during = replay(sc, [...upTo(8), ev(12999, 'inspect', 'piece')], 'practice');
    expect(during.machines.saw).toEqual({ state: 'running-down', since: 9000 });
  });

  test('a transition only fires from its own states: stop while stopped changes nothing', () => {
    const s = replay(sc, [ev(100, 'wear', 'glasses'), ev(200, 'press', 'stop')], 'practice');
    expect(s.machines.saw).toEqual({ state: 'stopped', since: 0 });
  });

  test('chained timers and guards: several timed transitions in one gap, a guard blocks another', () => {
    const input = labInput();
    input.machines = [
      ...(input.machines ?? []),
      {
        id: 'light',
        states: ['red', 'green', 'amber', 'blocked'],
        initial: 'red',
        transitions: [
          { from: 'red', after: 1000, to: 'green' },
          { from: 'green', after: 1000, to: 'amber' },
          { from: 'amber', after: 500, to: 'red' },
          { from: 'red', on: { action: 'press', object: 'stop' }, when: { wearing: 'glasses' }, to: 'blocked' },
        ],
      },
    ];
    const m = parsed(input);
    // 0 red → 1000 green → 2000 amber → 2500 red → 3500 green → 4500 amber; at 4700 still amber.
    expect(replay(m, [ev(4700, 'inspect', 'piece')], 'practice').machines.light).toEqual({ state: 'amber', since: 4500 });
    // Pressing stop while red without glasses: the guard blocks it.
    expect(replay(m, [ev(100, 'press', 'stop')], 'practice').machines.light?.state).toBe('red');
    const blocked = replay(m, [ev(100, 'wear', 'glasses'), ev(200, 'press', 'stop'), ev(60000, 'inspect', 'piece')], 'practice');
    expect(blocked.machines.light).toEqual({ state: 'blocked', since: 200 });
  });

  test('one event fires at most one transition per machine', () => {
    const input = labInput();
    input.machines = [
      ...(input.machines ?? []),
      {
        id: 'toggle',
        states: ['off', 'on'],
        initial: 'off',
        transitions: [
          { from: 'off', on: { action: 'press', object: 'start' }, to: 'on' },
          { from: 'on', on: { action: 'press', object: 'start' }, to: 'off' },
        ],
      },
    ];
    input.rules = [];
    const m = parsed(input);
    expect(replay(m, [ev(10, 'press', 'start')], 'practice').machines.toggle?.state).toBe('on');
    expect(replay(m, [ev(10, 'press', 'start'), ev(20, 'press', 'start')], 'practice').machines.toggle?.state).toBe('off');
  });

  test('a rule judges the machine state at the moment of the event, timers included', () => {
    const running = replay(sc, [...upTo(8), ev(12000, 'enter', 'blade-zone')], 'practice');
    expect(running.violations.map((v) => v.rule)).toEqual(['hand-in-blade']);
    const stopped = replay(sc, [...upTo(8), ev(13000, 'enter', 'blade-zone')], 'practice');
    expect(stopped.violations.map((v) => v.rule)).toEqual(['idle-blade']);
  });

  test('step() never mutates the state it is given', () => {
    const before = initialState(sc, 'practice');
    const snapshot = structuredClone(before);
    let s = before;
    for (const e of labIdeal) s = step(sc, s, e).state;
    expect(before).toEqual(snapshot);
    expect(s.ended).toBe(true);
  });
});
