import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { parseLearningPath, type LearningPath } from '../../engine';
import type { Database } from '../db/schema';
import type { ScenarioCatalog } from '../scenario-catalog';
import { trainerGuard, trainerOf } from '../auth/trainer-guard';
import { bearerToken, noteTokenUse, traineeForToken } from '../auth/trainee-tokens';
import { readLearningPaths } from '../learning-paths';
import { groupPathProgress, recordModuleOverride, traineePathProgress, type TraineePath } from '../trainee-path';
import { invalidBody } from './invalid-body';

const idParams = z.strictObject({ id: z.uuid({ message: 'must be an id from this API' }) });
const moduleParams = z.strictObject({ id: z.uuid({ message: 'must be an id from this API' }), scenarioId: z.string().min(1).max(120) });
const groupPathBody = z.strictObject({
  /** The path to give the group (a default path, or the trainer's edited copy); null takes it away. */
  path: z.unknown(),
  /** The default path it started from; left out: the path's own id. */
  sourcePathId: z.string().min(1).max(80).optional(),
});
const overrideBody = z.strictObject({ what: z.enum(['module', 'exam']), open: z.boolean() });
const notFound = { error: 'not-found', message: 'no such group or trainee in your organisation' };

/** What a view needs of a trainee's path: the modules in order with their state. */
function progressView(p: TraineePath | null) {
  if (!p) return { path: null };
  return { path: { id: p.path.id, name: p.path.name ?? null, sector: p.path.sector, sourcePathId: p.sourcePathId }, modules: p.modules };
}

/**
 * Learning paths (issue 26; docs/api.md): the project's default paths, a group's path (a default or
 * an edited copy), each trainee's progress on it, a trainer's opens and locks by hand, and the
 * headset's own map. A path is checked against the catalog on every write, as the build checks files.
 */
