import type { FastifyInstance } from 'fastify';
import { canonicalPath } from './canonical-path';

/**
 * `Cache-Control: no-store` on every API answer. Sessions, exports, `auth/me` and login answers
 * carry personal data; a shared workshop PC's browser cache or a proxy must keep none of it. Every
 * `/api/` answer gets it (errors too), so a new route cannot forget it. The live feed (SSE) writes
 * its own header, no-store as well (routes/dashboard-sessions.ts).
 */
export function noStoreForApi(app: FastifyInstance) {
  app.addHook('onSend', async (request, reply, payload) => {
    // However the path is spelled (`/%61pi/…` reaches the same routes), and whatever route answered.
    const api = request.url.startsWith('/api/') || request.routeOptions.url?.startsWith('/api/') === true || canonicalPath(request.url.split('?')[0] ?? '').startsWith('/api/');
    if (api) void reply.header('cache-control', 'no-store');
    return payload;
  });
}
