/** A session record's poses as sent (docs/api.md, "Poses"; src/engine/pose-codec.ts packs `data`). */
export interface PosesRecord {
  layoutHash: string | null;
  hz: number;
  data: string;
}

const takers = new Map<string, () => Omit<PosesRecord, 'layoutHash'> | null>();

/**
 * Where the session record finds an attempt's poses. The recorder (src/play/pose-recorder.tsx, with
 * the codec and its deflate) loads after the first frame and registers here; this module is all the
 * upload needs, so none of that code is in the first frame's JavaScript. An attempt whose recorder
 * never ran is sent without poses.
 */
export const poseTakes = {
  register(sessionId: string, take: () => Omit<PosesRecord, 'layoutHash'> | null): void {
    takers.set(sessionId, take);
  },
  /** The attempt's poses, packed once, with the layout it was played on; forgotten here after (the record keeps them). */
  take(sessionId: string, layoutHash: string | null): PosesRecord | null {
    const take = takers.get(sessionId);
    takers.delete(sessionId);
    const poses = take ? take() : null;
    return poses ? { layoutHash, ...poses } : null;
  },
};
