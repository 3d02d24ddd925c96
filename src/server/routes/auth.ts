import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';
import { emailSchema } from '../organisations';
import { checkTrainerLogin } from '../auth/login-check';
import { trainerGuard, trainerOf } from '../auth/trainer-guard';
import { absoluteTimeoutMs, createTrainerSession, deleteTrainerSession, findTrainerSession, sessionCookie, type Trainer } from '../auth/trainer-sessions';
import { invalidBody } from './invalid-body';

const loginSchema = z.strictObject({ email: emailSchema, password: z.string().min(1).max(200) });

const publicTrainer = (t: Trainer) => ({ id: t.id, email: t.email, role: t.role, organisation: { id: t.organisationId, name: t.organisationName } });

/** POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me (docs/api.md). */
export async function authRoutes(app: FastifyInstance, opts: { db: Kysely<Database>; now: () => Date }) {
  const guard = trainerGuard(opts.db, opts.now);

  app.post('/api/auth/login', { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } }, async (request, reply) => {
    const parsed = loginSchema.safeParse(request.body);
    if (!parsed.success) return invalidBody(reply, parsed.error);
    const trainerId = await checkTrainerLogin(opts.db, parsed.data.email, parsed.data.password);
    if (!trainerId) return reply.code(401).send({ error: 'login-failed', message: 'e-mail or password is wrong' });
    // A cookie from before the login is never promoted: the session id always changes at login.
    const previous = request.cookies[sessionCookie];
    if (previous) {
      const old = await findTrainerSession(opts.db, previous, opts.now());
      if (old) await deleteTrainerSession(opts.db, old.tokenHash);
    }
    const { token, csrfToken } = await createTrainerSession(opts.db, trainerId, opts.now());
    const session = await findTrainerSession(opts.db, token, opts.now());
    reply.setCookie(sessionCookie, token, { path: '/', httpOnly: true, secure: true, sameSite: 'strict', maxAge: absoluteTimeoutMs / 1000 });
    return reply.code(200).send({ trainer: publicTrainer(session!.trainer), csrfToken });
  });

  app.post('/api/auth/logout', { preHandler: guard }, async (request, reply) => {
    await deleteTrainerSession(opts.db, trainerOf(request).tokenHash);
    reply.clearCookie(sessionCookie, { path: '/', httpOnly: true, secure: true, sameSite: 'strict' });
    return reply.code(204).send();
  });

  app.get('/api/auth/me', { preHandler: guard }, async (request) => {
    const s = trainerOf(request);
    return { trainer: publicTrainer(s.trainer), csrfToken: s.csrfToken };
  });
}
