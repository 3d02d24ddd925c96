/** A session record's poses as sent (docs/api.md, "Poses"; src/engine/pose-codec.ts packs `data`). */
export interface PosesRecord {
  layoutHash: string | null;
  hz: number;
  data: string;
}

type Recent = (windowMs: number, hz: number) => Omit<PosesRecord, 'layoutHash'> | null;

const takers = new Map<string, () => Omit<PosesRecord, 'layoutHash'> | null>();
/** The attempt being recorded, and its last poses packed for the live 3D view (src/results/progress-runtime.ts). */
let live: { sessionId: string; recent: Recent } | null = null;

/**
 * Where the session record finds an attempt's poses. The recorder (src/play/pose-recorder.tsx, with
 * the codec and its deflate) loads after the first frame and registers here; this module is all the
 * upload needs, so none of that code is in the first frame's JavaScript. An attempt whose recorder
 * never ran is sent without poses.
 */
export const poseTakes = {
  register(sessionId: string, take: () => Omit<PosesRecord, 'layoutHash'> | null, recent?: Recent): void {
    takers.set(sessionId, take);
    live = recent ? { sessionId, recent } : null;
  },
  /** The attempt's poses of the last `windowMs` at about `hz`, packed; null when it is not being recorded. */
  recent(sessionId: string, windowMs: number, hz: number): Omit<PosesRecord, 'layoutHash'> | null {
    return live && live.sessionId === sessionId ? live.recent(windowMs, hz) : null;
  },
  /** The attempt's poses, packed once, with the layout it was played on; forgotten here after (the record keeps them). */
  take(sessionId: string, layoutHash: string | null): PosesRecord | null {
    const take = takers.get(sessionId);
    takers.delete(sessionId);
    const poses = take ? take() : null;
    return poses ? { layoutHash, ...poses } : null;
  },
};
