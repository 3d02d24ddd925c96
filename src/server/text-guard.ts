import type { FastifyInstance } from 'fastify';
import { fieldPath } from './session-body';

/** The first string (or key) holding a NUL character, as a field path; null when there is none. */
export function nulPath(value: unknown, path: PropertyKey[] = [], depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? fieldPath(path) : null;
  // JSON from the parser is a tree; the depth stop only guards against a pathological one.
  if (value === null || typeof value !== 'object' || depth > 64) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulPath(value[i], [...path, i], depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, v] of Object.entries(value)) {
    if (key.includes('\u0000')) return fieldPath([...path, key.replaceAll('\u0000', '\\u0000')]);
    const found = nulPath(v, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * PostgreSQL cannot store the NUL character in text (SQLite can): refused for every route, before
 * any handler, so both engines answer the same clear 400 instead of one of them failing with a 500.
 */
export function refuseNulCharacters(app: FastifyInstance) {
  app.addHook('preValidation', async (request, reply) => {
    for (const [part, value] of [
      ['body', request.body],
      ['query', request.query],
      ['params', request.params],
    ] as const) {
      const path = nulPath(value);
      if (path) {
        const where = part === 'body' ? path : `${part} ${path}`;
        return reply.code(400).send({ error: 'invalid-request', message: `${where}: text must not contain the NUL character (\\u0000)`, issues: [{ path: where, message: 'must not contain the NUL character (\\u0000)' }] });
      }
    }
  });
}
