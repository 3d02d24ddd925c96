import { createHmac, hkdfSync } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sameSecret } from './trainer-sessions';

/**
 * A browser that has logged in to an account before carries this cookie (OWASP's "device cookie"):
 * its attempts are throttled in a bucket of their own, so an attacker's guesses from elsewhere slow
 * down the attacker, never the owner at their usual laptop. The value is an HMAC of the trainer id
 * under the server secret: it cannot be made without the secret and names nobody.
 */
export const knownDeviceCookie = '__Host-werkvloer-device';
const lifetimeS = 365 * 24 * 60 * 60;

export class KnownDevices {
  private readonly key: Buffer;

  constructor(serverSecret: Buffer) {
    this.key = Buffer.from(hkdfSync('sha256', serverSecret, Buffer.alloc(0), 'werkvloer known device', 32));
  }

  private mark(trainerId: string): string {
    return createHmac('sha256', this.key).update(trainerId).digest('base64url');
  }

  /** True when this browser logged in to this trainer's account before. */
  isKnown(request: FastifyRequest, trainerId: string | undefined): boolean {
    const value = request.cookies[knownDeviceCookie];
    return trainerId !== undefined && value !== undefined && sameSecret(value, this.mark(trainerId));
  }

  remember(reply: FastifyReply, trainerId: string): void {
    reply.setCookie(knownDeviceCookie, this.mark(trainerId), { path: '/', httpOnly: true, secure: true, sameSite: 'strict', maxAge: lifetimeS });
  }
}
