import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { inflateRawSync } from 'node:zlib';
import { poseSummary, posesNotDeflate, posesTooLarge } from '../../engine/pose-codec';
import { maxLivePoseSamples, progressMessageSchema, type ProgressAnswer } from '../../shared/live-progress';
import type { Database } from '../db/schema';
import type { ScenarioCatalog } from '../scenario-catalog';
import { trainerGuard, trainerOf } from '../auth/trainer-guard';
import { bearerToken, traineeForToken } from '../auth/trainee-tokens';
import { watchRenewMs, type LiveAttempts } from '../live/live-attempts';
import { fieldPath } from '../session-body';
import { invalidBody } from './invalid-body';
import { eventStreams } from '../http/event-streams';

export interface LiveAttemptRoutesOptions {
  db: Kysely<Database>;
  now: () => Date;
  catalog: ScenarioCatalog;
  attempts: LiveAttempts;
  /** Comment lines that keep an idle stream open through proxies. */
  heartbeatMs?: number;
}

/** A headset sends at most one message a second (src/results/progress-sender.ts); twice that is refused. */
export const progressRateLimit = { max: 10, timeWindowMs: 5000 };

/** A progress message is a few hundred bytes; with the last second's poses (version 2) under 2 KB. */
const progressBodyLimit = 4 * 1024;

/** The most a live message's samples can unpack to (5-byte varints throughout): a small body cannot unpack into a large one. */
const maxLivePoseBytes = 5 + maxLivePoseSamples * (5 + 1 + 3 * 6 * 5);

