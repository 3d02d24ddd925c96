import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';
import { trainerGuard, trainerOf } from '../auth/trainer-guard';
import { countrySchema } from '../organisations';
import { invalidBody } from './invalid-body';

const settingsBody = z.strictObject({ country: countrySchema });

/**
 * GET/PUT /api/organisation: the trainer's own organisation and its settings (issue 6: the country,
 * whose legal limits decide which food station its trainees see). Every trainer may read it, only
 * an admin may change it; there is no organisation id in the URL, so no other one can be named.
 */
export async function organisationSettingsRoutes(app: FastifyInstance, opts: { db: Kysely<Database>; now: () => Date }) {
  const { db, now } = opts;
  const guard = trainerGuard(db, now);
  const read = (org: string) => db.selectFrom('organisations').select(['id', 'name', 'country']).where('id', '=', org).executeTakeFirstOrThrow();

  app.get('/api/organisation', { preHandler: guard }, async (request) => read(trainerOf(request).trainer.organisationId));

  app.put('/api/organisation', { preHandler: guard }, async (request, reply) => {
    const { trainer } = trainerOf(request);
    if (trainer.role !== 'admin') return reply.code(403).send({ error: 'admin-only', message: 'only an organisation admin may change its settings' });
    const parsed = settingsBody.safeParse(request.body);
    if (!parsed.success) return invalidBody(reply, parsed.error);
    await db.updateTable('organisations').set({ country: parsed.data.country }).where('id', '=', trainer.organisationId).execute();
    return read(trainer.organisationId);
  });
}
