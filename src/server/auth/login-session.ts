import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { absoluteTimeoutMs, createTrainerSession, deleteTrainerSession, findTrainerSession, sessionCookie, type Trainer } from './trainer-sessions';

export const publicTrainer = (t: Trainer) => ({
  id: t.id,
  email: t.email,
  role: t.role,
  organisation: { id: t.organisationId, name: t.organisationName },
  secondFactor: t.secondFactor,
  secondFactorRequired: t.secondFactorRequired,
});

/**
 * The end of a successful login (password, and the second factor when there is one): a new session
 * and its cookie. A cookie from before the login is never promoted: the session id always changes.
 */
export async function startTrainerSession(db: Kysely<Database>, now: Date, request: FastifyRequest, reply: FastifyReply, trainerId: string) {
  const previous = request.cookies[sessionCookie];
  if (previous) {
    const old = await findTrainerSession(db, previous, now);
    if (old) await deleteTrainerSession(db, old.tokenHash);
  }
  const { token, csrfToken } = await createTrainerSession(db, trainerId, now);
  const session = await findTrainerSession(db, token, now);
  reply.setCookie(sessionCookie, token, { path: '/', httpOnly: true, secure: true, sameSite: 'strict', maxAge: absoluteTimeoutMs / 1000 });
  return { trainer: publicTrainer(session!.trainer), csrfToken };
}
