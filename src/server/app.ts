import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import Fastify, { LogController, type FastifyError, type FastifyInstance } from 'fastify';
import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import { dbKindOf, type DbKind } from './db/create-db';
import type { ScenarioCatalog } from './scenario-catalog';
import { healthRoute } from './routes/health';
import { practicePolicyRoute } from './routes/practice-policy';
import { sessionsRoute } from './routes/sessions';
import { examAttemptRoutes } from './routes/exam-attempts';
import { organisationApi } from './organisation-api';
import { privacyRoutes } from './routes/privacy';
import { refuseNulCharacters } from './text-guard';
import { securityAudit } from './security-log';
import { accountRoutes } from './routes/account';
import { dashboardApi } from './dashboard-api';
import { LiveSessions } from './dashboard/live-sessions';
import { storageUnavailable } from './db/storage-errors';
import { StorageStatus } from './db/storage-status';
import { sqliteReadPool } from './db/sqlite-read-pool';
import { depthLimitedJsonParser } from './http/json-body-parser';
import { frameworkErrors } from './http/framework-errors';
import { httpsOnlyTrainerRoutes } from './http/https-only';
import { noStoreForApi } from './http/no-store';
import { securityHeaders } from './http/security-headers';
import { proxyTrust } from './http/trusted-proxies';
import { xapiApi } from './xapi-api';
import type { XapiForwarder } from './xapi/forwarder';
import type { PassportIssuerJob } from './passport/issuer-job';
import type { LearningPath } from '../engine';
import { passportApi } from './passport/passport-api';
import { LiveAttempts } from './live/live-attempts';
import { liveAttemptRoutes } from './routes/live-attempts';
import { voiceRoutes } from './routes/voices';
import { VoiceLines } from './voices/voice-lines';

export interface AppOptions {
  db: Kysely<Database>;
  catalog: ScenarioCatalog;
  /** The built trainee app (dist/app); omitted in API-only tests. */
  staticDir?: string;
  /**
   * true: request log and security events; an object: security events always (to `stream`, stdout
   * by default), the request log only with `requests` (LOG=on). Off when omitted (tests).
   */
  logger?: boolean | { stream?: NodeJS.WritableStream; requests?: boolean };
  /** Seals stored second-factor secrets (auth/server-secret.ts); random per process when omitted. */
  serverSecret?: Buffer;
  /** Told by the dialect when omitted. */
  dbKind?: DbKind;
  version?: string;
  now?: () => Date;
  /** The SQLite file, when the database is SQLite: uploads are written on their own thread. */
  sqliteFile?: string;
  /** Serve over TLS (the LAN port for headsets). */
  https?: { cert: string; key: string };
  /** New sessions for the dashboard's live list; share one between instances of one process (in-process by default). */
  live?: LiveSessions;
  /** Whether uploads can be stored (a full disk); made from the SQLite file's folder when omitted. */
  storage?: StorageStatus;
  /** Dashboard reads (lists, aggregates, exports): a read connection on a worker thread with SQLite; `db` when omitted. */
  readDb?: Kysely<Database>;
  /** TRUSTED_PROXIES: the only peers whose X-Forwarded-Proto/-For/-Host count (none by default). */
  trustedProxies?: readonly string[];
  /** Where trainer routes asked over plain HTTP from another computer are sent (null: refused). */
  httpsPort?: () => number | null;
  /** PUBLIC_URL: xAPI identifiers start here, never at the request's Host (src/server/xapi/identifiers.ts). */
  publicUrl?: string | null;
  /** Forwards statements to each organisation's LRS; one per process, shared by its listeners. */
  forwarder?: XapiForwarder;
  /** ANONYMOUS_PRACTICE: on a centre's server, trainees may practise without signing in (off when omitted). */
  anonymousPractice?: boolean;
  /** The LAN HTTPS addresses headsets use (as `npm start` prints them); QR cards default to the first. */
  headsetUrls?: () => string[];
  /** Run the passport's background issuer (default true); tests drive `app.passportIssuer.runOnce()`. */
  passportJob?: boolean;
  /** The passport issuer of this process's other listener, so that HTTP and HTTPS share one (see main.ts). */
  passportIssuer?: PassportIssuerJob;
  /** The default learning paths main.ts read and checked (scenes/_paths); tests leave it out. */
  learningPaths?: readonly LearningPath[];
  /** LOCALES_DIR: the texts centre recordings speak (a changed text makes its recording stale); the repository's locales/ when omitted. */
  localesDir?: string;
}

