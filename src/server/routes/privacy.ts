import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';
import { trainerGuard, trainerOf } from '../auth/trainer-guard';
import { invalidBody } from './invalid-body';
import { storedLog } from '../db/stored-session';

const idParams = z.strictObject({ id: z.uuid({ message: 'must be a trainee id from this API' }) });
const notFound = { error: 'not-found', message: 'no such trainee in your organisation' };

const count = (r: { numDeletedRows: bigint }[]) => r.reduce((n, x) => n + Number(x.numDeletedRows), 0);

/**
 * A trainee's data on request (GDPR access and erasure), for trainers of the trainee's own
 * organisation: everything stored about the trainee as one JSON file, and an erase that deletes
 * every row, the sessions' idempotency hashes with them. Secrets are exported by their dates only:
 * their hashes open nothing and are no information about the person.
 */
export async function privacyRoutes(app: FastifyInstance, opts: { db: Kysely<Database>; readDb?: Kysely<Database>; now: () => Date }) {
  const { db, now } = opts;
  const guard = trainerGuard(db, now);
  // The export reads every event log of the trainee: on SQLite on a reader thread, not the one answering uploads.
  const read = opts.readDb ?? db;

  app.get('/api/trainees/:id/export', { preHandler: guard }, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const org = trainerOf(request).trainer.organisationId;
    const trainee = await read
      .selectFrom('trainees as t')
      .innerJoin('groups as g', 'g.id', 't.group_id')
      .innerJoin('organisations as o', 'o.id', 't.organisation_id')
      .select(['t.id', 't.code', 't.alias', 't.created_at', 'g.id as group_id', 'g.name as group_name', 'o.id as organisation_id', 'o.name as organisation_name'])
      .where('t.id', '=', params.data.id)
      .where('t.organisation_id', '=', org)
      .executeTakeFirst();
    if (!trainee) return reply.code(404).send(notFound);
    const [joinCodes, tokens, sessions, examAttempts, passportCredentials, passportName, masteries, overrides, poses] = await Promise.all([
      read.selectFrom('join_codes').select(['created_at', 'expires_at']).where('trainee_id', '=', trainee.id).orderBy('created_at').execute(),
      read.selectFrom('trainee_tokens').select(['created_at', 'expires_at', 'last_used_at', 'revoked_at']).where('trainee_id', '=', trainee.id).orderBy('created_at').execute(),
      read
        .selectFrom('sessions as s')
        .selectAll('s')
        .select((eb) => [storedLog(eb, 'events_json', 'events'), storedLog(eb, 'result_json', 'result')])
        .where('s.trainee_id', '=', trainee.id)
        .where('s.organisation_id', '=', org)
        .orderBy('s.received_at')
        .orderBy('s.id')
        .execute(),
      read.selectFrom('exam_attempts').selectAll().where('trainee_id', '=', trainee.id).orderBy('issued_at').execute(),
      // The skills passport (docs/passport.md): each credential as signed, with its revocation.
      read.selectFrom('passport_credentials').selectAll().where('trainee_id', '=', trainee.id).orderBy('achieved_at').execute(),
      read.selectFrom('passport_subjects').select(['name', 'consent_at']).where('trainee_id', '=', trainee.id).executeTakeFirst(),
      // Learning paths: the modules mastered and the trainers' opens and locks by hand.
      read.selectFrom('module_masteries').select(['scenario_id', 'version', 'mastered_at', 'session_id']).where('trainee_id', '=', trainee.id).orderBy('mastered_at').execute(),
      read.selectFrom('module_overrides').select(['scenario_id', 'what', 'open', 'at']).where('trainee_id', '=', trainee.id).orderBy('at').execute(),
      // Head and hands (issue 28), as the headset sent them: docs/api.md "Poses" says how to unpack them.
      read
        .selectFrom('session_poses as p')
        .innerJoin('sessions as s', 's.id', 'p.session_id')
        .select(['p.session_id', 'p.layout_hash', 'p.hz', 'p.sample_count', 'p.data'])
        .where('s.trainee_id', '=', trainee.id)
        .where('s.organisation_id', '=', org)
        .execute(),
    ]);
    const posesOf = new Map(poses.map((p) => [p.session_id, { layoutHash: p.layout_hash, hz: Number(p.hz), samples: Number(p.sample_count), data: p.data }]));
    reply.header('content-disposition', `attachment; filename="werkvloer-trainee-${trainee.code}.json"`);
    return {
      exportedAt: now().toISOString(),
      organisation: { id: trainee.organisation_id, name: trainee.organisation_name },
      trainee: { id: trainee.id, code: trainee.code, alias: trainee.alias, createdAt: trainee.created_at, group: { id: trainee.group_id, name: trainee.group_name } },
      joinCodes: joinCodes.map((j) => ({ createdAt: j.created_at, expiresAt: j.expires_at })),
      tokens: tokens.map((k) => ({ createdAt: k.created_at, expiresAt: k.expires_at, lastUsedAt: k.last_used_at, revokedAt: k.revoked_at })),
      passport: {
        name: passportName ? { name: passportName.name, consentAt: passportName.consent_at } : null,
        credentials: passportCredentials.map((c) => ({ id: c.id, moduleId: c.module_id, sessionId: c.session_id, state: c.state, achievedAt: c.achieved_at, issuedAt: c.issued_at, validUntil: c.valid_until, revokedAt: c.revoked_at, revokedReason: c.revoked_reason, credential: c.credential_json ? (JSON.parse(c.credential_json) as unknown) : null })),
      },
      learningPath: {
        masteries: masteries.map((m) => ({ scenarioId: m.scenario_id, version: Number(m.version), masteredAt: m.mastered_at, sessionId: m.session_id })),
        overrides: overrides.map((o) => ({ scenarioId: o.scenario_id, what: o.what, open: Number(o.open) === 1, at: o.at })),
      },
      examAttempts: examAttempts.map((x) => ({ id: x.id, scenarioId: x.scenario_id, issuedAt: x.issued_at, expiresAt: x.expires_at, sessionId: x.session_id, flags: x.flags_json ? (JSON.parse(x.flags_json) as unknown) : null })),
      sessions: sessions.map((s) => ({
        id: s.id,
        scenarioId: s.scenario_id,
        scenarioVersion: s.scenario_version,
        scenarioHash: s.scenario_hash,
        mode: s.mode,
        device: s.device,
        language: s.language,
        startedAt: s.started_at,
        endedAt: s.ended_at,
        durationMs: s.duration_ms,
        receivedAt: s.received_at,
        clientScore: s.client_score,
        score: s.score,
        passed: s.passed === 1,
        scoreMismatch: s.score_mismatch === 1,
        contentHash: s.content_hash,
        events: JSON.parse(s.events) as unknown,
        result: JSON.parse(s.result) as unknown,
        poses: posesOf.get(s.id) ?? null,
      })),
    };
  });

  app.delete('/api/trainees/:id', { preHandler: guard }, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const org = trainerOf(request).trainer.organisationId;
    const erased = await db.transaction().execute(async (tx) => {
      const trainee = await tx.selectFrom('trainees').select('id').where('id', '=', params.data.id).where('organisation_id', '=', org).executeTakeFirst();
      if (!trainee) return null;
      // Sessions first (their rows are the idempotency data too), then the secrets, then the trainee.
      const sessions = count(await tx.deleteFrom('sessions').where('trainee_id', '=', trainee.id).execute());
      // Their event logs and step outcomes go with the sessions (foreign keys); the per-step totals are the trainee's too.
      await tx.deleteFrom('step_totals').where('trainee_id', '=', trainee.id).execute();
      await tx.deleteFrom('station_totals').where('trainee_id', '=', trainee.id).execute();
      await tx.deleteFrom('module_masteries').where('trainee_id', '=', trainee.id).execute();
      await tx.deleteFrom('module_overrides').where('trainee_id', '=', trainee.id).execute();
      const tokens = count(await tx.deleteFrom('trainee_tokens').where('trainee_id', '=', trainee.id).execute());
      const joinCodes = count(await tx.deleteFrom('join_codes').where('trainee_id', '=', trainee.id).execute());
      await tx.deleteFrom('trainees').where('id', '=', trainee.id).where('organisation_id', '=', org).execute();
      return { sessions, tokens, joinCodes };
    });
    if (!erased) return reply.code(404).send(notFound);
    // Passport credentials: revoked through their status bits (copies elsewhere then verify as revoked), rows deleted.
    const credentials = app.hasDecorator('passport') ? await app.passport.eraseTrainee(params.data.id) : 0;
    return reply.code(200).send({ erased: { trainee: params.data.id, ...erased, credentials } });
  });
}
