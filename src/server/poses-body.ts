import { inflateRawSync } from 'node:zlib';
import { z } from 'zod';
import { maxPoseSamples, poseSummary, posesNotDeflate, posesTooLarge } from '../engine/pose-codec';

/** zlib's raw inflate, stopped at `max` bytes out (a small upload cannot unpack into a large one). */
function inflateNative(packed: Uint8Array, max: number): Uint8Array {
  try {
    return inflateRawSync(packed, { maxOutputLength: max });
  } catch (error) {
    throw new Error((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? posesTooLarge : posesNotDeflate);
  }
}

/**
 * Base64 decoded natively when the text is exactly what encoding its bytes gives (a headset's
 * always is): then it passes the codec's check too, with the same bytes. Anything else (padding
 * bits set, a stray character) is left to the codec's own check, which accepts or names it as before.
 */
function base64Native(text: string): Uint8Array | null {
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : null;
}

/** Base64 of at most `maxPoseSamples` deflated samples fits well inside this; the 2 MiB body limit still applies. */
export const maxPoseDataChars = 1_500_000;

/**
 * A session record's `poses` as sent (docs/api.md, "Poses"): the layout it was played on and the
 * packed samples (src/engine/pose-codec.ts). The data is unpacked once here so a broken or
 * oversized one is refused with what is wrong; it is stored as sent, with its sample count and
 * last time (for the session's time check) added on the way.
 */
export const posesSchema = z
  .strictObject({
    // null: a station drawn by hand (no layout.json) — the replay then cannot tell its version.
    layoutHash: z.string().regex(/^[0-9a-f]{64}$/, 'must be the 64-character hex content hash of the station layout (layout.json), or null').nullable(),
    hz: z.number().int().min(1).max(30),
    data: z.string().min(1).max(maxPoseDataChars, `at most ${maxPoseDataChars.toLocaleString('en')} characters of base64`),
  })
  .transform((poses, ctx) => {
    try {
      const { count, lastMs } = poseSummary(poses.data, inflateNative, base64Native);
      if (count === 0) {
        ctx.addIssue({ code: 'custom', path: ['data'], message: 'holds no samples; leave poses out instead' });
        return z.NEVER;
      }
      return { ...poses, count, lastMs };
    } catch (error) {
      ctx.addIssue({ code: 'custom', path: ['data'], message: error instanceof Error ? error.message : String(error) });
      return z.NEVER;
    }
  });

export type PosesBody = z.infer<typeof posesSchema>;
export { maxPoseSamples };
