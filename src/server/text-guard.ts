import type { FastifyInstance } from 'fastify';
import { fieldPath } from './session-body';

/** Whether any string or key in a parsed JSON value holds a NUL character (no allocation on the way). */
function hasNul(value: unknown, depth: number): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  // JSON from the parser is a tree; the depth stop only guards against a pathological one.
  if (value === null || typeof value !== 'object' || depth > 64) return false;
  if (Array.isArray(value)) {
    for (const v of value) if (hasNul(v, depth + 1)) return true;
    return false;
  }
  for (const key in value) {
    if (key.includes('\u0000') || hasNul((value as Record<string, unknown>)[key], depth + 1)) return true;
  }
  return false;
}

/** The first string (or key) holding a NUL character, as a field path; null when there is none. */
export function nulPath(value: unknown, path: PropertyKey[] = [], depth = 0): string | null {
  // Every upload is scanned: the cheap check first, the path only for the rare body that has one.
  if (!hasNul(value, depth)) return null;
  if (typeof value === 'string') return fieldPath(path);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulPath(value[i], [...path, i], depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, v] of Object.entries(value as object)) {
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
