/** A session record's poses as sent (docs/api.md, "Poses"; src/engine/pose-codec.ts packs `data`). */
export interface PosesRecord {
  layoutHash: string | null;
  hz: number;
  data: string;
}

const takers = new Map<string, () => PosesRecord | null>();

/**
 * Where the session record finds an attempt's poses. The recorder (src/play/pose-recorder.tsx, with
 * the codec and its deflate) loads after the first frame and registers here; this module is all the
 * upload needs, so none of that code is in the first frame's JavaScript. An attempt whose recorder
 * never ran is sent without poses.
 */
export const poseTakes = {
  register(sessionId: string, take: () => PosesRecord | null): void {
    takers.set(sessionId, take);
  },
  /** The attempt's poses, packed once; forgotten here after (the record keeps them). */
  take(sessionId: string): PosesRecord | null {
    const take = takers.get(sessionId);
    takers.delete(sessionId);
    return take ? take() : null;
  },
};
