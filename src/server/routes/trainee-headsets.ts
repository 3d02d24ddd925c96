import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';
import { trainerGuard, trainerOf } from '../auth/trainer-guard';
import { lateUploadDelayMs } from '../auth/upload-identity';
import { invalidBody } from './invalid-body';

/**
 * A headset is named by the first 16 hex digits of its token's hash: enough to tell a trainee's
 * few headsets apart, and useless for signing in (the token itself is never stored).
 */
const headsetIdLength = 16;
const traineeParams = z.strictObject({ id: z.uuid({ message: 'must be an id from this API' }) });
const headsetParams = z.strictObject({
  id: z.uuid({ message: 'must be an id from this API' }),
  headset: z.string().regex(/^[0-9a-f]{16}$/, 'must be a headset id from GET /api/trainees/:id/headsets'),
});

/**
 * The headsets (tokens) a trainee joined on, and revoking one of them (issue 18, item 9): a lost or
 * shared headset stops uploading and reading assignments for that trainee; the others go on.
 */
export async function traineeHeadsetRoutes(app: FastifyInstance, opts: { db: Kysely<Database>; now: () => Date }) {
  const { db, now } = opts;
  const guard = trainerGuard(db, now);
  const traineeOf = (id: string, org: string) => db.selectFrom('trainees').select('id').where('id', '=', id).where('organisation_id', '=', org).executeTakeFirst();

  app.get('/api/trainees/:id/headsets', { preHandler: guard }, async (request, reply) => {
    const params = traineeParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const trainee = await traineeOf(params.data.id, trainerOf(request).trainer.organisationId);
    if (!trainee) return reply.code(404).send({ error: 'not-found', message: 'no such trainee in your organisation' });
    const rows = await db
      .selectFrom('trainee_tokens')
      .select(['token_hash', 'created_at', 'expires_at', 'last_used_at', 'revoked_at'])
      .where('trainee_id', '=', trainee.id)
      .orderBy('created_at', 'desc')
      .execute();
    return {
      headsets: rows.map((r) => ({
        id: r.token_hash.slice(0, headsetIdLength),
        joinedAt: r.created_at,
        expiresAt: r.expires_at,
        // Sessions played before the expiry are still taken until then.
        uploadsUntil: new Date(Date.parse(r.expires_at) + lateUploadDelayMs).toISOString(),
        lastUsedAt: r.last_used_at,
        revokedAt: r.revoked_at,
      })),
    };
  });

  app.post('/api/trainees/:id/headsets/:headset/revoke', { preHandler: guard }, async (request, reply) => {
    const params = headsetParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const session = trainerOf(request);
    const trainee = await traineeOf(params.data.id, session.trainer.organisationId);
    if (!trainee) return reply.code(404).send({ error: 'not-found', message: 'no such trainee in your organisation' });
    const at = now().toISOString();
    const updated = await db
      .updateTable('trainee_tokens')
      .set({ revoked_at: at })
      .where('trainee_id', '=', trainee.id)
      .where('token_hash', 'like', `${params.data.headset}%`)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) {
      const already = await db.selectFrom('trainee_tokens').select('revoked_at').where('trainee_id', '=', trainee.id).where('token_hash', 'like', `${params.data.headset}%`).executeTakeFirst();
      if (!already) return reply.code(404).send({ error: 'not-found', message: 'no such headset for this trainee' });
      return { id: params.data.headset, revokedAt: already.revoked_at };
    }
    // For the security log (issue 18 item 5): who revoked which headset of whom; never the token.
    request.log.info({ event: 'trainee-token-revoked', trainerId: session.trainer.id, organisationId: session.trainer.organisationId, traineeId: trainee.id, headset: params.data.headset }, 'trainee headset revoked');
    return { id: params.data.headset, revokedAt: at };
  });
}
