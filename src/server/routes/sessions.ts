import { errorCodes, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { ScoreResult } from '../../engine';
import type { Database } from '../db/schema';
import type { StorageStatus } from '../db/storage-status';
import { storedLog } from '../db/stored-session';
import type { ScenarioCatalog } from '../scenario-catalog';
import { uploadIdentity } from '../auth/upload-identity';
import type { LiveSessions, SessionStored } from '../dashboard/live-sessions';
import { eventLogJson } from '../event-log-check';
import type { ExamAttempt } from '../exams/exam-attempts';
import { examAttemptHeader, examGate, recordExamFlags } from '../exams/exam-upload';
import { parseSessionBody, type SessionBody } from '../session-body';
import { invalidSession } from '../upload-intake';
import { SessionWriter, type UploadWriter } from '../session-writer';
import { SqliteSessionWriter } from '../sqlite-session-writer';
import { sameHash, uploadHash } from '../upload-hash';
import { JsonTooDeepError } from '../http/json-body-parser';
import { UploadScorer, sharedUploadScorer, type UploadHandle } from '../upload-scorer';
import type { UploadFields } from '../upload-scoring';
import { storedUpload } from '../upload-scoring';

export interface SessionsRouteOptions {
  db: Kysely<Database>;
  catalog: ScenarioCatalog;
  now: () => Date;
  /** The SQLite database file: uploads are then written on their own thread (SqliteSessionWriter). */
  sqliteFile?: string;
  /** Told of every newly stored session of an organisation, for the dashboards' live list. */
  live?: LiveSessions;
  /** A full disk: uploads are answered 503 with Retry-After before anything is written. */
  storage?: StorageStatus;
  /** Threads that replay and hash uploads, this app's own (default: the process's shared ones, up to 2); 0 does it on the request thread. */
  scorerThreads?: number;
}

/** An upload of 10,000 events is about 0.8 MB; twice that leaves room without inviting abuse. */
export const sessionBodyLimit = 2 * 1024 * 1024;

/** What answering a retry needs of the stored session; the event log only for rows from before content_hash. */
interface SessionRow {
  id: string;
  mode: string;
  device: string;
  language: string;
  started_at: string;
  ended_at: string;
  client_score: number;
  score: number;
  passed: number;
  score_mismatch: number;
  content_hash: string | null;
  events_json: string | null;
}

/** The answer for an id that is stored already; the handler sends it (a Fastify reply is thenable, so never await one). */
type Answer = { code: 200 | 409; body: Record<string, unknown> };

/** Rows stored before content_hash existed are compared field by field. */
function sameUpload(row: SessionRow, body: SessionBody, traineeId: string | null, hash: string): boolean {
  if (row.content_hash !== null) return sameHash(row.content_hash, body, traineeId, hash);
  return (
    row.mode === body.mode &&
    row.device === body.device &&
    row.language === body.language &&
    row.started_at === body.startedAt &&
    row.ended_at === body.endedAt &&
    row.client_score === Math.round(body.clientScore) &&
    row.events_json === JSON.stringify(body.events)
  );
}

/** A retry gets the original answer (200, not 201: nothing new was stored); other content gets 409. */
function answerExisting(row: SessionRow, body: SessionBody, traineeId: string | null, hash: string): Answer {
  if (!sameUpload(row, body, traineeId, hash)) {
    return {
      code: 409,
      body: { error: 'session-id-conflict', message: `session ${body.id} was already stored with different content; a new session needs a new id` },
    };
  }
  return { code: 200, body: { id: row.id, score: row.score, passed: row.passed === 1, scoreMismatch: row.score_mismatch === 1, duplicate: true } };
}

const send = (reply: FastifyReply, answer: Answer) => reply.code(answer.code).send(answer.body);

/**
 * An upload's body as it arrived, for a scorer thread to check and parse (issue 17): parsing and
 * checking 20–60 KB of JSON was most of the request thread's work per upload. Nothing enumerable,
 * so hooks that walk a body (the NUL guard) pass over it; the scorer thread runs the same checks.
 */
class RawUpload {
  readonly #bytes: Buffer;
  constructor(bytes: Buffer) {
    this.#bytes = bytes;
  }
  get bytes(): Buffer {
    return this.#bytes;
  }
}

/**
 * POST /api/sessions: store a finished session exactly once. The score stored is the server's
 * replay of the event log with the scenario version it was played on; the client's is only compared.
 */
export async function sessionsRoute(app: FastifyInstance, opts: SessionsRouteOptions) {
  const findRow = async (id: string): Promise<SessionRow | undefined> => {
    const row = await opts.db
      .selectFrom('sessions')
      .select(['id', 'mode', 'device', 'language', 'started_at', 'ended_at', 'client_score', 'score', 'passed', 'score_mismatch', 'content_hash'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row || row.content_hash !== null) return row ? { ...row, events_json: null } : undefined;
    // Only rows stored before content_hash existed are compared by their event log.
    const log = await opts.db.selectFrom('sessions as s').select((eb) => storedLog(eb, 'events_json')).where('s.id', '=', id).executeTakeFirst();
    return { ...row, events_json: log?.events_json ?? null };
  };
  const writer: UploadWriter = opts.sqliteFile ? new SqliteSessionWriter(opts.sqliteFile) : new SessionWriter(opts.db);
  const scorer = opts.scorerThreads === undefined ? sharedUploadScorer() : new UploadScorer(opts.scorerThreads);
  app.addHook('onClose', async () => {
    await writer.close();
    if (scorer !== sharedUploadScorer()) await scorer.close();
  });
  // Told once the uploader has its answer (a retry is not news); the route knows the organisation, so no lookup.
  const stored = new WeakMap<FastifyRequest, SessionStored>();
  app.addHook('onResponse', async (request, reply) => {
    const event = stored.get(request);
    if (!event || reply.statusCode !== 201) return;
    await opts.live?.publish(event).catch((error: unknown) => request.log.warn({ err: error }, 'live publish failed'));
  });

  // This route's JSON is read as bytes and parsed on a scorer thread; every other route keeps the app's parser.
  await app.register(async (scope) => {
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, bytes, done) => done(null, new RawUpload(bytes as Buffer)));
    scope.post('/api/sessions', { bodyLimit: sessionBodyLimit }, async (request, reply) => {
      if (!(request.body instanceof RawUpload)) {
        // Not JSON (another content type, or none): the schema names what is wrong with what came.
        const parsed = parseSessionBody(request.body);
        return reply.code(400).send(parsed.success ? { error: 'invalid-session', message: '(body): must be sent as application/json' } : invalidSession(parsed.error));
      }
      const intake = await scorer.intake(request.body.bytes);
      if (!intake.ok) {
        // The refusals the app's JSON parser and NUL guard gave before, in the same words.
        if (intake.refusal === 'empty') throw new errorCodes.FST_ERR_CTP_EMPTY_JSON_BODY();
        if (intake.refusal === 'invalid-json') throw new errorCodes.FST_ERR_CTP_INVALID_JSON_BODY();
        if (intake.refusal === 'too-deep') throw new JsonTooDeepError(intake.at);
        return reply.code(intake.status).send(intake.body);
      }
      try {
        return await storeUpload(request, reply, intake.fields, intake.handle);
      } finally {
        scorer.release(intake.handle);
      }
    });
  });

  const storeUpload = async (request: FastifyRequest, reply: FastifyReply, fields: UploadFields, handle: UploadHandle) => {
    const body = fields;
    // The event log stays on the scorer thread; the few steps that need it here ask for a copy.
    let full: SessionBody | null = null;
    const fullBody = async () => (full ??= { ...fields, events: await scorer.events(handle) });
    const identity = await uploadIdentity(opts.db, request.headers.authorization, body, opts.now());
    if (!identity.ok) return reply.code(401).send({ error: identity.error, message: identity.message });
    const traineeId = identity.trainee?.traineeId ?? null;
    // A retry gets the original answer before any refusal below (a stored exam stays acknowledged
    // even if the unlock was withdrawn since). A first upload, the usual case, is not looked up
    // first: the insert's primary key tells a retry from it (see after the insert). The hash comes
    // from the scorer thread; a refusal before scoring makes it here (rare, and the same hash).
    const answerIfStored = async (known?: string): Promise<Answer | null> => {
      const existing = await findRow(body.id);
      if (!existing) return null;
      // A refusal before scoring, or a row from before the v3 hash: the whole body (rare).
      const needsLog = known === undefined || existing.content_hash === null || !existing.content_hash.startsWith('v3:');
      const whole = needsLog ? await fullBody() : { ...body, events: [] };
      return answerExisting(existing, whole, traineeId, known ?? uploadHash(whole, traineeId, eventLogJson(whole.events)));
    };

    // An exam is stored only under a server-issued attempt, once (exams/exam-upload.ts).
    let exam: ExamAttempt | null = null;
    if (body.mode === 'exam') {
      const gate = await examGate(opts.db, request.headers[examAttemptHeader], traineeId, body, opts.now(), opts.catalog.versions);
      if (!gate.ok) {
        const stored = await answerIfStored();
        if (stored) return send(reply, stored);
        request.log.warn({ event: 'exam-refused', reason: gate.error, sessionId: body.id, traineeId, scenarioId: body.scenarioId }, 'exam upload refused');
        return reply.code(gate.status).send({ error: gate.error, message: gate.message });
      }
      exam = gate.attempt;
    }
    const entry = await opts.catalog.find(body.scenarioHash, body.scenarioId, body.scenarioVersion);
    if (!entry || entry.scenario.id !== body.scenarioId) {
      const stored = await answerIfStored();
      if (stored) return send(reply, stored);
      return reply.code(422).send({
        error: 'unknown-scenario',
        message: `scenario ${body.scenarioId} version ${body.scenarioVersion} (hash ${body.scenarioHash.slice(0, 12)}…) is not known to this server`,
      });
    }
    // Replayed, serialised and hashed on the scorer thread that took the body in.
    const result = await scorer.score(handle, entry, traineeId);
    if (!result.ok) {
      // The log passed the schema but the engine could not replay it: the client's fault, said plainly.
      const stored = await answerIfStored();
      if (stored) return send(reply, stored);
      request.log.warn({ err: result.message, session: body.id }, 'event log could not be replayed');
      return reply.code(422).send({ error: 'unscorable-session', message: `the event log could not be replayed on ${entry.scenario.id} v${entry.scenario.version}` });
    }
    const hash = result.hash;
    const mismatch = result.total !== Math.round(body.clientScore);
    if (mismatch) request.log.warn({ session: body.id, client: body.clientScore, server: result.total }, 'client score differs from the server replay');

    // A full disk: nothing is written and the headset keeps the result; a retry of a stored one still gets its answer.
    if (opts.storage && !opts.storage.canStore()) {
      const stored = await answerIfStored(hash);
      if (stored) return send(reply, stored);
      return reply.code(503).header('retry-after', '60').send({ error: 'storage-full', message: 'the server cannot store right now (its disk is full); your result is kept on the device and sent again later' });
    }

    // A concurrent retry may insert between the read above and this write: the primary key decides.
    const row = storedUpload(
      {
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
        client_score: Math.round(body.clientScore),
        score: result.total,
        passed: result.passed ? 1 : 0,
        score_mismatch: mismatch ? 1 : 0,
        received_at: opts.now().toISOString(),
        content_hash: hash,
        organisation_id: identity.trainee?.organisationId ?? null,
        trainee_id: traineeId,
      },
      result,
    );
    if (body.poses) row.poses = { session_id: body.id, layout_hash: body.poses.layoutHash, hz: body.poses.hz, sample_count: body.poses.count, data: body.poses.data, received_at: row.session.received_at };
    // Only a first store marks the headset's token as used (in its transaction): a refusal or a retry changes nothing.
    const inserted = await writer.insert(row, identity.touch);
    if (!inserted) {
      // A retry, or a concurrent duplicate that won: the stored row answers, and nothing is published.
      const stored = await answerIfStored(hash);
      if (stored) return send(reply, stored);
      // Stored by another request and erased since: say so rather than claim a first store.
      return reply.code(409).send({ error: 'session-id-conflict', message: `session ${body.id} was stored before and no longer is; a new session needs a new id` });
    }
    if (exam) await recordExamFlags(opts.db, request.log, exam, await fullBody(), JSON.parse(result.resultJson) as ScoreResult, opts.now());
    if (identity.trainee) stored.set(request, { organisationId: identity.trainee.organisationId, sessionId: body.id });
    return reply.code(201).send({ id: body.id, score: result.total, passed: result.passed, scoreMismatch: mismatch });
  };
}
