import type { FastifyReply } from 'fastify';
import type { ZodError } from 'zod';
import { fieldPath } from '../session-body';

/** 400 with every problem by field path, the same shape for every route (docs/api.md). */
export function invalidBody(reply: FastifyReply, error: ZodError) {
  const issues = error.issues.slice(0, 20).map((i) => ({ path: fieldPath(i.path), message: i.message }));
  return reply.code(400).send({ error: 'invalid-request', message: issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues });
}
