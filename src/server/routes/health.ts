import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { DbKind } from '../db/create-db';
import { storageUnavailable } from '../db/storage-errors';
import type { StorageStatus } from '../db/storage-status';

/**
 * GET /api/health: answers only after a real database round trip, and says whether the server can
 * store uploads (a full disk answers `canStore: false`, 503), so a load balancer or a monitor sees
 * an instance that only looks alive.
 */
export async function healthRoute(app: FastifyInstance, opts: { db: Kysely<Database>; dbKind: DbKind; scenarios: number; version: string; storage?: StorageStatus; liveListening?: () => boolean }) {
  app.get('/api/health', async (_request, reply) => {
    try {
      await sql`select 1`.execute(opts.db);
    } catch (error) {
      const away = storageUnavailable(error);
      return reply
        .code(503)
        .header('retry-after', String(away?.retryAfter ?? 5))
        .send({ ok: false, db: opts.dbKind, canStore: false, error: error instanceof Error ? error.message : String(error) });
    }
    const storage = opts.storage?.status ?? { canStore: true, reason: null };
    if (!storage.canStore) {
      return reply.code(503).header('retry-after', '60').send({ ok: false, db: opts.dbKind, canStore: false, reason: storage.reason, scenarios: opts.scenarios, version: opts.version });
    }
    // Live updates reconnecting (PostgreSQL LISTEN lost) is said, not failed: uploads and pages still work.
    const liveUpdates = (opts.liveListening?.() ?? true) ? 'listening' : 'reconnecting';
    return { ok: true, db: opts.dbKind, canStore: true, liveUpdates, scenarios: opts.scenarios, version: opts.version };
  });
}
