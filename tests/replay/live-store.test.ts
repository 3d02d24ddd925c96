import { describe, expect, test } from 'vitest';
import type { PoseSample } from '../../src/engine/pose-sample';
import { createLiveStore, liveDelayMs, liveEngine, liveKeepMs, liveMoment, liveSource, mergeEvents, mergeSamples } from '../../src/replay/live-store';
import type { SessionEvent } from '../../src/engine';
import { initialState } from '../../src/engine/state';
import { replayAt, replayTimeline } from '../../src/engine/replay-view';
import { sampleScenario } from '../server/test-app';
import { sampleWithSlips } from '../engine/support/sample-slips';

const at = (t: number, x = 0): PoseSample => ({ t, head: { p: [x, 1.6, 0.3], q: [0, 0, 0, 1] }, left: null, right: null });

describe('live 3D view: the poses as they arrive', () => {
  test('each message repeats the last second: only what is newer is added, and only the last seconds are kept', () => {
    const first = mergeSamples([], [at(0), at(200), at(400)]);
    expect(first.map((s) => s.t)).toEqual([0, 200, 400]);
    const again = mergeSamples(first, [at(200), at(400), at(600)]);
    expect(again.map((s) => s.t)).toEqual([0, 200, 400, 600]);
    // Nothing new: the same list (nothing re-renders).
    expect(mergeSamples(again, [at(400)])).toBe(again);
    const later = mergeSamples(again, [at(liveKeepMs + 300)]);
    expect(later.map((s) => s.t)).toEqual([400, 600, liveKeepMs + 300]);
  });

  test('the moment drawn runs with the viewer\'s clock, at most a second behind the newest pose and never past it', () => {
    const samples = [at(5000), at(5200), at(6000)];
    expect(liveMoment(0, 16, [])).toBe(0);
    expect(liveMoment(0, 16, samples)).toBe(6000 - liveDelayMs);
    expect(liveMoment(5100, 200, samples)).toBe(5300);
    expect(liveMoment(5990, 200, samples)).toBe(6000);
  });

  test('the markers\' source: frames move the moment within what was heard; the head is where the newest pose says once the view catches up', () => {
    const store = createLiveStore();
    const source = liveSource(store);
    store.setState({ samples: [at(1000, 0.1), at(2000, 0.5)] });
    source.frame(16);
    expect(source.t()).toBe(2000 - liveDelayMs);
    for (let i = 0; i < 100; i++) source.frame(16);
    expect(source.t()).toBe(2000);
    expect(source.poses().at(-1)!.head!.p[0]).toBe(0.5);
    expect(source.viewpoint()).toBe('side');
  });

  test('the event log as parts arrive: what continues it is added, an overlap is held already, a part beyond its end waits', () => {
    const ev = (t: number): SessionEvent => ({ t, action: 'press', object: 'drill', device: 'desktop' });
    const first = mergeEvents([], { from: 0, list: [ev(1), ev(2)] });
    expect(first.map((e) => e.t)).toEqual([1, 2]);
    const overlap = mergeEvents(first, { from: 1, list: [ev(2), ev(3)] });
    expect(overlap.map((e) => e.t)).toEqual([1, 2, 3]);
    expect(mergeEvents(overlap, { from: 0, list: [ev(1)] })).toBe(overlap);
    expect(mergeEvents(overlap, { from: 5, list: [ev(9)] })).toBe(overlap);
  });

  test('the station is drawn as the log leaves it: the same engine state as the replay of that log at its end', () => {
    const scenario = sampleScenario();
    expect(liveEngine(scenario, 'practice', [])).toEqual(initialState(scenario, 'practice'));
    const half = sampleWithSlips.slice(0, Math.ceil(sampleWithSlips.length / 2));
    const timeline = replayTimeline(scenario, 'practice', half);
    const engine = liveEngine(scenario, 'practice', half);
    expect(engine).toEqual(replayAt(timeline, half[half.length - 1]!.t).engine);
    expect(engine).not.toEqual(initialState(scenario, 'practice'));
    const whole = liveEngine(scenario, 'practice', sampleWithSlips);
    expect(whole.completed.length).toBeGreaterThan(engine.completed.length);
  });
});