export async function learningPathRoutes(app: FastifyInstance, opts: { db: Kysely<Database>; now: () => Date; catalog: ScenarioCatalog; learningPaths?: readonly LearningPath[] }) {
  const { db, now, catalog } = opts;
  const guard = trainerGuard(db, now);
  const scenarios = catalog.current.map((e) => e.scenario);
  // main.ts reads and checks the paths before it starts (a broken one stops it); without them, the
  // repository's, keeping those that fit this catalog (a test's server may hold fewer stations).
  const defaults = { paths: opts.learningPaths ?? readLearningPaths(process.cwd(), scenarios).paths };
  const countryOf = async (org: string) => (await db.selectFrom('organisations').select('country').where('id', '=', org).executeTakeFirstOrThrow()).country;
  const groupOf = (org: string, id: string) => db.selectFrom('groups').select('id').where('id', '=', id).where('organisation_id', '=', org).executeTakeFirst();
  const traineeOf = (org: string, id: string) => db.selectFrom('trainees').select(['id', 'organisation_id']).where('id', '=', id).where('organisation_id', '=', org).executeTakeFirst();

  // After a trainee's upload has been answered: record any module it completed on their group's path
  // now (not when someone next reads the path), so the skills passport issues its credential without
  // waiting for a trainer to look. The upload never waits for this; a failure is logged and retried on the next read.
  app.addHook('onResponse', async (request, reply) => {
    if (reply.statusCode !== 201 || request.method !== 'POST' || request.routeOptions.url !== '/api/sessions') return;
    const token = bearerToken(request.headers.authorization);
    if (!token) return;
    try {
      const trainee = await traineeForToken(db, token);
      if (!trainee) return;
      const progress = await traineePathProgress(db, trainee.traineeId, catalog.versions);
      if (progress && progress.recorded > 0 && app.hasDecorator('passportIssuer')) app.passportIssuer.wake();
    } catch (error) {
      request.log.error({ err: error, event: 'path-mastery-failed' }, 'recording path mastery after an upload failed');
    }
  });

  // The default paths an organisation may start from: those of its country and those for every country.
  app.get('/api/paths', { preHandler: guard }, async (request) => {
    const country = await countryOf(trainerOf(request).trainer.organisationId);
    return { paths: defaults.paths.filter((p) => !p.country || !country || p.country === country) };
  });

  app.get('/api/groups/:id/path', { preHandler: guard }, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const group = await groupOf(trainerOf(request).trainer.organisationId, params.data.id);
    if (!group) return reply.code(404).send(notFound);
    const row = await db.selectFrom('group_paths').select(['path_json', 'source_path_id', 'updated_at']).where('group_id', '=', group.id).executeTakeFirst();
    return row ? { path: JSON.parse(row.path_json) as LearningPath, sourcePathId: row.source_path_id, updatedAt: row.updated_at } : { path: null };
  });

  app.put('/api/groups/:id/path', { preHandler: guard }, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const body = groupPathBody.safeParse(request.body);
    if (!body.success) return invalidBody(reply, body.error);
    const { trainer } = trainerOf(request);
    const group = await groupOf(trainer.organisationId, params.data.id);
    if (!group) return reply.code(404).send(notFound);
    if (body.data.path === null) {
      await db.deleteFrom('group_paths').where('group_id', '=', group.id).execute();
      return { path: null };
    }
    const parsed = parseLearningPath(body.data.path, 'path', scenarios);
    if (!parsed.ok) {
      const issues = parsed.issues.slice(0, 20).map((i) => ({ path: i.path.replace(/^\$/, 'path'), message: i.message }));
      return reply.code(400).send({ error: 'invalid-request', message: issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues });
    }
    const path = parsed.path;
    // A Belgian organisation's path holds stations for Belgium or for every country; a Dutch one likewise.
    const country = await countryOf(trainer.organisationId);
    const foreign = country ? path.modules.filter((m) => ![undefined, country].includes(scenarios.find((s) => s.id === m.scenarioId)?.country)) : [];
    if (foreign.length > 0) {
      const message = `${foreign.map((m) => m.scenarioId).join(', ')} follows another country's rules than your organisation's (${country})`;
      return reply.code(400).send({ error: 'invalid-request', message: `path.modules: ${message}`, issues: [{ path: 'path.modules', message }] });
    }
    const sourcePathId = body.data.sourcePathId ?? path.id;
    if (!defaults.paths.some((p) => p.id === sourcePathId)) {
      const message = `no default path "${sourcePathId}"; one of ${defaults.paths.map((p) => p.id).join(', ')}`;
      return reply.code(400).send({ error: 'invalid-request', message: `sourcePathId: ${message}`, issues: [{ path: 'sourcePathId', message }] });
    }
    const row = { group_id: group.id, organisation_id: trainer.organisationId, path_json: JSON.stringify(path), source_path_id: sourcePathId, updated_at: now().toISOString(), updated_by: trainer.id };
    await db
      .insertInto('group_paths')
      .values(row)
      .onConflict((oc) => oc.column('group_id').doUpdateSet({ path_json: row.path_json, source_path_id: row.source_path_id, updated_at: row.updated_at, updated_by: row.updated_by }))
      .execute();
    return { path, sourcePathId, updatedAt: row.updated_at };
  });

  // Who of the group is where on its path, and who is stuck (the engine's rule), module by module.
  app.get('/api/groups/:id/path/trainees', { preHandler: guard }, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const group = await groupOf(trainerOf(request).trainer.organisationId, params.data.id);
    if (!group) return reply.code(404).send(notFound);
    const onPath = await groupPathProgress(db, group.id, catalog.versions);
    if (!onPath) return { path: null, trainees: [] };
    return {
      path: { id: onPath.path.id, name: onPath.path.name ?? null, sector: onPath.path.sector, sourcePathId: onPath.sourcePathId, modules: onPath.path.modules.map((m) => m.scenarioId) },
      trainees: onPath.trainees,
    };
  });

  app.get('/api/trainees/:id/path', { preHandler: guard }, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const trainee = await traineeOf(trainerOf(request).trainer.organisationId, params.data.id);
    if (!trainee) return reply.code(404).send(notFound);
    return progressView(await traineePathProgress(db, trainee.id, catalog.versions));
  });

  // A trainer opens or locks a module (or its exam) by hand for one trainee; every choice is kept with who and when.
  app.put('/api/trainees/:id/modules/:scenarioId', { preHandler: guard }, async (request, reply) => {
    const params = moduleParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const body = overrideBody.safeParse(request.body);
    if (!body.success) return invalidBody(reply, body.error);
    const { trainer } = trainerOf(request);
    const trainee = await traineeOf(trainer.organisationId, params.data.id);
    if (!trainee) return reply.code(404).send(notFound);
    if (!(params.data.scenarioId in catalog.versions)) {
      return reply.code(400).send({ error: 'invalid-request', message: `scenarioId: no module "${params.data.scenarioId}"`, issues: [{ path: 'scenarioId', message: `no module "${params.data.scenarioId}"` }] });
    }
    await recordModuleOverride(db, { id: randomUUID(), traineeId: trainee.id, organisationId: trainer.organisationId, scenarioId: params.data.scenarioId, what: body.data.what, open: body.data.open, at: now().toISOString(), trainerId: trainer.id });
    request.log.info({ event: 'module-override', traineeId: trainee.id, scenarioId: params.data.scenarioId, what: body.data.what, open: body.data.open, trainerId: trainer.id }, 'module opened or locked by hand');
    return progressView(await traineePathProgress(db, trainee.id, catalog.versions));
  });

  // The headset's map of the path: what is done, next and locked, drawn from pictograms.
  app.get('/api/trainee/path', async (request, reply) => {
    const token = bearerToken(request.headers.authorization);
    const trainee = token ? await traineeForToken(db, token) : null;
    if (!trainee || Date.parse(trainee.expiresAt) < now().getTime()) {
      return reply.code(401).send({ error: 'trainee-token-invalid', message: 'send "Authorization: Bearer <trainee token>" of a joined, unexpired trainee' });
    }
    await noteTokenUse(db, trainee, now());
    return progressView(await traineePathProgress(db, trainee.traineeId, catalog.versions));
  });
}