/** Every request body but a session upload's (see routes/sessions.ts). */
export const defaultBodyLimit = 64 * 1024;

/** Fastify's own 4xx (bad JSON, too large) answered in the same shape as ours: `{ error, message }`. */
function errorName(error: FastifyError): string {
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return 'body-too-large';
  if (error.code === 'WV_JSON_TOO_DEEP') return 'json-too-deep';
  // @fastify/rate-limit (login, join) throws its answer: keep its name.
  if (error.statusCode === 429) return 'too-many-requests';
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return 'unsupported-media-type';
  if (error instanceof SyntaxError || error.code?.startsWith('FST_ERR_CTP_')) return 'invalid-json';
  return 'bad-request';
}

/** The results server: API plus the built app, all from one origin so nothing is fetched elsewhere. */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const logOptions = typeof opts.logger === 'object' ? opts.logger : { requests: true };
  // Headers and bodies are never in pino's request serializer; redaction guards against a later change.
  const redact = ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'];
  const logger = opts.logger ? { level: 'info', redact, ...(logOptions.stream ? { stream: logOptions.stream } : {}) } : false;
  // The HTTPS instance has another server type; both are used through the same plain interface.
  // Trainer and join bodies are a few hundred bytes; POST /api/sessions sets its own, larger limit.
  const trusted = proxyTrust(opts.trustedProxies ?? []);
  const base = { logger, logController: new LogController({ disableRequestLogging: !logOptions.requests }), bodyLimit: defaultBodyLimit, trustProxy: trusted, frameworkErrors };
  const app = (opts.https ? Fastify({ ...base, https: opts.https }) : Fastify(base)) as unknown as FastifyInstance;
  const storage = opts.storage ?? new StorageStatus({ dataDir: opts.sqliteFile ? dirname(opts.sqliteFile) : null });

  securityHeaders(app);
  httpsOnlyTrainerRoutes(app, { httpsPort: opts.httpsPort ?? (() => null), viaTrustedProxy: (request) => trusted(request.socket.remoteAddress ?? '') });
  depthLimitedJsonParser(app);
  noStoreForApi(app);
  // Headsets load the app over workshop Wi-Fi: gzip roughly thirds the JavaScript on the wire.
  await app.register(compress, { encodings: ['gzip', 'deflate'], threshold: 1024 });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) return reply.code(status).send({ error: errorName(error), message: error.message });
    // The database restarting or a full disk passes: 503 with Retry-After, and the client tries again.
    const away = storageUnavailable(error);
    if (away) {
      storage.noteFailure(error);
      request.log.warn({ err: error }, away.error);
      return reply.code(503).header('retry-after', String(away.retryAfter)).send({ error: away.error, message: away.message });
    }
    request.log.error({ err: error }, 'request failed');
    // No internals to the client; the device keeps the result and sends it again.
    return reply.code(500).send({ error: 'server-error', message: 'the server could not handle this request; try again later' });
  });

  refuseNulCharacters(app);
  securityAudit(app);

  const live = opts.live ?? LiveSessions.inProcess();
  if (!opts.live) app.addHook('onClose', () => live.close());
  await practicePolicyRoute(app, { db: opts.db, anonymousPractice: opts.anonymousPractice ?? false });
  await healthRoute(app, { liveListening: () => live.listening, db: opts.db, dbKind: opts.dbKind ?? dbKindOf(opts.db), scenarios: opts.catalog.current.length, version: opts.version ?? 'dev', storage });

  // One secret for every use in this instance (sealed TOTP seeds, known-device cookies).
  const serverSecret = opts.serverSecret ?? randomBytes(32);
  await organisationApi(app, { db: opts.db, now: opts.now ?? (() => new Date()), serverSecret });
  await accountRoutes(app, { db: opts.db, now: opts.now ?? (() => new Date()), serverSecret });
  await xapiApi(app, { db: opts.db, now: opts.now ?? (() => new Date()), serverSecret, forwarder: opts.forwarder });
  await sessionsRoute(app, { db: opts.db, catalog: opts.catalog, now: opts.now ?? (() => new Date()), sqliteFile: opts.sqliteFile, live, storage });
  await examAttemptRoutes(app, { db: opts.db, now: opts.now ?? (() => new Date()), versions: opts.catalog.versions });
  // SQLite: dashboard reads on reader threads, so a long one never holds uploads up (issue 17).
  let readDb = opts.readDb;
  if (!readDb && opts.sqliteFile) {
    const pool = sqliteReadPool(opts.sqliteFile);
    app.addHook('onClose', () => pool.destroy());
    readDb = pool;
  }
  // The skills passport (docs/passport.md): signing in the background, never on the upload path.
  await passportApi(app, { db: opts.db, now: opts.now ?? (() => new Date()), serverSecret, catalog: opts.catalog, publicUrl: opts.publicUrl ?? null, baseUrl: () => opts.publicUrl ?? opts.headsetUrls?.()[0] ?? 'http://localhost', startJob: opts.passportJob, sharedJob: opts.passportIssuer });
  await privacyRoutes(app, { db: opts.db, readDb: readDb ?? opts.db, now: opts.now ?? (() => new Date()) });
  await dashboardApi(app, { db: opts.db, readDb: readDb ?? opts.db, now: opts.now ?? (() => new Date()), catalog: opts.catalog, live, publicUrl: opts.publicUrl, headsetUrls: opts.headsetUrls ?? (() => []), learningPaths: opts.learningPaths });

  // The live class view: headsets' progress passed between instances, kept in memory only.
  const attempts = new LiveAttempts({ live, now: () => (opts.now ?? (() => new Date()))().getTime() });
  app.addHook('onClose', async () => attempts.close());
  await liveAttemptRoutes(app, { db: opts.db, now: opts.now ?? (() => new Date()), catalog: opts.catalog, attempts });

  // Centre-recorded voices (issue 30): checked against the texts the app ships, beside the generated audio.
  const voiceLines = new VoiceLines(opts.localesDir ?? join(process.cwd(), 'locales'), join(process.cwd(), 'assets', 'audio'), () => opts.catalog.current.map((e) => e.scenario));
  await voiceRoutes(app, { db: opts.db, now: opts.now ?? (() => new Date()), lines: voiceLines });

  const staticDir = opts.staticDir && existsSync(join(opts.staticDir, 'index.html')) ? opts.staticDir : undefined;
  if (staticDir) {
    const assetsDir = join(staticDir, 'assets') + sep;
    await app.register(fastifyStatic, {
      root: staticDir,
      index: ['index.html'],
      // The headers below are the whole caching story; no ETag-less max-age from the plugin.
      cacheControl: false,
      setHeaders(res, path) {
        // Vite's hashed build files never change under their name; everything else is revalidated.
        res.setHeader('cache-control', path.startsWith(assetsDir) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '';
    // Client-side routes get the app; unknown API paths and missing files get a clear 404.
    const isPage = (request.method === 'GET' || request.method === 'HEAD') && !url.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(url);
    // The trainer dashboard is its own entry (dashboard.html): /dashboard and anything under it.
    const page = url === '/dashboard' || url.startsWith('/dashboard/') ? 'dashboard.html' : 'index.html';
    if (staticDir && isPage) return reply.type('text/html').header('cache-control', 'no-cache').sendFile(page);
    return reply.code(404).send({ error: 'not-found', message: `${request.method} ${url} does not exist` });
  });

  return app;
}