/** zlib's raw inflate, stopped at the live bound whatever the codec asks (it allows a whole session's). */
function inflateLive(packed: Uint8Array): Uint8Array {
  try {
    return inflateRawSync(packed, { maxOutputLength: maxLivePoseBytes });
  } catch (error) {
    throw new Error((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? posesTooLarge : posesNotDeflate);
  }
}

/** What is wrong with a live message's poses (checked whole, as an upload's are), or null. */
function livePosesProblem(data: string): string | null {
  try {
    const { count } = poseSummary(data, inflateLive);
    if (count === 0) return 'poses.data: holds no samples; send version 1 without poses instead';
    if (count > maxLivePoseSamples) return `poses.data: holds ${count} samples; a live message carries at most ${maxLivePoseSamples} (the last second)`;
    return null;
  } catch (error) {
    return `poses.data: ${error instanceof Error ? error.message : String(error)}`;
  }
}

const acknowledgeBody = z.object({ request: z.number().int().min(1).max(100_000) }).strict();
const attemptParams = z.object({ id: z.uuid({ message: 'must be the live attempt\'s UUID' }) });

/**
 * The live class view (docs/api.md "Live class view"): headsets post their progress, trainers watch
 * their organisation's live attempts as a stream and answer a call for help. Nothing is stored.
 */
export async function liveAttemptRoutes(app: FastifyInstance, opts: LiveAttemptRoutesOptions) {
  const guard = trainerGuard(opts.db, opts.now);
  const streams = eventStreams(app);
  // Per trainee (their token), not per address: a class shares one Wi-Fi address behind NAT.
  const perTrainee = (request: { headers: { authorization?: string }; ip: string }) =>
    request.headers.authorization ? createHash('sha256').update(request.headers.authorization).digest('base64url') : request.ip;

  app.post(
    '/api/live/progress',
    { bodyLimit: progressBodyLimit, config: { rateLimit: { max: progressRateLimit.max, timeWindow: progressRateLimit.timeWindowMs, keyGenerator: perTrainee } } },
    async (request, reply) => {
      const token = bearerToken(request.headers.authorization);
      if (token === undefined) {
        return reply.code(401).send({ error: 'trainee-token-required', message: 'live progress is shown only to the trainee\'s own organisation: join with a code first (anonymous practice sends none)' });
      }
      if (token === null) return reply.code(401).send({ error: 'trainee-token-invalid', message: 'the Authorization header must be "Bearer <trainee token>"' });
      const parsed = progressMessageSchema.safeParse(request.body);
      if (!parsed.success) {
        const issues = parsed.error.issues.slice(0, 20).map((i) => ({ path: fieldPath(i.path), message: i.message }));
        return reply.code(400).send({ error: 'invalid-progress', message: issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues });
      }
      const message = parsed.data;
      const posesProblem = message.v === 2 ? livePosesProblem(message.poses.data) : null;
      if (posesProblem) return reply.code(400).send({ error: 'invalid-progress', message: posesProblem, issues: [{ path: 'poses.data', message: posesProblem.slice('poses.data: '.length) }] });
      const use = await traineeForToken(opts.db, token);
      if (!use) return reply.code(401).send({ error: 'trainee-token-unknown', message: 'this trainee token is unknown (revoked or from another server); join again with a code' });
      if (Date.parse(use.expiresAt) < opts.now().getTime()) return reply.code(401).send({ error: 'trainee-token-expired', message: `the trainee token expired at ${use.expiresAt}; join again with a code` });
      const scenario = opts.catalog.current.find((e) => e.scenario.id === message.scenarioId)?.scenario;
      if (!scenario) return reply.code(422).send({ error: 'unknown-scenario', message: `scenarioId: no station ${message.scenarioId} on this server` });
      if (message.stepsTotal !== scenario.steps.length || message.stepsDone > scenario.steps.length) {
        return reply.code(422).send({ error: 'invalid-progress', message: `stepsDone/stepsTotal: station ${scenario.id} has ${scenario.steps.length} steps` });
      }
      if (message.step && !scenario.steps.some((s) => s.id === message.step!.id)) {
        return reply.code(422).send({ error: 'invalid-progress', message: `step.id: station ${scenario.id} has no step ${message.step.id}` });
      }
      const owner = opts.attempts.ownerOf(message.attemptId);
      if (owner && owner.traineeId !== use.traineeId) {
        return reply.code(409).send({ error: 'attempt-id-conflict', message: `attempt ${message.attemptId} is another trainee's; a new attempt needs a new id` });
      }
      const trainee = await opts.db.selectFrom('trainees').select(['alias']).where('id', '=', use.traineeId).executeTakeFirst();
      const answer = await opts.attempts.report(use.organisationId, { id: use.traineeId, code: use.code, alias: trainee?.alias ?? null }, message);
      return reply.code(200).send(answer satisfies ProgressAnswer);
    },
  );

  // Server-sent events: `tile` with a live attempt's state whenever it changes, `gone` when it is
  // forgotten; first every live attempt of the trainer's organisation, then `ready`.
  app.get('/api/dashboard/live-attempts', { preHandler: guard }, async (request, reply) => {
    const org = trainerOf(request).trainer.organisationId;
    const stream = streams.open(request, reply, { heartbeatMs: opts.heartbeatMs, onHeartbeat: () => opts.attempts.forgetOld() });
    const { res } = stream;
    const write = (event: string, data: unknown) => {
      if (!res.writableEnded) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    };
    res.write('retry: 3000\n\n');
    for (const tile of opts.attempts.tiles(org)) write('tile', tile);
    write('ready', {});
    stream.onEnd(opts.attempts.subscribe(org, { tile: (tile) => write('tile', tile), gone: (attemptId) => write('gone', { attemptId }) }));
  });

  // Server-sent events for the live 3D view (replay.html?live=<id>): one attempt of the trainer's
  // organisation, `tile` when it changes, `poses` as the headset sends them, `gone` when it is
  // forgotten. While the stream is open the watch is said again and again, so the headset keeps
  // sending its poses; when it closes they stop within `watchHoldsMs`.
  app.get('/api/dashboard/live-attempts/:id/poses', { preHandler: guard }, async (request, reply) => {
    const params = attemptParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const org = trainerOf(request).trainer.organisationId;
    const id = params.data.id.toLowerCase();
    const first = opts.attempts.tile(org, id);
    if (!first) return reply.code(404).send({ error: 'live-attempt-unknown', message: 'no such live attempt in your organisation (it may have ended a while ago)' });
    const stream = streams.open(request, reply, { heartbeatMs: opts.heartbeatMs });
    const { res } = stream;
    const write = (event: string, data: unknown) => {
      if (!res.writableEnded) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    };
    const watch = () => void opts.attempts.watch(org, id).catch((error: unknown) => request.log.warn({ err: error }, 'live watch failed'));
    res.write('retry: 3000\n\n');
    write('tile', first);
    const last = opts.attempts.lastPoses(org, id);
    if (last) write('poses', last);
    write('ready', {});
    stream.onEnd(opts.attempts.subscribeAttempt(org, id, { tile: (tile) => write('tile', tile), poses: (event) => write('poses', event), gone: (attemptId) => write('gone', { attemptId }) }));
    watch();
    const renew = setInterval(watch, watchRenewMs);
    renew.unref();
    stream.onEnd(() => clearInterval(renew));
  });

  app.post('/api/dashboard/live-attempts/:id/help-acknowledged', { preHandler: guard }, async (request, reply) => {
    const params = attemptParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const body = acknowledgeBody.safeParse(request.body);
    if (!body.success) return invalidBody(reply, body.error);
    const org = trainerOf(request).trainer.organisationId;
    const outcome = await opts.attempts.acknowledge(org, params.data.id.toLowerCase(), body.data.request);
    if (outcome === 'unknown') return reply.code(404).send({ error: 'live-attempt-unknown', message: 'no such live attempt in your organisation (it may have ended a while ago)' });
    if (outcome === 'not-asked') return reply.code(409).send({ error: 'help-not-asked', message: `request: this trainee has not asked for help ${body.data.request} times` });
    return reply.code(204).send();
  });
}
