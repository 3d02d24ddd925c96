import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { securityEvent } from '../security-log';
import { accountKey, accountRule, knownDeviceKey, addressKey, addressRule, claimAttempt, clearAttempts, purgeThrottle, returnAttempt } from './login-throttle';

/**
 * One password or code attempt against an account, claimed from both throttles (the address, then
 * the account) before anything is checked. Refused: 429 with Retry-After, and the reply is sent.
 */
export async function throttledAttempt(db: Kysely<Database>, now: Date, request: FastifyRequest, reply: FastifyReply, email: string, knownDevice = false) {
  // A browser that logged in to this account before counts apart: others' guesses never slow it.
  const account = knownDevice ? knownDeviceKey(email) : accountKey(email);
  for (const [scope, key, rule] of [
    ['address', addressKey(request.ip), addressRule],
    ['account', account, accountRule],
  ] as const) {
    const claim = await claimAttempt(db, key, rule, now);
    if (!claim.ok) {
      const seconds = Math.max(1, Math.ceil(claim.retryAfterMs / 1000));
      securityEvent(request, 'login-throttled', { scope, email, retryAfterS: seconds });
      // The address claim stays counted: a refused attempt is still an attempt from there.
      await reply
        .code(429)
        .header('retry-after', String(seconds))
        .send({ error: 'too-many-requests', message: `too many attempts; try again in ${seconds} s` });
      return null;
    }
    // The first delayed attempt is the moment a lockout would have started: logged once per run.
    if (claim.delayMs > 0 && claim.attempts === rule.free) securityEvent(request, 'login-delayed', { scope, email, attempts: claim.attempts });
  }
  return {
    /** A success: the account starts afresh, the address gets this attempt back. */
    async succeeded() {
      await clearAttempts(db, account);
      await returnAttempt(db, addressKey(request.ip));
      await purgeThrottle(db, now);
    },
  };
}
