import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import { authRoutes } from './routes/auth';
import { joinRoute } from './routes/join';
import { organisationRoutes } from './routes/organisation';
import { sessionReadRoutes } from './routes/session-reads';

/**
 * Trainer login, organisations' groups and trainees, trainee join, and the scoped session reads
 * (docs/api.md). Rate limits apply only where a route asks for one (login, join).
 */
export async function organisationApi(app: FastifyInstance, opts: { db: Kysely<Database>; now: () => Date; serverSecret: Buffer }) {
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      error: 'too-many-requests',
      message: `too many attempts; try again in ${Math.ceil(context.ttl / 1000)} s`,
    }),
  });
  await authRoutes(app, opts);
  await joinRoute(app, opts);
  await organisationRoutes(app, opts);
  await sessionReadRoutes(app, opts);
}
