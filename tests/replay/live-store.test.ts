import { describe, expect, test } from 'vitest';
import type { PoseSample } from '../../src/engine/pose-sample';
import { createLiveStore, liveDelayMs, liveKeepMs, liveMoment, liveSource, mergeSamples } from '../../src/replay/live-store';

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
});
