import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Scenario, SessionEvent } from '../../engine';
import type { SessionReplayData } from '../../shared/session-replay-types';
import type { Database } from '../db/schema';
import { storedLog } from '../db/stored-session';
import type { ScenarioCatalog } from '../scenario-catalog';
import { trainerGuard, trainerOf } from '../auth/trainer-guard';
import { bearerToken, noteTokenUse, traineeForToken } from '../auth/trainee-tokens';
import { invalidBody } from './invalid-body';

const idParams = z.strictObject({ id: z.uuid({ message: 'must be a session id' }) });

export interface SessionReplayOptions {
  db: Kysely<Database>;
  readDb: Kysely<Database>;
  now: () => Date;
  catalog: ScenarioCatalog;
}

/**
 * What the replay page (replay.html) draws a session from: the scenario version it was scored on, the
 * event log and the poses as sent. A trainer reads their own organisation's sessions; a trainee's
 * headset (debrief) reads only its own trainee's.
 */
export async function sessionReplayRoutes(app: FastifyInstance, opts: SessionReplayOptions) {
  const { readDb } = opts;
  const guard = trainerGuard(opts.db, opts.now);

  /** One session's replay data; `owner` narrows the query to the caller's organisation (and trainee). */
  async function replayData(reply: FastifyReply, id: string, owner: { organisationId: string; traineeId?: string }): Promise<SessionReplayData | FastifyReply> {
    let q = readDb
      .selectFrom('sessions as s')
      .leftJoin('session_poses as p', 'p.session_id', 's.id')
      .select(['s.id', 's.scenario_id', 's.scenario_version', 's.scenario_hash', 's.mode', 's.language', 's.duration_ms', 'p.layout_hash', 'p.hz', 'p.sample_count', 'p.data', (eb) => storedLog(eb, 'events_json')])
      .where('s.id', '=', id)
      .where('s.organisation_id', '=', owner.organisationId);
    if (owner.traineeId) q = q.where('s.trainee_id', '=', owner.traineeId);
    const row = await q.executeTakeFirst();
    if (!row) return reply.code(404).send({ error: 'not-found', message: owner.traineeId ? 'no such session of yours' : 'no such session in your organisation' });
    const entry = await opts.catalog.find(row.scenario_hash, row.scenario_id, row.scenario_version);
    if (!entry) return reply.code(500).send({ error: 'server-error', message: 'the scenario version of this session is missing on the server' });
    // Sources and the review record are for authors; the replay needs what the engine reads.
    const { sources: _sources, reviewed: _reviewed, ...scenario } = entry.scenario as Scenario & { sources?: unknown; reviewed?: unknown };
    return {
      sessionId: row.id,
      scenarioId: row.scenario_id,
      scenarioVersion: Number(row.scenario_version),
      scenarioHash: row.scenario_hash,
      scenario: scenario as Scenario,
      mode: row.mode as SessionReplayData['mode'],
      language: row.language,
      durationMs: Number(row.duration_ms),
      layoutHash: row.layout_hash ?? null,
      events: JSON.parse(row.events_json) as SessionEvent[],
      // Kept packed as sent: the page unpacks them (src/engine/pose-codec.ts), the wire stays small.
      poses: row.data === null || row.data === undefined ? null : { hz: Number(row.hz), samples: Number(row.sample_count), data: row.data },
    };
  }

  app.get('/api/dashboard/sessions/:id/replay', { preHandler: guard }, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    return replayData(reply, params.data.id, { organisationId: trainerOf(request).trainer.organisationId });
  });

  // The debrief on the end screen: the trainee's own attempt, with their headset's token.
  app.get('/api/trainee/sessions/:id/replay', async (request, reply) => {
    const token = bearerToken(request.headers.authorization);
    const trainee = token ? await traineeForToken(opts.db, token) : null;
    if (!trainee || Date.parse(trainee.expiresAt) < opts.now().getTime()) {
      return reply.code(401).send({ error: 'trainee-token-invalid', message: 'send "Authorization: Bearer <trainee token>" of a joined, unexpired trainee' });
    }
    const params = idParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    await noteTokenUse(opts.db, trainee, opts.now());
    return replayData(reply, params.data.id, { organisationId: trainee.organisationId, traineeId: trainee.traineeId });
  });
}
