import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';
import { humanCode } from '../auth/secrets';
import { trainerGuard, trainerOf } from '../auth/trainer-guard';
import { issueJoinCode } from '../auth/trainee-tokens';
import { invalidBody } from './invalid-body';

const groupBody = z.strictObject({ name: z.string().trim().min(1).max(80) });
const traineeBody = z.strictObject({ alias: z.string().trim().min(1).max(60).optional() });
const idParams = z.strictObject({ id: z.uuid({ message: 'must be an id from this API' }) });

const notFound = (what: string) => ({ error: 'not-found', message: `no such ${what} in your organisation` });

/**
 * The organisation's groups and pseudonymous trainees, and join codes for headsets. Every query
 * names the trainer's organisation: an id from another organisation is simply not found.
 */
export async function organisationRoutes(app: FastifyInstance, opts: { db: Kysely<Database>; now: () => Date }) {
  const { db, now } = opts;
  const guard = trainerGuard(db, now);

  app.get('/api/groups', { preHandler: guard }, async (request) => {
    const org = trainerOf(request).trainer.organisationId;
    const groups = await db.selectFrom('groups').select(['id', 'name', 'created_at']).where('organisation_id', '=', org).orderBy('name').execute();
    return { groups: groups.map((g) => ({ id: g.id, name: g.name, createdAt: g.created_at })) };
  });

  app.post('/api/groups', { preHandler: guard }, async (request, reply) => {
    const parsed = groupBody.safeParse(request.body);
    if (!parsed.success) return invalidBody(reply, parsed.error);
    const group = { id: randomUUID(), organisation_id: trainerOf(request).trainer.organisationId, name: parsed.data.name, created_at: now().toISOString() };
    await db.insertInto('groups').values(group).execute();
    return reply.code(201).send({ id: group.id, name: group.name, createdAt: group.created_at });
  });

  app.get('/api/groups/:id/trainees', { preHandler: guard }, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const org = trainerOf(request).trainer.organisationId;
    const group = await db.selectFrom('groups').select('id').where('id', '=', params.data.id).where('organisation_id', '=', org).executeTakeFirst();
    if (!group) return reply.code(404).send(notFound('group'));
    const trainees = await db.selectFrom('trainees').select(['id', 'code', 'alias']).where('group_id', '=', group.id).where('organisation_id', '=', org).orderBy('code').execute();
    return { trainees };
  });

  app.post('/api/groups/:id/trainees', { preHandler: guard }, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const parsed = traineeBody.safeParse(request.body ?? {});
    if (!parsed.success) return invalidBody(reply, parsed.error);
    const org = trainerOf(request).trainer.organisationId;
    const group = await db.selectFrom('groups').select('id').where('id', '=', params.data.id).where('organisation_id', '=', org).executeTakeFirst();
    if (!group) return reply.code(404).send(notFound('group'));
    const trainee = { id: randomUUID(), organisation_id: org, group_id: group.id, code: `${humanCode(4)}-${humanCode(2)}`, alias: parsed.data.alias ?? null, created_at: now().toISOString() };
    await db.insertInto('trainees').values(trainee).execute();
    const join = await issueJoinCode(db, trainee.id, now());
    return reply.code(201).send({ id: trainee.id, code: trainee.code, alias: trainee.alias, ...join });
  });

  // A lost or expired card: a new join code; tokens already on headsets stay valid.
  app.post('/api/trainees/:id/join-codes', { preHandler: guard }, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const org = trainerOf(request).trainer.organisationId;
    const trainee = await db.selectFrom('trainees').select('id').where('id', '=', params.data.id).where('organisation_id', '=', org).executeTakeFirst();
    if (!trainee) return reply.code(404).send(notFound('trainee'));
    return reply.code(201).send(await issueJoinCode(db, trainee.id, now()));
  });
}
