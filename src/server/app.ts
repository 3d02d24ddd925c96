import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import compress from '@fastify/compress';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import { dbKindOf, type DbKind } from './db/create-db';
import type { ScenarioCatalog } from './scenario-catalog';
import { healthRoute } from './routes/health';
import { sessionsRoute } from './routes/sessions';
import { organisationApi } from './organisation-api';
import { privacyRoutes } from './routes/privacy';
import { refuseNulCharacters } from './text-guard';
import { dashboardApi } from './dashboard-api';
import { LiveSessions } from './dashboard/live-sessions';

export interface AppOptions {
  db: Kysely<Database>;
  catalog: ScenarioCatalog;
  /** The built trainee app (dist/app); omitted in API-only tests. */
  staticDir?: string;
  logger?: boolean;
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
  /** The LAN HTTPS addresses headsets use (as `npm start` prints them); QR cards default to the first. */
  headsetUrls?: () => string[];
}

/** Every request body but a session upload's (see routes/sessions.ts). */
export const defaultBodyLimit = 64 * 1024;

/** The CSP: everything from this server, nothing from any other host (DESIGN.md principle 7). */
const contentSecurityPolicy = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    // WebAssembly decoders (Draco/Basis for models) compile with wasm-unsafe-eval, never with eval.
    scriptSrc: ["'self'", 'blob:', "'wasm-unsafe-eval'"],
    // troika builds its text in a worker made from a blob URL.
    workerSrc: ["'self'", 'blob:'],
    // three.js loaders turn textures into blob:/data: images.
    imgSrc: ["'self'", 'data:', 'blob:'],
    connectSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    // React and drei set style attributes; no style sheet comes from elsewhere.
    styleSrc: ["'self'", "'unsafe-inline'"],
    mediaSrc: ["'self'", 'data:', 'blob:'],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

/** Fastify's own 4xx (bad JSON, too large) answered in the same shape as ours: `{ error, message }`. */
function errorName(error: FastifyError): string {
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return 'body-too-large';
  // @fastify/rate-limit (login, join) throws its answer: keep its name.
  if (error.statusCode === 429) return 'too-many-requests';
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return 'unsupported-media-type';
  if (error instanceof SyntaxError || error.code?.startsWith('FST_ERR_CTP_')) return 'invalid-json';
  return 'bad-request';
}

/** The results server: API plus the built app, all from one origin so nothing is fetched elsewhere. */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const logger = opts.logger ? { level: 'info' } : false;
  // The HTTPS instance has another server type; both are used through the same plain interface.
  // Trainer and join bodies are a few hundred bytes; POST /api/sessions sets its own, larger limit.
  const base = { logger, bodyLimit: defaultBodyLimit };
  const app = (opts.https ? Fastify({ ...base, https: opts.https }) : Fastify(base)) as unknown as FastifyInstance;

  // HSTS on a LAN IP would force https on every port of that address, including plain http://…:8080.
  await app.register(helmet, { contentSecurityPolicy, strictTransportSecurity: false });
  // Headsets load the app over workshop Wi-Fi: gzip roughly thirds the JavaScript on the wire.
  await app.register(compress, { encodings: ['gzip', 'deflate'], threshold: 1024 });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) return reply.code(status).send({ error: errorName(error), message: error.message });
    request.log.error({ err: error }, 'request failed');
    // No internals to the client; the device keeps the result and sends it again.
    return reply.code(500).send({ error: 'server-error', message: 'the server could not handle this request; try again later' });
  });

  refuseNulCharacters(app);

  await healthRoute(app, { db: opts.db, dbKind: opts.dbKind ?? dbKindOf(opts.db), scenarios: opts.catalog.current.length, version: opts.version ?? 'dev' });

  await organisationApi(app, { db: opts.db, now: opts.now ?? (() => new Date()) });
  await privacyRoutes(app, { db: opts.db, now: opts.now ?? (() => new Date()) });
  const live = opts.live ?? LiveSessions.inProcess();
  if (!opts.live) app.addHook('onClose', () => live.close());
  await sessionsRoute(app, { db: opts.db, catalog: opts.catalog, now: opts.now ?? (() => new Date()), sqliteFile: opts.sqliteFile, live });
  await dashboardApi(app, { db: opts.db, now: opts.now ?? (() => new Date()), catalog: opts.catalog, live, headsetUrls: opts.headsetUrls ?? (() => []) });

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
