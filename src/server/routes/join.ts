import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';
import { redeemJoinCode } from '../auth/trainee-tokens';
import { invalidBody } from './invalid-body';

const joinBody = z.strictObject({ code: z.string().min(4).max(20) });

/**
 * POST /api/join: a headset trades the code on a trainee's card for a token it uploads under.
 * Rate-limited per address, which is what keeps 8-character codes unguessable.
 */
export async function joinRoute(app: FastifyInstance, opts: { db: Kysely<Database>; now: () => Date }) {
  app.post('/api/join', { config: { rateLimit: { max: 20, timeWindow: '1 minute' } } }, async (request, reply) => {
    const parsed = joinBody.safeParse(request.body);
    if (!parsed.success) return invalidBody(reply, parsed.error);
    const joined = await redeemJoinCode(opts.db, parsed.data.code, opts.now());
    if (!joined) return reply.code(404).send({ error: 'join-code-unknown', message: 'this code is unknown or has expired; ask your trainer for a new one' });
    return reply.code(201).send({ token: joined.token, expiresAt: joined.identity.expiresAt, trainee: { code: joined.identity.code } });
  });
}
