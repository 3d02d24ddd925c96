import { z } from 'zod';
import { decodePoses, maxPoseSamples } from '../engine/pose-codec';

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
    layoutHash: z.string().regex(/^[0-9a-f]{64}$/, 'must be the 64-character hex content hash of the station layout (layout.json)'),
    hz: z.number().int().min(1).max(30),
    data: z.string().min(1).max(maxPoseDataChars, `at most ${maxPoseDataChars.toLocaleString('en')} characters of base64`),
  })
  .transform((poses, ctx) => {
    try {
      const samples = decodePoses(poses.data);
      if (samples.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['data'], message: 'holds no samples; leave poses out instead' });
        return z.NEVER;
      }
      return { ...poses, count: samples.length, lastMs: samples[samples.length - 1]!.t };
    } catch (error) {
      ctx.addIssue({ code: 'custom', path: ['data'], message: error instanceof Error ? error.message : String(error) });
      return z.NEVER;
    }
  });

export type PosesBody = z.infer<typeof posesSchema>;
export { maxPoseSamples };
