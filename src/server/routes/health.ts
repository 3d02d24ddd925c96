import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { DbKind } from '../db/create-db';

/** GET /api/health: answers only after a real database round trip. */
export async function healthRoute(app: FastifyInstance, opts: { db: Kysely<Database>; dbKind: DbKind; scenarios: number; version: string }) {
  app.get('/api/health', async (_request, reply) => {
    try {
      await sql`select 1`.execute(opts.db);
    } catch (error) {
      return reply.code(503).send({ ok: false, db: opts.dbKind, error: error instanceof Error ? error.message : String(error) });
    }
    return { ok: true, db: opts.dbKind, scenarios: opts.scenarios, version: opts.version };
  });
}
