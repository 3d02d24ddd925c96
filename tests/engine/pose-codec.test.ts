import { deflateSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { decodePoses, encodePoses, maxPoseSamples, poseAt, quantisedPose, type PoseSample } from '../../src/engine/pose-codec';
import { workstationTrace } from '../../bench/support/pose-trace';

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe('pose codec', () => {
  test('a trace comes back as its quantised self: 2 mm and about a tenth of a degree', () => {
    const trace = workstationTrace(1);
    const back = decodePoses(encodePoses(trace));
    expect(back).toHaveLength(trace.length);
    back.forEach((s, i) => {
      const o = trace[i]!;
      expect(s.t).toBe(Math.round(o.t));
      for (const track of ['head', 'left', 'right'] as const) {
        const q = quantisedPose(o[track]!);
        const p = s[track]!;
        for (let k = 0; k < 3; k++) {
          expect(Math.abs(p.p[k]! - o[track]!.p[k]!)).toBeLessThanOrEqual(0.001 + 1e-9);
          expect(p.p[k]).toBeCloseTo(q.p[k]!, 9);
        }
        // The angle between the sent and the decoded rotation: 2·acos(|q1·q2|).
        const dot = Math.abs(p.q.reduce((a, v, k) => a + v * o[track]!.q[k]!, 0));
        expect(2 * Math.acos(Math.min(1, dot))).toBeLessThan(0.2 * (Math.PI / 180));
      }
    });
  });

  test('tracks missing in some samples (desktop: no hands; a hand out of view) stay missing', () => {
    const trace = workstationTrace(0.2).map((s, i): PoseSample => ({ ...s, left: i % 3 === 0 ? null : s.left, right: null }));
    const back = decodePoses(encodePoses(trace));
    back.forEach((s, i) => {
      expect(s.left === null).toBe(i % 3 === 0);
      expect(s.right).toBeNull();
      expect(s.head).not.toBeNull();
    });
  });

  test('a 10-minute session at 10 Hz is well under 100 KB of base64', () => {
    const text = encodePoses(workstationTrace(10));
    expect(text.length).toBeLessThan(80_000);
  });

  test('poseAt gives the sample at its time, blends between two, and nothing before the first', () => {
    const trace = decodePoses(encodePoses(workstationTrace(0.1)));
    expect(poseAt(trace, 'head', trace[3]!.t)).toEqual(trace[3]!.head);
    expect(poseAt(trace, 'head', trace[0]!.t - 1)).toBeNull();
    const mid = poseAt(trace, 'right', (trace[3]!.t + trace[4]!.t) / 2)!;
    for (let k = 0; k < 3; k++) expect(mid.p[k]).toBeCloseTo((trace[3]!.right!.p[k]! + trace[4]!.right!.p[k]!) / 2, 9);
  });

  test('broken data is refused with what is wrong', () => {
    expect(() => decodePoses('not base64!')).toThrow(/is not base64/);
    expect(() => decodePoses(base64(new Uint8Array([1, 2, 3, 4])))).toThrow(/deflate|ends early/);
    // One sample announced, its time there, its mask missing.
    expect(() => decodePoses(base64(deflateSync(new Uint8Array([1, 5]))))).toThrow(/ends early/);
    expect(() => decodePoses(base64(deflateSync(new Uint8Array([1, 5, 9]))))).toThrow(/track that does not exist/);
    expect(() => decodePoses(base64(deflateSync(new Uint8Array([1, 5, 0, 0]))))).toThrow(/1 bytes after the last sample/);
    // More samples than allowed, announced in the count.
    const count = maxPoseSamples + 1;
    const varint = [(count & 0x7f) | 0x80, ((count >> 7) & 0x7f) | 0x80, count >> 14];
    expect(() => decodePoses(base64(deflateSync(new Uint8Array(varint))))).toThrow(/at most 100000/);
    // A small upload that would unpack into gigabytes stops at the bound.
    expect(() => decodePoses(base64(deflateSync(new Uint8Array(10_000_000))))).toThrow(/unpacks to more than/);
  });
});
