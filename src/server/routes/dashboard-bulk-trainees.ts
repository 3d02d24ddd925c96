import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';
import { humanCode } from '../auth/secrets';
import { trainerGuard, trainerOf } from '../auth/trainer-guard';
import { issueJoinCode } from '../auth/trainee-tokens';
import { invalidBody } from './invalid-body';

/** A class, not a school: more at once is a typo (1200 for 12). */
export const bulkTraineeLimit = 60;
const idParams = z.strictObject({ id: z.uuid({ message: 'must be an id from this API' }) });
const bulkBody = z.union(
  [
    z.strictObject({ count: z.int().min(1).max(bulkTraineeLimit, `must be at most ${bulkTraineeLimit} trainees at once`) }),
    z.strictObject({
      aliases: z
        .array(z.string().trim().min(1, 'an alias must not be empty').max(60, 'an alias must be at most 60 characters'))
        .min(1, 'must name at least one trainee')
        .max(bulkTraineeLimit, `must be at most ${bulkTraineeLimit} trainees at once`),
    }),
  ],
  { error: 'send either { "count": n } or { "aliases": ["…", …] }' },
);

/**
 * POST /api/groups/:id/trainees/bulk: a whole class at once (issue 27), each with a join code, in
 * one transaction: the answer is the list the dashboard prints as one QR sheet.
 */
export async function dashboardBulkTraineeRoutes(app: FastifyInstance, opts: { db: Kysely<Database>; now: () => Date }) {
  const { db, now } = opts;
  const guard = trainerGuard(db, now);

  app.post('/api/groups/:id/trainees/bulk', { preHandler: guard }, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const parsed = bulkBody.safeParse(request.body);
    if (!parsed.success) return invalidBody(reply, parsed.error);
    const org = trainerOf(request).trainer.organisationId;
    const group = await db.selectFrom('groups').select('id').where('id', '=', params.data.id).where('organisation_id', '=', org).executeTakeFirst();
    if (!group) return reply.code(404).send({ error: 'not-found', message: 'no such group in your organisation' });
    const aliases: (string | null)[] = 'aliases' in parsed.data ? parsed.data.aliases : Array.from({ length: parsed.data.count }, () => null);
    const at = now();
    const made = await db.transaction().execute(async (tx) => {
      const out = [];
      for (const alias of aliases) {
        const trainee = { id: randomUUID(), organisation_id: org, group_id: group.id, code: `${humanCode(4)}-${humanCode(2)}`, alias, created_at: at.toISOString() };
        await tx.insertInto('trainees').values(trainee).execute();
        const join = await issueJoinCode(tx, trainee.id, at);
        out.push({ id: trainee.id, code: trainee.code, alias: trainee.alias, ...join });
      }
      return out;
    });
    return reply.code(201).send({ trainees: made });
  });
}
