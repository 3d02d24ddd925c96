import helmet, { type HelmetOptions } from 'helmet';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** The CSP: everything from this server, nothing from any other host (DESIGN.md principle 7). */
const contentSecurityPolicy = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    // WebAssembly decoders (Draco/Basis for models) compile with wasm-unsafe-eval, never with eval.
    scriptSrc: ["'self'", 'blob:', "'wasm-unsafe-eval'"],
    // troika builds its text in a worker made from a blob URL.
    workerSrc: ["'self'", 'blob:'],
    // three.js loaders turn textures into blob:/data: images.
    imgSrc: ["'self'", 'data:', 'blob:'],
    connectSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    // React and drei set style attributes; no style sheet comes from elsewhere.
    styleSrc: ["'self'", "'unsafe-inline'"],
    mediaSrc: ["'self'", 'data:', 'blob:'],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

/**
 * One helmet configuration for every answer: `securityHeaders`' hook for routed requests, and
 * `withSecurityHeaders` for the answers Fastify gives before any hook runs (a malformed URL).
 * HSTS on a LAN IP would force https on every port of that address, including plain http://…:8080.
 */
export const securityHeaderOptions = { contentSecurityPolicy, strictTransportSecurity: false } satisfies HelmetOptions;

const setHeaders = helmet(securityHeaderOptions);

/**
 * The headers on every routed answer, from the one middleware built above. @fastify/helmet built a
 * new helmet middleware for every request (its CSP directives parsed again each time): a share of
 * the request thread's time per upload, for the very same headers.
 */
export function securityHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', (request, reply, done) => setHeaders(request.raw, reply.raw, (error?: unknown) => done(error === undefined ? undefined : error instanceof Error ? error : new Error(String(error)))));
}

/** Sets the same headers on a reply that no hook saw (Fastify's frameworkErrors). */
export function withSecurityHeaders(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  return new Promise((resolve, reject) => setHeaders(request.raw, reply.raw, (error?: unknown) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve())));
}
