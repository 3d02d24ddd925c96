import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { trainerGuard, trainerOf } from '../auth/trainer-guard';
import { sessionsCsv, xapiStatement } from '../dashboard/exports';
import { filteredSessions, sessionColumns, sessionFilterSchema, sessionSummary } from '../dashboard/session-query';
import type { StationTexts } from '../dashboard/station-texts';
import { invalidBody } from './invalid-body';

/** An export is bounded: a centre's year of sessions fits; a runaway query does not. */
export const exportLimit = 20_000;

/** CSV and xAPI exports of exactly the sessions the list's filters select. */
export async function dashboardExportRoutes(app: FastifyInstance, opts: { db: Kysely<Database>; now: () => Date; texts: StationTexts }) {
  const { db } = opts;
  const guard = trainerGuard(db, opts.now);
  const rows = async (org: string, query: unknown) => {
    const parsed = sessionFilterSchema.safeParse(query);
    if (!parsed.success) return parsed;
    const found = await filteredSessions(db, org, parsed.data).select([...sessionColumns]).orderBy('s.ended_at', 'asc').orderBy('s.id', 'asc').limit(exportLimit).execute();
    return { success: true as const, data: found.map(sessionSummary) };
  };
  const stamp = () => opts.now().toISOString().slice(0, 10);
  // The server's own origin names the trainee accounts and activities: stable for one installation.
  const homePage = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

  app.get('/api/dashboard/export.csv', { preHandler: guard }, async (request, reply) => {
    const found = await rows(trainerOf(request).trainer.organisationId, request.query);
    if (!found.success) return invalidBody(reply, found.error);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="werkvloer-sessions-${stamp()}.csv"`)
      .send(sessionsCsv(found.data));
  });

  app.get('/api/dashboard/export.xapi.json', { preHandler: guard }, async (request, reply) => {
    const found = await rows(trainerOf(request).trainer.organisationId, request.query);
    if (!found.success) return invalidBody(reply, found.error);
    const home = homePage(request);
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="werkvloer-xapi-${stamp()}.json"`)
      .send(JSON.stringify(found.data.map((s) => xapiStatement(s, home, opts.texts.title('nl', s.scenarioId))), null, 2));
  });
}
