import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';
import { bearerToken, noteTokenUse, traineeForToken } from '../auth/trainee-tokens';
import { trainerGuard, trainerOf } from '../auth/trainer-guard';
import { examRefusal } from '../dashboard/assignments';
import { examAttemptLifetimeMs, issueExamAttempt } from '../exams/exam-attempts';
import type { ExamFlag } from '../../shared/exam-flag';
import { invalidBody } from './invalid-body';

const attemptBody = z.strictObject({ scenarioId: z.string().min(1).max(120) });
const flagsQuery = z.strictObject({
  sessions: z
    .string()
    .transform((v) => v.split(',').filter((s) => s !== ''))
    .pipe(z.array(z.uuid({ message: 'must be session ids from this API, comma-separated' })).min(1).max(200, 'at most 200 sessions at once')),
});

/**
 * Server-issued exam attempts (issue 18, item 2; docs/exams.md). A headset asks for one when the
 * trainee starts an exam (so an exam needs the server), and sends its id with the result. The
 * trainer's side reads each exam's attempt and flags.
 */
export async function examAttemptRoutes(app: FastifyInstance, opts: { db: Kysely<Database>; now: () => Date; versions?: Readonly<Record<string, number>> }) {
  const { db, now } = opts;
  const guard = trainerGuard(db, now);

  app.post('/api/exam-attempts', async (request, reply) => {
    const token = bearerToken(request.headers.authorization);
    const trainee = token ? await traineeForToken(db, token) : null;
    if (!trainee || Date.parse(trainee.expiresAt) < now().getTime()) {
      return reply.code(401).send({ error: 'trainee-token-invalid', message: 'an exam needs a joined trainee: send "Authorization: Bearer <trainee token>" of an unexpired token' });
    }
    const parsed = attemptBody.safeParse(request.body);
    if (!parsed.success) return invalidBody(reply, parsed.error);
    await noteTokenUse(db, trainee, now());
    const refusal = await examRefusal(db, trainee.traineeId, parsed.data.scenarioId, opts.versions);
    if (refusal) {
      request.log.warn({ event: 'exam-attempt-refused', traineeId: trainee.traineeId, scenarioId: parsed.data.scenarioId, reason: 'exam-not-unlocked' }, 'exam attempt refused');
      return reply.code(403).send({ error: 'exam-not-unlocked', message: refusal });
    }
    const issued = await issueExamAttempt(db, trainee, parsed.data.scenarioId, now());
    if (!issued.ok) {
      request.log.warn({ event: 'exam-attempt-refused', traineeId: trainee.traineeId, scenarioId: parsed.data.scenarioId, reason: issued.error }, 'exam attempt refused');
      return reply.code(issued.status).send({ error: issued.error, message: issued.message });
    }
    const a = issued.attempt;
    return reply.code(201).send({ attemptId: a.id, scenarioId: a.scenario_id, issuedAt: a.issued_at, expiresAt: a.expires_at, validForMs: examAttemptLifetimeMs });
  });

  // The exam attempts behind sessions of the trainer's organisation, for the session list and detail.
  app.get('/api/dashboard/exam-attempts', { preHandler: guard }, async (request, reply) => {
    const parsed = flagsQuery.safeParse(request.query);
    if (!parsed.success) return invalidBody(reply, parsed.error);
    const org = trainerOf(request).trainer.organisationId;
    const wanted = [...new Set(parsed.data.sessions.map((s) => s.toLowerCase()))];
    // Asked only about the organisation's own sessions: another's id is "not found", as everywhere.
    const own = await db.selectFrom('sessions').select('id').where('organisation_id', '=', org).where('id', 'in', wanted).execute();
    if (own.length < wanted.length) return reply.code(404).send({ error: 'not-found', message: 'no such session in your organisation' });
    const rows = await db
      .selectFrom('exam_attempts')
      .select(['id', 'session_id', 'issued_at', 'expires_at', 'bound_at', 'flags_json'])
      .where('organisation_id', '=', org)
      .where('session_id', 'in', wanted)
      .execute();
    return {
      attempts: rows.map((r) => ({
        sessionId: r.session_id,
        attemptId: r.id,
        issuedAt: r.issued_at,
        expiresAt: r.expires_at,
        receivedAt: r.bound_at,
        flags: r.flags_json ? (JSON.parse(r.flags_json) as ExamFlag[]) : [],
      })),
    };
  });
}
