import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * The security event log (issue 18 item 5): one JSON line per event through Fastify's logger
 * (pino), `{"security":"login-failed",…}`, beside the request log. It names who, from where and
 * what, never a password, a token, a reset link, a TOTP seed or code, or a join code (docs/security-log.md).
 */
export type SecurityEventName =
  | 'login-succeeded'
  | 'login-failed'
  | 'login-throttled'
  | 'login-delayed'
  | 'login-organisation-asked'
  | 'second-factor-asked'
  | 'second-factor-failed'
  | 'second-factor-enabled'
  | 'second-factor-removed'
  | 'password-changed'
  | 'password-change-failed'
  | 'password-reset-issued'
  | 'password-reset-used'
  | 'password-reset-refused'
  | 'logout'
  | 'csrf-refused'
  | 'permission-refused'
  | 'trainer-added'
  | 'trainer-removed'
  | 'organisation-changed'
  | 'trainee-erased'
  | 'trainee-exported'
  | 'trainee-token-revoked'
  | 'results-exported';

export function securityEvent(request: FastifyRequest, event: SecurityEventName, fields: Record<string, string | number | boolean | null | undefined> = {}): void {
  const actor = request.trainerSession?.trainer;
  request.log.info(
    { security: event, ip: request.ip, ...(actor ? { trainerId: actor.id, organisationId: actor.organisationId } : {}), ...fields },
    `security: ${event}`,
  );
}

type Audited = { event: SecurityEventName; target?: 'params-id' | 'body-id' };

/**
 * Changes and reads that other routes make, logged when they succeeded (by method and route
 * pattern), so those routes need not know about this log; refusals (403) are logged for every route.
 */
const audited: Record<string, Audited> = {
  'POST /api/trainers': { event: 'trainer-added', target: 'body-id' },
  'DELETE /api/trainers/:id': { event: 'trainer-removed', target: 'params-id' },
  'PUT /api/organisation': { event: 'organisation-changed' },
  // Where the organisation's results are forwarded to (an external LRS), and its credentials: never the secret.
  'PUT /api/organisation/lrs': { event: 'organisation-changed' },
  'DELETE /api/organisation/lrs': { event: 'organisation-changed' },
  'POST /api/trainees/:id/headsets/:headset/revoke': { event: 'trainee-token-revoked', target: 'params-id' },
  'DELETE /api/trainees/:id': { event: 'trainee-erased', target: 'params-id' },
  'GET /api/trainees/:id/export': { event: 'trainee-exported', target: 'params-id' },
};

function errorCode(payload: unknown): string | undefined {
  if (typeof payload !== 'string' || payload.length > 4096) return undefined;
  try {
    const parsed = JSON.parse(payload) as { error?: unknown };
    return typeof parsed.error === 'string' ? parsed.error : undefined;
  } catch {
    return undefined;
  }
}

/** Registers the audit hook; call before the routes it watches are added. */
export function securityAudit(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const route = request.routeOptions.url;
    if (!route) return payload;
    const status = reply.statusCode;
    if (status === 403) {
      const error = errorCode(payload);
      securityEvent(request, error === 'csrf-token-invalid' ? 'csrf-refused' : 'permission-refused', { method: request.method, route, error });
      return payload;
    }
    if (status < 200 || status >= 300) return payload;
    const params = request.params as { id?: unknown } | undefined;
    const id = typeof params?.id === 'string' ? params.id : undefined;
    if (request.method === 'GET' && route.startsWith('/api/dashboard/export')) {
      securityEvent(request, 'results-exported', { route, query: new URLSearchParams((request.query ?? {}) as Record<string, string>).toString() });
      return payload;
    }
    const entry = audited[`${request.method} ${route}`];
    if (!entry) return payload;
    let target: string | undefined = entry.target === 'params-id' ? id : undefined;
    if (entry.target === 'body-id' && typeof payload === 'string') {
      try {
        target = String((JSON.parse(payload) as { id?: unknown }).id ?? '');
      } catch {
        target = undefined;
      }
    }
    securityEvent(request, entry.event, { method: request.method, route, target });
    return payload;
  });
}
