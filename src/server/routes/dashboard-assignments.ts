import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';
import { trainerGuard, trainerOf } from '../auth/trainer-guard';
import { bearerToken, noteTokenUse, traineeForToken } from '../auth/trainee-tokens';
import { traineeAssignments } from '../dashboard/assignments';
import { invalidBody } from './invalid-body';

const idParams = z.strictObject({ id: z.uuid({ message: 'must be an id from this API' }) });
const groupAssignmentsBody = z.strictObject({
  /** Scenario ids the group sees; an empty list means every station. */
  stations: z.array(z.string().min(1).max(100)).max(200),
  exam: z.boolean(),
});
const examBody = z.strictObject({ exam: z.boolean() });

/**
 * Assignments: which stations a group sees and who may take an exam (trainer), and what a signed-in
 * headset may play (trainee token). POST /api/sessions refuses an exam without an unlock.
 */
export async function dashboardAssignmentRoutes(
  app: FastifyInstance,
  opts: { db: Kysely<Database>; now: () => Date; stationIds: () => string[]; stationCountry?: (id: string) => string | null },
) {
  const { db, now } = opts;
  const guard = trainerGuard(db, now);
  const groupOf = (org: string, id: string) => db.selectFrom('groups').select('id').where('id', '=', id).where('organisation_id', '=', org).executeTakeFirst();

  app.get('/api/groups/:id/assignments', { preHandler: guard }, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const org = trainerOf(request).trainer.organisationId;
    const group = await groupOf(org, params.data.id);
    if (!group) return reply.code(404).send({ error: 'not-found', message: 'no such group in your organisation' });
    const stations = await db.selectFrom('group_stations').select('scenario_id').where('group_id', '=', group.id).orderBy('scenario_id').execute();
    const unlock = await db.selectFrom('exam_unlocks').select('subject_id').where('subject_kind', '=', 'group').where('subject_id', '=', group.id).executeTakeFirst();
    return { stations: stations.map((s) => s.scenario_id), exam: Boolean(unlock) };
  });

  app.put('/api/groups/:id/assignments', { preHandler: guard }, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const parsed = groupAssignmentsBody.safeParse(request.body);
    if (!parsed.success) return invalidBody(reply, parsed.error);
    const known = new Set(opts.stationIds());
    const unknown = parsed.data.stations.filter((s) => !known.has(s));
    if (unknown.length > 0) return reply.code(400).send({ error: 'invalid-request', message: `stations: unknown station ${unknown.join(', ')}`, issues: [{ path: 'stations', message: `unknown station ${unknown.join(', ')}` }] });
    const org = trainerOf(request).trainer.organisationId;
    const group = await groupOf(org, params.data.id);
    if (!group) return reply.code(404).send({ error: 'not-found', message: 'no such group in your organisation' });
    // A Belgian organisation's group gets Belgian variants only (and stations for every country); so does a Dutch one.
    const { country } = await db.selectFrom('organisations').select('country').where('id', '=', org).executeTakeFirstOrThrow();
    const countryOf = opts.stationCountry ?? (() => null);
    const foreign = country ? parsed.data.stations.filter((s) => ![null, country].includes(countryOf(s) as typeof country | null)) : [];
    if (foreign.length > 0) {
      const message = `station ${foreign.join(', ')} is for another country than your organisation's (${country})`;
      return reply.code(400).send({ error: 'invalid-request', message: `stations: ${message}`, issues: [{ path: 'stations', message }] });
    }
    const at = now().toISOString();
    await db.transaction().execute(async (tx) => {
      await tx.deleteFrom('group_stations').where('group_id', '=', group.id).execute();
      const stations = [...new Set(parsed.data.stations)];
      if (stations.length > 0) await tx.insertInto('group_stations').values(stations.map((s) => ({ group_id: group.id, scenario_id: s, created_at: at }))).execute();
      await tx.deleteFrom('exam_unlocks').where('subject_kind', '=', 'group').where('subject_id', '=', group.id).execute();
      if (parsed.data.exam) await tx.insertInto('exam_unlocks').values({ subject_kind: 'group', subject_id: group.id, organisation_id: org, created_at: at }).execute();
    });
    return { stations: [...new Set(parsed.data.stations)].sort(), exam: parsed.data.exam };
  });

  app.put('/api/trainees/:id/exam', { preHandler: guard }, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const parsed = examBody.safeParse(request.body);
    if (!parsed.success) return invalidBody(reply, parsed.error);
    const org = trainerOf(request).trainer.organisationId;
    const trainee = await db.selectFrom('trainees').select('id').where('id', '=', params.data.id).where('organisation_id', '=', org).executeTakeFirst();
    if (!trainee) return reply.code(404).send({ error: 'not-found', message: 'no such trainee in your organisation' });
    await db.deleteFrom('exam_unlocks').where('subject_kind', '=', 'trainee').where('subject_id', '=', trainee.id).execute();
    if (parsed.data.exam) await db.insertInto('exam_unlocks').values({ subject_kind: 'trainee', subject_id: trainee.id, organisation_id: org, created_at: now().toISOString() }).execute();
    return traineeAssignments(db, trainee.id);
  });

  // The headset asks what its trainee may play: the station list to show and whether to offer the exam.
  app.get('/api/trainee/assignments', async (request, reply) => {
    const token = bearerToken(request.headers.authorization);
    const trainee = token ? await traineeForToken(db, token) : null;
    if (!trainee || Date.parse(trainee.expiresAt) < now().getTime()) {
      return reply.code(401).send({ error: 'trainee-token-invalid', message: 'send "Authorization: Bearer <trainee token>" of a joined, unexpired trainee' });
    }
    await noteTokenUse(db, trainee, now());
    const a = await traineeAssignments(db, trainee.traineeId);
    if (!a) return reply.code(401).send({ error: 'trainee-token-unknown', message: 'this trainee no longer exists; join again with a code' });
    // The country goes with the list: the app offers only that country's stations (and those for every country).
    return { stations: a.stations ?? opts.stationIds(), allStations: a.stations === null, exam: a.exam, country: a.country };
  });
}
