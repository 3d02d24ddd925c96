import type { FastifyInstance } from 'fastify';
import { score } from '../../engine';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { ScenarioCatalog } from '../scenario-catalog';
import { fieldPath, sessionBodySchema, type SessionBody } from '../session-body';

export interface SessionsRouteOptions {
  db: Kysely<Database>;
  catalog: ScenarioCatalog;
  now: () => Date;
}

/** The same upload twice (a retry) must be byte-for-byte the same session, whatever the key order. */
function sameContent(row: { scenario_hash: string; mode: string; device: string; language: string; started_at: string; ended_at: string; events_json: string; client_score: number }, body: SessionBody): boolean {
  return (
    row.scenario_hash === body.scenarioHash &&
    row.mode === body.mode &&
    row.device === body.device &&
    row.language === body.language &&
    row.started_at === body.startedAt &&
    row.ended_at === body.endedAt &&
    row.client_score === Math.round(body.clientScore) &&
    row.events_json === JSON.stringify(body.events)
  );
}

/**
 * POST /api/sessions: store a finished session exactly once. The score stored is the server's
 * replay of the event log with the scenario version it was played on; the client's is only compared.
 */
export async function sessionsRoute(app: FastifyInstance, opts: SessionsRouteOptions) {
  app.post('/api/sessions', { bodyLimit: 4 * 1024 * 1024 }, async (request, reply) => {
    const parsed = sessionBodySchema.safeParse(request.body);
    if (!parsed.success) {
      return reply.code(400).send({
        error: 'invalid-session',
        issues: parsed.error.issues.slice(0, 20).map((i) => ({ path: fieldPath(i.path), message: i.message })),
      });
    }
    const body = parsed.data;
    // Normalise: events keep only known fields (zod strips nothing in strict mode, so this is exact).
    const existing = await opts.db.selectFrom('sessions').selectAll().where('id', '=', body.id).executeTakeFirst();
    if (existing) {
      if (!sameContent(existing, body)) {
        return reply.code(409).send({ error: 'session-id-conflict', message: `session ${body.id} was already stored with different content` });
      }
      return reply.code(200).send({ id: existing.id, score: existing.score, passed: existing.passed === 1, scoreMismatch: existing.score_mismatch === 1, duplicate: true });
    }
    const entry = await opts.catalog.find(body.scenarioHash, body.scenarioId, body.scenarioVersion);
    if (!entry || entry.scenario.id !== body.scenarioId) {
      return reply.code(422).send({
        error: 'unknown-scenario',
        message: `scenario ${body.scenarioId} version ${body.scenarioVersion} (hash ${body.scenarioHash.slice(0, 12)}…) is not known to this server`,
      });
    }
    const result = score(entry.scenario, body.events, body.mode);
    const mismatch = result.total !== Math.round(body.clientScore);
    if (mismatch) request.log.warn({ session: body.id, client: body.clientScore, server: result.total }, 'client score differs from the server replay');
    const row = {
      id: body.id,
      scenario_id: entry.scenario.id,
      scenario_version: entry.scenario.version,
      scenario_hash: entry.hash,
      mode: body.mode,
      device: body.device,
      language: body.language,
      started_at: body.startedAt,
      ended_at: body.endedAt,
      duration_ms: Math.max(0, Date.parse(body.endedAt) - Date.parse(body.startedAt)),
      events_json: JSON.stringify(body.events),
      client_score: Math.round(body.clientScore),
      score: result.total,
      passed: result.passed ? 1 : 0,
      score_mismatch: mismatch ? 1 : 0,
      result_json: JSON.stringify(result),
      received_at: opts.now().toISOString(),
    };
    // A concurrent retry may insert between our read and this write: the primary key decides.
    const inserted = await opts.db.insertInto('sessions').values(row).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) {
      const winner = await opts.db.selectFrom('sessions').selectAll().where('id', '=', body.id).executeTakeFirstOrThrow();
      if (!sameContent(winner, body)) return reply.code(409).send({ error: 'session-id-conflict', message: `session ${body.id} was already stored with different content` });
      return reply.code(200).send({ id: winner.id, score: winner.score, passed: winner.passed === 1, scoreMismatch: winner.score_mismatch === 1, duplicate: true });
    }
    return reply.code(201).send({ id: body.id, score: result.total, passed: result.passed, scoreMismatch: mismatch });
  });
}
