import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';
import { hashPassword, verifyPassword } from '../auth/password';
import { passwordProblem } from '../auth/password-policy';
import { KnownDevices } from '../auth/known-device';
import { startTrainerSession } from '../auth/login-session';
import { issuePasswordReset, redeemPasswordReset, resetTarget } from '../auth/password-reset';
import { SecretBox } from '../auth/secret-box';
import {
  challengeTrainer,
  checkSecondFactor,
  endChallenge,
  failChallenge,
  newRecoveryCodes,
  newTotpSecret,
  removeSecondFactor,
  replaceRecoveryCodes,
  totpStep,
  totpUri,
} from '../auth/second-factor';
import { throttledAttempt } from '../auth/throttled-attempt';
import { trainerGuard, trainerOf } from '../auth/trainer-guard';
import { endTrainerSessions } from '../auth/trainer-sessions';
import { securityEvent } from '../security-log';
import { invalidBody } from './invalid-body';
import { passwordRefused } from './password-refused';

const password = z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const secondFactorBody = z.strictObject({ challenge: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be the challenge from the login answer'), code: z.string().trim().min(6).max(20) });
const changeBody = z.strictObject({ currentPassword: password, newPassword: password });
const confirmBody = z.strictObject({ code: z.string().trim().regex(/^\d{6}$/, 'must be the 6-digit code from the authenticator app') });
const removeBody = z.strictObject({ password });
const resetBody = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be the code from the reset link'), password });
const issueResetBody = z.strictObject({ removeSecondFactor: z.boolean().default(false) });
const idParams = z.strictObject({ id: z.uuid({ message: 'must be a trainer id' }) });
const securityBody = z.strictObject({ requireAdminSecondFactor: z.boolean() });

export interface AccountRouteOptions {
  db: Kysely<Database>;
  now: () => Date;
  /** Seals TOTP seeds and signs known-device cookies (auth/server-secret.ts). */
  serverSecret: Buffer;
}

/**
 * A trainer's own account (password change, second factor), the login's second step, the admin's
 * reset link and the organisation's second-factor rule (issue 18 item 4; docs/api.md "Accounts").
 */
export async function accountRoutes(app: FastifyInstance, opts: AccountRouteOptions) {
  const { db, now } = opts;
  const guard = trainerGuard(db, now);
  const box = new SecretBox(opts.serverSecret, 'totp');
  const devices = new KnownDevices(opts.serverSecret);
  const own = { preHandler: guard, config: { beforeSecondFactor: true } };
  const organisationName = async (trainerId: string) =>
    (await db.selectFrom('trainers as t').innerJoin('organisations as o', 'o.id', 't.organisation_id').select('o.name').where('t.id', '=', trainerId).executeTakeFirstOrThrow()).name;

  app.post('/api/auth/login/second-factor', { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } }, async (request, reply) => {
    const parsed = secondFactorBody.safeParse(request.body);
    if (!parsed.success) return invalidBody(reply, parsed.error);
    const challenge = await challengeTrainer(db, parsed.data.challenge, now());
    if (!challenge) return reply.code(401).send({ error: 'challenge-expired', message: 'this login has expired or had too many wrong codes; log in again with your password' });
    const attempt = await throttledAttempt(db, now(), request, reply, challenge.email, devices.isKnown(request, challenge.trainerId));
    if (!attempt) return reply;
    const used = await checkSecondFactor(db, box, challenge.trainerId, parsed.data.code, now());
    if (!used) {
      await failChallenge(db, challenge.tokenHash);
      securityEvent(request, 'second-factor-failed', { trainerId: challenge.trainerId });
      return reply.code(401).send({ error: 'second-factor-wrong', message: 'this code is wrong or was used already; try the next code' });
    }
    await endChallenge(db, challenge.tokenHash);
    await attempt.succeeded();
    const answer = await startTrainerSession(db, now(), request, reply, challenge.trainerId);
    // After the session cookie: clients that read the first Set-Cookie get the session.
    devices.remember(reply, challenge.trainerId);
    securityEvent(request, 'login-succeeded', { trainerId: challenge.trainerId, organisationId: answer.trainer.organisation.id, secondFactor: used });
    return reply.code(200).send(answer);
  });

  app.post('/api/auth/password', own, async (request, reply) => {
    const parsed = changeBody.safeParse(request.body);
    if (!parsed.success) return invalidBody(reply, parsed.error);
    const session = trainerOf(request);
    const { trainer } = session;
    const attempt = await throttledAttempt(db, now(), request, reply, trainer.email);
    if (!attempt) return reply;
    const row = await db.selectFrom('trainers').select('password_hash').where('id', '=', trainer.id).executeTakeFirstOrThrow();
    if (!(await verifyPassword(parsed.data.currentPassword, row.password_hash))) {
      securityEvent(request, 'password-change-failed', { reason: 'current-password-wrong' });
      return reply.code(400).send({ error: 'current-password-wrong', message: 'currentPassword: is not your current password', issues: [{ path: 'currentPassword', message: 'is not your current password' }] });
    }
    await attempt.succeeded();
    const problem = await passwordProblem(parsed.data.newPassword, { email: trainer.email, organisationName: trainer.organisationName });
    if (problem) return passwordRefused(reply, 'newPassword', problem);
    await db.updateTable('trainers').set({ password_hash: await hashPassword(parsed.data.newPassword), password_changed_at: now().toISOString() }).where('id', '=', trainer.id).execute();
    // Whoever else was logged in as this trainer (a forgotten laptop, a stolen cookie) is out.
    const endedSessions = await endTrainerSessions(db, trainer.id, session.tokenHash);
    await db.deleteFrom('password_resets').where('trainer_id', '=', trainer.id).execute();
    securityEvent(request, 'password-changed', { endedSessions });
    return reply.code(200).send({ endedSessions });
  });

  app.post('/api/auth/second-factor/setup', own, async (request, reply) => {
    const { trainer } = trainerOf(request);
    if (trainer.secondFactor) return reply.code(409).send({ error: 'second-factor-exists', message: 'a second factor is set up already; remove it first to set up another' });
    const secret = newTotpSecret();
    await db.updateTable('trainers').set({ totp_pending: box.seal(secret) }).where('id', '=', trainer.id).execute();
    return reply.code(200).send({ secret, uri: totpUri(secret, trainer.email, trainer.organisationName) });
  });

  app.post('/api/auth/second-factor/confirm', own, async (request, reply) => {
    const parsed = confirmBody.safeParse(request.body);
    if (!parsed.success) return invalidBody(reply, parsed.error);
    const { trainer } = trainerOf(request);
    const row = await db.selectFrom('trainers').select(['totp_pending', 'totp_secret']).where('id', '=', trainer.id).executeTakeFirstOrThrow();
    const secret = row.totp_pending ? box.open(row.totp_pending) : null;
    if (row.totp_secret !== null || !secret) return reply.code(409).send({ error: 'no-second-factor-setup', message: 'start the set-up again: no second factor is being set up' });
    const step = totpStep(secret, parsed.data.code, now());
    if (step === null) return reply.code(400).send({ error: 'second-factor-wrong', message: 'code: does not match; check the time on your phone and try the next code', issues: [{ path: 'code', message: 'does not match' }] });
    await db.updateTable('trainers').set({ totp_secret: row.totp_pending, totp_pending: null, totp_last_step: step }).where('id', '=', trainer.id).execute();
    const recoveryCodes = newRecoveryCodes();
    await replaceRecoveryCodes(db, trainer.id, recoveryCodes, now());
    securityEvent(request, 'second-factor-enabled');
    return reply.code(200).send({ recoveryCodes });
  });

  app.post('/api/auth/second-factor/remove', own, async (request, reply) => {
    const parsed = removeBody.safeParse(request.body);
    if (!parsed.success) return invalidBody(reply, parsed.error);
    const { trainer } = trainerOf(request);
    const org = await db.selectFrom('organisations').select('require_admin_totp').where('id', '=', trainer.organisationId).executeTakeFirstOrThrow();
    if (trainer.role === 'admin' && org.require_admin_totp === 1) {
      return reply.code(409).send({ error: 'second-factor-required', message: 'your organisation requires a second factor for admins; it cannot be removed' });
    }
    const attempt = await throttledAttempt(db, now(), request, reply, trainer.email);
    if (!attempt) return reply;
    const row = await db.selectFrom('trainers').select('password_hash').where('id', '=', trainer.id).executeTakeFirstOrThrow();
    if (!(await verifyPassword(parsed.data.password, row.password_hash))) {
      return reply.code(400).send({ error: 'current-password-wrong', message: 'password: is not your current password', issues: [{ path: 'password', message: 'is not your current password' }] });
    }
    await attempt.succeeded();
    await removeSecondFactor(db, trainer.id);
    securityEvent(request, 'second-factor-removed', { by: 'self' });
    return reply.code(204).send();
  });

  app.post('/api/trainers/:id/password-reset', { preHandler: guard }, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const parsed = issueResetBody.safeParse(request.body ?? {});
    if (!parsed.success) return invalidBody(reply, parsed.error);
    const me = trainerOf(request).trainer;
    if (me.role !== 'admin') return reply.code(403).send({ error: 'admin-only', message: 'only an organisation admin may reset a password' });
    const target = await db.selectFrom('trainers').select('id').where('id', '=', params.data.id).where('organisation_id', '=', me.organisationId).executeTakeFirst();
    if (!target) return reply.code(404).send({ error: 'not-found', message: 'no such trainer in your organisation' });
    const issued = await issuePasswordReset(db, target.id, now());
    if (parsed.data.removeSecondFactor) {
      await removeSecondFactor(db, target.id);
      securityEvent(request, 'second-factor-removed', { by: 'admin', target: target.id });
    }
    securityEvent(request, 'password-reset-issued', { target: target.id, removeSecondFactor: parsed.data.removeSecondFactor });
    // The token only ever travels in the link's fragment (#…): browsers never send it in a request line.
    return reply.code(201).send({ link: `/dashboard/#/reset/${issued.token}`, expiresAt: issued.expiresAt });
  });

  app.post('/api/auth/password-reset', { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } }, async (request, reply) => {
    const parsed = resetBody.safeParse(request.body);
    if (!parsed.success) return invalidBody(reply, parsed.error);
    const target = await resetTarget(db, parsed.data.token, now());
    if (!target) {
      securityEvent(request, 'password-reset-refused');
      return reply.code(400).send({ error: 'reset-link-invalid', message: 'this reset link is unknown, used or expired; ask your admin for a new one' });
    }
    const problem = await passwordProblem(parsed.data.password, { email: target.email, organisationName: await organisationName(target.trainerId) });
    if (problem) return passwordRefused(reply, 'password', problem);
    if (!(await redeemPasswordReset(db, parsed.data.token, await hashPassword(parsed.data.password), now()))) {
      return reply.code(400).send({ error: 'reset-link-invalid', message: 'this reset link is unknown, used or expired; ask your admin for a new one' });
    }
    const endedSessions = await endTrainerSessions(db, target.trainerId);
    securityEvent(request, 'password-reset-used', { trainerId: target.trainerId, endedSessions });
    return reply.code(204).send();
  });

  app.get('/api/organisation/security', { preHandler: guard }, async (request) => {
    const org = await db.selectFrom('organisations').select('require_admin_totp').where('id', '=', trainerOf(request).trainer.organisationId).executeTakeFirstOrThrow();
    return { requireAdminSecondFactor: org.require_admin_totp === 1 };
  });

  app.put('/api/organisation/security', { preHandler: guard }, async (request, reply) => {
    const { trainer } = trainerOf(request);
    if (trainer.role !== 'admin') return reply.code(403).send({ error: 'admin-only', message: 'only an organisation admin may change its settings' });
    const parsed = securityBody.safeParse(request.body);
    if (!parsed.success) return invalidBody(reply, parsed.error);
    // The admin who turns it on would otherwise be shut out of everything but the set-up at once.
    if (parsed.data.requireAdminSecondFactor && !trainer.secondFactor) {
      return reply.code(409).send({ error: 'set-up-second-factor-first', message: 'set up your own second factor before requiring one of every admin' });
    }
    await db.updateTable('organisations').set({ require_admin_totp: parsed.data.requireAdminSecondFactor ? 1 : 0 }).where('id', '=', trainer.organisationId).execute();
    securityEvent(request, 'organisation-changed', { requireAdminSecondFactor: parsed.data.requireAdminSecondFactor });
    return { requireAdminSecondFactor: parsed.data.requireAdminSecondFactor };
  });
}
