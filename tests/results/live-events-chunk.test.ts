import { describe, expect, test } from 'vitest';
import type { SessionEvent } from '../../src/engine';
import { liveEventsChunk } from '../../src/results/live-events-chunk';
import { maxLiveEventChars } from '../../src/shared/live-event-limits';
import { liveEventsSchema } from '../../src/shared/live-progress';

const ev = (t: number, object = 'drill'): SessionEvent => ({ t, action: 'press', object, device: 'desktop' });

describe('the part of the event log a live message carries', () => {
  test('from where the watchers\' copy ends, all that is left when it fits; nothing when they hold it all', () => {
    const log = [ev(1), ev(2), ev(3)];
    expect(liveEventsChunk(log, 0)).toEqual({ from: 0, list: log });
    expect(liveEventsChunk(log, 2)).toEqual({ from: 2, list: [ev(3)] });
    expect(liveEventsChunk(log, 3)).toBeNull();
    expect(liveEventsChunk(log, 7)).toBeNull();
    expect(liveEventsChunk([], 0)).toBeNull();
  });

  test('a long log goes in whole events, each part within the characters the server accepts, the next part from where this one ends', () => {
    const log = Array.from({ length: 300 }, (_, i) => ev(i * 1000, `part-${'x'.repeat(i % 50)}`));
    let from = 0;
    let parts = 0;
    const heard: SessionEvent[] = [];
    for (let chunk = liveEventsChunk(log, from); chunk; chunk = liveEventsChunk(log, from)) {
      expect(JSON.stringify(chunk.list).length).toBeLessThanOrEqual(maxLiveEventChars);
      expect(liveEventsSchema.safeParse(chunk).success).toBe(true);
      expect(chunk.from).toBe(from);
      heard.push(...chunk.list);
      from += chunk.list.length;
      parts++;
    }
    expect(heard).toEqual(log);
    expect(parts).toBeGreaterThan(5);
    // A tighter bound makes more, smaller parts, never an empty one.
    const small = liveEventsChunk(log, 0, 200)!;
    expect(small.list.length).toBeGreaterThan(0);
    expect(JSON.stringify(small.list).length).toBeLessThanOrEqual(200);
  });
});
