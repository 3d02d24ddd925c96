import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { ScoreResult } from '../../engine';
import type { Database } from '../db/schema';
import type { SessionBody } from '../session-body';
import { examRefusal } from '../dashboard/assignments';
import type { ModuleVersions } from '../trainee-path';
import { attemptTimingFlags, claimExamAttempt, saveExamFlags, type ExamAttempt } from './exam-attempts';
import { plausibilityFlags } from './exam-plausibility';

/** The attempt an exam upload was played under: a header, so the session record and its hash stay as they are. */
export const examAttemptHeader = 'x-exam-attempt';

const attemptId = z.uuid({ message: 'must be the attemptId POST /api/exam-attempts gave' });

export type ExamGate = { ok: true; attempt: ExamAttempt } | { ok: false; status: number; error: string; message: string };

/**
 * Whether an exam upload may be stored: unlocked for this trainee and station, and played under a
 * server-issued attempt that no other session used (exam-attempts.ts). The caller answers a retry
 * of a stored session before any refusal.
 */
export async function examGate(db: Kysely<Database>, header: string | string[] | undefined, traineeId: string | null, body: Pick<SessionBody, 'id' | 'scenarioId'>, now: Date, versions?: ModuleVersions): Promise<ExamGate> {
  const refusal = await examRefusal(db, traineeId, body.scenarioId, versions);
  if (refusal || traineeId === null) return { ok: false, status: 403, error: 'exam-not-unlocked', message: refusal ?? 'an exam needs a trainee' };
  if (header === undefined) {
    return { ok: false, status: 403, error: 'exam-attempt-required', message: `an exam is stored only under an attempt the server issued when it started (POST /api/exam-attempts, then the ${examAttemptHeader} header)` };
  }
  const parsed = attemptId.safeParse(header);
  if (!parsed.success) return { ok: false, status: 400, error: 'invalid-request', message: `${examAttemptHeader}: ${parsed.error.issues[0]!.message}` };
  return claimExamAttempt(db, parsed.data.toLowerCase(), { traineeId, scenarioId: body.scenarioId, sessionId: body.id }, now);
}

/**
 * The flags of a newly stored exam, saved with its attempt and logged for the security log: the
 * score stands, the trainer sees why to look twice (docs/exams.md).
 */
export async function recordExamFlags(db: Kysely<Database>, log: FastifyBaseLogger, attempt: ExamAttempt, body: SessionBody, result: ScoreResult, receivedAt: Date): Promise<void> {
  const flags = [...attemptTimingFlags(attempt, body.startedAt, receivedAt), ...plausibilityFlags(body.events, body)];
  await saveExamFlags(db, attempt.id, flags);
  if (flags.length > 0) {
    log.warn({ event: 'exam-flagged', sessionId: body.id, attemptId: attempt.id, traineeId: attempt.trainee_id, scenarioId: body.scenarioId, score: result.total, flags: flags.map((f) => f.kind) }, 'exam flagged for the trainer');
  }
}
