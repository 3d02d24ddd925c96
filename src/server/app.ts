import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import type { DbKind } from './db/create-db';
import type { ScenarioCatalog } from './scenario-catalog';
import { healthRoute } from './routes/health';
import { sessionsRoute } from './routes/sessions';

export interface AppOptions {
  db: Kysely<Database>;
  dbKind: DbKind;
  catalog: ScenarioCatalog;
  /** The built trainee app (dist/app); omitted in API-only tests. */
  staticDir?: string;
  logger?: boolean;
  version?: string;
  now?: () => Date;
  /** Serve over TLS (the LAN port for headsets). */
  https?: { cert: string; key: string };
}

/** The results server: API plus the built app, all from one origin so nothing is fetched elsewhere. */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const logger = opts.logger ? { level: 'info' } : false;
  // The HTTPS instance has another server type; both are used through the same plain interface.
  const app = (opts.https ? Fastify({ logger, https: opts.https }) : Fastify({ logger })) as unknown as FastifyInstance;

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        // blob: for troika's text worker, which loads its code from a blob URL.
        scriptSrc: ["'self'", 'blob:', "'wasm-unsafe-eval'"],
        // troika builds its text in a worker made from a blob; three.js and the loaders use blob: images.
        workerSrc: ["'self'", 'blob:'],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        mediaSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // HSTS on a LAN IP would force https on every port of that address, including plain http://…:8080.
    strictTransportSecurity: false,
  });

  await healthRoute(app, { db: opts.db, dbKind: opts.dbKind, scenarios: opts.catalog.current.length, version: opts.version ?? 'dev' });
  await sessionsRoute(app, { db: opts.db, catalog: opts.catalog, now: opts.now ?? (() => new Date()) });

  const staticDir = opts.staticDir;
  if (staticDir && existsSync(join(staticDir, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: staticDir,
      index: ['index.html'],
      setHeaders(res, path) {
        // Hashed build files never change; everything else is revalidated.
        if (path.includes(`${join(staticDir, 'assets')}/`)) res.header('cache-control', 'public, max-age=31536000, immutable');
        else res.header('cache-control', 'no-cache');
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '';
    // Client-side routes get the app; unknown API paths and missing files get a clear 404.
    if (request.method === 'GET' && staticDir && !url.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(url) && existsSync(join(staticDir, 'index.html'))) {
      return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply.code(404).send({ error: 'not-found', message: `${request.method} ${url} does not exist` });
  });

  return app;
}
