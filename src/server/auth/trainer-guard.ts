import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { findTrainerSession, sameSecret, sessionCookie, type TrainerSession } from './trainer-sessions';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the trainer guard on routes that need a logged-in trainer. */
    trainerSession?: TrainerSession;
  }
  interface FastifyContextConfig {
    /** Open to an admin who must still set up a second factor (account routes, me, logout). */
    beforeSecondFactor?: boolean;
  }
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A preHandler for trainer routes: a live session cookie, and on every state-changing request the
 * session's CSRF token in `x-csrf-token` (a cross-site form or fetch cannot read it, so cannot send it).
 */
export function trainerGuard(db: Kysely<Database>, now: () => Date) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const token = request.cookies[sessionCookie];
    const session = token ? await findTrainerSession(db, token, now()) : null;
    if (!session) return reply.code(401).send({ error: 'not-logged-in', message: 'log in as a trainer first (the session may have timed out)' });
    if (!safeMethods.has(request.method) && !sameSecret(request.headers['x-csrf-token'] as string | undefined, session.csrfToken)) {
      return reply.code(403).send({ error: 'csrf-token-invalid', message: 'the x-csrf-token header is missing or does not match this session; reload the page' });
    }
    request.trainerSession = session;
    if (session.trainer.secondFactorRequired && !request.routeOptions.config.beforeSecondFactor) {
      return reply.code(403).send({ error: 'second-factor-required', message: 'your organisation requires admins to set up a second factor first (account page)' });
    }
  };
}

/** The trainer of a guarded route (the guard has run). */
export function trainerOf(request: FastifyRequest): TrainerSession {
  if (!request.trainerSession) throw new Error('trainerOf: route is not guarded');
  return request.trainerSession;
}
