import type { FastifyInstance, FastifyRequest } from 'fastify';
import { canonicalPath } from './canonical-path';

/**
 * What a headset or an anonymous browser uses, served over plain HTTP too (a trainee's token is
 * bound to one pseudonymous code, and the headsets' own port is HTTPS anyway). Everything else
 * under /api/ is a trainer's, and so are the dashboard pages: new trainer routes are HTTPS-only
 * without being listed.
 */
const traineeApi = [/^\/api\/health$/, /^\/api\/sessions$/, /^\/api\/join$/, /^\/api\/trainee\//, /^\/api\/exam-attempts$/];

function isTrainerPath(method: string, path: string): boolean {
  if (path === '/dashboard' || path.startsWith('/dashboard/') || path === '/dashboard.html') return true;
  if (!path.startsWith('/api/')) return false;
  // Only the upload is the trainee's; reading sessions (GET /api/sessions) is the trainer's.
  if (path === '/api/sessions' && method !== 'POST') return true;
  return !traineeApi.some((r) => r.test(path));
}

/** Trainer's when any reading of it is: the raw path, its canonical form, or the route it matched. */
export function isTrainerRequest(method: string, url: string, route: string | undefined): boolean {
  const raw = url.split('?')[0] ?? '';
  // '/*' is the static files' catch-all: the file is judged by its (canonical) path instead.
  const matched = route !== undefined && route !== '/*' && isTrainerPath(method, route);
  return matched || isTrainerPath(method, raw) || isTrainerPath(method, canonicalPath(raw));
}

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6: the trainer is at the server's own keyboard. */
export function isLoopback(ip: string): boolean {
  return ip === '::1' || /^(::ffff:)?127\.\d+\.\d+\.\d+$/i.test(ip);
}

export interface HttpsOnlyOptions {
  /** The port of this process's HTTPS listener (known once it listens), or null when HTTPS_PORT is off. */
  httpsPort: () => number | null;
  /** Whether this request passed a proxy from TRUSTED_PROXIES (its scheme and host are then the proxy's). */
  viaTrustedProxy: (request: FastifyRequest) => boolean;
}

/**
 * The trainer's password and session cookie never cross the LAN in clear text: a trainer page or
 * route asked over plain HTTP from another computer is redirected to HTTPS (GET, HEAD) or refused
 * (anything that already carries a body). `request.protocol` and `request.ip` honour
 * `X-Forwarded-Proto` and `X-Forwarded-For` only from TRUSTED_PROXIES (Fastify's trustProxy).
 */
export function httpsOnlyTrainerRoutes(app: FastifyInstance, opts: HttpsOnlyOptions) {
  app.addHook('onRequest', async (request, reply) => {
    if (request.protocol === 'https' || isLoopback(request.ip)) return;
    const path = request.url.split('?')[0] ?? '';
    if (!isTrainerRequest(request.method, request.url, request.routeOptions.url)) return;
    const port = opts.httpsPort();
    const proxied = opts.viaTrustedProxy(request);
    // Behind a proxy the public HTTPS address is the proxy's default port, not this process's.
    const target = proxied ? `https://${request.host}${request.url}` : port !== null ? `https://${request.hostname || 'localhost'}:${port}${request.url}` : null;
    request.log.warn({ event: 'https-required', method: request.method, path, ip: request.ip, redirected: target !== null && (request.method === 'GET' || request.method === 'HEAD') }, 'trainer route asked over plain HTTP');
    if (target && (request.method === 'GET' || request.method === 'HEAD')) return reply.code(308).header('location', target).send();
    const where = target ? `use ${target.replace(request.url, '')}` : 'open it on the server itself (localhost) or turn the HTTPS port on (HTTPS_PORT)';
    return reply.code(403).send({ error: 'https-required', message: `trainer pages and routes are served over HTTPS only from other computers: ${where}` });
  });
}
