import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';
import { emailSchema } from '../organisations';
import { accountsOf, checkTrainerLogin } from '../auth/login-check';
import { KnownDevices } from '../auth/known-device';
import { publicTrainer, startTrainerSession } from '../auth/login-session';
import { createChallenge } from '../auth/second-factor';
import { throttledAttempt } from '../auth/throttled-attempt';
import { trainerGuard, trainerOf } from '../auth/trainer-guard';
import { deleteTrainerSession, sessionCookie } from '../auth/trainer-sessions';
import { securityEvent } from '../security-log';
import { invalidBody } from './invalid-body';

const loginSchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1).max(200),
  /** Only after a `409 choose-organisation`: the address has accounts in several organisations with this password. */
  organisation: z.uuid({ message: 'must be an organisation id from the choose-organisation answer' }).optional(),
});

/** POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me (docs/api.md). */
export async function authRoutes(app: FastifyInstance, opts: { db: Kysely<Database>; now: () => Date; serverSecret: Buffer }) {
  const { db, now } = opts;
  const guard = trainerGuard(db, now);
  const devices = new KnownDevices(opts.serverSecret);

  app.post('/api/auth/login', { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } }, async (request, reply) => {
    const parsed = loginSchema.safeParse(request.body);
    if (!parsed.success) return invalidBody(reply, parsed.error);
    const { email, password, organisation } = parsed.data;
    const accounts = await accountsOf(db, email, organisation);
    const attempt = await throttledAttempt(db, now(), request, reply, email, accounts.some((id) => devices.isKnown(request, id)));
    if (!attempt) return reply;
    const check = await checkTrainerLogin(db, email, password, organisation);
    if (check.kind === 'failed') {
      securityEvent(request, 'login-failed', { email });
      return reply.code(401).send({ error: 'login-failed', message: 'e-mail or password is wrong' });
    }
    if (check.kind === 'choose-organisation') {
      // Only someone with the right password for each of these accounts learns their organisations.
      securityEvent(request, 'login-organisation-asked', { email, accounts: check.organisations.length });
      return reply.code(409).send({ error: 'choose-organisation', message: 'this e-mail and password open accounts in several organisations; send the organisation to log in to', organisations: check.organisations });
    }
    const { trainerId } = check;
    const row = await db.selectFrom('trainers').select('totp_secret').where('id', '=', trainerId).executeTakeFirstOrThrow();
    if (row.totp_secret !== null) {
      // The account's attempts are cleared only after the code too: a known password does not buy unthrottled code guesses.
      securityEvent(request, 'second-factor-asked', { trainerId });
      return reply.code(200).send({ secondFactor: 'totp', ...(await createChallenge(db, trainerId, now())) });
    }
    await attempt.succeeded();
    const answer = await startTrainerSession(db, now(), request, reply, trainerId);
    // After the session cookie: clients that read the first Set-Cookie get the session.
    devices.remember(reply, trainerId);
    securityEvent(request, 'login-succeeded', { trainerId, organisationId: answer.trainer.organisation.id });
    return reply.code(200).send(answer);
  });

  app.post('/api/auth/logout', { preHandler: guard, config: { beforeSecondFactor: true } }, async (request, reply) => {
    await deleteTrainerSession(db, trainerOf(request).tokenHash);
    securityEvent(request, 'logout');
    reply.clearCookie(sessionCookie, { path: '/', httpOnly: true, secure: true, sameSite: 'strict' });
    return reply.code(204).send();
  });

  app.get('/api/auth/me', { preHandler: guard, config: { beforeSecondFactor: true } }, async (request) => {
    const s = trainerOf(request);
    return { trainer: publicTrainer(s.trainer), csrfToken: s.csrfToken };
  });
}
