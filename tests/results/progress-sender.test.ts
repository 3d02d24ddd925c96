import { describe, expect, test } from 'vitest';
import { ProgressSender } from '../../src/results/progress-sender';
import type { ProgressAnswer, ProgressMessage } from '../../src/shared/live-progress';

/** A hand-driven clock and timers: `advance` runs every timer that falls due, in order. */
function harness(opts: { online?: () => boolean; answer?: (m: ProgressMessage) => Promise<ProgressAnswer | null>; watched?: () => boolean; poses?: () => { hz: number; data: string } | undefined } = {}) {
  let now = 0;
  let next = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const sent: { at: number; message: ProgressMessage }[] = [];
  const answers: (ProgressAnswer | null)[] = [];
  let state = 0;
  const sender = new ProgressSender({
    snapshot: () => ({ stepsDone: state, poses: opts.poses?.() }) as unknown as Omit<ProgressMessage, 'v' | 'seq'>,
    post: (message) => {
      sent.push({ at: now, message });
      return opts.answer ? opts.answer(message) : Promise.resolve({ helpAcknowledged: 0 });
    },
    onAnswer: (a) => answers.push(a),
    online: opts.online ?? (() => true),
    now: () => now,
    setTimer: (fn, ms) => {
      const id = next++;
      timers.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimer: (h) => timers.delete(h as number),
    watched: opts.watched,
  });
  const flush = () => new Promise((r) => setTimeout(r, 0));
  return {
    sender,
    sent,
    answers,
    change(value: number) {
      state = value;
      sender.changed();
    },
    async advance(ms: number) {
      const end = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].fn();
        await flush();
      }
      now = end;
      await flush();
    },
    pending: () => timers.size,
  };
}

describe('progress sender', () => {
  test('a change goes at once; changes within a second go together a second after the last message', async () => {
    const h = harness();
    h.change(1);
    await h.advance(0);
    h.change(2);
    h.change(3);
    await h.advance(999);
    expect(h.sent.map((s) => [s.at, s.message.stepsDone])).toEqual([[0, 1]]);
    await h.advance(1);
    expect(h.sent.map((s) => [s.at, s.message.stepsDone, s.message.seq, s.message.v])).toEqual([
      [0, 1, 1, 1],
      [1000, 3, 2, 1],
    ]);
  });

  test('a heartbeat every 5 seconds while nothing changes', async () => {
    const h = harness();
    h.change(1);
    await h.advance(16_000);
    expect(h.sent.map((s) => s.at)).toEqual([0, 5000, 10_000, 15_000]);
  });

  test('offline, nothing is sent and nothing is kept: back online, the next heartbeat says the state then', async () => {
    let online = false;
    const h = harness({ online: () => online });
    h.change(1);
    h.change(2);
    await h.advance(6000);
    expect(h.sent).toEqual([]);
    expect(h.answers.every((a) => a === null)).toBe(true);
    online = true;
    h.change(3);
    await h.advance(1000);
    expect(h.sent.map((s) => s.message.stepsDone)).toEqual([3]);
  });

  test('one message in flight at a time; a failed one is not sent again', async () => {
    let release: (a: ProgressAnswer | null) => void = () => undefined;
    const h = harness({ answer: () => new Promise((r) => (release = r)) });
    h.change(1);
    await h.advance(0);
    h.change(2);
    await h.advance(3000);
    expect(h.sent.length).toBe(1);
    release(null);
    await h.advance(0);
    // The change made meanwhile goes next (a second after the last message, which is long past).
    await h.advance(0);
    expect(h.sent.map((s) => s.message.stepsDone)).toEqual([1, 2]);
    expect(h.answers).toEqual([null]);
  });

  test('the end goes as a last message, then the heartbeat stops', async () => {
    const h = harness();
    h.change(1);
    await h.advance(0);
    h.sender.finish();
    await h.advance(1000);
    await h.advance(30_000);
    expect(h.sent.map((s) => s.at)).toEqual([0, 1000]);
    expect(h.pending()).toBe(0);
  });

  test('while a trainer watches in 3D: a message every second, with poses as version 2; unwatched: back to 5 s, version 1', async () => {
    let watched = true;
    const poses = { hz: 5, data: 'AAAA' };
    const h = harness({ watched: () => watched, poses: () => (watched ? poses : undefined) });
    h.change(1);
    await h.advance(3000);
    expect(h.sent.map((s) => [s.at, s.message.v])).toEqual([
      [0, 2],
      [1000, 2],
      [2000, 2],
      [3000, 2],
    ]);
    expect(h.sent.every((s) => s.message.v === 2 && s.message.poses === poses)).toBe(true);
    watched = false;
    await h.advance(11_000);
    // The message at 4 s already knew: the next heartbeats are 5 s apart, without poses.
    expect(h.sent.slice(4).map((s) => [s.at, s.message.v, 'poses' in s.message])).toEqual([
      [4000, 1, false],
      [9000, 1, false],
      [14_000, 1, false],
    ]);
  });
});
