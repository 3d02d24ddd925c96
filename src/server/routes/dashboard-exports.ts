import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { trainerGuard, trainerOf } from '../auth/trainer-guard';
import { sessionsCsv } from '../dashboard/exports';
import { filteredSessions, sessionColumns, sessionFilterSchema, sessionSummary } from '../dashboard/session-query';
import type { StationTexts } from '../dashboard/station-texts';
import type { ScenarioCatalog } from '../scenario-catalog';
import { sessionStatements, xapiFormSchema } from '../xapi/session-statements';
import { invalidBody } from './invalid-body';

/** An export is bounded: a centre's year of sessions fits; a runaway query does not. */
export const exportLimit = 20_000;

/** CSV and xAPI exports of exactly the sessions the list's filters select. */
export async function dashboardExportRoutes(app: FastifyInstance, opts: { db: Kysely<Database>; now: () => Date; texts: StationTexts; catalog: ScenarioCatalog; publicUrl?: string | null }) {
  const { db } = opts;
  const guard = trainerGuard(db, opts.now);
  const rows = async (org: string, query: unknown) => {
    const parsed = sessionFilterSchema.safeParse(query);
    if (!parsed.success) return parsed;
    const found = await filteredSessions(db, org, parsed.data).select([...sessionColumns]).orderBy('s.ended_at', 'asc').orderBy('s.id', 'asc').limit(exportLimit).execute();
    return { success: true as const, data: found.map(sessionSummary) };
  };
  const eventLogs = async (ids: string[]) => {
    const logs = new Map<string, { eventsJson: string; scenarioHash: string }>();
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = await db.selectFrom('sessions').select(['id', 'events_json', 'scenario_hash']).where('id', 'in', ids.slice(i, i + 500)).execute();
      for (const r of chunk) logs.set(r.id, { eventsJson: r.events_json, scenarioHash: r.scenario_hash });
    }
    return logs;
  };
  const stamp = () => opts.now().toISOString().slice(0, 10);

  app.get('/api/dashboard/export.csv', { preHandler: guard }, async (request, reply) => {
    const found = await rows(trainerOf(request).trainer.organisationId, request.query);
    if (!found.success) return invalidBody(reply, found.error);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="werkvloer-sessions-${stamp()}.csv"`)
      .send(sessionsCsv(found.data));
  });

  app.get('/api/dashboard/export.xapi.json', { preHandler: guard }, async (request, reply) => {
    const org = trainerOf(request).trainer.organisationId;
    // `statements` chooses the form (src/server/xapi); the rest are the list's filters.
    const { statements, ...filters } = (request.query ?? {}) as Record<string, unknown>;
    const form = xapiFormSchema.safeParse(statements === undefined ? {} : { statements });
    if (!form.success) return invalidBody(reply, form.error);
    const found = await rows(org, filters);
    if (!found.success) return invalidBody(reply, found.error);
    const all = form.data.statements === 'all';
    const logs = all ? await eventLogs(found.data.map((s) => s.id)) : new Map<string, { eventsJson: string; scenarioHash: string }>();
    const sources = { publicUrl: opts.publicUrl ?? null, texts: opts.texts, catalog: opts.catalog };
    const out = [];
    for (const s of found.data) out.push(...(await sessionStatements(s, org, form.data.statements, sources, logs.get(s.id))));
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="werkvloer-xapi-${stamp()}.json"`)
      .send(JSON.stringify(out, null, 2));
  });
}
