import { describe, expect, test } from 'vitest';
import { encodePoses } from '../../src/engine/pose-codec';
import { posesSchema } from '../../src/server/poses-body';
import { workstationTrace } from '../../bench/support/pose-trace';

const base64Chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

describe('posesSchema (the upload check of poses, base64 decoded natively when it can be)', () => {
  test('a headset’s base64 and the same bytes with padding bits set (which Buffer would not give back) are read alike', () => {
    let data = encodePoses(workstationTrace(0.3));
    // Make the text end in one "=": its last character before it then carries 2 unused bits.
    for (let n = 1; !/[^=]=$/.test(data); n++) data = encodePoses(workstationTrace(0.3).slice(n));
    const last = data.at(-2)!;
    const withBits = `${data.slice(0, -2)}${base64Chars[base64Chars.indexOf(last) | 1]}=`;
    expect(withBits).not.toBe(data);
    // The native decoder does not vouch for it (its bytes encode back to the plain text): the codec's own check reads it.
    expect(Buffer.from(withBits, 'base64').toString('base64')).toBe(data);
    const plain = posesSchema.safeParse({ layoutHash: null, hz: 10, data });
    const bits = posesSchema.safeParse({ layoutHash: null, hz: 10, data: withBits });
    expect(plain.success && bits.success).toBe(true);
    expect(bits.data?.count).toBe(plain.data?.count);
    expect(bits.data?.lastMs).toBe(plain.data?.lastMs);
    // Stored as sent.
    expect(bits.data?.data).toBe(withBits);
  });

  test('text Buffer would half-read (a stray character, the URL-safe alphabet, no padding) is refused in the codec’s words', () => {
    const data = encodePoses(workstationTrace(0.3));
    for (const broken of [`${data.slice(0, 8)}!${data.slice(9)}`, data.replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, ''), `${data} `]) {
      if (broken === data) continue;
      const r = posesSchema.safeParse({ layoutHash: null, hz: 10, data: broken });
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]).toMatchObject({ path: ['data'], message: expect.stringMatching(/is not base64/) });
    }
  });
});
