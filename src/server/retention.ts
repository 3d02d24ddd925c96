import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import { absoluteTimeoutMs, idleTimeoutMs } from './auth/trainer-sessions';

const dayMs = 24 * 60 * 60 * 1000;

export interface PurgeCounts {
  sessions: number;
  traineeTokens: number;
  joinCodes: number;
  trainerSessions: number;
  examAttempts: number;
  /** Sessions whose head-and-hands poses were deleted (the session itself stays until RETENTION_DAYS). */
  poses: number;
}

const count = (r: { numDeletedRows: bigint }[]) => r.reduce((n, x) => n + Number(x.numDeletedRows), 0);

/**
 * The retention job: sessions are deleted `retentionDays` after they arrived (RETENTION_DAYS; null
 * keeps them), their poses after `poseRetentionDays` (POSE_RETENTION_DAYS) or with the session if sooner, and secrets that can no longer be used are deleted once they are dead: trainer
 * sessions past a timeout, join codes past their date, trainee tokens that expired more than the
 * retention period ago (until then a late upload made before the expiry is still accepted), and
 * server-issued exam attempts issued before the retention period (their sessions are gone by then).
 * The clock is injected: tests move it, the server passes the real one.
 */
export async function purgeExpired(db: Kysely<Database>, opts: { retentionDays: number | null; poseRetentionDays?: number | null; now: Date }): Promise<PurgeCounts> {
  const now = opts.now.getTime();
  const iso = (ms: number) => new Date(ms).toISOString();
  return db.transaction().execute(async (tx) => {
    let sessions = 0;
    let traineeTokens = 0;
    let examAttempts = 0;
    if (opts.retentionDays !== null) {
      const cutoff = iso(now - opts.retentionDays * dayMs);
      sessions = count(await tx.deleteFrom('sessions').where('received_at', '<', cutoff).execute());
      traineeTokens = count(await tx.deleteFrom('trainee_tokens').where('expires_at', '<', cutoff).execute());
      examAttempts = count(await tx.deleteFrom('exam_attempts').where('issued_at', '<', cutoff).execute());
    }
    // Motion can identify a person: poses go after POSE_RETENTION_DAYS, and never outlive their session.
    const poseDays = [opts.poseRetentionDays ?? null, opts.retentionDays].filter((d): d is number => d !== null);
    const poses = poseDays.length > 0 ? count(await tx.deleteFrom('session_poses').where('received_at', '<', iso(now - Math.min(...poseDays) * dayMs)).execute()) : 0;
    const joinCodes = count(await tx.deleteFrom('join_codes').where('expires_at', '<', iso(now)).execute());
    const trainerSessions = count(
      await tx
        .deleteFrom('trainer_sessions')
        .where((eb) => eb.or([eb('created_at', '<', iso(now - absoluteTimeoutMs)), eb('last_seen_at', '<', iso(now - idleTimeoutMs))]))
        .execute(),
    );
    return { sessions, traineeTokens, joinCodes, trainerSessions, examAttempts, poses };
  });
}
