import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';
import { emailSchema } from '../organisations';
import { hashPassword } from '../auth/password';
import { passwordProblem } from '../auth/password-policy';
import { trainerGuard, trainerOf } from '../auth/trainer-guard';
import { invalidBody } from './invalid-body';
import { passwordRefused } from './password-refused';

const trainerBody = z.strictObject({
  email: emailSchema,
  password: z.string().max(200, 'must be at most 200 characters'),
  role: z.enum(['admin', 'trainer']).default('trainer'),
});
const idParams = z.strictObject({ id: z.uuid({ message: 'must be a trainer id' }) });

function adminOnly(request: FastifyRequest, reply: FastifyReply) {
  if (trainerOf(request).trainer.role === 'admin') return null;
  return reply.code(403).send({ error: 'admin-only', message: 'only an organisation admin may add or remove trainers' });
}

/** GET/POST /api/trainers, DELETE /api/trainers/:id: an organisation admin manages its trainers. */
export async function dashboardTrainerRoutes(app: FastifyInstance, opts: { db: Kysely<Database>; now: () => Date }) {
  const { db, now } = opts;
  const guard = trainerGuard(db, now);

  app.get('/api/trainers', { preHandler: guard }, async (request) => {
    const org = trainerOf(request).trainer.organisationId;
    const rows = await db.selectFrom('trainers').select(['id', 'email', 'role', 'created_at']).where('organisation_id', '=', org).orderBy('email').execute();
    return { trainers: rows.map((r) => ({ id: r.id, email: r.email, role: r.role, createdAt: r.created_at })) };
  });

  app.post('/api/trainers', { preHandler: guard }, async (request, reply) => {
    if (adminOnly(request, reply)) return reply;
    const parsed = trainerBody.safeParse(request.body);
    if (!parsed.success) return invalidBody(reply, parsed.error);
    const problem = await passwordProblem(parsed.data.password, { email: parsed.data.email, organisationName: trainerOf(request).trainer.organisationName });
    if (problem) return passwordRefused(reply, 'password', problem);
    const organisationId = trainerOf(request).trainer.organisationId;
    // Only this organisation's accounts are looked at: whether the address has an account in another
    // organisation never changes the answer (issue 18 item 10; each organisation's account is its own).
    const taken = await db.selectFrom('trainers').select('id').where('organisation_id', '=', organisationId).where('email', '=', parsed.data.email).executeTakeFirst();
    if (taken) return reply.code(409).send({ error: 'email-in-organisation', message: `${parsed.data.email} already has an account in your organisation` });
    const row = {
      id: randomUUID(),
      organisation_id: organisationId,
      email: parsed.data.email,
      password_hash: await hashPassword(parsed.data.password),
      role: parsed.data.role,
      created_at: now().toISOString(),
    };
    try {
      await db.insertInto('trainers').values(row).execute();
    } catch (error) {
      // Two admins adding the same address at once: the second meets the per-organisation constraint.
      if (await db.selectFrom('trainers').select('id').where('organisation_id', '=', organisationId).where('email', '=', row.email).executeTakeFirst()) {
        return reply.code(409).send({ error: 'email-in-organisation', message: `${row.email} already has an account in your organisation` });
      }
      throw error;
    }
    return reply.code(201).send({ id: row.id, email: row.email, role: row.role, createdAt: row.created_at });
  });

  app.delete('/api/trainers/:id', { preHandler: guard }, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    if (adminOnly(request, reply)) return reply;
    const me = trainerOf(request).trainer;
    const target = await db.selectFrom('trainers').select(['id']).where('id', '=', params.data.id).where('organisation_id', '=', me.organisationId).executeTakeFirst();
    if (!target) return reply.code(404).send({ error: 'not-found', message: 'no such trainer in your organisation' });
    // An organisation without an admin could never add a trainer again.
    if (target.id === me.id) return reply.code(409).send({ error: 'cannot-remove-self', message: 'you cannot remove your own account; another admin can' });
    await db.deleteFrom('trainer_sessions').where('trainer_id', '=', target.id).execute();
    await db.deleteFrom('trainers').where('id', '=', target.id).execute();
    return reply.code(204).send();
  });
}
