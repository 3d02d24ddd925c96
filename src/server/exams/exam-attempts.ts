import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../db/schema';
import type { ExamAttemptsTable } from '../db/schema-exam-attempts';
import { clockSkewMs } from '../auth/upload-identity';
import type { ExamFlag } from '../../shared/exam-flag';

/**
 * An attempt is valid for two hours from its issue: longer than any station's exam, short enough
 * that a result arriving after it (a headset that went offline) is flagged `late` for the trainer.
 */
export const examAttemptLifetimeMs = 2 * 60 * 60 * 1000;

/** Open (unused, unexpired) attempts one trainee may hold at once: bounds what a token can make the server store. */
export const maxOpenAttempts = 20;

export type ExamAttempt = Selectable<ExamAttemptsTable>;

export type IssueResult = { ok: true; attempt: ExamAttempt } | { ok: false; status: number; error: string; message: string };

/** A new attempt for one trainee and station; the caller has checked that the exam is unlocked. */
export async function issueExamAttempt(db: Kysely<Database>, who: { traineeId: string; organisationId: string }, scenarioId: string, now: Date): Promise<IssueResult> {
  const open = await db
    .selectFrom('exam_attempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('trainee_id', '=', who.traineeId)
    .where('session_id', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirstOrThrow();
  if (Number(open.n) >= maxOpenAttempts) {
    return { ok: false, status: 429, error: 'too-many-open-attempts', message: `this trainee already holds ${maxOpenAttempts} unused exam attempts; finish one or wait until they expire` };
  }
  const attempt: ExamAttempt = {
    id: randomUUID(),
    trainee_id: who.traineeId,
    organisation_id: who.organisationId,
    scenario_id: scenarioId,
    issued_at: now.toISOString(),
    expires_at: new Date(now.getTime() + examAttemptLifetimeMs).toISOString(),
    session_id: null,
    bound_at: null,
    flags_json: null,
  };
  await db.insertInto('exam_attempts').values(attempt).execute();
  return { ok: true, attempt };
}

export type ClaimResult = { ok: true; attempt: ExamAttempt } | { ok: false; status: number; error: string; message: string };

/**
 * Binds an attempt to the one session played under it: the first upload binds, a retry of that
 * session finds it bound to itself, any other session is refused. The UPDATE's `session_id IS
 * NULL` decides between two sessions racing for one attempt; the unique index on session_id
 * keeps one session from two attempts.
 */
export async function claimExamAttempt(db: Kysely<Database>, attemptId: string, upload: { traineeId: string; scenarioId: string; sessionId: string }, now: Date): Promise<ClaimResult> {
  const find = () => db.selectFrom('exam_attempts').selectAll().where('id', '=', attemptId).executeTakeFirst();
  const attempt = await find();
  if (!attempt || attempt.trainee_id !== upload.traineeId) {
    return { ok: false, status: 403, error: 'exam-attempt-unknown', message: 'this exam attempt was not issued to this trainee; start the exam again while online' };
  }
  if (attempt.scenario_id !== upload.scenarioId) {
    return { ok: false, status: 403, error: 'exam-attempt-other-station', message: `this exam attempt was issued for ${attempt.scenario_id}, not ${upload.scenarioId}` };
  }
  const used = (a: ExamAttempt): ClaimResult =>
    a.session_id === upload.sessionId ? { ok: true, attempt: a } : { ok: false, status: 409, error: 'exam-attempt-used', message: 'this exam attempt was already used by another session; an exam attempt counts once' };
  if (attempt.session_id !== null) return used(attempt);
  const other = await db.selectFrom('exam_attempts').select('id').where('session_id', '=', upload.sessionId).executeTakeFirst();
  if (other) return { ok: false, status: 409, error: 'exam-attempt-used', message: 'this session was already sent under another exam attempt' };
  const updated = await db.updateTable('exam_attempts').set({ session_id: upload.sessionId, bound_at: now.toISOString() }).where('id', '=', attemptId).where('session_id', 'is', null).executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 1) return { ok: true, attempt: { ...attempt, session_id: upload.sessionId, bound_at: now.toISOString() } };
  // Another upload bound it between our read and our write.
  return used((await find())!);
}

/** What the server knows of an attempt's timing, beside what the log shows (exam-plausibility.ts). */
export function attemptTimingFlags(attempt: ExamAttempt, startedAt: string, receivedAt: Date): ExamFlag[] {
  const flags: ExamFlag[] = [];
  if (receivedAt.getTime() > Date.parse(attempt.expires_at)) flags.push({ kind: 'late', expiresAt: attempt.expires_at });
  if (Date.parse(startedAt) < Date.parse(attempt.issued_at) - clockSkewMs) flags.push({ kind: 'started-before-attempt', issuedAt: attempt.issued_at });
  return flags;
}

/** Stores the flags of the session now stored under this attempt ([] when nothing is odd). */
export async function saveExamFlags(db: Kysely<Database>, attemptId: string, flags: readonly ExamFlag[]): Promise<void> {
  await db.updateTable('exam_attempts').set({ flags_json: JSON.stringify(flags) }).where('id', '=', attemptId).execute();
}
