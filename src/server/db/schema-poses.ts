/** A session's recorded head and hands (migration-session-poses.ts, docs/api.md "Poses"). */
export interface SessionPosesTable {
  session_id: string;
  /** sha-256 of the station layout the session was played on, as the headset sent it; null: drawn by hand. */
  layout_hash: string | null;
  hz: number;
  sample_count: number;
  /** The packed samples exactly as sent (base64 of deflated varints, src/engine/pose-codec.ts). */
  data: string;
  /** When the session arrived: poses are purged POSE_RETENTION_DAYS after it (retention.ts). */
  received_at: string;
}

export interface PoseTables {
  session_poses: SessionPosesTable;
}
